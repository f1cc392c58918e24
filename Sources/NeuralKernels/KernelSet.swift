/// The loops of one per-sample SGD step (`TrainingEngine.sgdSample`), compiled for one instruction set.
/// Every set computes the same bits (one rounding per multiply-add, the same sums in the same order,
/// the same exp), so training gives byte-identical results whichever set a machine runs:
/// `PortableKernels` on any processor, `FusedKernels` (module NeuralKernelsFused) where the processor
/// has AVX2 and FMA, `WideKernels` (NeuralKernelsWide) where it has AVX-512. `KernelChoice.fastest` picks.
public protocol KernelSet {
    /// z[0..<nout] += Σ x[k]·W[k, ·] over the inputs listed in idx[0..<count] (the others are 0).
    static func sparseRowTimesMatrix(_ x: UnsafePointer<Double>, _ idx: UnsafePointer<Int>, _ count: Int,
                                     _ w: UnsafePointer<Double>, _ nout: Int, _ z: UnsafeMutablePointer<Double>)
    /// z[0..<nout] += x[0..<nin]·W over every input (activations, which are rarely exactly 0).
    static func denseRowTimesMatrix(_ x: UnsafePointer<Double>, _ nin: Int, _ w: UnsafePointer<Double>, _ nout: Int,
                                    _ z: UnsafeMutablePointer<Double>)
    /// W[k, ·] += (a·x[k])·δ for the inputs listed in idx[0..<count] (the first layer's BP4 + update).
    static func sparseOuterUpdate(_ idx: UnsafePointer<Int>, _ count: Int, _ x: UnsafePointer<Double>, _ a: Double,
                                  _ delta: UnsafePointer<Double>, _ nout: Int, _ w: UnsafeMutablePointer<Double>)
    /// prev[k] = W[k, ·]·δ with the old weights (times σ′ = a[k](1 − a[k]) when `sigmoid`), then
    /// W[k, ·] −= (η·a[k])·δ, for every row k (BP2 + BP4).
    static func dotThenUpdateRows(_ nin: Int, _ w: UnsafeMutablePointer<Double>, _ nout: Int, _ delta: UnsafePointer<Double>,
                                  _ a: UnsafePointer<Double>, _ eta: Double, _ prev: UnsafeMutablePointer<Double>,
                                         sigmoid: Bool)
    /// b[0..<n] −= η·δ (the bias step, one rounding each).
    static func biasStep(_ n: Int, _ eta: Double, _ delta: UnsafePointer<Double>, _ b: UnsafeMutablePointer<Double>)
    /// out = σ(z) over n values.
    static func sigmoid(_ n: Int, _ z: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>)
    /// out = tanh(z) over n values.
    static func tanh(_ n: Int, _ z: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>)
}

/// The kernels compiled for the baseline of the target (x86-64 with SSE2 only, or any arm64): a
/// multiply-add without an FMA instruction is the C library's correctly rounded fma, so this set is
/// slow on x86-64 but gives the same bits as the fast one. Each function is a call of the `@inlinable`
/// loop in `RowKernels`, so the loop is compiled here, for this module's instruction set; `FusedKernels`
/// makes the same calls in a module compiled for AVX2 and FMA, `WideKernels` the eight-lane ones.
public enum PortableKernels: KernelSet {
    @inline(never)
    public static func sparseRowTimesMatrix(_ x: UnsafePointer<Double>, _ idx: UnsafePointer<Int>, _ count: Int,
                                            _ w: UnsafePointer<Double>, _ nout: Int, _ z: UnsafeMutablePointer<Double>) {
        RowKernels.accumulateRowsPaired(OneRounding.self, count, { idx[$0] }, x, w, nout, z)
    }
    @inline(never)
    public static func denseRowTimesMatrix(_ x: UnsafePointer<Double>, _ nin: Int, _ w: UnsafePointer<Double>, _ nout: Int,
                                           _ z: UnsafeMutablePointer<Double>) {
        RowKernels.accumulateRowsPaired(OneRounding.self, nin, { $0 }, x, w, nout, z)
    }
    @inline(never)
    public static func sparseOuterUpdate(_ idx: UnsafePointer<Int>, _ count: Int, _ x: UnsafePointer<Double>, _ a: Double,
                                         _ delta: UnsafePointer<Double>, _ nout: Int, _ w: UnsafeMutablePointer<Double>) {
        RowKernels.sparseOuterUpdate(OneRounding.self, idx, count, x, a, delta, nout, w)
    }
    @inline(never)
    public static func dotThenUpdateRows(_ nin: Int, _ w: UnsafeMutablePointer<Double>, _ nout: Int, _ delta: UnsafePointer<Double>,
                                         _ a: UnsafePointer<Double>, _ eta: Double, _ prev: UnsafeMutablePointer<Double>,
                                         sigmoid: Bool) {
        RowKernels.dotThenUpdateRows(OneRounding.self, nin, w, nout, delta, a, eta, prev, sigmoid: sigmoid)
    }
    @inline(never)
    public static func biasStep(_ n: Int, _ eta: Double, _ delta: UnsafePointer<Double>, _ b: UnsafeMutablePointer<Double>) {
        RowKernels.biasStep(n, eta, delta, b)
    }
    @inline(never)
    public static func sigmoid(_ n: Int, _ z: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        VectorMath.map(VectorMath.Sigmoid.self, n, z, out)
    }
    @inline(never)
    public static func tanh(_ n: Int, _ z: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        VectorMath.map(VectorMath.Tanh.self, n, z, out)
    }
}
