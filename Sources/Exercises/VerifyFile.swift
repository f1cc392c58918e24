// The verify file: a hand exercise and a student's answers, read from YAML with line numbers.

import Foundation
import Yams
import Neural

/// A verify file read into the problem and the answers given (blanks left out).
public struct VerifyFile: Sendable {
    public var exercise: HandExercise
    /// Every answered value, keyed in the in-out layout whatever the file's layout.
    public var answers: [Quantity: WrittenNumber]

    public init(exercise: HandExercise, answers: [Quantity: WrittenNumber]) {
        self.exercise = exercise
        self.answers = answers
    }

    static let topKeys = ["network", "input", "target", "loss", "learning-rate", "rounding", "answers", "variant"]
    static let networkKeys = ["layers", "activation", "bias", "update-bias", "weights-layout", "weights", "biases"]
    static let answerKeys = Step.allCases.map(\.rawValue)
    /// Limits that keep a hostile file from costing memory or time.
    static let maxLayers = 12, maxNeurons = 64, maxBytes = 1 << 20

    /// Reads and checks the file at `path`.
    public static func read(path: String) throws -> VerifyFile {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw VerifyFileError(file: path, line: 0, message: "cannot read the file (\(Self.reason(error)))")
        }
        guard data.count <= maxBytes else {
            throw VerifyFileError(file: path, line: 0, message: "the file is \(data.count) bytes; a verify file is at most \(maxBytes)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw VerifyFileError(file: path, line: 0, message: "the file is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError { return "no such file" }
        if let u = ns.userInfo[NSUnderlyingErrorKey] as? NSError, u.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(u.code)))
        }
        return ns.localizedDescription
    }

    /// Parses verify-file text; `file` names it in error messages.
    public static func parse(_ text: String, file: String) throws -> VerifyFile {
        let root: Node
        do {
            guard let n = try Yams.compose(yaml: text) else {
                throw VerifyFileError(file: file, line: 1, message: "the file is empty; expected the keys network, input, target, loss, learning-rate")
            }
            root = n
        } catch let e as VerifyFileError {
            throw e
        } catch let e as YamlError {
            throw yamlError(e, file: file)
        } catch {
            throw VerifyFileError(file: file, line: 1, message: "not readable as YAML: \(error)")
        }
        return try Reader(y: YAMLFields(file: file)).read(root)
    }

    static func yamlError(_ e: YamlError, file: String) -> VerifyFileError {
        switch e {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let ctx = context.map { " \($0.text)" } ?? ""
            return VerifyFileError(file: file, line: mark.line, message: "not valid YAML: \(problem)\(ctx)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return VerifyFileError(file: file, line: context.mark.line,
                                   message: "key '\(duplicates.joined(separator: "', '"))' appears twice")
        default:
            return VerifyFileError(file: file, line: 1, message: "not valid YAML: \(e)")
        }
    }
}

private struct Reader {
    let y: YAMLFields

    func read(_ root: Node) throws -> VerifyFile {
        let top = try y.mapping(root, "the file", allowed: VerifyFile.topKeys)
        let netNode = try y.required(top, "network", in: "the file", at: root,
                                     expecting: "a mapping with layers, activation, weights")
        let net = try y.mapping(netNode, "network", allowed: VerifyFile.networkKeys)

        // Layers: [2, 3, 2] or "2-3-2".
        let layersNode = try y.required(net, "layers", in: "network", at: netNode, expecting: "a list such as [2, 3, 2]")
        let sizes = try layers(layersNode)
        let L = sizes.count - 1

        // Activations: one name, or one per layer after the input.
        let actNode = try y.required(net, "activation", in: "network", at: netNode,
                                     expecting: "a name (\(HandActivation.names.joined(separator: ", "))) or a list of \(L)")
        let activations = try self.activations(actNode, layers: L)

        let bias: HandBias
        if let b = net["bias"] {
            let s = try y.string(b, "network.bias")
            guard let mode = HandBias(rawValue: s) else {
                throw y.error(b, unknown("bias", s, HandBias.allCases.map(\.rawValue)))
            }
            bias = mode
        } else { bias = .none }
        let updateBias = try net["update-bias"].map { try y.bool($0, "network.update-bias") } ?? (bias != .none)

        let layout: WeightsLayout
        if let n = net["weights-layout"] {
            let s = try y.string(n, "network.weights-layout")
            guard let l = WeightsLayout(rawValue: s) else {
                throw y.error(n, unknown("weights layout", s, WeightsLayout.allCases.map(\.rawValue))
                              + " (in-out: a row per neuron of the layer before, as on the slides; out-in: a row per neuron of the layer, as in Nielsen)")
            }
            layout = l
        } else { layout = .inOut }

        let wNode = try y.required(net, "weights", in: "network", at: netNode,
                                   expecting: "a list of \(L) weight matrices")
        let weights = try layerMatrices(wNode, "network.weights", sizes: sizes, layout: layout, blanks: false)
            .map { $0.map { $0.map { $0!.value } } }

        let biases = try self.biases(net["biases"], sizes: sizes, mode: bias, parent: netNode)

        let inputNode = try y.required(top, "input", in: "the file", at: root, expecting: "a list of \(sizes[0]) numbers")
        let input = try y.vector(inputNode, "input", count: sizes[0], blanks: false).map { $0!.value }
        let targetNode = try y.required(top, "target", in: "the file", at: root, expecting: "a list of \(sizes[L]) numbers")
        let target = try y.vector(targetNode, "target", count: sizes[L], blanks: false).map { $0!.value }

        let lossNode = try y.required(top, "loss", in: "the file", at: root,
                                      expecting: "one of \(HandLoss.names.joined(separator: ", "))")
        let lossName = try y.string(lossNode, "loss")
        guard let loss = HandLoss.named(lossName) else {
            throw y.error(lossNode, unknown("loss", lossName, HandLoss.names))
        }
        let lrNode = try y.required(top, "learning-rate", in: "the file", at: root, expecting: "a number such as 0.5")
        let lr = try y.number(lrNode, "learning-rate").value
        guard lr > 0 else { throw y.error(lrNode, "learning-rate must be positive, found \(YAMLFields.describe(lrNode))") }
        let rounding = try top["rounding"].map { try y.integer($0, "rounding", range: 0...10) }
        let variant = try top["variant"].map { try y.string($0, "variant") }

        // Combinations the checker cannot work.
        for (l, name) in activations.enumerated() where name == "softmax" && l != L - 1 {
            throw y.error(actNode, "softmax is only allowed on the output layer (layer \(L)), found it on layer \(l + 1)")
        }
        if activations[L - 1] == "softmax" && sizes[L] < 2 {
            throw y.error(actNode, "softmax needs at least 2 output neurons, the output layer has \(sizes[L])")
        }
        if loss.name == "bce" || loss.name == "cce" {
            for (j, t) in target.enumerated() where t < 0 || t > 1 {
                throw y.error(targetNode, "target value \(j + 1) is \(t); \(loss.name) needs targets between 0 and 1")
            }
        }

        let exercise = HandExercise(sizes: sizes, activations: activations, bias: bias, updateBias: updateBias,
                                    layout: layout, weights: weights, biases: biases, input: input,
                                    target: target, loss: loss.name, learningRate: lr, rounding: rounding,
                                    variant: variant)
        let answers = try top["answers"].map { try self.answers($0, exercise) } ?? [:]
        return VerifyFile(exercise: exercise, answers: answers)
    }

    func unknown(_ what: String, _ value: String, _ known: [String]) -> String {
        var msg = "unknown \(what) '\(value)'"
        if let s = Nearest.suggestion(for: value, among: known) { msg += "; did you mean '\(s)'?" }
        return msg + " (known: \(known.joined(separator: ", ")))"
    }

    func layers(_ node: Node) throws -> [Int] {
        var items: [Node]
        if case .scalar(let s) = node, s.string.contains("-") {
            items = s.string.split(separator: "-").map { Node(String($0)) }
            items = items.map { n in
                guard case .scalar(var sc) = n else { return n }
                sc.mark = s.mark
                return .scalar(sc)
            }
        } else {
            items = try y.sequence(node, "network.layers", expecting: "a list of neuron counts such as [2, 3, 2]")
        }
        guard (2...VerifyFile.maxLayers + 1).contains(items.count) else {
            throw y.error(node, "network.layers must list from 2 to \(VerifyFile.maxLayers + 1) layers (input first), found \(items.count)")
        }
        return try items.enumerated().map { k, n in
            try y.integer(n, "network.layers, layer \(k)", range: 1...VerifyFile.maxNeurons)
        }
    }

    func activations(_ node: Node, layers L: Int) throws -> [String] {
        func one(_ n: Node, _ what: String) throws -> String {
            let s = try y.string(n, what)
            guard let a = HandActivation.named(s) else {
                if Activation.named(s) != nil {
                    throw y.error(n, "activation '\(s)' has no derivative to backpropagate through; use one of \(HandActivation.names.joined(separator: ", "))")
                }
                throw y.error(n, unknown("activation", s, HandActivation.names))
            }
            return a.name
        }
        if case .sequence = node {
            let items = try y.sequence(node, "network.activation", expecting: "")
            guard items.count == L else {
                throw y.error(node, "network.activation lists \(items.count) activation\(items.count == 1 ? "" : "s"), expected one name or \(L) (one per layer after the input)")
            }
            return try items.enumerated().map { try one($1, "network.activation, layer \($0 + 1)") }
        }
        let a = try one(node, "network.activation")
        return Array(repeating: a, count: L)
    }

    /// Shape note for layer l (1-based): which layout gives which rows.
    func shapeNote(_ sizes: [Int], _ l: Int, _ layout: WeightsLayout) -> String {
        switch layout {
        case .inOut:
            return "(weights-layout in-out: \(sizes[l - 1]) rows for the neurons of layer \(l - 1), \(sizes[l]) columns for layer \(l))"
        case .outIn:
            return "(weights-layout out-in: \(sizes[l]) rows for the neurons of layer \(l), \(sizes[l - 1]) columns for layer \(l - 1))"
        }
    }

    /// A list of one matrix per layer, converted to in-out. Blank layers (`~` or `[]`) come back as
    /// all-nil when `blanks`.
    func layerMatrices(_ node: Node, _ what: String, sizes: [Int], layout: WeightsLayout,
                       blanks: Bool) throws -> [[[WrittenNumber?]]] {
        let L = sizes.count - 1
        let items = try y.sequence(node, what, expecting: "a list of \(L) matrices, one per layer after the input")
        guard items.count == L else {
            throw y.error(node, "\(what) has \(items.count) matri\(items.count == 1 ? "x" : "ces"), expected \(L) (one per layer after the input; layers \(sizes.map(String.init).joined(separator: "-")))")
        }
        return try items.enumerated().map { k, item in
            let l = k + 1
            let (r, c) = layout == .inOut ? (sizes[l - 1], sizes[l]) : (sizes[l], sizes[l - 1])
            if blanks && isBlankLayer(item) {
                return Array(repeating: Array(repeating: nil, count: sizes[l]), count: sizes[l - 1])
            }
            let m = try y.matrix(item, "\(what), layer \(l)", rows: r, cols: c, blanks: blanks,
                                 shapeNote: shapeNote(sizes, l, layout))
            if layout == .inOut { return m }
            return (0..<sizes[l - 1]).map { i in (0..<sizes[l]).map { j in m[j][i] } }
        }
    }

    func isBlankLayer(_ node: Node) -> Bool {
        if YAMLFields.isNull(node) { return true }
        if case .sequence(let s) = node, s.isEmpty { return true }
        return false
    }

    /// Per-neuron: a list per layer; shared: one number per layer; none: absent or [].
    func biases(_ node: Node?, sizes: [Int], mode: HandBias, parent: Node) throws -> [[Double]] {
        let L = sizes.count - 1
        switch mode {
        case .none:
            if let n = node, !isBlankLayer(n) {
                throw y.error(n, "network.biases is given but network.bias is none; set bias: per-neuron or shared, or remove the biases")
            }
            return Array(repeating: [], count: L)
        case .perNeuron, .shared:
            guard let n = node else {
                throw y.error(parent, "missing key 'biases' in network: expected " +
                    (mode == .shared ? "\(L) numbers, one per layer (bias: shared)" : "\(L) lists, one per layer (bias: per-neuron)"))
            }
            return try vectorsPerLayer(n, "network.biases", sizes: sizes, mode: mode, blanks: false)
                .enumerated().map { l, v in
                    mode == .shared ? Array(repeating: v[0]!.value, count: sizes[l + 1]) : v.map { $0!.value }
                }
        }
    }

    /// One vector per layer (per-neuron) or one number per layer (shared); blanks as nil.
    /// For shared, each inner array has a single element.
    func vectorsPerLayer(_ node: Node, _ what: String, sizes: [Int], mode: HandBias,
                         blanks: Bool) throws -> [[WrittenNumber?]] {
        let L = sizes.count - 1
        let items = try y.sequence(node, what, expecting: mode == .shared
                                   ? "a list of \(L) numbers, one per layer (bias: shared)"
                                   : "a list of \(L) lists, one per layer after the input")
        guard items.count == L else {
            throw y.error(node, "\(what) has \(items.count) entr\(items.count == 1 ? "y" : "ies"), expected \(L) (one per layer after the input)")
        }
        return try items.enumerated().map { k, item in
            let l = k + 1
            if mode == .shared {
                if case .sequence = item {
                    throw y.error(item, "\(what), layer \(l): bias: shared has one number per layer, found \(YAMLFields.describe(item))")
                }
                return [blanks ? try y.optionalNumber(item, "\(what), layer \(l)") : try y.number(item, "\(what), layer \(l)")]
            }
            if blanks && isBlankLayer(item) { return Array(repeating: nil, count: sizes[l]) }
            return try y.vector(item, "\(what), layer \(l)", count: sizes[l], blanks: blanks)
        }
    }

    func answers(_ node: Node, _ ex: HandExercise) throws -> [Quantity: WrittenNumber] {
        if YAMLFields.isNull(node) { return [:] }
        // A key left empty ("z:") is a blank answer, like ~.
        let fields = try y.mapping(node, "answers", allowed: VerifyFile.answerKeys).filter { !YAMLFields.isNull($0.value) }
        let sizes = ex.sizes
        var out: [Quantity: WrittenNumber] = [:]
        func put(_ q: Quantity, _ n: WrittenNumber?) { if let n { out[q] = n } }

        for step in [Step.z, .a, .delta] {
            guard let n = fields[step.rawValue] else { continue }
            let v = try vectorsPerLayer(n, "answers.\(step.rawValue)", sizes: sizes, mode: .perNeuron, blanks: true)
            for (k, layer) in v.enumerated() { for (j, x) in layer.enumerated() { put(Quantity(step, layer: k + 1, j: j), x) } }
        }
        if let n = fields["loss"] {
            put(Quantity(.loss, layer: 0), try y.optionalNumber(n, "answers.loss"))
        }
        for step in [Step.gradW, .newW] {
            guard let n = fields[step.rawValue] else { continue }
            let m = try layerMatrices(n, "answers.\(step.rawValue)", sizes: sizes, layout: ex.layout, blanks: true)
            for (k, rows) in m.enumerated() {
                for (i, row) in rows.enumerated() { for (j, x) in row.enumerated() { put(Quantity(step, layer: k + 1, i: i, j: j), x) } }
            }
        }
        for step in [Step.gradB, .newB] {
            guard let n = fields[step.rawValue] else { continue }
            if ex.bias == .none {
                if isBlankLayer(n) { continue }
                throw y.error(n, "answers.\(step.rawValue) is given but the network has no bias (network.bias: none)")
            }
            let v = try vectorsPerLayer(n, "answers.\(step.rawValue)", sizes: sizes, mode: ex.bias, blanks: true)
            for (k, layer) in v.enumerated() { for (j, x) in layer.enumerated() { put(Quantity(step, layer: k + 1, j: j), x) } }
        }
        return out
    }
}
