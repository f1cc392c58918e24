// exercises.pdf and answers.pdf for a set of variants, laid out by Typeset.

import Canvas
import Figures
import Foundation
import Neural
import Typeset

public enum ExerciseSheets {
    /// Writes exercises.pdf (one variant per page: code, diagram with weights, input and target,
    /// blanks) and answers.pdf (every value of each variant with its formula) into `folder`.
    /// Each file is written to a temporary file and renamed when complete.
    public static func write(_ variants: [ExerciseVariant], language: Language, seed: UInt64, to folder: String) throws {
        let w = Words(language)
        // A4 with tighter margins and smaller headings than a lesson, so a variant fits its page.
        let style = PageStyle(margins: PageStyle.Margins(top: 52, bottom: 50, left: 60, right: 60),
                              fonts: PageStyle.Fonts(body: 10, headings: [14, 12, 11, 10], title: 18))
        let setter = Typesetter(style: style)
        // One document per variant, so each starts on its own page with its code in the title.
        var exercisePages: [Page] = [], answerPages: [Page] = []
        for v in variants {
            let shape = "[\(v.exercise.shapeName)], \(w.seed) \(seed)"
            exercisePages += try setter.layout(Document(
                title: "\(w.variant) \(v.code)", subtitle: "\(w.exerciseTitle) \(shape)", course: w.course,
                language: language, blocks: exercisePage(v, w)))
            answerPages += try setter.layout(Document(
                title: "\(w.variant) \(v.code) — \(w.solution)", subtitle: "\(w.answersTitle) \(shape)", course: w.course,
                language: language, blocks: self.answerPages(v, w)))
        }
        let shape = variants.first?.exercise.shapeName ?? ""
        try PageRenderer.pdf(exercisePages, to: (folder as NSString).appendingPathComponent("exercises.pdf"),
                             title: "\(w.exerciseTitle) [\(shape)]")
        try PageRenderer.pdf(answerPages, to: (folder as NSString).appendingPathComponent("answers.pdf"),
                             title: "\(w.answersTitle) [\(shape)]")
    }

    // MARK: pages

    static func exercisePage(_ v: ExerciseVariant, _ w: Words) -> [Block] {
        let ex = v.exercise
        var blocks: [Block] = [
            .paragraph(statement(ex, w) + " *" + md(w.checkHint(v.code)) + "*"),
            .figure(diagram(ex), caption: nil),
            .heading(level: 2, text: w.perNeuron),
            .table(neuronTable(ex, nil, w)),
            .paragraph("\(w.lossLine): **E** = …………………"),
            .heading(level: 2, text: w.weightsHeading),
        ]
        for l in stride(from: ex.layerCount, through: 1, by: -1) { blocks.append(.table(weightTable(ex, l, nil, w))) }
        return blocks
    }

    static func answerPages(_ v: ExerciseVariant, _ w: Words) -> [Block] {
        let ex = v.exercise, c = v.solution
        var blocks: [Block] = [
            .paragraph(statement(ex, w)),
            .table(neuronTable(ex, c, w)),
            .paragraph("\(w.lossLine): **E** = \(Notation.number(c[Quantity(.loss, layer: 0)], decimals: ex.rounding))"),
        ]
        for l in stride(from: ex.layerCount, through: 1, by: -1) { blocks.append(.table(weightTable(ex, l, c, w))) }
        blocks.append(.heading(level: 2, text: w.workedHeading))
        if let r = ex.rounding { blocks.append(.paragraph(w.roundingNote(r))) }
        var section: Step?
        var rows: [[String]] = []
        func flush() {
            guard section != nil, !rows.isEmpty else { return }
            blocks.append(.table(Table(header: [[w.value, w.formula, w.result]], rows: rows,
                                       alignments: [.left, .left, .decimal], caption: nil)))
            rows = []
        }
        for q in c.order {
            let group: Step = [.z, .a].contains(q.step) ? .z : ([.gradW, .gradB].contains(q.step) ? .gradW : ([.newW, .newB].contains(q.step) ? .newW : q.step))
            if group != section {
                flush()
                section = group
                blocks.append(.heading(level: 3, text: w.section(group)))
            }
            let name = q.name(layout: ex.layout, sharedBias: ex.bias == .shared)
            let numbers = c.numbers[q] ?? ""
            let expr = numbers.range(of: " = ", options: .backwards).map { String(numbers[..<$0.lowerBound]) } ?? numbers
            rows.append([md(name), md((c.symbols[q] ?? "") + " = " + expr),
                         md(Notation.number(c[q], decimals: ex.rounding))])
        }
        flush()
        return blocks
    }

    // MARK: pieces

    /// "Mạng [2-3-2], sigmoid, không bias; x = (0.5, 1), t = (1, 0); E = ½Σ(a − t)²; η = 0.5; làm tròn 4 chữ số."
    static func statement(_ ex: HandExercise, _ w: Words) -> String {
        func vec(_ v: [Double]) -> String { "(" + v.map { Notation.number($0, decimals: nil) }.joined(separator: "; ") + ")" }
        let acts = Set(ex.activations).count == 1 ? ex.activations[0] : ex.activations.joined(separator: " / ")
        var s = "\(w.network) **[\(ex.shapeName)]**, \(w.activation) **\(acts)**, \(w.bias(ex.bias, updated: ex.updateBias)). "
        s += "\(w.input) **x** = \(vec(ex.input)), \(w.target) **t** = \(vec(ex.target)), "
        s += "\(w.loss) **\(ex.loss)** (\(md(HandLoss.named(ex.loss)?.formula ?? ""))), "
        s += "\(w.learningRate) **η** = \(Notation.number(ex.learningRate, decimals: nil)). "
        s += ex.rounding.map { w.rounding($0) } ?? w.fullPrecision
        if ex.bias != .none {
            let b = ex.biases.enumerated().map { l, row in
                "b⁽\(Notation.superscript(l + 1))⁾ = " + (ex.bias == .shared ? Notation.number(row.first ?? 0, decimals: nil) : vec(row))
            }
            s += " " + w.biases + ": " + b.joined(separator: ", ") + "."
        }
        s += " " + w.weightsNote
        return s
    }

    static func diagram(_ ex: HandExercise) -> NetworkDiagram {
        let weights = ex.weights.map { Matrix(rows: $0.count, cols: $0.first?.count ?? 0, storage: $0.flatMap { $0 }) }
        let biases = ex.bias == .none ? nil : ex.biases.map { Matrix(row: $0) }
        var d = NetworkDiagram(sizes: ex.sizes, weights: weights, biases: biases)
        d.showBiasNodes = ex.bias != .none
        return d
    }

    /// Node label as the diagram prints it: x₁, h₁ (h₁⁽ˡ⁾ with several hidden layers), ŷ₁.
    static func nodeLabel(_ sizes: [Int], _ l: Int, _ j: Int) -> String {
        let sub = Notation.subscript(j + 1)
        if l == 0 { return "x" + sub }
        if l == sizes.count - 1 { return sizes[l] == 1 ? "ŷ" : "ŷ" + sub }
        return sizes.count > 3 ? "h" + sub + "⁽" + Notation.superscript(l) + "⁾" : "h" + sub
    }

    static let blank = "…………"

    /// A row per neuron: z, a, δ (and ∂E/∂b, b′ with per-neuron biases); blanks when no chain.
    static func neuronTable(_ ex: HandExercise, _ c: StepSolver.Chain?, _ w: Words) -> Table {
        var header = [w.neuron, "z", "a", "δ"]
        let perNeuronBias = ex.bias == .perNeuron
        if perNeuronBias { header += ["∂E/∂b", "b′"] }
        var rows: [[String]] = []
        func cell(_ q: Quantity) -> String { c.map { Notation.number($0[q], decimals: ex.rounding) } ?? blank }
        for l in 1...ex.layerCount {
            for j in 0..<ex.sizes[l] {
                var row = [nodeLabel(ex.sizes, l, j) + " (\(w.layer) \(l))",
                           cell(Quantity(.z, layer: l, j: j)), cell(Quantity(.a, layer: l, j: j)), cell(Quantity(.delta, layer: l, j: j))]
                if perNeuronBias { row += [cell(Quantity(.gradB, layer: l, j: j)), cell(Quantity(.newB, layer: l, j: j))] }
                rows.append(row)
            }
        }
        return Table(header: [header], rows: rows.map { $0.map(md) },
                     alignments: [.left] + Array(repeating: c == nil ? .center : .decimal, count: header.count - 1), caption: nil)
    }

    /// A row per neuron of layer l − 1: ∂E/∂w to each neuron of layer l, then the new weights.
    static func weightTable(_ ex: HandExercise, _ l: Int, _ c: StepSolver.Chain?, _ w: Words) -> Table {
        let sizes = ex.sizes
        let to = (0..<sizes[l]).map { nodeLabel(sizes, l, $0) }
        let header = ["W⁽\(Notation.superscript(l))⁾"] + to.map { "∂E/∂w → " + $0 } + to.map { "w′ → " + $0 }
        func cell(_ q: Quantity) -> String { c.map { Notation.number($0[q], decimals: ex.rounding) } ?? blank }
        var rows: [[String]] = (0..<sizes[l - 1]).map { i in
            [nodeLabel(sizes, l - 1, i)]
                + (0..<sizes[l]).map { cell(Quantity(.gradW, layer: l, i: i, j: $0)) }
                + (0..<sizes[l]).map { cell(Quantity(.newW, layer: l, i: i, j: $0)) }
        }
        if ex.bias == .shared {
            let g = cell(Quantity(.gradB, layer: l)), b = cell(Quantity(.newB, layer: l))
            rows.append(["b⁽\(Notation.superscript(l))⁾ (\(w.shared))", "∂E/∂b = " + g] + Array(repeating: "", count: sizes[l] - 1)
                        + ["b′ = " + b] + Array(repeating: "", count: sizes[l] - 1))
        }
        return Table(header: [header.map(md)], rows: rows.map { $0.map(md) },
                     alignments: [.left] + Array(repeating: c == nil ? .center : .decimal, count: header.count - 1),
                     caption: nil)
    }

    /// Escapes text for Typeset's inline Markdown.
    static func md(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\`*_{}[]$<>".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    // MARK: words

    struct Words {
        let vi: Bool
        init(_ l: Language) { vi = l == .vi }
        var course: String { vi ? "Mạng nơ-ron nhân tạo" : "Neural networks" }
        var exerciseTitle: String { vi ? "Bài tập lan truyền ngược" : "Backpropagation exercise" }
        var answersTitle: String { vi ? "Đáp án bài tập lan truyền ngược" : "Answers to the backpropagation exercise" }
        var seed: String { "seed" }
        var variant: String { vi ? "Mã đề" : "Variant" }
        var solution: String { vi ? "lời giải" : "worked solution" }
        var network: String { vi ? "Mạng" : "Network" }
        var activation: String { vi ? "hàm kích hoạt" : "activation" }
        var input: String { vi ? "Đầu vào" : "Input" }
        var target: String { vi ? "đầu ra mong muốn" : "target" }
        var loss: String { vi ? "hàm mất mát" : "loss" }
        var learningRate: String { vi ? "tốc độ học" : "learning rate" }
        var biases: String { vi ? "Bias" : "Biases" }
        var shared: String { vi ? "dùng chung" : "shared" }
        var neuron: String { vi ? "Nơ-ron" : "Neuron" }
        var layer: String { vi ? "tầng" : "layer" }
        var value: String { vi ? "Đại lượng" : "Value" }
        var formula: String { vi ? "Công thức" : "Formula" }
        var result: String { vi ? "Kết quả" : "Result" }
        var perNeuron: String { vi ? "Lan truyền tiến và δ" : "Forward pass and δ" }
        /// The loss *value* E (the function is `loss`, named in the statement).
        var lossLine: String { vi ? "Giá trị mất mát" : "Loss value" }
        var weightsHeading: String { vi ? "Gradient và trọng số mới (η·∂E/∂w trừ vào w)" : "Gradients and new weights (w′ = w − η·∂E/∂w)" }
        var workedHeading: String { vi ? "Từng bước" : "Step by step" }
        var fullPrecision: String { vi ? "Tính với độ chính xác đầy đủ." : "Work at full precision." }
        var weightsNote: String {
            vi ? "Trọng số ghi trên cạnh: w⁽ˡ⁾ᵢⱼ nối nơ-ron i của tầng l − 1 với nơ-ron j của tầng l."
               : "Weights are written on the edges: w⁽ˡ⁾ᵢⱼ joins neuron i of layer l − 1 to neuron j of layer l."
        }
        func rounding(_ r: Int) -> String {
            vi ? "Làm tròn \(r) chữ số thập phân ở mỗi bước." : "Round to \(r) decimals at every step."
        }
        func roundingNote(_ r: Int) -> String {
            vi ? "Mỗi giá trị được làm tròn \(r) chữ số thập phân (làm tròn nửa lên, xa số 0) ngay khi tính xong, và các bước sau dùng giá trị đã làm tròn: z từ a của tầng trước, a từ z đã làm tròn, δ từ a, gradient từ a và δ, trọng số mới từ gradient."
               : "Every value is rounded to \(r) decimals (half away from zero) as soon as it is computed, and later steps use the rounded value: z from the previous layer's a, a from the rounded z, δ from a, gradients from a and δ, new weights from the gradient."
        }
        func bias(_ b: HandBias, updated: Bool) -> String {
            switch b {
            case .none: return vi ? "không có bias" : "no bias"
            case .perNeuron: return (vi ? "bias cho từng nơ-ron" : "a bias per neuron") + (updated ? "" : (vi ? " (không cập nhật)" : " (not updated)"))
            case .shared: return (vi ? "một bias chung cho mỗi tầng" : "one shared bias per layer") + (updated ? "" : (vi ? " (không cập nhật)" : " (not updated)"))
            }
        }
        func checkHint(_ code: String) -> String {
            vi ? "Ghi kết quả vào variant-\(code).yaml rồi kiểm tra: nnbook verify variant-\(code).yaml"
               : "Write your values into variant-\(code).yaml and check them: nnbook verify variant-\(code).yaml"
        }
        func section(_ s: Step) -> String {
            switch s {
            case .z, .a: return vi ? "Lan truyền tiến" : "Forward pass"
            case .loss: return lossLine
            case .delta: return vi ? "Lan truyền ngược: δ" : "Backward pass: δ"
            case .gradW, .gradB: return vi ? "Gradient" : "Gradients"
            case .newW, .newB: return vi ? "Cập nhật trọng số" : "Updated weights"
            }
        }
    }
}
