import Foundation
import NeuralKernels
import NeuralKernelsFused
import NeuralKernelsWide

/// The training hot loop: a network's parameters and every intermediate value in flat buffers
/// allocated once, so a gradient step allocates nothing. Internal; `Trainer` drives it.
///
/// The arithmetic is that of `Network.backward` (Nielsen's four equations), with the loops written
/// out over raw pointers; inputs that are exactly 0 (half of a digit's pixels) are skipped in
/// a·W and in aᵀ·δ, which changes no result (per-sample SGD lists each row's nonzero inputs once
/// per training and runs the later layers, whose sigmoid/tanh inputs are never 0, densely).
/// Activations go through `VectorMath` (the same exp as `Activation`).
///
/// Mini-batch, full-batch and evaluation run on `Kernels` (two roundings per multiply-add, as
/// `Network.backward`). Per-sample SGD with plain SGD runs on a `KernelSet` (`KernelChoice.fastest`:
/// portable, AVX2 or AVX-512 code), each multiply-add rounded once and the forward sums in two
/// chains; every set gives the same bits (`KernelSetTests`), so a lesson trains to the same
/// numbers on every machine. The two paths agree to about 1e-15, not to the bit.
final class TrainingEngine {
    /// One layer's buffers and settings: trivial values only, so the hot loops touch no reference counts.
    struct LayerState {
        var nin: Int, nout: Int
        var activation: Activation
        var biasMode: BiasMode
        var biasTrainable: Bool
        // parameters, gradients, optimizer state
        var w, b, gw, gb, m1w, m1b, m2w, m2b: UnsafeMutablePointer<Double>
        // capacity × nout rows: z, a = f(z), h = a after dropout (h == a without), δ, dropout mask
        var z, a, h, d: UnsafeMutablePointer<Double>
        var mask: UnsafeMutablePointer<Double>?
    }

    let sizes: [Int]
    let layerCount: Int
    let loss: Loss
    let capacity: Int           // the most rows a forward pass holds
    let layers: UnsafeMutablePointer<LayerState>
    let xBuf: UnsafeMutablePointer<Double>, yBuf: UnsafeMutablePointer<Double>
    /// Scratch for the indices of nonzero inputs (`Kernels.nonzeros`).
    let nonzeroIndex: UnsafeMutablePointer<Int>
    private let owned: [UnsafeMutablePointer<Double>]
    let dropout: Double
    let outputSize: Int

    var dropoutRNG = SeededRandom(seed: 0)
    /// Running metrics of the current epoch (TrainingConfig.TrainingMetrics.duringEpoch).
    var trackRunning = false, runningClasses = false
    var runningLoss = 0.0, runningCorrect = 0
    var adamStep = 0

    init(network: Network, loss: Loss, capacity: Int, dropout: Double = 0, needsState: Bool = true) {
        sizes = network.sizes
        layerCount = network.layers.count
        outputSize = sizes[layerCount]
        self.loss = loss
        self.capacity = max(1, capacity)
        self.dropout = dropout
        var owned: [UnsafeMutablePointer<Double>] = []
        func alloc(_ n: Int) -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: max(n, 1))
            p.initialize(repeating: 0, count: max(n, 1))
            owned.append(p)
            return p
        }
        xBuf = alloc(self.capacity * sizes[0])
        yBuf = alloc(self.capacity * sizes[layerCount])
        layers = .allocate(capacity: layerCount)
        nonzeroIndex = .allocate(capacity: max(1, sizes.max() ?? 1))
        for (l, layer) in network.layers.enumerated() {
            let nin = sizes[l], nout = sizes[l + 1], rows = self.capacity * nout
            let w = alloc(nin * nout), b = alloc(nout), gw = alloc(nin * nout), gb = alloc(nout)
            let m1w = needsState ? alloc(nin * nout) : gw, m1b = needsState ? alloc(nout) : gb
            let m2w = needsState ? alloc(nin * nout) : gw, m2b = needsState ? alloc(nout) : gb
            layer.weights.storage.withUnsafeBufferPointer { w.update(from: $0.baseAddress!, count: nin * nout) }
            layer.bias.storage.withUnsafeBufferPointer { b.update(from: $0.baseAddress!, count: nout) }
            let z = alloc(rows), a = alloc(rows), d = alloc(rows)
            let dropped = dropout > 0 && l < network.layers.count - 1
            let h = dropped ? alloc(rows) : a
            let mask: UnsafeMutablePointer<Double>? = dropped ? alloc(rows) : nil
            (layers + l).initialize(to: LayerState(
                nin: nin, nout: nout, activation: layer.activation, biasMode: layer.biasMode,
                biasTrainable: layer.biasTrainable, w: w, b: b, gw: gw, gb: gb, m1w: m1w, m1b: m1b, m2w: m2w, m2b: m2b,
                z: z, a: a, h: h, d: d, mask: mask))
        }
        self.owned = owned
    }

    deinit {
        for p in owned { p.deallocate() }
        layers.deinitialize(count: layerCount)
        layers.deallocate()
        nonzeroIndex.deallocate()
        if let listed = nonzeroLists {
            listed.index.deallocate()
            listed.start.deallocate()
        }
    }

    /// The parameters as a `Network` (same activations and bias settings as the original).
    func export(like original: Network) -> Network {
        var net = original
        for l in 0..<layerCount {
            let s = layers[l]
            net.layers[l].weights = Matrix(rows: s.nin, cols: s.nout, storage: Array(UnsafeBufferPointer(start: s.w, count: s.nin * s.nout)))
            net.layers[l].bias = Matrix(rows: 1, cols: s.nout, storage: Array(UnsafeBufferPointer(start: s.b, count: s.nout)))
        }
        return net
    }

    var parametersAreFinite: Bool {
        for l in 0..<layerCount {
            let s = layers[l]
            for i in 0..<(s.nin * s.nout) where !s.w[i].isFinite { return false }
            for j in 0..<s.nout where !s.b[j].isFinite { return false }
        }
        return true
    }

    /// Copies rows `order[start..<start+count]` of x and y into the batch buffers.
    func gather(x: UnsafePointer<Double>, y: UnsafePointer<Double>, order: UnsafePointer<Int>, start: Int, count: Int) {
        let d0 = sizes[0], dL = outputSize
        for r in 0..<count {
            let i = order[start + r]
            (xBuf + r * d0).update(from: x + i * d0, count: d0)
            (yBuf + r * dL).update(from: y + i * dL, count: dL)
        }
    }

    // MARK: forward

    /// z⁽ˡ⁾ = a⁽ˡ⁻¹⁾·W⁽ˡ⁾ + b⁽ˡ⁾, a⁽ˡ⁾ = f(z⁽ˡ⁾) for `rows` rows of `input`; dropout when `training`.
    func forward(_ input: UnsafePointer<Double>, rows: Int, training: Bool) {
        var inp = input
        for l in 0..<layerCount {
            let s = layers[l]
            let nin = s.nin, nout = s.nout, zl = s.z, wl = s.w
            let hasBias = s.biasMode != .none
            for r in 0..<rows {
                let zr = zl + r * nout
                if hasBias { zr.update(from: s.b, count: nout) } else { zr.update(repeating: 0, count: nout) }
            }
            if rows == 1 {
                Kernels.rowTimesMatrix(inp, nin, wl, nout, zl, nonzeroIndex)
            } else {
                Kernels.matrixTimesMatrix(inp, rows: rows, nin, wl, nout, zl, nonzeroIndex)
            }
            Kernels.activate(s.activation, zl, s.a, rows: rows, cols: nout)
            if let m = s.mask {
                let n = rows * nout, hl = s.h, al = s.a
                if training {
                    let keep = 1 / (1 - dropout)
                    for i in 0..<n { m[i] = dropoutRNG.nextUnit() < dropout ? 0 : keep }
                    for i in 0..<n { hl[i] = al[i] * m[i] }
                } else {
                    hl.update(from: al, count: n)
                }
            }
            inp = UnsafePointer(s.h)
        }
    }

    /// The forward pass of one sample without dropout (per-sample SGD), the first layer over the
    /// `count` nonzero inputs listed at `listed`, the others over every input.
    func forwardSample<K: KernelSet>(_: K.Type, _ x: UnsafePointer<Double>, nonzeros listed: UnsafePointer<Int>, count: Int) {
        var inp = x
        for l in 0..<layerCount {
            let s = layers[l]
            let f: RowActivation = s.activation.kind == .sigmoid ? .sigmoid : s.activation.kind == .tanh ? .tanh : .other
            K.forwardLayer(inp, l == 0 ? listed : nil, l == 0 ? count : s.nin, s.w, s.biasMode != .none ? UnsafePointer(s.b) : nil,
                           s.nout, s.z, s.a, f)
            if f == .other { Kernels.activate(s.activation, s.z, s.a, rows: 1, cols: s.nout) }
            inp = UnsafePointer(s.a)
        }
    }

    var output: UnsafePointer<Double> { UnsafePointer(layers[layerCount - 1].a) }

    // MARK: backward

    /// BP1: δ⁽ᴸ⁾ for `rows` rows against targets `y`, including the 1/m of a mean loss over `scaleRows`.
    func outputDelta(_ y: UnsafePointer<Double>, rows: Int, scaleRows: Int) {
        let s = layers[layerCount - 1]
        let n = rows * outputSize, yh = s.a, dl = s.d
        let scale = loss.batchScale(scaleRows)
        if loss.simplifiesDelta(after: s.activation) {
            for i in 0..<n { dl[i] = (yh[i] - y[i]) * scale }
            return
        }
        let eps = Loss.clampEpsilon
        switch loss.kind {
        case .halfSSE: for i in 0..<n { dl[i] = (yh[i] - y[i]) * scale }
        case .sse: for i in 0..<n { dl[i] = 2 * (yh[i] - y[i]) * scale }
        case .mse:
            let t = 2 * scale / Double(outputSize)
            for i in 0..<n { dl[i] = (yh[i] - y[i]) * t }
        case .binaryCrossEntropy:
            for i in 0..<n {
                let q = min(max(yh[i], eps), 1 - eps)
                dl[i] = (q - y[i]) / (q * (1 - q)) * scale
            }
        case .categoricalCrossEntropy:
            for i in 0..<n { dl[i] = -y[i] / max(yh[i], eps) * scale }
        }
        Kernels.multiplyDerivative(s.activation, s.z, yh, dl, rows: rows, cols: outputSize)
    }

    /// BP2–BP4 for a batch: gradients into gw, gb (δ⁽ᴸ⁾ already in the last layer's d).
    func backward(_ input: UnsafePointer<Double>, rows: Int) {
        for l in stride(from: layerCount - 1, through: 0, by: -1) {
            let s = layers[l]
            let nin = s.nin, nout = s.nout, dl = s.d, gwl = s.gw, gbl = s.gb, wl = s.w
            let inp = l == 0 ? input : UnsafePointer(layers[l - 1].h)
            // BP4: ∂J/∂W = a⁽ˡ⁻¹⁾ᵀ·δ⁽ˡ⁾
            gwl.update(repeating: 0, count: nin * nout)
            for r in 0..<rows {
                let xr = inp + r * nin, dr = dl + r * nout
                for k in 0..<nin {
                    let v = xr[k]
                    if v != 0 { Kernels.axpy(nout, v, dr, gwl + k * nout) }
                }
            }
            // BP3: ∂J/∂b = Σ δ⁽ˡ⁾ over the rows (and over the neurons when shared)
            gbl.update(repeating: 0, count: nout)
            for r in 0..<rows { Kernels.axpy(nout, 1, dl + r * nout, gbl) }
            if s.biasMode == .shared {
                var total = 0.0
                for j in 0..<nout { total += gbl[j] }
                gbl.update(repeating: total, count: nout)
            }
            // BP2: δ⁽ˡ⁻¹⁾ = (δ⁽ˡ⁾·W⁽ˡ⁾ᵀ) ⊙ f′(z⁽ˡ⁻¹⁾)
            guard l > 0 else { continue }
            let p = layers[l - 1], dp = p.d
            for r in 0..<rows {
                let dr = dl + r * nout, pr = dp + r * nin
                for k in 0..<nin { pr[k] = Kernels.dot(nout, wl + k * nout, dr) }
            }
            if let m = p.mask { for i in 0..<(rows * nin) { dp[i] *= m[i] } }
            Kernels.multiplyDerivative(p.activation, p.z, p.a, dp, rows: rows, cols: nin)
        }
    }

    // MARK: update

    /// One optimizer step on every trainable parameter, with the L1/L2 penalty on the weights.
    func update(optimizer: Optimizer, learningRate eta: Double, l1: Double, l2: Double) {
        if case .adam = optimizer { adamStep += 1 }
        for l in 0..<layerCount {
            let s = layers[l]
            let n = s.nin * s.nout, wl = s.w, g = s.gw
            if l1 != 0 || l2 != 0 {
                for i in 0..<n {
                    let wi = wl[i]
                    g[i] += l2 * wi + (wi > 0 ? l1 : wi < 0 ? -l1 : 0)
                }
            }
            step(optimizer, eta, wl, g, s.m1w, s.m2w, n)
            guard s.biasTrainable, s.biasMode != .none else { continue }
            let count = s.biasMode == .shared ? 1 : s.nout
            step(optimizer, eta, s.b, s.gb, s.m1b, s.m2b, count)
            if s.biasMode == .shared { s.b.update(repeating: s.b[0], count: s.nout) }
        }
    }

    private func step(_ opt: Optimizer, _ eta: Double, _ p: UnsafeMutablePointer<Double>, _ g: UnsafeMutablePointer<Double>,
                      _ m1: UnsafeMutablePointer<Double>, _ m2: UnsafeMutablePointer<Double>, _ n: Int) {
        switch opt {
        case .sgd:
            for i in 0..<n { p[i] -= eta * g[i] }
        case .momentum(let beta):
            for i in 0..<n {
                m1[i] = beta * m1[i] - eta * g[i]
                p[i] += m1[i]
            }
        case .adam(let b1, let b2, let eps):
            let t = Double(adamStep)
            let c1 = 1 / (1 - pow(b1, t)), c2 = 1 / (1 - pow(b2, t))
            for i in 0..<n {
                m1[i] = b1 * m1[i] + (1 - b1) * g[i]
                m2[i] = b2 * m2[i] + (1 - b2) * g[i] * g[i]
                p[i] -= eta * (m1[i] * c1) / ((m2[i] * c2).squareRoot() + eps)
            }
        }
    }

    // MARK: the fused per-sample SGD step

    /// Per-sample SGD over the rows order[0..<count] of x and y, on the chosen kernel set.
    func sgdSamples(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, order: UnsafePointer<Int>, count: Int,
                    learningRate eta: Double, kernels: KernelChoice) {
        switch kernels {
        case .wide: sgdSamples(WideKernels.self, x, y, order: order, count: count, learningRate: eta)
        case .fused: sgdSamples(FusedKernels.self, x, y, order: order, count: count, learningRate: eta)
        case .portable: sgdSamples(PortableKernels.self, x, y, order: order, count: count, learningRate: eta)
        }
    }

    private func sgdSamples<K: KernelSet>(_ k: K.Type, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>,
                                          order: UnsafePointer<Int>, count: Int, learningRate eta: Double) {
        let d0 = sizes[0], dL = outputSize
        for r in 0..<count {
            let i = order[r], xi = x + i &* d0
            if let listed = nonzeroLists {
                sgdSample(k, xi, y + i &* dL, nonzeros: listed.index + listed.start[i], count: listed.start[i &+ 1] &- listed.start[i],
                          learningRate: eta)
            } else {
                let n0 = RowKernels.nonzeros(xi, d0, nonzeroIndex)
                sgdSample(k, xi, y + i &* dL, nonzeros: nonzeroIndex, count: n0, learningRate: eta)
            }
        }
    }

    /// Each row's nonzero inputs (`RowKernels.nonzeros`), listed once for the whole training when
    /// per-sample SGD visits every row every epoch: row i's are index[start[i]..<start[i + 1]].
    private(set) var nonzeroLists: (index: UnsafeMutablePointer<Int>, start: UnsafeMutablePointer<Int>)?

    /// Lists the nonzero inputs of the m rows of x once (when m·d⁽⁰⁾ ≤ 2²³, at most 64 MB; larger
    /// data sets list them per sample).
    func listNonzeros(_ x: UnsafePointer<Double>, rows m: Int) {
        let d0 = sizes[0]
        guard nonzeroLists == nil, m > 0, m &* d0 <= 1 << 23 else { return }
        var total = 0
        for i in 0..<m { total &+= RowKernels.nonzeros(x + i &* d0, d0, nonzeroIndex) }
        // + 1: `nonzeros` writes one slot past a row's list when the row ends with a 0.
        let index = UnsafeMutablePointer<Int>.allocate(capacity: total &+ 1)
        let start = UnsafeMutablePointer<Int>.allocate(capacity: m &+ 1)
        start[0] = 0
        for i in 0..<m { start[i &+ 1] = start[i] &+ RowKernels.nonzeros(x + i &* d0, d0, index + start[i]) }
        nonzeroLists = (index, start)
    }

    /// Forward, backward and update for one sample with plain SGD, in one pass over each W:
    /// for every row k of W⁽ˡ⁾ the old weights give δ⁽ˡ⁻¹⁾ₖ (BP2), then the row is updated
    /// (BP4 with η folded in). The numbers of backward + update, with each multiply-add rounded
    /// once (`KernelSet`). `listed` holds the indices of x's `n0` nonzero inputs.
    func sgdSample<K: KernelSet>(_: K.Type, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>,
                                 nonzeros listed: UnsafePointer<Int>, count n0: Int, learningRate eta: Double) {
        forwardSample(K.self, x, nonzeros: listed, count: n0)
        if trackRunning { accumulate(output, y, rows: 1, classes: runningClasses, total: &runningLoss, correct: &runningCorrect) }
        outputDelta(y, rows: 1, scaleRows: 1)
        for l in stride(from: layerCount - 1, through: 0, by: -1) {
            let s = layers[l]
            let nin = s.nin, nout = s.nout, dl = s.d, wl = s.w
            let bias = s.biasTrainable && s.biasMode == .perNeuron ? s.b : nil
            if l > 0 {
                let p = layers[l - 1], dp = p.d
                let sigmoid = p.activation.kind == .sigmoid
                K.backwardLayer(nin, wl, nout, dl, p.a, eta, dp, sigmoid: sigmoid, bias: bias)
                if !sigmoid { Kernels.multiplyDerivative(p.activation, p.z, p.a, dp, rows: 1, cols: nin) }
            } else {
                K.firstLayerUpdate(listed, n0, x, eta, dl, nout, wl, bias: bias)
            }
            if s.biasTrainable && s.biasMode == .shared {
                var total = 0.0
                for j in 0..<nout { total += dl[j] }
                s.b.update(repeating: s.b[0] - eta * total, count: nout)
            }
        }
    }

    // MARK: evaluation

    /// Adds the loss of `rows` rows (before the batch reduction) to `total` and, with `classes`,
    /// the number of rows whose predicted class is the target's to `correct`.
    func accumulate(_ yh: UnsafePointer<Double>, _ yt: UnsafePointer<Double>, rows count: Int, classes: Bool,
                    total: inout Double, correct: inout Int) {
        let dL = outputSize, eps = Loss.clampEpsilon
        for i in 0..<(count * dL) {
            let p = yh[i], t = yt[i]
            switch loss.kind {
            case .halfSSE: total += 0.5 * (p - t) * (p - t)
            case .sse: total += (p - t) * (p - t)
            case .mse: total += (p - t) * (p - t) / Double(dL)
            case .binaryCrossEntropy:
                let q = min(max(p, eps), 1 - eps)
                total -= t * log(q) + (1 - t) * log(1 - q)
            case .categoricalCrossEntropy:
                if t != 0 { total -= t * log(max(p, eps)) }
            }
        }
        guard classes else { return }
        for r in 0..<count {
            let pr = yh + r * dL, tr = yt + r * dL
            if dL == 1 {
                if (pr[0] >= 0.5) == (tr[0] >= 0.5) { correct += 1 }
            } else {
                var bp = 0, bt = 0
                for j in 1..<dL {
                    if pr[j] > pr[bp] { bp = j }
                    if tr[j] > tr[bt] { bt = j }
                }
                if bp == bt { correct += 1 }
            }
        }
    }

    /// The loss (configured reduction over all m rows) and, for 0/1 targets, the accuracy.
    func evaluate(x: UnsafePointer<Double>, y: UnsafePointer<Double>, rows m: Int, classes: Bool) -> (loss: Double, accuracy: Double?) {
        let d0 = sizes[0], dL = outputSize
        var total = 0.0, correct = 0
        var start = 0
        while start < m {
            let count = min(capacity, m - start)
            forward(x + start * d0, rows: count, training: false)
            accumulate(output, y + start * dL, rows: count, classes: classes, total: &total, correct: &correct)
            start += count
        }
        return (total * loss.batchScale(m), classes && m > 0 ? Double(correct) / Double(m) : nil)
    }
}
