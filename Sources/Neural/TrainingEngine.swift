import Foundation

/// The training hot loop: a network's parameters and every intermediate value in flat buffers
/// allocated once, so a gradient step allocates nothing. Internal; `Trainer` drives it.
///
/// The arithmetic is that of `Network.backward` (Nielsen's four equations), with the loops written
/// out over raw pointers; inputs that are exactly 0 (half of a digit's pixels) are skipped in
/// a·W and in aᵀ·δ, which changes no result.
final class TrainingEngine {
    let sizes: [Int]
    let layerCount: Int
    let activations: [Activation]
    let biasModes: [BiasMode]
    let biasTrainable: [Bool]
    let loss: Loss
    let capacity: Int           // the most rows a forward pass holds

    // parameters, gradients, optimizer state: one block per layer
    var w: [UnsafeMutablePointer<Double>] = [], b: [UnsafeMutablePointer<Double>] = []
    var gw: [UnsafeMutablePointer<Double>] = [], gb: [UnsafeMutablePointer<Double>] = []
    var m1w: [UnsafeMutablePointer<Double>] = [], m1b: [UnsafeMutablePointer<Double>] = []
    var m2w: [UnsafeMutablePointer<Double>] = [], m2b: [UnsafeMutablePointer<Double>] = []
    // per-layer rows (capacity × d⁽ˡ⁾): z, a = f(z), h = a after dropout (h == a without), δ, dropout mask
    var z: [UnsafeMutablePointer<Double>] = [], a: [UnsafeMutablePointer<Double>] = []
    var h: [UnsafeMutablePointer<Double>] = [], d: [UnsafeMutablePointer<Double>] = []
    var mask: [UnsafeMutablePointer<Double>?] = []
    let xBuf: UnsafeMutablePointer<Double>, yBuf: UnsafeMutablePointer<Double>
    private var owned: [UnsafeMutablePointer<Double>] = []

    var dropout = 0.0
    var dropoutRNG = SeededRandom(seed: 0)
    var adamStep = 0

    init(network: Network, loss: Loss, capacity: Int, dropout: Double = 0, needsState: Bool = true) {
        sizes = network.sizes
        layerCount = network.layers.count
        activations = network.layers.map(\.activation)
        biasModes = network.layers.map(\.biasMode)
        biasTrainable = network.layers.map(\.biasTrainable)
        self.loss = loss
        self.capacity = max(1, capacity)
        self.dropout = dropout
        func alloc(_ n: Int) -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: max(n, 1))
            p.initialize(repeating: 0, count: max(n, 1))
            return p
        }
        xBuf = alloc(self.capacity * sizes[0])
        yBuf = alloc(self.capacity * sizes[layerCount])
        var owned = [xBuf, yBuf]
        for (l, layer) in network.layers.enumerated() {
            let nin = sizes[l], nout = sizes[l + 1]
            let blocks = (0..<(needsState ? 8 : 4)).map { i in alloc(i % 2 == 0 ? nin * nout : nout) }
            owned += blocks
            w.append(blocks[0]); b.append(blocks[1]); gw.append(blocks[2]); gb.append(blocks[3])
            if needsState { m1w.append(blocks[4]); m1b.append(blocks[5]); m2w.append(blocks[6]); m2b.append(blocks[7]) }
            layer.weights.storage.withUnsafeBufferPointer { w[l].update(from: $0.baseAddress!, count: nin * nout) }
            layer.bias.storage.withUnsafeBufferPointer { b[l].update(from: $0.baseAddress!, count: nout) }
            let rows = self.capacity * nout
            let zl = alloc(rows), al = alloc(rows), dl = alloc(rows)
            owned += [zl, al, dl]
            z.append(zl); a.append(al); d.append(dl)
            if dropout > 0 && l < network.layers.count - 1 {
                let hl = alloc(rows), ml = alloc(rows)
                owned += [hl, ml]
                h.append(hl); mask.append(ml)
            } else {
                h.append(al); mask.append(nil)
            }
        }
        self.owned = owned
    }

    deinit { for p in owned { p.deallocate() } }

    var outputSize: Int { sizes[layerCount] }

    /// The parameters as a `Network` (same activations and bias settings as the original).
    func export(like original: Network) -> Network {
        var net = original
        for l in 0..<layerCount {
            let nin = sizes[l], nout = sizes[l + 1]
            net.layers[l].weights = Matrix(rows: nin, cols: nout, storage: Array(UnsafeBufferPointer(start: w[l], count: nin * nout)))
            net.layers[l].bias = Matrix(rows: 1, cols: nout, storage: Array(UnsafeBufferPointer(start: b[l], count: nout)))
        }
        return net
    }

    func load(_ net: Network) {
        for l in 0..<layerCount {
            net.layers[l].weights.storage.withUnsafeBufferPointer { w[l].update(from: $0.baseAddress!, count: $0.count) }
            net.layers[l].bias.storage.withUnsafeBufferPointer { b[l].update(from: $0.baseAddress!, count: $0.count) }
        }
    }

    var parametersAreFinite: Bool {
        for l in 0..<layerCount {
            let n = sizes[l] * sizes[l + 1]
            for i in 0..<n where !w[l][i].isFinite { return false }
            for j in 0..<sizes[l + 1] where !b[l][j].isFinite { return false }
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
            let nin = sizes[l], nout = sizes[l + 1]
            let zl = z[l], wl = w[l], bl = b[l]
            let hasBias = biasModes[l] != .none
            for r in 0..<rows {
                let zr = zl + r * nout, xr = inp + r * nin
                if hasBias { zr.update(from: bl, count: nout) } else { zr.update(repeating: 0, count: nout) }
                for k in 0..<nin {
                    let v = xr[k]
                    if v != 0 { Kernels.axpy(nout, v, wl + k * nout, zr) }
                }
            }
            Kernels.activate(activations[l], zl, a[l], rows: rows, cols: nout)
            if let m = mask[l] {
                let n = rows * nout, hl = h[l], al = a[l]
                if training {
                    let keep = 1 / (1 - dropout)
                    for i in 0..<n { m[i] = dropoutRNG.nextUnit() < dropout ? 0 : keep }
                    for i in 0..<n { hl[i] = al[i] * m[i] }
                } else {
                    hl.update(from: al, count: n)
                }
            }
            inp = UnsafePointer(h[l])
        }
    }

    var output: UnsafePointer<Double> { UnsafePointer(a[layerCount - 1]) }

    // MARK: backward

    /// BP1: δ⁽ᴸ⁾ for `rows` rows against targets `y`, including the 1/m of a mean loss over `scaleRows`.
    func outputDelta(_ y: UnsafePointer<Double>, rows: Int, scaleRows: Int) {
        let L = layerCount - 1, n = rows * outputSize
        let yh = a[L], dl = d[L]
        let s = loss.batchScale(scaleRows)
        if loss.simplifiesDelta(after: activations[L]) {
            for i in 0..<n { dl[i] = (yh[i] - y[i]) * s }
            return
        }
        let eps = Loss.clampEpsilon
        switch loss.kind {
        case .halfSSE: for i in 0..<n { dl[i] = (yh[i] - y[i]) * s }
        case .sse: for i in 0..<n { dl[i] = 2 * (yh[i] - y[i]) * s }
        case .mse:
            let t = 2 * s / Double(outputSize)
            for i in 0..<n { dl[i] = (yh[i] - y[i]) * t }
        case .binaryCrossEntropy:
            for i in 0..<n {
                let q = min(max(yh[i], eps), 1 - eps)
                dl[i] = (q - y[i]) / (q * (1 - q)) * s
            }
        case .categoricalCrossEntropy:
            for i in 0..<n { dl[i] = -y[i] / max(yh[i], eps) * s }
        }
        Kernels.multiplyDerivative(activations[L], z[L], yh, dl, rows: rows, cols: outputSize)
    }

    /// BP2–BP4 for a batch: gradients into gw, gb (δ⁽ᴸ⁾ already in d[L−1]).
    func backward(_ input: UnsafePointer<Double>, rows: Int) {
        for l in stride(from: layerCount - 1, through: 0, by: -1) {
            let nin = sizes[l], nout = sizes[l + 1]
            let dl = d[l], gwl = gw[l], gbl = gb[l], wl = w[l]
            let inp = l == 0 ? input : UnsafePointer(h[l - 1])
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
            if biasModes[l] == .shared {
                var total = 0.0
                for j in 0..<nout { total += gbl[j] }
                gbl.update(repeating: total, count: nout)
            }
            // BP2: δ⁽ˡ⁻¹⁾ = (δ⁽ˡ⁾·W⁽ˡ⁾ᵀ) ⊙ f′(z⁽ˡ⁻¹⁾)
            guard l > 0 else { continue }
            let dp = d[l - 1]
            for r in 0..<rows {
                let dr = dl + r * nout, pr = dp + r * nin
                for k in 0..<nin { pr[k] = Kernels.dot(nout, wl + k * nout, dr) }
            }
            if let m = mask[l - 1] { for i in 0..<(rows * nin) { dp[i] *= m[i] } }
            Kernels.multiplyDerivative(activations[l - 1], z[l - 1], a[l - 1], dp, rows: rows, cols: nin)
        }
    }

    // MARK: update

    /// One optimizer step on every trainable parameter, with the L1/L2 penalty on the weights.
    func update(optimizer: Optimizer, learningRate eta: Double, l1: Double, l2: Double) {
        if case .adam = optimizer { adamStep += 1 }
        for l in 0..<layerCount {
            let n = sizes[l] * sizes[l + 1], nout = sizes[l + 1]
            let wl = w[l], g = gw[l]
            if l1 != 0 || l2 != 0 {
                for i in 0..<n {
                    let wi = wl[i]
                    g[i] += l2 * wi + (wi > 0 ? l1 : wi < 0 ? -l1 : 0)
                }
            }
            step(optimizer, eta, wl, g, l < m1w.count ? m1w[l] : nil, l < m2w.count ? m2w[l] : nil, n)
            guard biasTrainable[l], biasModes[l] != .none else { continue }
            let count = biasModes[l] == .shared ? 1 : nout
            step(optimizer, eta, b[l], gb[l], l < m1b.count ? m1b[l] : nil, l < m2b.count ? m2b[l] : nil, count)
            if biasModes[l] == .shared { b[l].update(repeating: b[l][0], count: nout) }
        }
    }

    private func step(_ opt: Optimizer, _ eta: Double, _ p: UnsafeMutablePointer<Double>, _ g: UnsafeMutablePointer<Double>,
                      _ m1: UnsafeMutablePointer<Double>?, _ m2: UnsafeMutablePointer<Double>?, _ n: Int) {
        switch opt {
        case .sgd:
            for i in 0..<n { p[i] -= eta * g[i] }
        case .momentum(let beta):
            let v = m1!
            for i in 0..<n {
                v[i] = beta * v[i] - eta * g[i]
                p[i] += v[i]
            }
        case .adam(let b1, let b2, let eps):
            let m = m1!, v = m2!
            let t = Double(adamStep)
            let c1 = 1 / (1 - pow(b1, t)), c2 = 1 / (1 - pow(b2, t))
            for i in 0..<n {
                m[i] = b1 * m[i] + (1 - b1) * g[i]
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
                p[i] -= eta * (m[i] * c1) / ((v[i] * c2).squareRoot() + eps)
            }
        }
    }

    // MARK: the fused per-sample SGD step

    /// Forward, backward and update for one sample with plain SGD, in one pass over each W:
    /// for every row k of W⁽ˡ⁾ the old weights give δ⁽ˡ⁻¹⁾ₖ (BP2), then the row is updated
    /// (BP4 with η folded in). Same numbers as backward + update.
    func sgdSample(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, learningRate eta: Double) {
        forward(x, rows: 1, training: false)
        outputDelta(y, rows: 1, scaleRows: 1)
        for l in stride(from: layerCount - 1, through: 0, by: -1) {
            let nin = sizes[l], nout = sizes[l + 1]
            let dl = d[l], wl = w[l]
            let inp = l == 0 ? x : UnsafePointer(a[l - 1])
            if l > 0 {
                let dp = d[l - 1]
                for k in 0..<nin {
                    let row = wl + k * nout
                    dp[k] = Kernels.dot(nout, row, dl)
                    let v = inp[k]
                    if v != 0 { Kernels.axpy(nout, -eta * v, dl, row) }
                }
                Kernels.multiplyDerivative(activations[l - 1], z[l - 1], a[l - 1], dp, rows: 1, cols: nin)
            } else {
                for k in 0..<nin {
                    let v = inp[k]
                    if v != 0 { Kernels.axpy(nout, -eta * v, dl, wl + k * nout) }
                }
            }
            guard biasTrainable[l] else { continue }
            switch biasModes[l] {
            case .none: break
            case .perNeuron: Kernels.axpy(nout, -eta, dl, b[l])
            case .shared:
                var total = 0.0
                for j in 0..<nout { total += dl[j] }
                b[l].update(repeating: b[l][0] - eta * total, count: nout)
            }
        }
    }

    // MARK: evaluation

    /// The loss (configured reduction over all m rows) and, for 0/1 targets, the accuracy.
    func evaluate(x: UnsafePointer<Double>, y: UnsafePointer<Double>, rows m: Int, classes: Bool) -> (loss: Double, accuracy: Double?) {
        let d0 = sizes[0], dL = outputSize
        var total = 0.0, correct = 0
        var start = 0
        let eps = Loss.clampEpsilon
        while start < m {
            let count = min(capacity, m - start)
            forward(x + start * d0, rows: count, training: false)
            let yh = output, yt = y + start * dL
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
            if classes {
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
            start += count
        }
        return (total * loss.batchScale(m), classes && m > 0 ? Double(correct) / Double(m) : nil)
    }
}
