/// How a data set's labels become the target matrix y.
public enum TargetEncoding: String, Sendable, Equatable {
    /// One 0/1 column for two classes, one-hot rows for more.
    case auto
    /// Always one column holding the label (0/1 for a binary problem).
    case column
    /// Always one-hot rows, one column per class.
    case oneHot
}

/// Width and height of the images whose pixels are a data set's features (8×8 digits, 28×28 MNIST).
public struct ImageShape: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}

/// A labelled data set: m samples as the rows of x, with their class labels and targets.
///
/// For a classification set `labels[i]` is the class index of sample i (0-based, into `classNames`)
/// and `y` is the matrix a network is trained against: one 0/1 column for two classes, one-hot rows
/// for more (see `TargetEncoding`). For a regression set (`classNames` empty) `y` holds the values
/// and `labels` is empty.
public struct Dataset: Sendable, Equatable {
    public var name: String
    /// m×d: a row per sample, a column per feature.
    public var x: Matrix
    /// m×1 (0/1 or the value) or m×k (one-hot).
    public var y: Matrix
    /// Class index of each sample; empty for regression.
    public var labels: [Int]
    public var featureNames: [String]
    /// Names of the classes, indexed by label; empty for regression.
    public var classNames: [String]
    /// Set when the features are the pixels of an image, row by row.
    public var imageShape: ImageShape?

    /// A classification set; y is built from the labels.
    public init(name: String, x: Matrix, labels: [Int], featureNames: [String]? = nil,
                classNames: [String]? = nil, encoding: TargetEncoding = .auto,
                imageShape: ImageShape? = nil) throws {
        guard labels.count == x.rows else {
            throw ShapeError("data set “\(name)”: \(x.rows) sample(s) but \(labels.count) label(s)")
        }
        let k = classNames?.count ?? ((labels.max() ?? 0) + 1)
        if let bad = labels.firstIndex(where: { $0 < 0 || $0 >= k }) {
            throw DataError("data set “\(name)”: sample \(bad + 1) has label \(labels[bad]), expected 0…\(k - 1)")
        }
        let names = featureNames ?? (0..<x.cols).map { "x\($0 + 1)" }
        guard names.count == x.cols else {
            throw ShapeError("data set “\(name)”: \(x.cols) feature column(s) but \(names.count) feature name(s)")
        }
        if let shape = imageShape, shape.width * shape.height != x.cols {
            throw ShapeError("data set “\(name)”: \(shape.width)×\(shape.height) images need \(shape.width * shape.height) features, x has \(x.cols)")
        }
        self.name = name
        self.x = x
        self.labels = labels
        self.featureNames = names
        self.classNames = classNames ?? (0..<k).map(String.init)
        self.imageShape = imageShape
        let useColumn = encoding == .column || (encoding == .auto && k <= 2)
        self.y = useColumn
            ? Matrix(column: labels.map(Double.init))
            : OneHotEncoder.encode(labels: labels, classes: k)
    }

    /// A regression set: y holds the target values (m×t), no classes.
    public init(name: String, x: Matrix, values y: Matrix, featureNames: [String]? = nil) throws {
        guard y.rows == x.rows else {
            throw ShapeError("data set “\(name)”: x is \(x.shapeText) but the targets are \(y.shapeText)")
        }
        let names = featureNames ?? (0..<x.cols).map { "x\($0 + 1)" }
        guard names.count == x.cols else {
            throw ShapeError("data set “\(name)”: \(x.cols) feature column(s) but \(names.count) feature name(s)")
        }
        self.name = name
        self.x = x
        self.y = y
        self.labels = []
        self.featureNames = names
        self.classNames = []
        self.imageShape = nil
    }

    /// m, the number of samples.
    public var count: Int { x.rows }
    /// d, the number of features.
    public var featureCount: Int { x.cols }
    /// k, the number of classes (0 for regression).
    public var classCount: Int { classNames.count }
    public var isClassification: Bool { !classNames.isEmpty }

    /// Samples of each class, indexed by label.
    public var classCounts: [Int] {
        var c = [Int](repeating: 0, count: classNames.count)
        for l in labels { c[l] += 1 }
        return c
    }

    /// The samples at `indices`, in that order.
    public func subset(_ indices: [Int], name: String? = nil) -> Dataset {
        var d = self
        d.name = name ?? self.name
        d.x = x.rows(indices)
        d.y = y.rows(indices)
        if !labels.isEmpty { d.labels = indices.map { labels[$0] } }
        return d
    }

    /// The same set with the features replaced (after a scaler, for instance); shapes must agree.
    public func withFeatures(_ newX: Matrix) throws -> Dataset {
        guard newX.rows == x.rows else {
            throw ShapeError("data set “\(name)” has \(x.rows) samples; new features are \(newX.shapeText)")
        }
        var d = self
        d.x = newX
        if newX.cols != x.cols {
            d.featureNames = (0..<newX.cols).map { "x\($0 + 1)" }
            d.imageShape = nil
        }
        return d
    }
}
