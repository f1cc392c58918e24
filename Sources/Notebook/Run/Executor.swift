import Foundation
import Neural

/// What running a lesson gives: its prose with references filled in, and what each cell shows.
public struct LessonOutput {
    public enum Part {
        /// Markdown with every {{reference}} replaced by its value.
        case prose(String, firstLine: Int)
        case cell(Cell, [Shown])
    }
    public var lesson: Lesson
    public var parts: [Part]
}

/// Runs a lesson's cells in order in one state, like a notebook kernel; a later cell refers to an
/// earlier result by its name.
public final class Executor {
    public let lesson: Lesson
    public let words: Words
    /// Where `csv:` files are looked up (Lessons/data).
    public let dataDirectory: String
    /// Called while a long cell (training) runs, with the fraction done (0…1).
    public var progress: ((Cell, Double) -> Void)?

    var state: [String: CellResult] = [:]
    /// Training steps (epochs × samples × parameters) run so far in this lesson, held to `Limits`.
    var trainingWork = 0.0
    /// The rounding note last shown: it is repeated only when a cell rounds differently.
    var lastRoundingNote: String?
    /// Names of later cells, to say "defined below" rather than "not defined".
    private var laterNames: [String: Int] = [:]

    public init(lesson: Lesson, dataDirectory: String) {
        self.lesson = lesson
        self.words = Words.of(lesson.frontMatter.lang)
        self.dataDirectory = dataDirectory
    }

    public func run() throws -> LessonOutput {
        for c in lesson.cells { if let n = c.options.name?.value { laterNames[n] = c.location.line } }
        var parts: [LessonOutput.Part] = []
        for segment in lesson.segments {
            switch segment {
            case .prose(let p):
                parts.append(.prose(try substitute(p), firstLine: p.firstLine))
            case .cell(let i):
                let cell = lesson.cells[i]
                var shown = try runCell(cell)
                if cell.options.hidden { shown = [] }
                if cell.options.echo { shown.insert(.code("```nn \(cell.kind.rawValue)\n\(cell.source)\n```"), at: 0) }
                parts.append(.cell(cell, shown))
            }
        }
        return LessonOutput(lesson: lesson, parts: parts)
    }

    /// Runs one cell, stores its result under its name, and returns what it shows.
    func runCell(_ cell: Cell) throws -> [Shown] {
        if let n = cell.options.name?.value { laterNames[n] = nil }
        do {
            let (result, shown) = try execute(cell)
            if let n = cell.options.name?.value, let result { state[n] = result }
            return shown
        } catch let e as LessonError {
            throw e.cell == nil ? LessonError(e.message, at: e.location, cell: cell.label) : e
        } catch let e as NonFiniteValue {
            throw cell.error(e.description)
        } catch let e as ShapeError {
            throw cell.error("shapes do not fit: \(e.message)")
        } catch let e as DataError {
            throw cell.error(e.description)
        } catch {
            throw cell.error("\(error)")
        }
    }

    func execute(_ cell: Cell) throws -> (CellResult?, [Shown]) {
        let fmt = NumberFormat(digits: cell.options.digits)
        switch cell.spec {
        case .network(let s): return try runNetwork(cell, s)
        case .forward(let s): return try runForward(cell, s, fmt)
        case .backward(let s): return try runBackward(cell, s, fmt)
        case .dataset(let s): return try runDataset(cell, s, fmt)
        case .train(let s): return try runTrain(cell, s, fmt)
        case .perceptron(let s): return try runPerceptron(cell, s, fmt)
        case .gates(let s): return try runGates(cell, s)
        case .scale(let s): return try runScale(cell, s, fmt)
        case .activation(let s): return try runActivation(cell, s, fmt)
        case .loss(let s): return try runLoss(cell, s, fmt)
        case .plot(let s): return try runPlot(cell, s)
        case .table(let s): return try runTable(cell, s, fmt)
        case .metrics(let s): return try runMetrics(cell, s, fmt)
        case .gradcheck(let s): return try runGradCheck(cell, s, fmt)
        case .graph(let s): return try runGraph(cell, s, fmt)
        }
    }

    /// The note on rounding, unless the previous shown cell said the same.
    func roundingNote(_ note: Shown, for cell: Cell) -> [Shown] {
        guard !cell.options.hidden, case .paragraph(let text) = note else { return [] }
        if text == lastRoundingNote { return [] }
        lastRoundingNote = text
        return [note]
    }

    // MARK: names

    /// The result called `name`, or an error saying it is not defined above (or defined below).
    func lookup(_ name: Located<String>, in cell: Cell) throws -> CellResult {
        if let r = state[name.value] { return r }
        if let line = laterNames[name.value] {
            throw cell.error("'\(name.value)' is defined below (line \(line)); cells run from top to bottom, so define it before it is used",
                             at: name.location)
        }
        throw cell.error("no result named '\(name.value)' is defined above" + hint(name.value), at: name.location)
    }

    private func hint(_ name: String) -> String {
        let names = state.keys.sorted()
        if names.isEmpty { return "; name a cell with 'name: \(name)' before using it" }
        return Suggestion.hint(for: name, in: names)
    }

    func wrongKind(_ name: Located<String>, _ result: CellResult, expected: String, in cell: Cell) -> LessonError {
        cell.error("'\(name.value)' is a \(result.kindName) result, not \(expected)", at: name.location)
    }

    /// A network by name: a `network` cell, or the network after a `train` or an applied `backward`.
    func network(_ name: Located<String>, in cell: Cell) throws -> Network {
        switch try lookup(name, in: cell) {
        case .network(let n): return n
        case .training(let t): return t.network
        case .backward(let b): return b.updatedNetwork
        case let other: throw wrongKind(name, other, expected: "a network", in: cell)
        }
    }

    func dataset(_ name: Located<String>, in cell: Cell) throws -> DatasetResult {
        if let r = state[name.value] {
            guard case .dataset(let d) = r else { throw wrongKind(name, r, expected: "a dataset", in: cell) }
            return d
        }
        // The logic-gate tables may be named directly (data: xor).
        if laterNames[name.value] == nil, let d = Dataset.builtin(named: name.value) {
            return DatasetResult(all: d, train: d, test: nil)
        }
        let r = try lookup(name, in: cell)
        throw wrongKind(name, r, expected: "a dataset", in: cell)
    }

    /// The rows given in the cell, or a dataset's features (`input: xor`).
    func matrix(_ input: InputSpec, role: String, in cell: Cell) throws -> Matrix {
        switch input {
        case .rows(let rows, _): return try Matrix(rows)
        case .named(let n):
            let d = try dataset(n, in: cell)
            return role == "target" ? d.all.y : d.all.x
        }
    }

    func resolveLoss(_ name: Located<String>, in cell: Cell) throws -> Loss {
        guard let l = Loss.named(name.value) else {
            throw cell.error("unknown loss '\(name.value)'" + Suggestion.hint(for: name.value, in: Loss.acceptedNames), at: name.location)
        }
        return l
    }

    func resolveActivation(_ name: Located<String>, in cell: Cell) throws -> Activation {
        guard let a = Activation.named(name.value) else {
            throw cell.error("unknown activation '\(name.value)'" + Suggestion.hint(for: name.value, in: Activation.acceptedNames),
                             at: name.location)
        }
        return a
    }

    /// Input and network width must agree; the message names both shapes and where the input is.
    func checkInput(_ x: Matrix, _ net: Network, _ at: SourceLocation, in cell: Cell) throws {
        guard x.cols == net.inputSize else {
            throw cell.error("the input is \(x.shapeText) but the network [\(net.sizes.map(String.init).joined(separator: "-"))] takes \(net.inputSize) values per sample (expected m×\(net.inputSize))", at: at)
        }
    }

    // MARK: prose

    func substitute(_ prose: Prose) throws -> String {
        var bytes = Array(prose.text.utf8)
        for r in prose.references.reversed() {
            let text = try value(of: r)
            bytes.replaceSubrange(r.range, with: Array(text.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The printed value of one inline reference.
    func value(of r: InlineReference) throws -> String {
        guard let result = state[r.name] else {
            if let line = laterNames[r.name] {
                throw LessonError("\(r.text): '\(r.name)' is defined below (line \(line)); move the text after that cell", at: r.location)
            }
            throw LessonError("\(r.text): no result named '\(r.name)' is defined above" + hint(r.name), at: r.location)
        }
        let digits = r.digits ?? lesson.cells.first { $0.options.name?.value == r.name }?.options.digits ?? CommonOptions.defaultDigits
        let v = try field(of: result, FieldPath(reference: r, kind: result.kindName))
        let number: Double? = switch v { case .number(let x), .small(let x): x; default: nil }
        if let x = number, !x.isFinite {
            throw LessonError("\(r.text) is \(x.isNaN ? "NaN" : "infinite"); there is no number to print", at: r.location)
        }
        return v.formatted(NumberFormat(digits: digits))
    }
}
