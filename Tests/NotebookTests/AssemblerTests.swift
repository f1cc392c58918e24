import Testing
@testable import Notebook

@Suite struct AssemblerTests {
    func assemble(_ body: [String]) throws -> AssembledLesson {
        let lesson = try LessonParser.parse(lessonText(["---", "title: T", "lesson: 6", "lang: vi", "---"] + body), file: "t.md")
        return try DocumentAssembler().assemble(try Executor(lesson: lesson, dataDirectory: "/nonexistent").run())
    }

    @Test func solutionsAreSplitOffAndFollowAPageBreakWhenAlone() throws {
        let a = try assemble(["Mở đầu.", "", "## Bài tập", "", "1. Tính L.", "", "## Lời giải", "", "### Bài 1", "",
                              "```nn graph", "name: g", "x: 1", "w: 5", "b: 1", "y: 2", "```", "", "L = {{g.loss:0}}."])
        #expect(a.solutions != nil)
        #expect(a.figures.count == 1)   // the graph of the solution
        // The lesson's own blocks end with the exercises; the standalone document adds a page break
        // and the solutions heading before them.
        let standalone = a.standalone.blocks.count
        #expect(standalone == a.document.blocks.count + 2 + (a.solutions?.count ?? 0))
    }

    @Test func exercisesWithoutSolutionsIsAnErrorAtTheHeading() {
        #expect(throws: LessonError.self) { try assemble(["Mở đầu.", "", "## Bài tập", "", "1. Tính L."]) }
        do { _ = try assemble(["Mở đầu.", "", "## Bài tập", "", "1. Tính L."]) } catch let e as LessonError {
            #expect(e.location.line == 8 && e.message.contains("Lời giải"))
        } catch { Issue.record("\(error)") }
        do { _ = try assemble(["## Lời giải", "", "Không có bài tập."]) } catch let e as LessonError {
            #expect(e.location.line == 6 && e.message.contains("Bài tập"))
        } catch { Issue.record("\(error)") }
    }

    @Test func everyWorkedFormulaOfEveryKindTypesets() throws {
        // The assembler parses each formula with Typeset's TeX parser; a presenter typo would throw here.
        _ = try assemble(ex232 + [
            "```nn forward", "network: ex232", "input: [[0.5, 1.0], [1, 0]]", "show: both", "```",
            "```nn backward", "network: ex232", "input: [0.5, 1.0]", "target: [1, 0]", "learning-rate: 0.5", "show: both", "```",
            "```nn backward", "network: ex232", "input: [[0.5, 1.0], [1, 0]]", "target: [[1, 0], [0, 1]]", "loss: mse", "learning-rate: 0.5", "show: both", "```",
            "```nn network", "name: sm", "layers: [2, 2]", "activation: softmax", "bias: per-neuron", "weights: [[[1, 2], [3, 4]]]", "biases: [[0.1, -0.1]]", "```",
            "```nn backward", "network: sm", "input: [1, 0]", "target: [0, 1]", "loss: cce", "learning-rate: 0.1", "show: both", "```",
            "```nn loss", "loss: bce", "predicted: [0.8, 0.3]", "target: [1, 0]", "```",
            "```nn scale", "columns: [a, b]", "rows: [[1, 2], [3, 5], [4, 4]]", "method: z-score", "distance: [1, 2]", "```",
            "```nn activation", "functions: [sigmoid, tanh, relu, leaky-relu, elu, softplus, swish]", "show: both", "```",
            "```nn graph", "x: 1", "w: 5", "b: 1", "y: 2", "learning-rate: 0.1", "```",
            "```nn perceptron", "data: or", "plot: [errors, boundary]", "```",
            "```nn gates", "show: boundary", "```",
            "```nn gradcheck", "network: ex232", "input: [0.5, 1.0]", "target: [1, 0]", "```",
            "## Bài tập", "", "1. x", "", "## Lời giải", "", "### Bài 1", "", "Xem trên.",
        ])
    }
}
