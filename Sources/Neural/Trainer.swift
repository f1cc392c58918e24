import NeuralKernels

/// Trains a network by gradient descent: per-sample SGD, mini-batch or full batch; SGD, momentum
/// or Adam; L1/L2 penalties, dropout, a validation split with early stopping, snapshots, and a
/// history of the loss and accuracy. Every random choice comes from `config.seed`.
public struct Trainer: Sendable {
    public var config: TrainingConfig

    /// The kernel set of per-sample SGD (all give the same bits; tests compare them).
    var kernels = KernelChoice.fastest

    public init(_ config: TrainingConfig) { self.config = config }

    /// The trained network and what happened on the way.
    public struct Result: Sendable {
        public let network: Network
        public let history: TrainingHistory
        /// The rows of the training data held out for validation (sorted; empty when none were).
        public var heldOut: [Int] = []
    }

    /// Trains on a data set (its x and y), with an optional separate validation set.
    public func train(_ network: Network, on data: Dataset, validation: Dataset? = nil,
                      progress: ((TrainingHistory.Record) -> Void)? = nil) throws -> Result {
        try train(network, x: data.x, y: data.y, validationX: validation?.x, validationY: validation?.y, progress: progress)
    }

    /// Trains on x (m×d⁽⁰⁾) against y (m×d⁽ᴸ⁾). `progress` is called after every recorded epoch.
    /// Throws `TrainingError.diverged` naming the epoch when the loss becomes NaN or ∞.
    public func train(_ network: Network, x: Matrix, y: Matrix, validationX: Matrix? = nil, validationY: Matrix? = nil,
                      progress: ((TrainingHistory.Record) -> Void)? = nil) throws -> Result {
        let c = config
        try c.validate()
        try Trainer.checkShapes(network, x, y, "training")
        guard x.rows > 0 else { throw TrainingError.invalidConfiguration("the training data has no samples") }
        if !x.isFinite || !y.isFinite { throw TrainingError.invalidConfiguration("the training data contains NaN or ∞") }

        // The validation data: given, or a seeded split of the training data.
        var xTrain = x, yTrain = y, xVal = validationX, yVal = validationY, heldOut: [Int] = []
        if (xVal == nil) != (yVal == nil) {
            throw TrainingError.invalidConfiguration("validation inputs and targets must be given together")
        }
        if let xv = xVal, let yv = yVal { try Trainer.checkShapes(network, xv, yv, "validation") }
        if xVal == nil, c.validationFraction > 0 {
            var rng = SeededRandom(seed: c.seed &+ 0x5EED_5EED)
            let perm = rng.permutation(x.rows)
            let nVal = min(max(1, Int((Double(x.rows) * c.validationFraction).rounded())), x.rows - 1)
            guard nVal >= 1, x.rows - nVal >= 1 else {
                throw TrainingError.invalidConfiguration("\(x.rows) samples are too few to hold out a validation set")
            }
            let valIdx = Array(perm[(x.rows - nVal)...]).sorted(), trainIdx = Array(perm[..<(x.rows - nVal)]).sorted()
            xVal = x.rows(valIdx); yVal = y.rows(valIdx)
            xTrain = x.rows(trainIdx); yTrain = y.rows(trainIdx)
            heldOut = valIdx
        }
        if c.earlyStoppingPatience != nil, xVal == nil {
            throw TrainingError.invalidConfiguration("early stopping needs validation data (a validation set or a validation fraction)")
        }

        let m = xTrain.rows
        let batchSize = c.batch.size(m)
        let classes = y.storage.allSatisfy { $0 == 0 || $0 == 1 }
        let needsState: Bool = { if case .sgd = c.optimizer { return false } else { return true } }()
        let engine = TrainingEngine(network: network, loss: c.loss, capacity: max(batchSize, min(m, 256)),
                                    dropout: c.dropout, needsState: needsState)
        engine.dropoutRNG = SeededRandom(seed: c.seed ^ 0xD809_0D80_9D80_9D80)
        var shuffler = SeededRandom(seed: c.seed)
        let fused = batchSize == 1 && !needsState && c.l1 == 0 && c.l2 == 0 && c.dropout == 0
        if fused { xTrain.storage.withUnsafeBufferPointer { engine.listNonzeros($0.baseAddress!, rows: m) } }
        var order = Array(0..<m)
        var history = TrainingHistory()
        let snapshotAt = Set(c.snapshotEpochs)
        if snapshotAt.contains(0) { history.snapshots[0] = network }
        var best = Double.infinity, bestNetwork: Network?, waited = 0

        try xTrain.storage.withUnsafeBufferPointer { xb in
            try yTrain.storage.withUnsafeBufferPointer { yb in
                let xp = xb.baseAddress!, yp = yb.baseAddress!
                guard c.epochs > 0 else { return }
                for epoch in 1...c.epochs {
                    if c.shuffle { shuffler.shuffle(&order) }
                    engine.trackRunning = c.trainingMetrics == .duringEpoch
                    engine.runningClasses = classes
                    engine.runningLoss = 0
                    engine.runningCorrect = 0
                    order.withUnsafeBufferPointer { ob in
                        let op = ob.baseAddress!
                        if fused {
                            engine.sgdSamples(xp, yp, order: op, count: m, learningRate: c.learningRate, kernels: kernels)
                            history.steps += m
                            return
                        }
                        var start = 0
                        while start < m {
                            let count = min(batchSize, m - start)
                            engine.gather(x: xp, y: yp, order: op, start: start, count: count)
                            engine.forward(engine.xBuf, rows: count, training: true)
                            if engine.trackRunning {
                                engine.accumulate(engine.output, engine.yBuf, rows: count, classes: classes,
                                                  total: &engine.runningLoss, correct: &engine.runningCorrect)
                            }
                            engine.outputDelta(engine.yBuf, rows: count, scaleRows: count)
                            engine.backward(engine.xBuf, rows: count)
                            engine.update(optimizer: c.optimizer, learningRate: c.learningRate, l1: c.l1, l2: c.l2)
                            history.steps += 1
                            start += count
                        }
                    }
                    history.epochsRun = epoch
                    let log = epoch == 1 || epoch % c.logEvery == 0 || epoch == c.epochs || c.earlyStoppingPatience != nil || c.targetAccuracy != nil
                    if log {
                        let train: (loss: Double, accuracy: Double?) = c.trainingMetrics == .afterEpoch
                            ? engine.evaluate(x: xp, y: yp, rows: m, classes: classes)
                            : (loss: engine.runningLoss * c.loss.batchScale(m), accuracy: classes ? Double(engine.runningCorrect) / Double(m) : nil)
                        guard train.loss.isFinite, engine.parametersAreFinite else {
                            throw TrainingError.diverged(epoch: epoch, loss: train.loss.isFinite ? .nan : train.loss)
                        }
                        var val: (loss: Double, accuracy: Double?)?
                        if let xv = xVal, let yv = yVal {
                            val = xv.storage.withUnsafeBufferPointer { vx in
                                yv.storage.withUnsafeBufferPointer { vy in
                                    engine.evaluate(x: vx.baseAddress!, y: vy.baseAddress!, rows: xv.rows, classes: classes)
                                }
                            }
                        }
                        let record = TrainingHistory.Record(epoch: epoch, loss: train.loss, accuracy: train.accuracy,
                                                            validationLoss: val?.loss, validationAccuracy: val?.accuracy)
                        history.records.append(record)
                        progress?(record)
                        if let v = val?.loss {
                            if v < best - c.earlyStoppingMinDelta || history.bestEpoch == nil {
                                best = v
                                history.bestEpoch = epoch
                                waited = 0
                                if c.earlyStoppingPatience != nil && c.restoreBestWeights { bestNetwork = engine.export(like: network) }
                            } else {
                                waited += 1
                            }
                        }
                    } else if !engine.parametersAreFinite {
                        let l = engine.evaluate(x: xp, y: yp, rows: m, classes: false).loss
                        throw TrainingError.diverged(epoch: epoch, loss: l)
                    }
                    if snapshotAt.contains(epoch) { history.snapshots[epoch] = engine.export(like: network) }
                    if let target = c.targetAccuracy, let acc = history.records.last.flatMap({ $0.validationAccuracy ?? $0.accuracy }),
                       history.records.last?.epoch == epoch, acc >= target {
                        history.reachedTarget = true
                        break
                    }
                    if let patience = c.earlyStoppingPatience, waited >= patience {
                        history.stoppedEarly = true
                        break
                    }
                }
            }
        }
        if bestNetwork != nil, history.bestEpoch != history.records.last?.epoch { history.restoredBestWeights = true }
        let trained = bestNetwork ?? engine.export(like: network)
        return Result(network: trained, history: history, heldOut: heldOut)
    }

    static func checkShapes(_ net: Network, _ x: Matrix, _ y: Matrix, _ what: String) throws {
        guard x.cols == net.inputSize else {
            throw ShapeError("\(what) inputs are \(x.shapeText) but the network takes \(net.inputSize) values per sample")
        }
        guard y.cols == net.outputSize, y.rows == x.rows else {
            throw ShapeError("\(what) targets are \(y.shapeText); expected \(x.rows)×\(net.outputSize) for inputs \(x.shapeText)")
        }
    }
}
