import NeuralKernels

/// The per-sample SGD loops compiled for x86-64 processors with AVX2 and FMA (Haswell and Zen on):
/// four-lane vector instructions, and each multiply-add one instruction. The module is built with
/// `-mavx2 -mfma` on x86-64 (see Package.swift), so these functions may only run where
/// `KernelChoice.fused.isUsable`: the same text as `PortableKernels`, the same bits, about ten times
/// faster. On arm64 the module is built without extra flags (every arm64 processor has a fused
/// multiply-add). Each function is `@inline(never)` and kept out of cross-module optimisation
/// (`optimize.no.crossmodule`), so that no caller compiles its own baseline copy of the body.
public enum FusedKernels: KernelSet {
    @inline(never) @_semantics("optimize.no.crossmodule")
    public static func sparseRowTimesMatrix(_ x: UnsafePointer<Double>, _ idx: UnsafePointer<Int>, _ count: Int,
                                            _ w: UnsafePointer<Double>, _ nout: Int, _ z: UnsafeMutablePointer<Double>) {
        RowKernels.accumulateRowsPaired(OneRounding.self, count, { idx[$0] }, x, w, nout, z)
    }
    @inline(never) @_semantics("optimize.no.crossmodule")
    public static func denseRowTimesMatrix(_ x: UnsafePointer<Double>, _ nin: Int, _ w: UnsafePointer<Double>, _ nout: Int,
                                           _ z: UnsafeMutablePointer<Double>) {
        RowKernels.accumulateRowsPaired(OneRounding.self, nin, { $0 }, x, w, nout, z)
    }
    @inline(never) @_semantics("optimize.no.crossmodule")
    public static func sparseOuterUpdate(_ idx: UnsafePointer<Int>, _ count: Int, _ x: UnsafePointer<Double>, _ a: Double,
                                         _ delta: UnsafePointer<Double>, _ nout: Int, _ w: UnsafeMutablePointer<Double>) {
        RowKernels.sparseOuterUpdate(OneRounding.self, idx, count, x, a, delta, nout, w)
    }
    @inline(never) @_semantics("optimize.no.crossmodule")
    public static func dotThenUpdateRows(_ nin: Int, _ w: UnsafeMutablePointer<Double>, _ nout: Int, _ delta: UnsafePointer<Double>,
                                         _ a: UnsafePointer<Double>, _ eta: Double, _ prev: UnsafeMutablePointer<Double>,
                                         sigmoid: Bool) {
        RowKernels.dotThenUpdateRows(OneRounding.self, nin, w, nout, delta, a, eta, prev, sigmoid: sigmoid)
    }
    @inline(never) @_semantics("optimize.no.crossmodule")
    public static func biasStep(_ n: Int, _ eta: Double, _ delta: UnsafePointer<Double>, _ b: UnsafeMutablePointer<Double>) {
        RowKernels.biasStep(n, eta, delta, b)
    }
    @inline(never) @_semantics("optimize.no.crossmodule")
    public static func sigmoid(_ n: Int, _ z: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        VectorMath.map(VectorMath.Sigmoid.self, n, z, out)
    }
    @inline(never) @_semantics("optimize.no.crossmodule")
    public static func tanh(_ n: Int, _ z: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        VectorMath.map(VectorMath.Tanh.self, n, z, out)
    }
}
