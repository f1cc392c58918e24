/// Everything a training run needs besides the network and the data.
public struct TrainingConfig: Equatable, Sendable {
    /// How many samples each gradient step sees.
    public enum Batch: Equatable, Hashable, Sendable {
        /// One sample per step (per-sample SGD, as the slides' numpy MLP).
        case stochastic
        /// `n` samples per step (the last batch of an epoch may be smaller).
        case mini(Int)
        /// The whole training set per step (batch gradient descent).
        case full

        /// "1" or "stochastic", "full", or a number.
        public static func named(_ s: String) -> Batch? {
            switch s.lowercased() {
            case "1", "stochastic", "sgd", "sample": return .stochastic
            case "full", "batch", "all": return .full
            default:
                guard let n = Int(s), n > 0 else { return nil }
                return n == 1 ? .stochastic : .mini(n)
            }
        }

        func size(_ m: Int) -> Int {
            switch self {
            case .stochastic: return 1
            case .mini(let n): return max(1, min(n, m))
            case .full: return max(m, 1)
            }
        }
    }

    /// When the training loss and accuracy of an epoch are measured.
    public enum TrainingMetrics: String, Equatable, Hashable, Sendable {
        /// A separate pass over the training set after the epoch (dropout off): the loss of the
        /// network as it stands after epoch e.
        case afterEpoch = "after-epoch"
        /// The mean over the epoch's samples, each taken at its step before the update (as Keras
        /// reports it); free, as the forward pass is done anyway.
        case duringEpoch = "during-epoch"
    }

    public var loss: Loss = .halfSSE
    public var optimizer: Optimizer = .sgd
    /// η.
    public var learningRate: Double = 0.1
    /// The most epochs to run (early stopping may end sooner).
    public var epochs: Int = 100
    public var batch: Batch = .stochastic
    /// Visit the samples in a new seeded order every epoch.
    public var shuffle: Bool = true
    /// Seeds shuffling, dropout and the validation split.
    public var seed: UInt64 = 0
    /// λ₁ of the L1 penalty λ₁Σ|w| added to every step's loss (weights only, not biases).
    public var l1: Double = 0
    /// λ₂ of the L2 penalty (λ₂/2)Σw² added to every step's loss (weights only, not biases).
    public var l2: Double = 0
    /// Probability of dropping each hidden neuron's output during training (inverted dropout:
    /// the kept ones are scaled by 1/(1−p), so prediction needs no change). 0 = off.
    public var dropout: Double = 0
    /// Fraction of the training data held out (seeded) for validation when no validation set is
    /// given. 0 = none.
    public var validationFraction: Double = 0
    /// Stop when the validation loss has not improved for this many epochs (needs validation data).
    public var earlyStoppingPatience: Int? = nil
    /// Smallest decrease of the validation loss that counts as an improvement.
    public var earlyStoppingMinDelta: Double = 0
    /// After early stopping, return the weights of the best epoch (else those of the last).
    public var restoreBestWeights: Bool = true
    /// Stop as soon as the validation accuracy (the training accuracy when there is no validation
    /// data) reaches this value, checked every epoch. nil = off.
    public var targetAccuracy: Double? = nil
    public var trainingMetrics: TrainingMetrics = .afterEpoch
    /// Epochs after which to keep a copy of the network (0 = before training).
    public var snapshotEpochs: [Int] = []
    /// Record the loss and accuracy every this many epochs (and at epoch 1 and the last).
    /// Validation is evaluated every epoch when early stopping is on.
    public var logEvery: Int = 1

    public init(loss: Loss = .halfSSE, optimizer: Optimizer = .sgd, learningRate: Double = 0.1, epochs: Int = 100,
                batch: Batch = .stochastic, shuffle: Bool = true, seed: UInt64 = 0) {
        self.loss = loss
        self.optimizer = optimizer
        self.learningRate = learningRate
        self.epochs = epochs
        self.batch = batch
        self.shuffle = shuffle
        self.seed = seed
    }

    func validate() throws {
        func bad(_ s: String) -> TrainingError { .invalidConfiguration(s) }
        guard learningRate.isFinite, learningRate > 0 else { throw bad("the learning rate must be a positive number, got \(learningRate)") }
        guard epochs >= 0 else { throw bad("epochs must be 0 or more, got \(epochs)") }
        if case .mini(let n) = batch, n < 1 { throw bad("the batch size must be at least 1, got \(n)") }
        guard l1 >= 0, l1.isFinite, l2 >= 0, l2.isFinite else { throw bad("L1 and L2 penalties must be ≥ 0, got \(l1) and \(l2)") }
        guard dropout >= 0, dropout < 1 else { throw bad("dropout must be in [0, 1), got \(dropout)") }
        guard validationFraction >= 0, validationFraction < 1 else {
            throw bad("the validation fraction must be in [0, 1), got \(validationFraction)")
        }
        if let p = earlyStoppingPatience, p < 1 { throw bad("early-stopping patience must be at least 1, got \(p)") }
        if let t = targetAccuracy, !(t > 0 && t <= 1) { throw bad("the target accuracy must be in (0, 1], got \(t)") }
        guard logEvery >= 1 else { throw bad("log-every must be at least 1, got \(logEvery)") }
        if let e = snapshotEpochs.first(where: { $0 < 0 || $0 > epochs }) {
            throw bad("snapshot epoch \(e) is outside 0…\(epochs)")
        }
        try optimizer.validate()
    }
}
