/// z = b + x·W for per-sample SGD's forward pass, with the sum over the inputs kept in two chains: the
/// 1st, 3rd, 5th, … input into one accumulator (which starts from the bias b, or 0 without one), the
/// 2nd, 4th, … into another (from 0), and the two added at the end. A sum of one chain waits for each multiply-add before the
/// next (four cycles each), so with 30 or so inputs the forward pass was bound by that wait; two
/// chains halve it. Every column gets the same operations in the same order whatever the vector
/// width, so the four- and eight-lane kernel sets give the same bits.
extension RowKernels {
    /// Columns j..<j + vectors·V.scalarCount of z (vectors is 1, 2, 3 or 4).
    @inlinable @inline(__always)
    static func pairedBlock<R: Rounding, V: SIMD>(_: R.Type, _: V.Type, vectors: Int, _ count: Int, _ at: (Int) -> Int,
                                                         _ x: UnsafePointer<Double>, _ w: UnsafePointer<Double>, _ stride: Int,
                                                         _ b: UnsafePointer<Double>?, _ z: UnsafeMutablePointer<Double>)
    where V.Scalar == Double {
        let n = V.scalarCount, zero = V(repeating: 0)
        func start(_ i: Int) -> V { b.map { V.load($0 + i &* n) } ?? zero }
        var a0 = start(0), a1 = vectors > 1 ? start(1) : zero
        var a2 = vectors > 2 ? start(2) : zero, a3 = vectors > 3 ? start(3) : zero
        var b0 = zero, b1 = zero, b2 = zero, b3 = zero
        var t = 0
        while t &+ 2 <= count {
            let k = at(t), l = at(t &+ 1)
            let u = V(repeating: x[k]), v = V(repeating: x[l])
            let r = w + k &* stride, s = w + l &* stride
            a0 = R.multiplyAdd(a0, u, V.load(r))
            b0 = R.multiplyAdd(b0, v, V.load(s))
            if vectors > 1 { a1 = R.multiplyAdd(a1, u, V.load(r + n)); b1 = R.multiplyAdd(b1, v, V.load(s + n)) }
            if vectors > 2 { a2 = R.multiplyAdd(a2, u, V.load(r + 2 &* n)); b2 = R.multiplyAdd(b2, v, V.load(s + 2 &* n)) }
            if vectors > 3 { a3 = R.multiplyAdd(a3, u, V.load(r + 3 &* n)); b3 = R.multiplyAdd(b3, v, V.load(s + 3 &* n)) }
            t &+= 2
        }
        if t < count {
            let k = at(t)
            let u = V(repeating: x[k]), r = w + k &* stride
            a0 = R.multiplyAdd(a0, u, V.load(r))
            if vectors > 1 { a1 = R.multiplyAdd(a1, u, V.load(r + n)) }
            if vectors > 2 { a2 = R.multiplyAdd(a2, u, V.load(r + 2 &* n)) }
            if vectors > 3 { a3 = R.multiplyAdd(a3, u, V.load(r + 3 &* n)) }
        }
        (a0 + b0).store(z)
        if vectors > 1 { (a1 + b1).store(z + n) }
        if vectors > 2 { (a2 + b2).store(z + 2 &* n) }
        if vectors > 3 { (a3 + b3).store(z + 3 &* n) }
    }

    /// One column: the same two chains in scalars.
    @inlinable @inline(__always)
    static func pairedColumn<R: Rounding>(_: R.Type, _ count: Int, _ at: (Int) -> Int, _ x: UnsafePointer<Double>,
                                          _ w: UnsafePointer<Double>, _ stride: Int, _ bias: UnsafePointer<Double>?,
                                          _ z: UnsafeMutablePointer<Double>) {
        var a = bias?[0] ?? 0, b = 0.0
        var t = 0
        while t &+ 2 <= count {
            let k = at(t), l = at(t &+ 1)
            a = R.multiplyAdd(a, x[k], w[k &* stride])
            b = R.multiplyAdd(b, x[l], w[l &* stride])
            t &+= 2
        }
        if t < count {
            let k = at(t)
            a = R.multiplyAdd(a, x[k], w[k &* stride])
        }
        z[0] = a + b
    }

    /// z[0..<nout] = b + Σₜ x[at(t)]·W[at(t), ·] in two chains (b = 0 when nil), four lanes at a time
    /// (16, 8, 4, 2, 1 columns).
    @_transparent
    public static func accumulateRowsPaired<R: Rounding>(_: R.Type, _ count: Int, _ at: (Int) -> Int, _ x: UnsafePointer<Double>,
                                                         _ w: UnsafePointer<Double>, _ nout: Int, _ b: UnsafePointer<Double>?,
                                                         _ z: UnsafeMutablePointer<Double>) {
        var j = 0
        while j &+ 16 <= nout {
            pairedBlock(R.self, SIMD4<Double>.self, vectors: 4, count, at, x, w + j, nout, b.map { $0 + j }, z + j)
            j &+= 16
        }
        pairedTail(R.self, count, at, x, w, nout, b, z, from: j)
    }

    /// `accumulateRowsPaired` eight lanes at a time (32, 16, 8 columns, then as four lanes): the same bits.
    @_transparent
    public static func accumulateRowsPaired8<R: Rounding>(_: R.Type, _ count: Int, _ at: (Int) -> Int, _ x: UnsafePointer<Double>,
                                                          _ w: UnsafePointer<Double>, _ nout: Int, _ b: UnsafePointer<Double>?,
                                                         _ z: UnsafeMutablePointer<Double>) {
        var j = 0
        while j &+ 32 <= nout {
            pairedBlock(R.self, SIMD8<Double>.self, vectors: 4, count, at, x, w + j, nout, b.map { $0 + j }, z + j)
            j &+= 32
        }
        if j &+ 16 <= nout {
            pairedBlock(R.self, SIMD8<Double>.self, vectors: 2, count, at, x, w + j, nout, b.map { $0 + j }, z + j)
            j &+= 16
        }
        if j &+ 8 <= nout {
            pairedBlock(R.self, SIMD8<Double>.self, vectors: 1, count, at, x, w + j, nout, b.map { $0 + j }, z + j)
            j &+= 8
        }
        pairedTail(R.self, count, at, x, w, nout, b, z, from: j)
    }

    /// Columns from..<nout, fewer than 16: 8, 4, 2 and 1 at a time.
    @inlinable @inline(__always)
    static func pairedTail<R: Rounding>(_: R.Type, _ count: Int, _ at: (Int) -> Int, _ x: UnsafePointer<Double>,
                                        _ w: UnsafePointer<Double>, _ nout: Int, _ b: UnsafePointer<Double>?,
                                        _ z: UnsafeMutablePointer<Double>, from: Int) {
        var j = from
        if j &+ 8 <= nout {
            pairedBlock(R.self, SIMD4<Double>.self, vectors: 2, count, at, x, w + j, nout, b.map { $0 + j }, z + j)
            j &+= 8
        }
        if j &+ 4 <= nout {
            pairedBlock(R.self, SIMD4<Double>.self, vectors: 1, count, at, x, w + j, nout, b.map { $0 + j }, z + j)
            j &+= 4
        }
        if j &+ 2 <= nout {
            pairedBlock(R.self, SIMD2<Double>.self, vectors: 1, count, at, x, w + j, nout, b.map { $0 + j }, z + j)
            j &+= 2
        }
        if j < nout { pairedColumn(R.self, count, at, x, w + j, nout, b.map { $0 + j }, z + j) }
    }
}
