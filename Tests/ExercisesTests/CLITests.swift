import Foundation
import XCTest

/// Runs the built `nnbook` binary (`swift build` first) as a student or lecturer would.
final class ExercisesCLITests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The nnbook binary beside the test bundle (so a `--scratch-path` build or a sanitizer build
    /// finds its own), else the default debug build.
    static let binary: String = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("nnbook").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/nnbook").path
    }()

    struct Run { var status: Int32; var out: String; var err: String }

    func run(_ args: [String]) throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            XCTFail("build nnbook first: \(Self.binary) is missing")
            return Run(status: -1, out: "", err: "")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = args
        let o = Pipe(), e = Pipe()
        p.standardOutput = o
        p.standardError = e
        try p.run()
        let out = o.fileHandleForReading.readDataToEndOfFile(), err = e.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, out: String(decoding: out, as: UTF8.self), err: String(decoding: err, as: UTF8.self))
    }

    var dir: URL!
    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-ex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func write(_ name: String, _ text: String) throws -> String {
        let u = dir.appendingPathComponent(name)
        try text.write(to: u, atomically: true, encoding: .utf8)
        return u.path
    }

    func testVerifyExitStatuses() throws {
        let good = try write("good.yaml", CheckerTests.huflitProblem + CheckerTests.huflitAnswers)
        let r0 = try run(["verify", good])
        XCTAssertEqual(r0.status, 0, r0.out + r0.err)
        XCTAssertTrue(r0.out.contains("Summary: 40 right, 0 wrong, 0 carried, 0 blank. All answers are right."), r0.out)

        let wrong = try write("wrong.yaml", CheckerTests.huflitProblem + CheckerTests.huflitAnswers
            .replacingOccurrences(of: "loss: 0.2577", with: "loss: 0.2677"))
        let r1 = try run(["verify", wrong])
        XCTAssertEqual(r1.status, 1)
        XCTAssertTrue(r1.out.contains("First mistake: E (loss, line 18)"), r1.out)
        XCTAssertTrue(r1.out.contains("½[(0.751075962 − 1)² + (0.673338763 − 0)²] = 0.257674133"), r1.out)

        let bad = try write("bad.yaml", CheckerTests.huflitProblem.replacingOccurrences(of: "sigmoid", with: "sigmoidd"))
        let r2 = try run(["verify", bad])
        XCTAssertEqual(r2.status, 2)
        XCTAssertTrue(r2.err.hasPrefix("\(bad):3: error: unknown activation 'sigmoidd'; did you mean 'sigmoid'?"), r2.err)
        XCTAssertEqual(r2.out, "")

        let missing = try run(["verify", dir.appendingPathComponent("nope.yaml").path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.err.contains("nope.yaml: error: cannot read the file (no such file)"), missing.err)
    }

    func testVerifyJSON() throws {
        let wrong = try write("w.yaml", CheckerTests.huflitProblem + CheckerTests.huflitAnswers
            .replacingOccurrences(of: "[-0.0465, 0.1481]", with: "[-0.0465, 0.1418]"))
        let r = try run(["verify", wrong, "--json"])
        XCTAssertEqual(r.status, 1)
        let obj = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        XCTAssertEqual(obj?["valid"] as? Bool, true)
        XCTAssertEqual(obj?["wrong"] as? Int, 1)
        XCTAssertEqual(obj?["right"] as? Int, 39)
        XCTAssertEqual(obj?["firstMistake"] as? String, "δ⁽²⁾₂")
        let values = obj?["values"] as? [[String: Any]] ?? []
        let first = values.first { $0["firstMistake"] as? Bool == true }
        XCTAssertEqual(first?["written"] as? String, "0.1418")
        XCTAssertEqual(first?["index"] as? [Int], [2])
        XCTAssertEqual(first?["layer"] as? Int, 2)
        XCTAssertEqual((first?["expected"] as? Double) ?? 0, 0.148103334, accuracy: 1e-9)

        let bad = try write("b.yaml", "network: {layers: [2, 2]}\n")
        let rb = try run(["verify", bad, "--json"])
        XCTAssertEqual(rb.status, 2)
        let eb = try JSONSerialization.jsonObject(with: Data(rb.out.utf8)) as? [String: Any]
        XCTAssertEqual(eb?["valid"] as? Bool, false)
        XCTAssertEqual(eb?["line"] as? Int, 1)
        XCTAssertTrue((eb?["error"] as? String ?? "").hasPrefix("missing key 'activation' in network"))
    }

    func testExerciseWritesReproducibleVariantFiles() throws {
        let a = dir.appendingPathComponent("a").path, b = dir.appendingPathComponent("b").path
        let r = try run(["exercise", "--layers", "2-3-2", "--count", "3", "--seed", "7", "--out", a])
        XCTAssertEqual(r.status, 0, r.err)
        _ = try run(["exercise", "--layers", "2-3-2", "--count", "3", "--seed", "7", "--out", b])
        let files = try FileManager.default.contentsOfDirectory(atPath: a).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertEqual(files.count, 3)
        for f in files {
            XCTAssertTrue(f.hasPrefix("variant-"))
            let da = try Data(contentsOf: URL(fileURLWithPath: a).appendingPathComponent(f))
            let db = try Data(contentsOf: URL(fileURLWithPath: b).appendingPathComponent(f))
            XCTAssertEqual(da, db, f)
            // A blank variant is a valid verify file with nothing answered.
            let v = try run(["verify", URL(fileURLWithPath: a).appendingPathComponent(f).path])
            XCTAssertEqual(v.status, 0, v.out + v.err)
            XCTAssertTrue(v.out.contains("Nothing answered."), v.out)
        }
        let bad = try run(["exercise", "--layers", "2-x-2", "--out", a])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.err.contains("--layers must be neuron counts"), bad.err)
    }
}

extension ExercisesCLITests {
    func testPDFOutputs() throws {
        let out = dir.appendingPathComponent("set").path
        let r = try run(["exercise", "--layers", "2-3-2", "--count", "2", "--seed", "4", "--lang", "en", "--out", out])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(try SheetTests.pageCount(out + "/exercises.pdf"), 2)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/answers.pdf"))

        let wrong = try write("w.yaml", CheckerTests.huflitProblem + CheckerTests.huflitAnswers
            .replacingOccurrences(of: "loss: 0.2577", with: "loss: 0.2677"))
        let pdf = dir.appendingPathComponent("fb.pdf").path
        let v = try run(["verify", wrong, "--pdf", pdf, "--lang", "en"])
        XCTAssertEqual(v.status, 1)
        XCTAssertEqual(try SheetTests.pageCount(pdf), 1)
        XCTAssertTrue(try SheetTests.pdfText(pdf).contains("First mistake"))

        // An invalid file writes no sheet.
        let bad = try write("bad.yaml", "network: 3\n")
        let none = dir.appendingPathComponent("none.pdf").path
        XCTAssertEqual(try run(["verify", bad, "--pdf", none]).status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: none))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("none") }
        XCTAssertEqual(leftovers, [])
    }
}
