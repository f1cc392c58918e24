/// The element-wise activations the kernel sets apply themselves in `forwardLayer`; for any other
/// the caller computes a = f(z).
public enum RowActivation: Sendable {
    case sigmoid, tanh, other
}

/// One layer's work in a per-sample SGD step, as each `KernelSet` runs it: the forward pass
/// (z = b + x·W, a = f(z)), and the backward pass with the update (BP2 and BP4 fused, then the bias
/// step). One call per layer and direction, so a step of a three-layer network makes six calls.
/// `wide` chooses the eight-lane loops (the same bits as the four-lane ones).
extension RowKernels {
    @_transparent
    public static func forwardLayer<R: Rounding>(_: R.Type, wide: Bool, _ x: UnsafePointer<Double>, _ idx: UnsafePointer<Int>?,
                                                 _ count: Int, _ w: UnsafePointer<Double>, _ b: UnsafePointer<Double>?, _ nout: Int,
                                                 _ z: UnsafeMutablePointer<Double>, _ a: UnsafeMutablePointer<Double>,
                                                 _ f: RowActivation) {
        switch (idx, wide) {
        case (let idx?, true): accumulateRowsPaired8(R.self, count, { idx[$0] }, x, w, nout, b, z)
        case (let idx?, false): accumulateRowsPaired(R.self, count, { idx[$0] }, x, w, nout, b, z)
        case (nil, true): accumulateRowsPaired8(R.self, count, { $0 }, x, w, nout, b, z)
        case (nil, false): accumulateRowsPaired(R.self, count, { $0 }, x, w, nout, b, z)
        }
        switch f {
        case .sigmoid: VectorMath.map(VectorMath.Sigmoid.self, nout, z, a)
        case .tanh: VectorMath.map(VectorMath.Tanh.self, nout, z, a)
        case .other: break
        }
    }

    @_transparent
    public static func backwardLayer<R: Rounding>(_: R.Type, wide: Bool, _ nin: Int, _ w: UnsafeMutablePointer<Double>, _ nout: Int,
                                                  _ delta: UnsafePointer<Double>, _ a: UnsafePointer<Double>, _ eta: Double,
                                                  _ prev: UnsafeMutablePointer<Double>, sigmoid: Bool, bias b: UnsafeMutablePointer<Double>?) {
        if wide {
            dotThenUpdateRows8(R.self, nin, w, nout, delta, a, eta, prev, sigmoid: sigmoid)
        } else {
            dotThenUpdateRows(R.self, nin, w, nout, delta, a, eta, prev, sigmoid: sigmoid)
        }
        if let b { biasStep(nout, eta, delta, b) }
    }

    @_transparent
    public static func firstLayerUpdate<R: Rounding>(_: R.Type, wide: Bool, _ idx: UnsafePointer<Int>, _ count: Int,
                                                     _ x: UnsafePointer<Double>, _ eta: Double, _ delta: UnsafePointer<Double>,
                                                     _ nout: Int, _ w: UnsafeMutablePointer<Double>, bias b: UnsafeMutablePointer<Double>?) {
        if wide {
            sparseOuterUpdate8(R.self, idx, count, x, -eta, delta, nout, w)
        } else {
            sparseOuterUpdate(R.self, idx, count, x, -eta, delta, nout, w)
        }
        if let b { biasStep(nout, eta, delta, b) }
    }
}
