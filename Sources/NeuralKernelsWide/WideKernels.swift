import NeuralKernels

/// The per-sample SGD loops eight lanes at a time (`RowKernels.accumulateRows8` and its kin), compiled
/// for x86-64 processors with AVX-512F and FMA (Intel server parts since Skylake-SP, AMD Zen 4 and 5):
/// one instruction per eight multiply-adds. Built with `-mavx512f -mavx2 -mfma` on x86-64, so these
/// functions may only run where `KernelChoice.wide.isUsable`. The same bits as `PortableKernels` and
/// `FusedKernels`; `@inline(never)` and out of cross-module optimisation as `FusedKernels` is.
public enum WideKernels: KernelSet {
    @inline(never) @_semantics("optimize.no.crossmodule")
    public static func sparseRowTimesMatrix(_ x: UnsafePointer<Double>, _ idx: UnsafePointer<Int>, _ count: Int,
                                            _ w: UnsafePointer<Double>, _ nout: Int, _ z: UnsafeMutablePointer<Double>) {
        RowKernels.accumulateRowsPaired8(OneRounding.self, count, { idx[$0] }, x, w, nout, z)
    }
    @inline(never) @_semantics("optimize.no.crossmodule")
    public static func denseRowTimesMatrix(_ x: UnsafePointer<Double>, _ nin: Int, _ w: UnsafePointer<Double>, _ nout: Int,
                                           _ z: UnsafeMutablePointer<Double>) {
        RowKernels.accumulateRowsPaired8(OneRounding.self, nin, { $0 }, x, w, nout, z)
    }
    @inline(never) @_semantics("optimize.no.crossmodule")
    public static func sparseOuterUpdate(_ idx: UnsafePointer<Int>, _ count: Int, _ x: UnsafePointer<Double>, _ a: Double,
                                         _ delta: UnsafePointer<Double>, _ nout: Int, _ w: UnsafeMutablePointer<Double>) {
        RowKernels.sparseOuterUpdate8(OneRounding.self, idx, count, x, a, delta, nout, w)
    }
    @inline(never) @_semantics("optimize.no.crossmodule")
    public static func dotThenUpdateRows(_ nin: Int, _ w: UnsafeMutablePointer<Double>, _ nout: Int, _ delta: UnsafePointer<Double>,
                                         _ a: UnsafePointer<Double>, _ eta: Double, _ prev: UnsafeMutablePointer<Double>,
                                         sigmoid: Bool) {
        RowKernels.dotThenUpdateRows8(OneRounding.self, nin, w, nout, delta, a, eta, prev, sigmoid: sigmoid)
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

// x
