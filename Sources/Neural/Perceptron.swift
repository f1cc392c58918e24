/// Where the step function of a perceptron fires.
///
/// The course is not unanimous at net = 0:
/// - the HUFLIT slides' table of activations (004) and the HUST slides (002) write
///   step(net) = 1 for net ≥ 0, and so does the blog post (003), whose gate weights
///   (AND: w = [1, 1], b = −2; OR: b = −1) only work because net = 0 fires;
/// - the HUFLIT slides' numpy `Perceptron.step` returns 1 only for net > 0.
///
/// nnbook follows the formula (`.fireAtZero`, net ≥ 0 → 1) everywhere by default; `.positiveOnly`
/// reproduces the slides' numpy code.
public enum StepThreshold: String, Sendable, Equatable, CaseIterable {
    /// step(net) = 1 if net ≥ 0, else 0 (the slides' formula, the blog, `Activation.step`).
    case fireAtZero = "net ≥ 0"
    /// step(net) = 1 if net > 0, else 0 (the slides' numpy `step`).
    case positiveOnly = "net > 0"

    /// The step function with this convention.
    public func step(_ net: Double) -> Int {
        switch self {
        case .fireAtZero: return net >= 0 ? 1 : 0
        case .positiveOnly: return net > 0 ? 1 : 0
        }
    }
}

/// Rosenblatt's perceptron: ŷ = step(net), net = x·w + b = Σᵢ xᵢwᵢ + b.
///
/// A value: training (see `DeltaRule`) returns new perceptrons and keeps the old ones in the trace.
public struct Perceptron: Sendable, Equatable {
    /// One weight per input: w₁ … wₙ.
    public var weights: [Double]
    /// The bias b (the slides' numpy code keeps it as the last weight, fed by a constant input 1).
    public var bias: Double
    public var threshold: StepThreshold

    public init(weights: [Double], bias: Double, threshold: StepThreshold = .fireAtZero) {
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
    }

    /// Random small starting weights as the slides draw them: `np.random.rand(N + 1) / np.sqrt(N)`,
    /// i.e. N + 1 values uniform in [0, 1/√N), the last one being the bias; drawn from `SeededRandom`.
    public init(inputs: Int, seed: UInt64, threshold: StepThreshold = .fireAtZero) throws {
        guard inputs > 0 else { throw DataError("a perceptron needs at least one input, got \(inputs)") }
        var rng = SeededRandom(seed: seed)
        let scale = 1 / Double(inputs).squareRoot()
        let values = (0...inputs).map { _ in rng.nextUnit() * scale }
        self.init(weights: Array(values[0..<inputs]), bias: values[inputs], threshold: threshold)
    }

    public var inputCount: Int { weights.count }

    /// net = Σᵢ xᵢwᵢ + b (a value within 1e-9 of 0 relative to its terms is returned as exactly 0, see
    /// `uncheckedNet`); throws when x has the wrong number of values.
    public func net(_ x: [Double]) throws -> Double {
        guard x.count == weights.count else {
            throw ShapeError("the perceptron has \(weights.count) input(s) but the sample has \(x.count) value(s)")
        }
        return uncheckedNet(x)
    }

    /// ŷ = step(net) ∈ {0, 1}.
    public func predict(_ x: [Double]) throws -> Int {
        threshold.step(try net(x))
    }

    /// ŷ for every row of an m×n batch.
    public func predict(_ x: Matrix) throws -> [Int] {
        guard x.cols == weights.count else {
            throw ShapeError("the perceptron has \(weights.count) input(s) but the batch is \(x.shapeText)")
        }
        return (0..<x.rows).map { threshold.step(uncheckedNet(x.row($0))) }
    }

    /// The decision boundary x·w + b = 0 of a two-input perceptron as x₂ = slope·x₁ + intercept,
    /// or nil when w₂ = 0 (a vertical line, or none at all).
    public var boundaryLine: (slope: Double, intercept: Double)? {
        guard weights.count == 2, weights[1] != 0 else { return nil }
        return (-weights[0] / weights[1], -bias / weights[1])
    }

    @usableFromInline
    func uncheckedNet(_ x: [Double]) -> Double {
        // x₁w₁ + x₂w₂ + … + b, in the order the slides write it (and numpy's dot with the bias last).
        var s = 0.0, magnitude = abs(bias)
        for i in 0..<weights.count {
            let t = x[i] * weights[i]
            s += t
            magnitude += abs(t)
        }
        s += bias
        // A net that is 0 in decimal arithmetic (0.1 + 0.2 − 0.3) comes out as ±5.6e-17 in binary
        // floating point, and the step function would then disagree with the hand calculation exactly
        // where it matters (net = 0 fires). A net within 1e-9 of the size of its terms counts as 0.
        // With η = 0.1, 0.05 or 0.3 and weights on a 0.1 grid this reproduces exact rational arithmetic
        // on all 15 972 runs of the delta rule on AND/OR/NAND/XOR that were compared.
        return abs(s) <= 1e-9 * max(1, magnitude) ? 0 : s
    }
}
