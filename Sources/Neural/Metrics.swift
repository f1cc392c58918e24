/// Fraction of samples whose predicted label equals the true one.
public func accuracy(predicted: [Int], actual: [Int]) throws -> Double {
    guard predicted.count == actual.count else {
        throw ShapeError("\(predicted.count) prediction(s) but \(actual.count) true label(s)")
    }
    guard !actual.isEmpty else { throw DataError("accuracy of no samples is undefined") }
    return Double(zip(predicted, actual).filter { $0 == $1 }.count) / Double(actual.count)
}

/// Accuracy of a network's output against a target matrix: argmax per row for several columns, the
/// threshold (0.5) for one column (see `predictedLabels`).
public func accuracy(output: Matrix, target: Matrix, threshold: Double = 0.5) throws -> Double {
    guard output.rows == target.rows, output.cols == target.cols else {
        throw ShapeError("output is \(output.shapeText) but the target is \(target.shapeText)")
    }
    guard output.isFinite else { throw DataError("the output contains NaN or an infinite value; accuracy is undefined") }
    return try accuracy(predicted: predictedLabels(output, threshold: threshold),
                        actual: predictedLabels(target, threshold: threshold))
}

/// Class labels from a network's output: for one column, 1 where the output is ≥ threshold (0.5 for
/// a sigmoid), else 0; for several columns, the column of the largest value (first on a tie).
/// NaN compares false everywhere (a NaN row gives class 0): check `Matrix.isFinite` first, as
/// `accuracy(output:target:)` does.
public func predictedLabels(_ output: Matrix, threshold: Double = 0.5) -> [Int] {
    if output.cols == 1 { return output.storage.map { $0 >= threshold ? 1 : 0 } }
    return output.argmaxPerRow
}

/// The confusion matrix: `counts[i][j]` is the number of samples of true class i predicted as j
/// (rows are the truth, columns the prediction, as scikit-learn prints it).
public struct ConfusionMatrix: Sendable, Equatable {
    public let classNames: [String]
    public let counts: [[Int]]

    /// Counts pairs (actual, predicted); labels must be in 0..<classNames.count.
    public init(actual: [Int], predicted: [Int], classNames: [String]) throws {
        guard actual.count == predicted.count else {
            throw ShapeError("\(predicted.count) prediction(s) but \(actual.count) true label(s)")
        }
        let k = classNames.count
        guard k >= 1 else { throw DataError("a confusion matrix needs at least one class") }
        var c = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        for (i, (a, p)) in zip(actual, predicted).enumerated() {
            guard (0..<k).contains(a), (0..<k).contains(p) else {
                throw DataError("sample \(i + 1): labels must be 0…\(k - 1), got true \(a), predicted \(p)")
            }
            c[a][p] += 1
        }
        self.classNames = classNames
        self.counts = c
    }

    /// Classes named "0", "1", … up to the largest label seen (or `classes` of them).
    public init(actual: [Int], predicted: [Int], classes: Int? = nil) throws {
        let k = classes ?? ((actual + predicted).max() ?? 0) + 1
        try self.init(actual: actual, predicted: predicted, classNames: (0..<k).map(String.init))
    }

    public var classCount: Int { classNames.count }
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }
    /// The diagonal: samples predicted right.
    public var correct: Int { (0..<classCount).reduce(0) { $0 + counts[$1][$1] } }
    /// correct / total (0 when empty).
    public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

    /// True positives of class k: counts[k][k].
    public func truePositives(_ k: Int) -> Int { counts[k][k] }
    /// Predicted k but another class: column k without the diagonal.
    public func falsePositives(_ k: Int) -> Int { (0..<classCount).reduce(0) { $0 + ($1 == k ? 0 : counts[$1][k]) } }
    /// Class k predicted as another: row k without the diagonal.
    public func falseNegatives(_ k: Int) -> Int { (0..<classCount).reduce(0) { $0 + ($1 == k ? 0 : counts[k][$1]) } }
    /// Samples of class k: the sum of row k.
    public func support(_ k: Int) -> Int { counts[k].reduce(0, +) }
}

/// Precision, recall, F1 and support of one class (or an average of them).
public struct ClassScores: Sendable, Equatable {
    public let name: String
    /// TP / (TP + FP): of the samples predicted as this class, the fraction that are.
    public let precision: Double
    /// TP / (TP + FN): of the samples of this class, the fraction found.
    public let recall: Double
    /// 2·P·R / (P + R), the harmonic mean.
    public let f1: Double
    /// Samples of this class (for an average, all samples).
    public let support: Int
}

/// The per-class report of scikit-learn's `classification_report`: precision, recall, F1 and support
/// of every class, the accuracy, and the macro (plain mean over classes) and weighted (mean weighted
/// by support) averages. A ratio with a zero denominator (no sample predicted as a class, or none of
/// it) is 0, as scikit-learn reports it by default.
public struct ClassificationReport: Sendable, Equatable {
    public let confusion: ConfusionMatrix
    public let classes: [ClassScores]
    public let accuracy: Double
    public let macroAverage: ClassScores
    public let weightedAverage: ClassScores

    public init(_ confusion: ConfusionMatrix) {
        self.confusion = confusion
        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
        var scores: [ClassScores] = []
        for k in 0..<confusion.classCount {
            let tp = confusion.truePositives(k)
            let p = ratio(tp, tp + confusion.falsePositives(k))
            let r = ratio(tp, tp + confusion.falseNegatives(k))
            let f = p + r == 0 ? 0 : 2 * p * r / (p + r)
            scores.append(ClassScores(name: confusion.classNames[k], precision: p, recall: r, f1: f,
                                      support: confusion.support(k)))
        }
        classes = scores
        accuracy = confusion.accuracy
        let k = Double(max(scores.count, 1))
        let total = confusion.total
        macroAverage = ClassScores(
            name: "macro avg",
            precision: scores.reduce(0) { $0 + $1.precision } / k,
            recall: scores.reduce(0) { $0 + $1.recall } / k,
            f1: scores.reduce(0) { $0 + $1.f1 } / k,
            support: total)
        let w = Double(max(total, 1))
        weightedAverage = ClassScores(
            name: "weighted avg",
            precision: scores.reduce(0) { $0 + $1.precision * Double($1.support) } / w,
            recall: scores.reduce(0) { $0 + $1.recall * Double($1.support) } / w,
            f1: scores.reduce(0) { $0 + $1.f1 * Double($1.support) } / w,
            support: total)
    }

    public init(actual: [Int], predicted: [Int], classNames: [String]) throws {
        self.init(try ConfusionMatrix(actual: actual, predicted: predicted, classNames: classNames))
    }
}
