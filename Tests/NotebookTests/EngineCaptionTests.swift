import Testing
import Typeset
import Figures
@testable import Notebook

/// Captions the engine writes itself: an uncaptioned activation plot names its functions; a cell
/// that shows a table and a figure under one caption gives each its own.
@Suite struct EngineCaptionTests {
    func assemble(_ lang: String, _ body: [String]) throws -> AssembledLesson {
        let lesson = try LessonParser.parse(lessonText(["---", "title: T", "lesson: 4", "lang: \(lang)", "---"] + body), file: "t.md")
        return try DocumentAssembler().assemble(try Executor(lesson: lesson, dataDirectory: "/nonexistent").run())
    }

    /// (kind, caption) of every captioned table and figure, in order.
    func captions(_ blocks: [Block]) -> [(String, String)] {
        blocks.compactMap { b in
            switch b {
            case .table(let t): return t.caption.map { ("table", $0) }
            case .figure(_, let c): return c.map { ("figure", $0) }
            default: return nil
            }
        }
    }

    let activation = ["```nn activation", "functions: [sigmoid, tanh, relu]", "show: plot", "```"]

    @Test func anUncaptionedActivationPlotNamesItsFunctionsVietnamese() throws {
        let c = captions(try assemble("vi", activation).document.blocks)
        #expect(c.count == 1)
        #expect(c.first?.1 == "Sigmoid, TanH và ReLU (nét liền) cùng đạo hàm (nét đứt)")
    }

    @Test func anUncaptionedActivationPlotNamesItsFunctionsEnglish() throws {
        let c = captions(try assemble("en", activation).document.blocks)
        #expect(c.first?.1 == "Sigmoid, TanH and ReLU (solid) with their derivatives (dashed)")
        // One function, no derivative: named alone, not "Value" (the y axis's title).
        let one = captions(try assemble("en", ["```nn activation", "functions: [elu]", "derivative: false", "show: plot", "```"]).document.blocks)
        #expect(one.first?.1 == "Activation function ELU (α = 1)")
        // Softmax has no curve on the z axis, so it is not named.
        let sm = captions(try assemble("vi", ["```nn activation", "functions: [sigmoid, softmax]", "show: plot", "```"]).document.blocks)
        #expect(sm.first?.1 == "Sigmoid (nét liền) cùng đạo hàm (nét đứt)")
    }

    @Test func aGivenCaptionIsKept() throws {
        let c = captions(try assemble("en", activation.dropLast() + ["caption: 'Three activations.'", "```"]).document.blocks)
        #expect(c.first?.1 == "Three activations.")
    }

    let perceptron = ["```nn perceptron", "name: p", "data: and", "learning-rate: 0.1", "epochs: 20",
                      "weights: [0.33, -0.13]", "bias: 0.05", "show: trace", "plot: [boundary]"]

    @Test func aPerceptronsTableAndFigureGetTheirOwnCaptions() throws {
        // The delta rule on AND from (0.33, −0.13), b = 0.05, η = 0.1 stops after 6 epochs (the
        // lesson's own trace, lesson 4; the count comes from the cell's result here).
        let a = try assemble("vi", perceptron + ["caption: 'Quy tắc delta trên AND.'", "```"])
        let c = captions(a.document.blocks)
        #expect(c.count == 2)
        #expect(c[0].0 == "table" && c[0].1 == "Quy tắc delta trên AND: trọng số sau từng mẫu.")
        #expect(c[1].0 == "figure" && c[1].1.hasPrefix("Quy tắc delta trên AND: đường phân cách sau "))
        #expect(c[1].1.hasSuffix(" epoch."))
        #expect(c[0].1 != c[1].1)

        let en = captions(try assemble("en", perceptron + ["caption: 'The delta rule on AND.'", "```"]).document.blocks)
        #expect(en[0].1 == "The delta rule on AND: the weights after each sample.")
        #expect(en[1].1.range(of: #"^The delta rule on AND: the decision line after [0-9]+ epochs\.$"#, options: .regularExpression) != nil, "\(en[1].1)")
    }

    @Test func errorsPlotTableAndLineEachTheirOwn() throws {
        let body = perceptron.dropLast() + ["plot: [errors, boundary]", "caption: 'OR, step by step'", "```"]
        let c = captions(try assemble("en", Array(body)).document.blocks).map(\.1)
        #expect(c.count == 3)
        #expect(c[0] == "OR, step by step: the weights after each sample.")
        #expect(c[1] == "OR, step by step: errors per epoch.")
        #expect(c[2].hasPrefix("OR, step by step: the decision line after "))
        #expect(Set(c).count == 3)
    }

    @Test func oneShownPartKeepsTheCaptionAsWritten() throws {
        let body = perceptron.map { $0 == "show: trace" ? "show: summary" : $0 } + ["caption: 'A perceptron learns AND.'", "```"]
        let c = captions(try assemble("en", body).document.blocks)
        #expect(c.map(\.1) == ["A perceptron learns AND."])
    }
}

/// A network cell's `digits` (2 or fewer) carries to its diagram's weight labels.
@Suite struct DiagramDigitsTests {
    func diagram(_ digits: String?) throws -> NetworkDiagramLabels {
        var body = ["```nn network", "name: n", "layers: [2, 1]", "activation: sigmoid", "bias: none",
                    "weights:", "  - [[0.5], [0.4996]]", "show: diagram"]
        if let digits { body.append("digits: \(digits)") }
        body.append("```")
        let lesson = try LessonParser.parse(lessonText(["---", "title: T", "lesson: 4", "lang: en", "---"] + body), file: "t.md")
        let a = try DocumentAssembler().assemble(try Executor(lesson: lesson, dataDirectory: "/nonexistent").run())
        return NetworkDiagramLabels(figure: try #require(a.figures.first as? NetworkDiagram))
    }

    @Test func twoDigitsOnTheDiagramAsInTheText() throws {
        #expect(try diagram("2").labels == ["0.50", "0.50"])
        #expect(try diagram("1").labels == ["0.5", "0.5"])
        // The default 4 digits do not fit along an edge: exact weights short, rounded ones with 2 decimals.
        #expect(try diagram(nil).labels == ["0.5", "0.50"])
    }
}

struct NetworkDiagramLabels {
    var figure: NetworkDiagram
    var labels: [String] { figure.weights![0].storage.map(figure.weightLabel) }
}

/// Default captions of plots whose cell gives none.
@Suite struct DefaultPlotCaptionTests {
    func captions(_ lang: String, _ body: [String]) throws -> [String] {
        let lesson = try LessonParser.parse(lessonText(["---", "title: T", "lesson: 4", "lang: \(lang)", "---"] + body), file: "t.md")
        let a = try DocumentAssembler().assemble(try Executor(lesson: lesson, dataDirectory: "/nonexistent").run())
        return a.document.blocks.compactMap { if case .figure(_, let c) = $0 { return c } else { return nil } }
    }

    @Test func aFunctionPlotNamesItsFunctions() throws {
        let body = ["```nn plot", "kind: function", "functions: [sigmoid, relu, identity]", "```"]
        #expect(try captions("en", body) == ["Activation functions Sigmoid, ReLU and Identity (linear)"])
        #expect(try captions("vi", body) == ["Hàm kích hoạt Sigmoid, ReLU và Tuyến tính (identity)"])
    }

    @Test func aLossPlotWithValidationNamesBothCurves() throws {
        let body = ["```nn network", "name: n", "layers: [2, 2, 1]", "activation: sigmoid", "init: xavier", "seed: 3", "show: none", "```",
                    "```nn dataset", "name: d", "generate: moons", "n: 40", "noise: 0.1", "seed: 1", "```",
                    "```nn train", "network: n", "data: d", "epochs: 5", "learning-rate: 0.5", "validation: 0.25", "plot: [loss]", "```"]
        let en = try captions("en", body)
        #expect(en == ["Loss: training and validation"], "\(en)")
        #expect(try captions("vi", body) == ["Mất mát: huấn luyện và kiểm định"])
    }
}
