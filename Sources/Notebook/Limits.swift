import Foundation

/// Bounds on what a lesson may ask. Each is checked before any work starts (at cell decoding where the
/// number is written in the cell, before training where it depends on a dataset), and refused with a
/// message naming the limit and the value asked, e.g.
/// "layers: 100000 neurons in layer 2 exceeds the limit of 4096".
///
/// `Limits.current` is task-local: the fuzz harness runs with the tighter `Limits.fuzzing` so that a
/// mutated "epochs: 1000000" is refused quickly instead of training for minutes.
public struct Limits: Sendable, Equatable {
    /// Bytes of a lesson file.
    public var lessonBytes = 1 << 20
    /// Cells of one lesson (the longest lesson has about 30).
    public var cells = 400
    /// Bytes of a data file under Lessons/data.
    public var dataFileBytes = 64 << 20
    /// Layers after the input.
    public var layers = 64
    /// Neurons in one layer (the input counts as a layer).
    public var layerWidth = 4096
    /// Weights and biases of one network.
    public var parameters = 4_000_000
    /// Epochs of one `train` cell.
    public var epochs = 1_000_000
    /// Epochs of one `perceptron` cell.
    public var perceptronEpochs = 10_000
    /// Work of the training runs of one lesson: epochs × samples × parameters summed over its `train`
    /// cells (about one multiply-add each way per step). The lessons' largest uses about 2e9.
    public var trainingWork = 5e10
    /// Samples of one dataset (generated, CSV or inline).
    public var datasetRows = 100_000
    /// Points along a plotted curve, or cells along a side of a decision-boundary grid.
    public var gridResolution = 1000
    /// Pages of one lesson.
    public var pages = 500

    public init() {}

    /// The limits of `nnbook build` and `nnbook render`.
    public static let standard = Limits()

    /// Small enough that any input runs in well under a second.
    public static let fuzzing: Limits = {
        var l = Limits()
        l.lessonBytes = 1 << 20
        l.cells = 200
        l.dataFileBytes = 4 << 20
        l.layers = 8
        l.layerWidth = 256
        l.parameters = 20_000
        l.epochs = 2_000
        l.perceptronEpochs = 200
        l.trainingWork = 3e6
        l.datasetRows = 3_000
        l.gridResolution = 200
        l.pages = 80
        return l
    }()

    @TaskLocal public static var current: Limits = .standard

    // MARK: checks with words

    /// "layers: 100000 neurons in layer 2 exceeds the limit of 4096".
    public func layersProblem(_ sizes: [Int]) -> String? {
        if sizes.count - 1 > layers {
            return "layers: \(sizes.count - 1) layers after the input exceeds the limit of \(layers)"
        }
        if let i = sizes.firstIndex(where: { $0 > layerWidth }) {
            return "layers: \(sizes[i]) neurons in layer \(i) exceeds the limit of \(layerWidth)"
        }
        if let i = sizes.firstIndex(where: { $0 < 1 }) {
            return "layers: \(sizes[i]) neurons in layer \(i); every layer needs at least 1"
        }
        var count = 0
        for (a, b) in zip(sizes, sizes.dropFirst()) { count += a * b + b }
        if count > parameters {
            return "layers: \(count) weights and biases exceeds the limit of \(parameters)"
        }
        return nil
    }

    /// Work of a training run: epochs × samples × parameters, added to the work of the lesson's
    /// earlier training cells (`before`).
    public func trainingProblem(epochs: Int, samples: Int, parameters p: Int, before: Double = 0) -> String? {
        let work = Double(epochs) * Double(samples) * Double(max(p, 1))
        guard work + before > trainingWork else { return nil }
        if before > 0 && work <= trainingWork {
            return "training: \(epochs) epochs × \(samples) samples × \(p) parameters = \(Self.short(work)) steps brings the lesson's training to \(Self.short(work + before)) steps, which exceeds the limit of \(Self.short(trainingWork)) for a lesson"
        }
        return "training: \(epochs) epochs × \(samples) samples × \(p) parameters = \(Self.short(work)) steps exceeds the limit of \(Self.short(trainingWork)); use fewer epochs or a smaller network or dataset"
    }

    public func rowsProblem(_ rows: Int, what: String) -> String? {
        rows > datasetRows ? "\(what): \(rows) samples exceeds the limit of \(datasetRows)" : nil
    }

    public func checkLessonSize(_ bytes: Int, file: String) throws {
        guard bytes > lessonBytes else { return }
        throw LessonError("the lesson is \(bytes) bytes, which exceeds the limit of \(lessonBytes) bytes",
                          at: SourceLocation(file: file, line: 1, column: 1))
    }

    public func checkPages(_ count: Int, file: String) throws {
        guard count > pages else { return }
        throw LessonError("the lesson runs to \(count) pages, which exceeds the limit of \(pages) pages",
                          at: SourceLocation(file: file, line: 1, column: 1))
    }

    static func short(_ x: Double) -> String {
        x < 1e7 ? String(Int(x)) : String(format: "%.3g", x)
    }

    // MARK: files

    /// The path of `name` inside `directory`, refusing absolute paths, `..`, and symbolic links that
    /// lead outside it: a lesson reads only its own folder and Lessons/data.
    public static func containedPath(_ name: String, in directory: String) -> Result<String, PathRefusal> {
        guard !name.isEmpty else { return .failure(.init("an empty file name")) }
        guard !name.hasPrefix("/"), !name.hasPrefix("~") else {
            return .failure(.init("'\(name)' is an absolute path; data files are named relative to \((directory as NSString).lastPathComponent)"))
        }
        guard !name.split(separator: "/").contains(".."), !name.contains("\0") else {
            return .failure(.init("'\(name)' leaves the data folder ('..'); data files are named relative to \((directory as NSString).lastPathComponent)"))
        }
        let path = (directory as NSString).appendingPathComponent(name)
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().standardizedFileURL.path
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        guard real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            return .failure(.init("'\(name)' is a link to a file outside \((directory as NSString).lastPathComponent); a lesson reads only its own data folder"))
        }
        return .success(path)
    }

    public struct PathRefusal: Error, CustomStringConvertible, Sendable {
        public var description: String
        init(_ d: String) { description = d }
    }
}
