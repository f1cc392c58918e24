/// The per-sample loops of `RowKernels` eight lanes at a time, for processors with 512-bit vectors
/// (`WideKernels`). Every value gets the same operations in the same order as in the four-lane
/// loops (each column's multiply-adds in input order; a dot product's partial sums combined in the
/// same tree), so both give the same bits; columns left over go through the four-lane loops.
extension RowKernels {
    /// `sparseOuterUpdate` with δ held in registers 32 columns at a time (then 16, 8).
    @inlinable @inline(__always)
    public static func sparseOuterUpdate8<R: Rounding>(_: R.Type, _ idx: UnsafePointer<Int>, _ count: Int, _ x: UnsafePointer<Double>,
                                                       _ a: Double, _ delta: UnsafePointer<Double>, _ nout: Int,
                                                       _ w: UnsafeMutablePointer<Double>) {
        var j = 0
        while j &+ 32 <= nout {
            outerBlock(R.self, SIMD8<Double>.self, vectors: 4, idx, count, x, a, delta + j, nout, w + j)
            j &+= 32
        }
        if j &+ 16 <= nout {
            outerBlock(R.self, SIMD8<Double>.self, vectors: 2, idx, count, x, a, delta + j, nout, w + j)
            j &+= 16
        }
        if j &+ 8 <= nout {
            outerBlock(R.self, SIMD8<Double>.self, vectors: 1, idx, count, x, a, delta + j, nout, w + j)
            j &+= 8
        }
        if j < nout { sparseOuterUpdate(R.self, idx, count, x, a, delta + j, nout &- j, w + j, stride: nout) }
    }

    /// `dotThenUpdateRows` eight lanes at a time where its sums allow it: 16 columns (the four-lane
    /// loop's (w₀δ₀ + w₂δ₂) + (w₁δ₁ + w₃δ₃) is here [w₀|w₁]·[δ₀|δ₁] + [w₂|w₃]·[δ₂|δ₃], halves then
    /// added) and more than 16 (its two running sums are the halves of one); other widths as before.
    @inlinable @inline(__always)
    public static func dotThenUpdateRows8<R: Rounding>(_: R.Type, _ nin: Int, _ w: UnsafeMutablePointer<Double>, _ nout: Int,
                                                       _ delta: UnsafePointer<Double>, _ a: UnsafePointer<Double>, _ eta: Double,
                                                       _ prev: UnsafeMutablePointer<Double>, sigmoid: Bool) {
        if nout > 16 {
            for k in 0..<nin { prev[k] = sigmoidPrime(dotThenAxpy8(R.self, nout, w + k &* nout, delta, eta * a[k]), a[k], sigmoid) }
            return
        }
        guard nout == 16 else { return dotThenUpdateRows(R.self, nin, w, nout, delta, a, eta, prev, sigmoid: sigmoid) }
        let dLow = SIMD8<Double>.load(delta), dHigh = SIMD8<Double>.load(delta + 8)
        for k in 0..<nin {
            let row = w + k &* 16
            let cc = SIMD8<Double>(repeating: -(eta * a[k]))
            let wLow = SIMD8<Double>.load(row), wHigh = SIMD8<Double>.load(row + 8)
            let sums = R.multiplyAdd(wLow * dLow, wHigh, dHigh)
            prev[k] = sigmoidPrime(hsum(sums.lowHalf + sums.highHalf), a[k], sigmoid)
            R.multiplyAdd(wLow, cc, dLow).store(row)
            R.multiplyAdd(wHigh, cc, dHigh).store(row + 8)
        }
    }

    /// `dotThenAxpy` with its two four-lane running sums as the halves of one eight-lane sum.
    @inlinable @inline(__always)
    public static func dotThenAxpy8<R: Rounding>(_: R.Type, _ n: Int, _ row: UnsafeMutablePointer<Double>,
                                                 _ delta: UnsafePointer<Double>, _ c: Double) -> Double {
        var sums = SIMD8<Double>(repeating: 0)
        let cc = SIMD8<Double>(repeating: -c)
        var j = 0
        while j + 8 <= n {
            let w0 = SIMD8<Double>.load(row + j), d0 = SIMD8<Double>.load(delta + j)
            sums = R.multiplyAdd(sums, w0, d0)
            R.multiplyAdd(w0, cc, d0).store(row + j)
            j += 8
        }
        var s = hsum(sums.lowHalf + sums.highHalf)
        while j < n {
            s = R.multiplyAdd(s, row[j], delta[j])
            row[j] = R.multiplyAdd(row[j], -c, delta[j])
            j += 1
        }
        return s
    }
}
