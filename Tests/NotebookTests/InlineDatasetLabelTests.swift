import Testing
import Figures
@testable import Notebook

/// Labels of an inline dataset (`columns:` + `rows:`): a 0/1 target keeps its values.
@Suite struct InlineDatasetLabelTests {
    func dataset(_ rows: String, target: String = "y") throws -> DatasetResult {
        let text = ["---", "title: T", "lesson: 1", "lang: vi", "---", "",
                    "```nn dataset", "name: d", "columns: [x1, x2, y]", "rows: \(rows)", "target: \(target)", "show: none", "```"]
            .joined(separator: "\n") + "\n"
        let lesson = try LessonParser.parse(text, file: "t.md")
        let ex = Executor(lesson: lesson, dataDirectory: "/nonexistent")
        _ = try ex.run()
        guard case .dataset(let r)? = ex.state["d"] else { Issue.record("no dataset result"); throw CancellationError() }
        return r
    }

    @Test func dataTableColumnsAlignByContentNotPosition() throws {
        // The car table with a colour: the first column is data (numbers on their point, like the
        // others), the colour column is text (to the left, not pushed to the right edge).
        let text = ["---", "title: T", "lesson: 2", "lang: en", "---", "",
                    "```nn dataset", "name: cars3", "columns: [age, km, colour, price]",
                    "rows: [[6, 1200, Blue, 10], [3, 4000, Red, 30], [8, 8000, Yellow, 20]]",
                    "target: price", "show: table", "```"].joined(separator: "\n") + "\n"
        let out = try Executor(lesson: try LessonParser.parse(text, file: "t.md"), dataDirectory: "/nonexistent").run()
        let tables = out.parts.flatMap { part -> [ShownTable] in
            guard case .cell(_, let shown) = part else { return [] }
            return shown.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
        }
        #expect(tables.count == 1)
        #expect(tables.first?.alignments == [.decimal, .decimal, .left, .decimal])
    }

    @Test func targetOfOnlyOnesStaysOne() throws {
        let d = try dataset("[[1, 1, 1], [0, 1, 1]]").all
        #expect(d.labels == [1, 1])
        #expect(d.y.storage == [1, 1])            // the target column as written, not class 0
        #expect(d.classNames == ["0", "1"])
    }

    @Test func targetOfOnlyZerosStaysZero() throws {
        let d = try dataset("[[1, 1, 0], [0, 1, 0]]").all
        #expect(d.labels == [0, 0])
        #expect(d.y.storage == [0, 0])
    }

    @Test func zeroOneTargetKeepsItsValues() throws {
        let d = try dataset("[[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 1]]").all
        #expect(d.labels == [0, 1, 1, 1])
        #expect(d.y.storage == [0, 1, 1, 1])
    }

    @Test func wordsAndFarApartNumbersAreIndexed() throws {
        let words = try dataset("[[0, 0, no], [1, 1, yes]]").all
        #expect(words.labels == [0, 1] && words.classNames == ["no", "yes"])
        let far = try dataset("[[0, 0, 5], [1, 1, 9]]").all     // classes 5 and 9: indexed 0 and 1
        #expect(far.labels == [0, 1] && far.classNames == ["5", "9"])
    }
}

/// The engine's counted nouns follow the lesson's language: English plurals, Vietnamese without.
@Suite struct CountedWordsTests {
    @Test func pluralsInEnglishOnly() {
        #expect(Words.en.counted(3, Words.en.sample) == "3 samples")
        #expect(Words.en.counted(1, Words.en.step) == "1 step")
        #expect(Words.vi.counted(3, Words.vi.sample) == "3 mẫu")
        #expect(Words.en.epochs(6) == "6 epochs" && Words.en.epochs(1) == "1 epoch" && Words.vi.epochs(6) == "6 epoch")
        #expect(Words.vi.earlyStopping(21) == "dừng sớm, epoch tốt nhất 21")
    }
}

/// The perceptron's errors-per-epoch plot: a count whose point is that it never reaches 0.
@Suite struct ErrorsPlotTests {
    @Test func errorsPerEpochAxisStartsAtZero() throws {
        let text = ["---", "title: T", "lesson: 4", "lang: en", "---", "",
                    "```nn dataset", "name: xor", "builtin: xor", "show: none", "```", "",
                    "```nn perceptron", "name: p", "data: xor", "learning-rate: 0.1", "epochs: 30",
                    "weights: [0.33, -0.13]", "bias: 0.05", "show: summary", "plot: [errors]", "```"].joined(separator: "\n") + "\n"
        let out = try Executor(lesson: try LessonParser.parse(text, file: "t.md"), dataDirectory: "/nonexistent").run()
        let requests = out.parts.flatMap { part -> [FigureRequest] in
            guard case .cell(_, let shown) = part else { return [] }
            return shown.compactMap { if case .figure(let r, _) = $0 { return r } else { return nil } }
        }
        #expect(requests.count == 1)
        guard case .lines(let series, _, _, _)? = requests.first else { Issue.record("not a line chart"); return }
        // XOR never converges: the fewest errors in an epoch is above 0 …
        #expect(series[0].points.map(\.y).min()! > 0)
        // … and the chart still shows 0, with a line there.
        let chart = try #require(try FigureMaker(words: .en).make(requests[0]) as? LineChart)
        #expect(chart.horizontalLines == [0])   // LineChart takes its lines into the y range
    }
}
