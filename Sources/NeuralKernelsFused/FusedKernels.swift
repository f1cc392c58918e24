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
