/// What happened during training: loss and accuracy per recorded epoch, snapshots, early stopping.
public struct TrainingHistory: Equatable, Sendable {
    /// The numbers after one epoch. Loss is the configured loss (without the L1/L2 penalty) over the
    /// whole training set after the epoch's updates, with dropout off. Accuracy is nil when the
    /// targets are not 0/1 classes.
    public struct Record: Equatable, Sendable {
        public let epoch: Int
        public let loss: Double
        public let accuracy: Double?
        public let validationLoss: Double?
        public let validationAccuracy: Double?
    }

    public internal(set) var records: [Record] = []
    /// Copies of the network after the epochs asked for (0 = before training).
    public internal(set) var snapshots: [Int: Network] = [:]
    /// Epochs actually run.
    public internal(set) var epochsRun = 0
    /// The epoch with the lowest validation loss (when there was validation data).
    public internal(set) var bestEpoch: Int?
    public internal(set) var stoppedEarly = false
    /// True when early stopping handed back the weights of `bestEpoch` rather than the last epoch's.
    public internal(set) var restoredBestWeights = false
    /// True when training stopped because it reached `TrainingConfig.targetAccuracy`.
    public internal(set) var reachedTarget = false
    /// Gradient steps taken.
    public internal(set) var steps = 0

    public var epochs: [Int] { records.map(\.epoch) }
    public var loss: [Double] { records.map(\.loss) }
    public var accuracy: [Double] { records.compactMap(\.accuracy) }
    public var validationLoss: [Double] { records.compactMap(\.validationLoss) }
    public var validationAccuracy: [Double] { records.compactMap(\.validationAccuracy) }
    public var finalLoss: Double? { records.last?.loss }
    public var finalAccuracy: Double? { records.last?.accuracy }

    /// The record of the network training hands back: the best epoch's when early stopping restored
    /// its weights, else the last one. Its losses and accuracies describe the weights a lesson keeps.
    public var keptRecord: Record? {
        if restoredBestWeights, let b = bestEpoch, let r = record(epoch: b) { return r }
        return records.last
    }

    /// The record of epoch `e`, if it was recorded.
    public func record(epoch e: Int) -> Record? { records.first { $0.epoch == e } }
}

/// Training stopped with an error.
public enum TrainingError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The loss became NaN or ±∞ (a learning rate too large, usually).
    case diverged(epoch: Int, loss: Double)
    case invalidConfiguration(String)

    public var description: String {
        switch self {
        case .diverged(let epoch, let loss):
            return "training diverged at epoch \(epoch): the loss became \(loss) (try a smaller learning rate)"
        case .invalidConfiguration(let s): return "invalid training configuration: \(s)"
        }
    }
}
