import Foundation
import XCTest
import Typeset
@testable import Exercises

/// exercises.pdf, answers.pdf and the feedback sheet: pages, text (via pdftotext) and reproducibility.
final class SheetTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-sheets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    static func pageCount(_ path: String) throws -> Int {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        return text.components(separatedBy: "/Type /Page").count - 1 - (text.components(separatedBy: "/Type /Pages").count - 1)
    }

    static func pdfText(_ path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        p.arguments = [path, "-"]
        let o = Pipe()
        p.standardOutput = o
        try p.run()
        let data = o.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func testExerciseAndAnswerSheets() throws {
        let vs = try ExerciseGenerator.generate(ExerciseOptions(sizes: [2, 3, 2], count: 3, seed: 21))
        try ExerciseSheets.write(vs, language: .vi, seed: 21, to: dir.path)
        let ex = dir.appendingPathComponent("exercises.pdf").path, ans = dir.appendingPathComponent("answers.pdf").path
        XCTAssertEqual(try Self.pageCount(ex), 3)            // one page per [2-3-2] variant
        XCTAssertGreaterThanOrEqual(try Self.pageCount(ans), 3)
        let exText = try Self.pdfText(ex), ansText = try Self.pdfText(ans)
        for v in vs {
            XCTAssertTrue(exText.contains("Mã đề \(v.code)"), v.code)
            XCTAssertTrue(ansText.contains("Mã đề \(v.code) — lời giải"), v.code)
            // The worked loss and the last new weight appear in the answer key, never in the exercise.
            let loss = Notation.number(v.solution[Quantity(.loss, layer: 0)], decimals: 4)
            XCTAssertTrue(ansText.contains("E = " + loss.replacingOccurrences(of: "-", with: "−")), "\(v.code) \(loss)")
            XCTAssertFalse(exText.contains("E = " + loss))
        }
        XCTAssertTrue(exText.contains("nnbook verify variant-\(vs[0].code).yaml"))

        // English, and byte-identical on a second run.
        let en = dir.appendingPathComponent("en").path
        try FileManager.default.createDirectory(atPath: en, withIntermediateDirectories: true)
        try ExerciseSheets.write(vs, language: .en, seed: 21, to: en)
        XCTAssertTrue(try Self.pdfText(en + "/exercises.pdf").contains("Variant \(vs[0].code)"))
        let again = dir.appendingPathComponent("again").path
        try FileManager.default.createDirectory(atPath: again, withIntermediateDirectories: true)
        try ExerciseSheets.write(vs, language: .vi, seed: 21, to: again)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: ex)), try Data(contentsOf: URL(fileURLWithPath: again + "/exercises.pdf")))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: ans)), try Data(contentsOf: URL(fileURLWithPath: again + "/answers.pdf")))
    }

    /// E is a number: the sheets call it the loss *value* ("Giá trị mất mát"), never the loss
    /// function ("Hàm mất mát"), which the statement names (half-sse, with its formula).
    func testLossValueIsNotCalledTheLossFunction() throws {
        let v = try ExerciseGenerator.generate(ExerciseOptions(sizes: [2, 3, 2], count: 1, seed: 21))[0]
        func texts(_ blocks: [Block]) -> [String] {
            blocks.compactMap {
                switch $0 {
                case .paragraph(let t): return t
                case .heading(_, let t): return t
                default: return nil
                }
            }
        }
        for (language, value, function) in [(Language.vi, "Giá trị mất mát", "Hàm mất mát"), (.en, "Loss value", "Loss:")] {
            let w = ExerciseSheets.Words(language)
            let exercise = texts(ExerciseSheets.exercisePage(v, w)), answers = texts(ExerciseSheets.answerPages(v, w))
            XCTAssertTrue(exercise.contains { $0.hasPrefix("\(value): **E** = ") }, "\(language): \(exercise)")
            XCTAssertTrue(answers.contains { $0.hasPrefix("\(value): **E** = ") }, "\(language): \(answers)")
            XCTAssertTrue(answers.contains(value), "the worked steps' loss section: \(answers)")
            XCTAssertFalse((exercise + answers).contains { $0.hasPrefix(function) }, "\(language)")
        }
    }

    func testFeedbackSheetIsOnePage() throws {
        let text = CheckerTests.huflitProblem + CheckerTests.huflitAnswers
            .replacingOccurrences(of: "[-0.0465, 0.1481]", with: "[-0.0465, 0.1418]")
        let r = try HandChecker.check(try VerifyFile.parse(text, file: "s.yaml"))
        let path = dir.appendingPathComponent("feedback.pdf").path
        try FeedbackSheet(result: r, file: "s.yaml").write(to: path)
        XCTAssertEqual(try Self.pageCount(path), 1)
        let pdf = try Self.pdfText(path)
        XCTAssertTrue(pdf.contains("Lỗi đầu tiên"), pdf)
        XCTAssertTrue(pdf.contains("39 đúng"), pdf)
        XCTAssertTrue(pdf.contains("0.1418") && pdf.contains("0.1481"), pdf)
    }
}
