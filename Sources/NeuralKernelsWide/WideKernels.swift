import NeuralKernels

/// The per-sample SGD loops eight lanes at a time (`RowKernels.accumulateRowsPaired8` and its kin), compiled
/// for x86-64 processors with AVX-512F and FMA (Intel server parts since Skylake-SP, AMD Zen 4 and 5):
/// one instruction per eight multiply-adds. Built with `-mavx512f -mavx2 -mfma` on x86-64, so these
/// functions may only run where `KernelChoice.wide.isUsable`. The same bits as `PortableKernels` and
/// `FusedKernels`; `@inline(never)` and out of cross-module optimisation as `FusedKernels` is.
public enum WideKernels: KernelSet {
    @inline(never) @_semantics("optimize.no.crossmodule")
    public static func forwardLayer(_ x: UnsafePointer<Double>, _ idx: UnsafePointer<Int>?, _ count: Int, _ w: UnsafePointer<Double>,
                                    _ b: UnsafePointer<Double>?, _ nout: Int, _ z: UnsafeMutablePointer<Double>,
                                    _ a: UnsafeMutablePointer<Double>, _ f: RowActivation) {
        RowKernels.forwardLayer(OneRounding.self, wide: true, x, idx, count, w, b, nout, z, a, f)
    }
    @inline(never) @_semantics("optimize.no.crossmodule")
    public static func backwardLayer(_ nin: Int, _ w: UnsafeMutablePointer<Double>, _ nout: Int, _ delta: UnsafePointer<Double>,
                                     _ a: UnsafePointer<Double>, _ eta: Double, _ prev: UnsafeMutablePointer<Double>,
                                     sigmoid: Bool, bias b: UnsafeMutablePointer<Double>?) {
        RowKernels.backwardLayer(OneRounding.self, wide: true, nin, w, nout, delta, a, eta, prev, sigmoid: sigmoid, bias: b)
    }
    @inline(never) @_semantics("optimize.no.crossmodule")
    public static func firstLayerUpdate(_ idx: UnsafePointer<Int>, _ count: Int, _ x: UnsafePointer<Double>, _ eta: Double,
                                        _ delta: UnsafePointer<Double>, _ nout: Int, _ w: UnsafeMutablePointer<Double>,
                                        bias b: UnsafeMutablePointer<Double>?) {
        RowKernels.firstLayerUpdate(OneRounding.self, wide: true, idx, count, x, eta, delta, nout, w, bias: b)
    }
}
