/// How a kernel rounds acc + x·y: after the product and again after the sum (`TwoRoundings`, plain
/// IEEE arithmetic), or once (`OneRounding`, a fused multiply-add). Both are exactly specified, so
/// either gives the same bits on every machine; the kernels are generic over it so that one text
/// serves the batch path (two roundings, as `Matrix` and `Network.backward` compute) and the
/// per-sample path (one rounding, one instruction where the processor has it).
public protocol Rounding {
    static func multiplyAdd<V: SIMD>(_ acc: V, _ x: V, _ y: V) -> V where V.Scalar == Double
    static func multiplyAdd(_ acc: Double, _ x: Double, _ y: Double) -> Double
}

/// acc + x·y with two roundings.
public enum TwoRoundings: Rounding {
    @inlinable @inline(__always)
    public static func multiplyAdd<V: SIMD>(_ acc: V, _ x: V, _ y: V) -> V where V.Scalar == Double { acc + x * y }
    @inlinable @inline(__always)
    public static func multiplyAdd(_ acc: Double, _ x: Double, _ y: Double) -> Double { acc + x * y }
}

/// acc + x·y rounded once (IEEE 754 fusedMultiplyAdd): one instruction on processors with FMA
/// (x86-64 since 2013, every arm64), the C library's correctly rounded fma elsewhere.
public enum OneRounding: Rounding {
    @inlinable @inline(__always)
    public static func multiplyAdd<V: SIMD>(_ acc: V, _ x: V, _ y: V) -> V where V.Scalar == Double { acc.addingProduct(x, y) }
    @inlinable @inline(__always)
    public static func multiplyAdd(_ acc: Double, _ x: Double, _ y: Double) -> Double { acc.addingProduct(x, y) }
}
