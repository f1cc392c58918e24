/// e^x, σ and tanh in plain IEEE arithmetic (no C library, no fused multiply-add), so they give the
/// same bits on every machine and in every kernel set (`KernelSet`). The functions are straight-line
/// code without branches, so that a loop over a row (`map`) is turned by the compiler into vector
/// instructions of whatever width the module is compiled for (two lanes for the baseline, four with
/// AVX2, eight with AVX-512), each lane computing exactly what the scalar function computes.
/// `Activation.sigmoid` and the trainer use the same function, so `Network.forward` and the trainer
/// agree to the bit.
///
/// Method (Cody–Waite, Tang): x = k·ln 2 + r with k = round(x·log₂e) and |r| ≤ ln 2 / 2, where
/// r = (x − k·ln2ₕᵢ) − k·ln2ₗₒ (ln2ₕᵢ has 32 significant bits, so k·ln2ₕᵢ and the first subtraction
/// are exact); e^r = 1 + (r + r²·q(r)) with q the Taylor polynomial ½ + r/3! + … + r¹¹/13!
/// (truncation below 5·10⁻¹⁸, its even and odd halves by Horner's rule in r²); then
/// e^x = (e^r·2^⌊k/2⌋)·2^(k−⌊k/2⌋), two normal powers of two, so the only rounding after the
/// polynomial is the last product (both products are exact while the result is a normal number),
/// and results in the subnormal range round once, as they should. x is first clamped to
/// [−746, 710], where e^x is already 0 or +∞ (NaN passes the clamp and comes out NaN).
/// Measured against the C library's exp (itself within 0.5 ulp): at most 1 ulp apart
/// (`VectorMathTests`). Special values as exp: exp(+∞) = +∞, exp(−∞) = 0, exp(NaN) = NaN,
/// overflow to +∞ above 709.78, gradual underflow to 0 below −745.13.
public enum VectorMath {
    @inlinable @inline(__always)
    public static func exp(_ x: Double) -> Double {
        let xl = x < -746 ? -746 : x                                // comparisons with NaN are false
        let xc = xl > 710 ? 710 : xl
        let shifter = 6755399441055744.0                            // 1.5·2⁵²: adding it rounds to an integer
        let t = xc * 1.4426950408889634 + shifter                   // k + shifter, k = round(x·log₂e)
        let k = t - shifter
        let r = (xc - k * 6.93147180369123816490e-01) - k * 1.90821492927058770002e-10
        // q(r) = Σ rⁱ/(i+2)! for i ≤ 11, as its even and odd parts in r² (two short Horner chains).
        let r2 = r * r
        var qe = r2 * (1.0 / 479001600) + 1.0 / 3628800            // 1/12!, 1/10!
        qe = qe * r2 + 1.0 / 40320
        qe = qe * r2 + 1.0 / 720
        qe = qe * r2 + 1.0 / 24
        qe = qe * r2 + 1.0 / 2
        var qo = r2 * (1.0 / 6227020800) + 1.0 / 39916800           // 1/13!, 1/11!
        qo = qo * r2 + 1.0 / 362880
        qo = qo * r2 + 1.0 / 5040
        qo = qo * r2 + 1.0 / 120
        qo = qo * r2 + 1.0 / 6
        let q = qe + r * qo
        let p = 1 + (r + r2 * q)
        // k as an integer (the low bits of t), and 2^⌊k/2⌋, 2^(k−⌊k/2⌋) built in the exponent field.
        let ki = Int64(bitPattern: t.bitPattern) &- 0x4338_0000_0000_0000
        let k1 = ki &>> 1, k2 = ki &- k1
        let f1 = Double(bitPattern: UInt64(bitPattern: (k1 &+ 1023) &<< 52))
        let f2 = Double(bitPattern: UInt64(bitPattern: (k2 &+ 1023) &<< 52))
        return (p * f1) * f2
    }

    /// σ(z) = 1 / (1 + e^(−z)) (0 for z below about −709.78, where e^(−z) overflows; the true value
    /// there is under 10⁻³⁰⁸).
    @inlinable @inline(__always)
    public static func sigmoid(_ z: Double) -> Double {
        1 / (1 + exp(-z))
    }

    /// tanh z = 1 − 2/(e^{2z} + 1); |error| < 3e-16 (absolute).
    @inlinable @inline(__always)
    public static func tanh(_ z: Double) -> Double {
        1 - 2 / (exp(2 * z) + 1)
    }

    /// out[i] = F(x[i]) for i < n (x and out may be the same buffer), as one loop the compiler
    /// vectorises.
    @inlinable @inline(__always)
    public static func map<F: RowFunction>(_: F.Type, _ n: Int, _ x: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        var i = 0
        while i < n {
            out[i] = F.apply(x[i])
            i &+= 1
        }
    }

    /// e^x element by element.
    public enum Exp: RowFunction {
        @inlinable @inline(__always)
        public static func apply(_ x: Double) -> Double { VectorMath.exp(x) }
    }

    /// σ(z) element by element.
    public enum Sigmoid: RowFunction {
        @inlinable @inline(__always)
        public static func apply(_ z: Double) -> Double { VectorMath.sigmoid(z) }
    }

    /// tanh z element by element.
    public enum Tanh: RowFunction {
        @inlinable @inline(__always)
        public static func apply(_ z: Double) -> Double { VectorMath.tanh(z) }
    }
}

/// A function applied to every element of a row (for `VectorMath.map`).
public protocol RowFunction {
    static func apply(_ x: Double) -> Double
}
