/// e^x on two or four lanes at once, in plain IEEE arithmetic (no C library, no fused multiply-add), so it
/// gives the same bits on every machine and a loop over a row's values runs as vector instructions.
/// Sigmoid, softmax and the training engine all use it, so `Network.forward` and the trainer compute
/// the same activations.
///
/// Method (Cody–Waite, Tang): x = k·ln 2 + r with k = round(x·log₂e) and |r| ≤ ln 2 / 2, where
/// r = (x − k·ln2ₕᵢ) − k·ln2ₗₒ (ln2ₕᵢ has 32 significant bits, so k·ln2ₕᵢ and the first subtraction
/// are exact); e^r = 1 + (r + r²·q(r)) with q the Taylor polynomial ½ + r/3! + … + r¹¹/13!
/// (truncation below 5·10⁻¹⁸, its even and odd halves by Horner's rule in r²); then e^x = (e^r·2^⌊k/2⌋)·2^(k−⌊k/2⌋),
/// two normal powers of two, so the only rounding after the polynomial is the last product, and
/// results in the subnormal range round once, as they should.
/// Measured against the C library's exp (itself within 0.5 ulp): at most 1 ulp apart
/// (`VectorMathTests`). Special values as exp: exp(+∞) = +∞, exp(−∞) = 0, exp(NaN) = NaN,
/// overflow to +∞ above 709.78, gradual underflow to 0 below −745.13.
@usableFromInline
enum VectorMath {
    @inlinable @inline(__always)
    static func exp<V: SIMD>(_ x: V) -> V where V.Scalar == Double {
        // |x| < 708 (nearly always): the result is a normal number and 2^k one factor. Otherwise
        // (also ±∞ and NaN, whose comparisons are false) the out-of-line path clamps first.
        if all((x .> -708) .& (x .< 708)) { return expCore(x, wide: false) }
        return expWide(x)
    }

    /// e^x for lanes anywhere: outside [−746, 710] the result is already 0 or +∞, and clamping keeps k
    /// in the exponent's range (comparisons with NaN are false, so NaN lanes pass and come out NaN).
    @inlinable @inline(never)
    static func expWide<V: SIMD>(_ x: V) -> V where V.Scalar == Double {
        let xl = x.replacing(with: -746, where: x .< -746)
        return expCore(xl.replacing(with: 710, where: xl .> 710), wide: true)
    }

    /// e^x for x in [−746, 710]; with `wide` false only for |x| < 708, where both ways give the same bits.
    @inlinable @inline(__always)
    static func expCore<V: SIMD>(_ xc: V, wide: Bool) -> V where V.Scalar == Double {
        let shifter = V(repeating: 6755399441055744.0)             // 1.5·2⁵²: adding it rounds to an integer
        let t = xc * 1.4426950408889634 + shifter                  // k + shifter, k = round(x·log₂e)
        let k = t - shifter
        let r = (xc - k * 6.93147180369123816490e-01) - k * 1.90821492927058770002e-10
        // q(r) = Σ rⁱ/(i+2)! for i ≤ 11, as its even and odd parts in r² (two short Horner chains).
        let r2 = r * r
        var qe = r2 * (1.0 / 479001600) + 1.0 / 3628800           // 1/12!, 1/10!
        qe = qe * r2 + 1.0 / 40320
        qe = qe * r2 + 1.0 / 720
        qe = qe * r2 + 1.0 / 24
        qe = qe * r2 + 1.0 / 2
        var qo = r2 * (1.0 / 6227020800) + 1.0 / 39916800          // 1/13!, 1/11!
        qo = qo * r2 + 1.0 / 362880
        qo = qo * r2 + 1.0 / 5040
        qo = qo * r2 + 1.0 / 120
        qo = qo * r2 + 1.0 / 6
        let q = qe + r * qo
        let p = 1 + (r + r2 * q)
        // k as an integer (the low bits of t), and 2^k built in the exponent field: as one factor when
        // |k| ≤ 1022, else as 2^⌊k/2⌋·2^(k−⌊k/2⌋), two normal factors, so that only the last product rounds.
        let ki = unsafeBitCast(t, to: V.MaskStorage.self) &- 0x4338_0000_0000_0000
        guard wide else { return p * unsafeBitCast((ki &+ 1023) &<< 52, to: V.self) }
        let k1 = ki &>> 1, k2 = ki &- k1
        let f1 = unsafeBitCast((k1 &+ 1023) &<< 52, to: V.self)
        let f2 = unsafeBitCast((k2 &+ 1023) &<< 52, to: V.self)
        return (p * f1) * f2
    }

    /// e^x for one number: the lane routine on two lanes, so the same bits as in a row.
    @inlinable @inline(__always)
    static func exp(_ x: Double) -> Double {
        exp(SIMD2<Double>(repeating: x))[0]
    }

    /// σ(z) = 1 / (1 + e^(−z)) (0 for z below about −709.78, where e^(−z) overflows; the true value
    /// there is under 10⁻³⁰⁸); the same bits as a lane of `Sigmoid`.
    @inlinable @inline(__always)
    static func sigmoid(_ z: Double) -> Double {
        1 / (1 + exp(-z))
    }

    /// out[i] = F(x[i]) for i < n (x and out may be the same buffer): four lanes at a time, then
    /// two, then one (as a two-lane group).
    @inlinable @inline(__always)
    static func map<F: LaneFunction>(_: F.Type, _ n: Int, _ x: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        var i = 0
        while i &+ 4 <= n {
            let v = F.apply(UnsafeRawPointer(x + i).loadUnaligned(as: SIMD4<Double>.self))
            UnsafeMutableRawPointer(out + i).storeBytes(of: v, as: SIMD4<Double>.self)
            i &+= 4
        }
        if i &+ 2 <= n {
            let v = F.apply(UnsafeRawPointer(x + i).loadUnaligned(as: SIMD2<Double>.self))
            UnsafeMutableRawPointer(out + i).storeBytes(of: v, as: SIMD2<Double>.self)
            i &+= 2
        }
        if i < n {
            out[i] = F.apply(SIMD2<Double>(x[i], 0))[0]
        }
    }

    /// e^x lane by lane.
    @usableFromInline enum Exp: LaneFunction {
        @inlinable @inline(__always)
        static func apply<V: SIMD>(_ x: V) -> V where V.Scalar == Double { VectorMath.exp(x) }
    }

    /// σ(z) = 1 / (1 + e^(−z)) lane by lane.
    @usableFromInline enum Sigmoid: LaneFunction {
        @inlinable @inline(__always)
        static func apply<V: SIMD>(_ z: V) -> V where V.Scalar == Double { 1 / (1 + VectorMath.exp(-z)) }
    }

    /// tanh z = 1 − 2/(e^{2z} + 1) lane by lane; |error| < 3e-16 (absolute).
    @usableFromInline enum Tanh: LaneFunction {
        @inlinable @inline(__always)
        static func apply<V: SIMD>(_ z: V) -> V where V.Scalar == Double { 1 - 2 / (VectorMath.exp(2 * z) + 1) }
    }
}

/// A function applied to every lane of a vector of doubles (for `VectorMath.map`).
@usableFromInline
protocol LaneFunction {
    static func apply<V: SIMD>(_ x: V) -> V where V.Scalar == Double
}
