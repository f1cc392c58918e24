/// The loops of the per-sample training step over raw buffers: contiguous, no allocation, written so
/// the compiler turns them into vector instructions. Generic over `Rounding`, and `@inlinable`, so
/// that each `KernelSet` compiles them for its own instruction set.
public enum RowKernels {
    /// (v₀ + v₂) + (v₁ + v₃): the sum of a vector's lanes in a fixed order (two vector halves, then one add).
    @inlinable @inline(__always)
    public static func hsum(_ v: SIMD4<Double>) -> Double {
        let h = v.lowHalf + v.highHalf
        return h.x + h.y
    }

    /// Writes the indices k with x[k] ≠ 0 into `idx` and returns their count, without branches
    /// (half of a digit's pixels are 0, in no pattern a branch predictor could learn): the test is
    /// integer arithmetic on the bits, |x| ≠ 0 ⇔ (b | −b) has its top bit set, b = bits without the sign.
    /// Every index is stored before the test, so `idx` needs room for count + 1 entries (n suffices).
    @inlinable @inline(__always)
    public static func nonzeros(_ x: UnsafePointer<Double>, _ n: Int, _ idx: UnsafeMutablePointer<Int>) -> Int {
        var c = 0
        for k in 0..<n {
            idx[c] = k
            let b = x[k].bitPattern &<< 1
            c &+= Int(truncatingIfNeeded: (b | (0 &- b)) &>> 63)
        }
        return c
    }

    /// z[0..<nout] += Σₜ x[k]·W[k, ·] over k = at(0), …, at(count − 1) in that order (W is nin×nout,
    /// row-major), with z held in registers 16 columns at a time (then 8, 4, 2, 1).
    @inlinable @inline(__always)
    public static func accumulateRows<R: Rounding>(_: R.Type, _ count: Int, _ at: (Int) -> Int, _ x: UnsafePointer<Double>, _ w: UnsafePointer<Double>,
                                                   _ nout: Int, _ z: UnsafeMutablePointer<Double>) {
        var j = 0
        while j &+ 16 <= nout {
            var a0 = SIMD4<Double>.load(z + j), a1 = SIMD4<Double>.load(z + j + 4), a2 = SIMD4<Double>.load(z + j + 8), a3 = SIMD4<Double>.load(z + j + 12)
            for t in 0..<count {
                let k = at(t)
                let vv = SIMD4<Double>(repeating: x[k]), r = w + (k &* nout &+ j)
                a0 = R.multiplyAdd(a0, vv, SIMD4<Double>.load(r))
                a1 = R.multiplyAdd(a1, vv, SIMD4<Double>.load(r + 4))
                a2 = R.multiplyAdd(a2, vv, SIMD4<Double>.load(r + 8))
                a3 = R.multiplyAdd(a3, vv, SIMD4<Double>.load(r + 12))
            }
            a0.store(z + j); a1.store(z + j + 4); a2.store(z + j + 8); a3.store(z + j + 12)
            j &+= 16
        }
        if j &+ 8 <= nout {
            var a0 = SIMD4<Double>.load(z + j), a1 = SIMD4<Double>.load(z + j + 4)
            for t in 0..<count {
                let k = at(t)
                let vv = SIMD4<Double>(repeating: x[k]), r = w + (k &* nout &+ j)
                a0 = R.multiplyAdd(a0, vv, SIMD4<Double>.load(r))
                a1 = R.multiplyAdd(a1, vv, SIMD4<Double>.load(r + 4))
            }
            a0.store(z + j); a1.store(z + j + 4)
            j &+= 8
        }
        if j &+ 4 <= nout {
            var a0 = SIMD4<Double>.load(z + j)
            for t in 0..<count {
                let k = at(t)
                a0 = R.multiplyAdd(a0, SIMD4<Double>(repeating: x[k]), SIMD4<Double>.load(w + (k &* nout &+ j)))
            }
            a0.store(z + j)
            j &+= 4
        }
        if j &+ 2 <= nout {
            var a0 = SIMD2<Double>.load(z + j)
            for t in 0..<count {
                let k = at(t)
                a0 = R.multiplyAdd(a0, SIMD2<Double>(repeating: x[k]), SIMD2<Double>.load(w + (k &* nout &+ j)))
            }
            a0.store(z + j)
            j &+= 2
        }
        if j < nout {
            var a = z[j]
            for t in 0..<count {
                let k = at(t)
                a = R.multiplyAdd(a, x[k], w[k &* nout &+ j])
            }
            z[j] = a
        }
    }

    /// Returns row·δ (over n values) and then sets row ← row − c·δ, in one pass (the fused BP2 + BP4
    /// of per-sample SGD: the dot product sees the old weights).
    @inlinable @inline(__always)
    public static func dotThenAxpy<R: Rounding>(_: R.Type, _ n: Int, _ row: UnsafeMutablePointer<Double>, _ delta: UnsafePointer<Double>, _ c: Double) -> Double {
        var s0 = SIMD4<Double>(repeating: 0), s1 = SIMD4<Double>(repeating: 0)
        let cc = SIMD4<Double>(repeating: c)
        var j = 0
        while j + 8 <= n {
            let w0 = SIMD4<Double>.load(row + j), w1 = SIMD4<Double>.load(row + j + 4), d0 = SIMD4<Double>.load(delta + j), d1 = SIMD4<Double>.load(delta + j + 4)
            s0 = R.multiplyAdd(s0, w0, d0)
            s1 = R.multiplyAdd(s1, w1, d1)
            R.multiplyAdd(w0, -cc, d0).store(row + j)
            R.multiplyAdd(w1, -cc, d1).store(row + j + 4)
            j += 8
        }
        var s = hsum(s0 + s1)
        while j < n {
            s = R.multiplyAdd(s, row[j], delta[j])
            row[j] = R.multiplyAdd(row[j], -c, delta[j])
            j += 1
        }
        return s
    }

    /// W[k, ·] += (a·x[k])·δ for k = idx[0], …, idx[count − 1] (W is nin×nout, row-major): the first
    /// layer's update of per-sample SGD (a = −η) over the nonzero inputs, δ held in registers 16
    /// columns at a time (then 8, 4, 2, 1). Each weight gets one multiply-add, rounded as R rounds.
    @inlinable @inline(__always)
    public static func sparseOuterUpdate<R: Rounding>(_: R.Type, _ idx: UnsafePointer<Int>, _ count: Int, _ x: UnsafePointer<Double>, _ a: Double,
                                                      _ delta: UnsafePointer<Double>, _ nout: Int, _ w: UnsafeMutablePointer<Double>,
                                                      stride: Int? = nil) {
        let stride = stride ?? nout
        var j = 0
        while j &+ 16 <= nout {
            outerBlock(R.self, SIMD4<Double>.self, vectors: 4, idx, count, x, a, delta + j, stride, w + j)
            j &+= 16
        }
        if j &+ 8 <= nout {
            outerBlock(R.self, SIMD4<Double>.self, vectors: 2, idx, count, x, a, delta + j, stride, w + j)
            j &+= 8
        }
        if j &+ 4 <= nout {
            outerBlock(R.self, SIMD4<Double>.self, vectors: 1, idx, count, x, a, delta + j, stride, w + j)
            j &+= 4
        }
        if j &+ 2 <= nout {
            outerBlock(R.self, SIMD2<Double>.self, vectors: 1, idx, count, x, a, delta + j, stride, w + j)
            j &+= 2
        }
        if j < nout {
            let d0 = delta[j]
            for t in 0..<count {
                let k = idx[t]
                w[k &* stride &+ j] = R.multiplyAdd(w[k &* stride &+ j], a * x[k], d0)
            }
        }
    }

    /// Columns 0..<vectors·V.scalarCount of the rows listed in idx (vectors is 1, 2, 3 or 4; w and δ
    /// start at the block's first column): W[k, ·] += (a·x[k])·δ with δ held in registers.
    @inlinable @inline(__always)
    static func outerBlock<R: Rounding, V: SIMD>(_: R.Type, _: V.Type, vectors: Int, _ idx: UnsafePointer<Int>, _ count: Int,
                                                 _ x: UnsafePointer<Double>, _ a: Double, _ delta: UnsafePointer<Double>,
                                                 _ stride: Int, _ w: UnsafeMutablePointer<Double>) where V.Scalar == Double {
        let n = V.scalarCount, zero = V(repeating: 0)
        let d0 = V.load(delta), d1 = vectors > 1 ? V.load(delta + n) : zero
        let d2 = vectors > 2 ? V.load(delta + 2 &* n) : zero, d3 = vectors > 3 ? V.load(delta + 3 &* n) : zero
        for t in 0..<count {
            let k = idx[t]
            let c = V(repeating: a * x[k]), r = w + k &* stride
            R.multiplyAdd(V.load(r), c, d0).store(r)
            if vectors > 1 { R.multiplyAdd(V.load(r + n), c, d1).store(r + n) }
            if vectors > 2 { R.multiplyAdd(V.load(r + 2 &* n), c, d2).store(r + 2 &* n) }
            if vectors > 3 { R.multiplyAdd(V.load(r + 3 &* n), c, d3).store(r + 3 &* n) }
        }
    }

    /// δ⁽ˡ⁻¹⁾ₖ from the sum s = W[k, ·]·δ: s·σ′ = s·(a(1 − a)) when the layer below is a sigmoid layer
    /// (the same product as `Kernels.multiplyDerivative`), else s (its derivative is applied after).
    @inlinable @inline(__always)
    public static func sigmoidPrime(_ s: Double, _ a: Double, _ sigmoid: Bool) -> Double {
        sigmoid ? s * (a * (1 - a)) : s
    }

    /// The fused BP2 + BP4 of per-sample SGD over a whole layer: for every row k of W (nin×nout),
    /// prev[k] = W[k, ·]·δ with the old weights (times σ′ when `sigmoid`), then
    /// W[k, ·] ← W[k, ·] − (η·a[k])·δ. Same sums and
    /// roundings as `dotThenAxpy` row by row; when nout ≤ 16 the δ stays in registers.
    @inlinable @inline(__always)
    public static func dotThenUpdateRows<R: Rounding>(_: R.Type, _ nin: Int, _ w: UnsafeMutablePointer<Double>, _ nout: Int, _ delta: UnsafePointer<Double>,
                                  _ a: UnsafePointer<Double>, _ eta: Double, _ prev: UnsafeMutablePointer<Double>,
                                                      sigmoid: Bool) {
        guard nout <= 16 else {
            for k in 0..<nin { prev[k] = sigmoidPrime(dotThenAxpy(R.self, nout, w + k &* nout, delta, eta * a[k]), a[k], sigmoid) }
            return
        }
        let blocks = nout &>> 3                     // 0, 1 or 2 blocks of 8 columns
        let zero = SIMD4<Double>(repeating: 0)
        let d0 = blocks >= 1 ? SIMD4<Double>.load(delta) : zero, d1 = blocks >= 1 ? SIMD4<Double>.load(delta + 4) : zero
        let d2 = blocks >= 2 ? SIMD4<Double>.load(delta + 8) : zero, d3 = blocks >= 2 ? SIMD4<Double>.load(delta + 12) : zero
        let tail = blocks &<< 3
        for k in 0..<nin {
            let row = w + k &* nout
            let c = eta * a[k], cc = SIMD4<Double>(repeating: c)
            var s = 0.0
            if blocks == 2 {
                let w0 = SIMD4<Double>.load(row), w1 = SIMD4<Double>.load(row + 4), w2 = SIMD4<Double>.load(row + 8), w3 = SIMD4<Double>.load(row + 12)
                s = hsum(R.multiplyAdd(w0 * d0, w2, d2) + R.multiplyAdd(w1 * d1, w3, d3))
                R.multiplyAdd(w0, -cc, d0).store(row); R.multiplyAdd(w1, -cc, d1).store(row + 4)
                R.multiplyAdd(w2, -cc, d2).store(row + 8); R.multiplyAdd(w3, -cc, d3).store(row + 12)
            } else if blocks == 1 {
                let w0 = SIMD4<Double>.load(row), w1 = SIMD4<Double>.load(row + 4)
                s = hsum(R.multiplyAdd(w0 * d0, w1, d1))
                R.multiplyAdd(w0, -cc, d0).store(row); R.multiplyAdd(w1, -cc, d1).store(row + 4)
            }
            var j = tail
            while j < nout {
                s = R.multiplyAdd(s, row[j], delta[j])
                row[j] = R.multiplyAdd(row[j], -c, delta[j])
                j &+= 1
            }
            prev[k] = sigmoidPrime(s, a[k], sigmoid)
        }
    }

    /// b[0..<n] −= η·δ, one rounding each (per-sample SGD's bias step).
    @inlinable @inline(__always)
    public static func biasStep(_ n: Int, _ eta: Double, _ delta: UnsafePointer<Double>, _ b: UnsafeMutablePointer<Double>) {
        for j in 0..<n { b[j] = OneRounding.multiplyAdd(b[j], -eta, delta[j]) }
    }
}

/// A vector of doubles loaded from or stored to memory that need not be aligned (the kernels' rows).
extension SIMD where Scalar == Double {
    @inlinable @inline(__always)
    public static func load(_ p: UnsafePointer<Double>) -> Self { UnsafeRawPointer(p).loadUnaligned(as: Self.self) }
    @inlinable @inline(__always)
    public func store(_ p: UnsafeMutablePointer<Double>) { UnsafeMutableRawPointer(p).storeBytes(of: self, as: Self.self) }
}
