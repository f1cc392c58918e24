/// One sample seen by the delta rule: what the perceptron computed and what it became.
public struct DeltaRuleStep: Sendable, Equatable {
    /// Epoch, numbered from 1.
    public let epoch: Int
    /// Index of the sample in the data set, numbered from 0 (a presenter adds 1 if it numbers from 1).
    public let sample: Int
    public let x: [Double]
    /// net = x·w + b with the weights before this step.
    public let net: Double
    /// ŷ = step(net).
    public let prediction: Int
    /// y, the target.
    public let target: Int
    /// ŷ − y ∈ {−1, 0, 1}.
    public let error: Int
    public let weightsBefore: [Double]
    public let biasBefore: Double
    /// w ← w − η(ŷ − y)x.
    public let weightsAfter: [Double]
    /// b ← b − η(ŷ − y).
    public let biasAfter: Double

    /// True when this sample changed the weights.
    public var updated: Bool { error != 0 }
}

/// The whole run of the delta rule: every sample of every epoch.
public struct DeltaRuleTrace: Sendable, Equatable {
    public let initial: Perceptron
    public let final: Perceptron
    public let learningRate: Double
    /// Every sample of every epoch, in the order seen.
    public let steps: [DeltaRuleStep]
    /// Misclassified samples (ŷ ≠ y when seen) in each epoch; `errorsPerEpoch[0]` is epoch 1.
    public let errorsPerEpoch: [Int]
    /// True when the last epoch had no error (the rule stopped by itself).
    public let converged: Bool

    public var epochsRun: Int { errorsPerEpoch.count }

    /// The steps of one epoch (numbered from 1).
    public func steps(inEpoch epoch: Int) -> [DeltaRuleStep] {
        steps.filter { $0.epoch == epoch }
    }
}

/// The perceptron learning rule of the slides (HUFLIT 004):
///
///     for each epoch, for each sample (x, y) in order:
///         ŷ = step(x·w + b)
///         w ← w − η(ŷ − y)x,   b ← b − η(ŷ − y)
///
/// It stops after the first epoch in which no sample was misclassified, or after `maxEpochs`.
/// Samples are visited in data-set order (the slides' `zip(X, y)`), so a run is reproducible
/// without a seed.
public struct DeltaRule: Sendable, Equatable {
    /// η (the slides' `alpha`, 0.1 in their example).
    public var learningRate: Double
    /// The most epochs to run (the slides' `epochs`, 20 in their example).
    public var maxEpochs: Int

    public init(learningRate: Double = 0.1, maxEpochs: Int = 20) {
        self.learningRate = learningRate
        self.maxEpochs = maxEpochs
    }

    /// Trains `perceptron` on the rows of `x` (m×n) with 0/1 `targets` (m of them).
    public func train(_ perceptron: Perceptron, x: Matrix, targets: [Int]) throws -> DeltaRuleTrace {
        guard learningRate.isFinite, learningRate > 0 else {
            throw DataError("the learning rate must be a positive number, got \(learningRate)")
        }
        guard maxEpochs >= 1 else { throw DataError("the number of epochs must be at least 1, got \(maxEpochs)") }
        guard x.cols == perceptron.inputCount else {
            throw ShapeError("the perceptron has \(perceptron.inputCount) input(s) but the samples are \(x.shapeText)")
        }
        guard targets.count == x.rows else {
            throw ShapeError("\(x.rows) sample(s) but \(targets.count) target(s)")
        }
        guard x.rows > 0 else { throw DataError("there are no samples to train on") }
        if let bad = targets.firstIndex(where: { $0 != 0 && $0 != 1 }) {
            throw DataError("the perceptron learns 0/1 targets; sample \(bad + 1) has target \(targets[bad])")
        }
        guard x.isFinite else { throw DataError("the samples contain NaN or an infinite value") }

        let eta = learningRate
        var w = perceptron.weights
        var b = perceptron.bias
        var steps: [DeltaRuleStep] = []
        steps.reserveCapacity(maxEpochs * x.rows)
        var errorsPerEpoch: [Int] = []
        var converged = false

        for epoch in 1...maxEpochs {
            var errors = 0
            for i in 0..<x.rows {
                let xi = x.row(i)
                let current = Perceptron(weights: w, bias: b, threshold: perceptron.threshold)
                let net = current.uncheckedNet(xi)
                let yHat = perceptron.threshold.step(net)
                let error = yHat - targets[i]
                let wBefore = w, bBefore = b
                if error != 0 {
                    errors += 1
                    let e = Double(error)
                    for j in 0..<w.count { w[j] -= eta * e * xi[j] }
                    b -= eta * e
                }
                steps.append(DeltaRuleStep(
                    epoch: epoch, sample: i, x: xi, net: net, prediction: yHat, target: targets[i],
                    error: error, weightsBefore: wBefore, biasBefore: bBefore, weightsAfter: w, biasAfter: b))
            }
            errorsPerEpoch.append(errors)
            if errors == 0 { converged = true; break }
        }
        return DeltaRuleTrace(
            initial: perceptron,
            final: Perceptron(weights: w, bias: b, threshold: perceptron.threshold),
            learningRate: eta, steps: steps, errorsPerEpoch: errorsPerEpoch, converged: converged)
    }

    /// Trains on a data set whose targets are one 0/1 column (a logic gate, a two-class set).
    public func train(_ perceptron: Perceptron, on data: Dataset) throws -> DeltaRuleTrace {
        guard data.y.cols == 1 else {
            throw DataError("the perceptron learns one 0/1 output; data set “\(data.name)” has \(data.y.cols) target columns")
        }
        return try train(perceptron, x: data.x, targets: data.labels)
    }
}
