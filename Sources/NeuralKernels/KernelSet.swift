/// The loops of one per-sample SGD step (`TrainingEngine.sgdSample`), compiled for one instruction set.
/// Every set computes the same bits (one rounding per multiply-add, the same sums in the same order,
/// the same exp), so training gives byte-identical results whichever set a machine runs:
/// `PortableKernels` on any processor, `FusedKernels` (module NeuralKernelsFused) where the processor
/// has AVX2 and FMA, `WideKernels` (NeuralKernelsWide) where it has AVX-512. `KernelChoice.fastest` picks.
public protocol KernelSet {
    /// The forward pass of one layer for one sample: z = b + Σ x[k]·W[k, ·] over the inputs listed in
    /// idx[0..<count] (the others are 0), or over inputs 0..<count when idx is nil (b = 0 when nil),
    /// the sum in two chains, each multiply-add rounded once; then a = σ(z) or tanh(z) (`other`: a is
    /// the caller's to compute).
    static func forwardLayer(_ x: UnsafePointer<Double>, _ idx: UnsafePointer<Int>?, _ count: Int, _ w: UnsafePointer<Double>,
                             _ b: UnsafePointer<Double>?, _ nout: Int, _ z: UnsafeMutablePointer<Double>,
                             _ a: UnsafeMutablePointer<Double>, _ f: RowActivation)
    /// BP2 + BP4 for a layer above the first: prev[k] = W[k, ·]·δ with the old weights (times
    /// σ′ = a[k](1 − a[k]) when `sigmoid`), then W[k, ·] −= (η·a[k])·δ for every row k; then b −= η·δ
    /// when b is given (one rounding each).
    static func backwardLayer(_ nin: Int, _ w: UnsafeMutablePointer<Double>, _ nout: Int, _ delta: UnsafePointer<Double>,
                              _ a: UnsafePointer<Double>, _ eta: Double, _ prev: UnsafeMutablePointer<Double>,
                              sigmoid: Bool, bias b: UnsafeMutablePointer<Double>?)
    /// The first layer's BP4 + update: W[k, ·] −= (η·x[k])·δ for the inputs listed in idx[0..<count];
    /// then b −= η·δ when b is given.
    static func firstLayerUpdate(_ idx: UnsafePointer<Int>, _ count: Int, _ x: UnsafePointer<Double>, _ eta: Double,
                                 _ delta: UnsafePointer<Double>, _ nout: Int, _ w: UnsafeMutablePointer<Double>,
                                 bias b: UnsafeMutablePointer<Double>?)
}

/// The kernels compiled for the baseline of the target (x86-64 with SSE2 only, or any arm64): a
/// multiply-add without an FMA instruction is the C library's correctly rounded fma, so on x86-64 this
/// set is slow (a digits epoch about 14 times slower than `WideKernels`; the whole course builds in
/// the same time) but gives the same bits. Each function calls a layer function of `RowKernels`, which
/// is `@_transparent` and so compiled here, for this module's instruction set; `FusedKernels` makes
/// the same calls in a module compiled for AVX2 and FMA, `WideKernels` asks for the eight-lane loops.
public enum PortableKernels: KernelSet {
    @inline(never) @_semantics("optimize.no.crossmodule")
    public static func forwardLayer(_ x: UnsafePointer<Double>, _ idx: UnsafePointer<Int>?, _ count: Int, _ w: UnsafePointer<Double>,
                                    _ b: UnsafePointer<Double>?, _ nout: Int, _ z: UnsafeMutablePointer<Double>,
                                    _ a: UnsafeMutablePointer<Double>, _ f: RowActivation) {
        RowKernels.forwardLayer(OneRounding.self, wide: false, x, idx, count, w, b, nout, z, a, f)
    }
    @inline(never) @_semantics("optimize.no.crossmodule")
    public static func backwardLayer(_ nin: Int, _ w: UnsafeMutablePointer<Double>, _ nout: Int, _ delta: UnsafePointer<Double>,
                                     _ a: UnsafePointer<Double>, _ eta: Double, _ prev: UnsafeMutablePointer<Double>,
                                     sigmoid: Bool, bias b: UnsafeMutablePointer<Double>?) {
        RowKernels.backwardLayer(OneRounding.self, wide: false, nin, w, nout, delta, a, eta, prev, sigmoid: sigmoid, bias: b)
    }
    @inline(never) @_semantics("optimize.no.crossmodule")
    public static func firstLayerUpdate(_ idx: UnsafePointer<Int>, _ count: Int, _ x: UnsafePointer<Double>, _ eta: Double,
                                        _ delta: UnsafePointer<Double>, _ nout: Int, _ w: UnsafeMutablePointer<Double>,
                                        bias b: UnsafeMutablePointer<Double>?) {
        RowKernels.firstLayerUpdate(OneRounding.self, wide: false, idx, count, x, eta, delta, nout, w, bias: b)
    }
}
