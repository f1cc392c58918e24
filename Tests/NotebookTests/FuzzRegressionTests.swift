import Foundation
import Testing
@testable import Notebook

/// Lesson inputs the fuzz harness (`make fuzz`, Sources/nnbook-fuzz) found crashing the parser or the
/// executor, kept as regression tests, and the limits a lesson is held to.
@Suite struct NotebookFuzzRegressionTests {
    static let crashes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/crashes")
    static let header = "---\ntitle: T\nlesson: 1\nlang: en\n---\n\n"

    func message(_ body: String, limits: Limits = .standard, data: String = "/nonexistent") -> String? {
        Limits.$current.withValue(limits) {
            do {
                let lesson = try LessonParser.parse(Self.header + body, file: "t.md")
                _ = try Executor(lesson: lesson, dataDirectory: data).run()
                return nil
            } catch { return "\(error)" }
        }
    }

    /// Every saved lesson crash or hang input (Tests/Fuzz/crashes, Tests/Fuzz/hangs) is refused with a LessonError or runs (a trap kills the test run).
    @Test func savedCrashInputsNoLongerCrash() throws {
        let folders = [Self.crashes, Self.crashes.deletingLastPathComponent().appendingPathComponent("hangs")]
        for folder in folders {
          for f in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where f.hasPrefix("lesson-") {
            let data = try Data(contentsOf: folder.appendingPathComponent(f))
            guard let text = String(data: data, encoding: .utf8) else { continue }
            Limits.$current.withValue(.fuzzing) {
                if let lesson = try? LessonParser.parse(text, file: f) {
                    if let out = try? Executor(lesson: lesson, dataDirectory: "/nonexistent").run() {
                        _ = try? DocumentAssembler().assemble(out)
                    }
                }
            }
          }
        }
    }

    /// lesson-1537c299abe9a540.md: an inline dataset whose class column holds 1e308 trapped converting the
    /// class name to Int (DataCells.inlineDataset).
    @Test func hugeWholeNumberClassLabelDoesNotTrap() throws {
        let body = "```nn dataset\nname: d\ncolumns: [x, y]\nrows: [[1, 0], [2, 1e308], [3, -9.9e300]]\ntarget: y\nshow: table\n```\n"
        let lesson = try LessonParser.parse(Self.header + body, file: "t.md")
        let out = try Executor(lesson: lesson, dataDirectory: "/nonexistent").run()
        guard case .cell(_, let shown) = out.parts.first(where: { if case .cell = $0 { return true }; return false }) else {
            Issue.record("no cell output"); return
        }
        guard case .table(let t) = shown.first else { Issue.record("no table"); return }
        #expect(t.rows.count == 3)
    }

    // MARK: limits, each named with the value asked

    @Test func layerWidthLimit() throws {
        let m = try #require(message("```nn network\nlayers: [2, 100000, 1]\ninit: xavier\n```\n"))
        #expect(m.contains("t.md:8:9:"), "\(m)")
        #expect(m.contains("layers: 100000 neurons in layer 1 exceeds the limit of 4096"), "\(m)")
    }

    @Test func layerCountLimit() throws {
        let sizes = Array(repeating: "2", count: 80).joined(separator: ", ")
        let m = try #require(message("```nn network\nlayers: [\(sizes)]\ninit: xavier\n```\n"))
        #expect(m.contains("layers: 79 layers after the input exceeds the limit of 64"), "\(m)")
    }

    @Test func parameterLimit() throws {
        let m = try #require(message("```nn network\nlayers: [4096, 4096, 4096]\ninit: xavier\n```\n"))
        // 4096·4096 + 4096 + 4096·4096 + 4096 = 33562624
        #expect(m.contains("layers: 33562624 weights and biases exceeds the limit of 4000000"), "\(m)")
    }

    @Test func epochLimit() throws {
        let m = try #require(message("```nn network\nname: n\nlayers: [2, 1]\ninit: xavier\n```\n\n```nn train\nnetwork: n\ndata: xor\nepochs: 5000000\n```\n"))
        #expect(m.contains("'epochs' must be between 1 and 1000000, found 5000000"), "\(m)")
    }

    @Test func trainingWorkLimitIsCheckedBeforeTraining() throws {
        // 1000000 epochs × 400 samples × 4097 parameters (64·64+… ) is far beyond 5e10: refused at once.
        let body = """
            ```nn dataset
            name: d
            generate: circle
            n: 400
            ```

            ```nn network
            name: n
            layers: [2, 64, 60, 1]
            init: xavier
            ```

            ```nn train
            network: n
            data: d
            epochs: 1000000
            ```
            """
        let start = Date()
        let m = try #require(message(body))
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(m.contains("training: 1000000 epochs × 400 samples × 4153 parameters"), "\(m)")
        #expect(m.contains("exceeds the limit of 5e+10"), "\(m)")
    }

    @Test func datasetSizeAndGridLimits() throws {
        let m = try #require(message("```nn dataset\ngenerate: circle\nn: 1000000\n```\n"))
        #expect(m.contains("'n' must be between 2 and 100000, found 1000000"), "\(m)")
        let p = try #require(message("```nn plot\nkind: function\nfunctions: [sigmoid]\nresolution: 50000\n```\n"))
        #expect(p.contains("'resolution' must be between 10 and 1000, found 50000"), "\(p)")
    }

    @Test func cellCountLimit() throws {
        let body = String(repeating: "```nn gates\ngates: [AND]\n```\n\n", count: 401)
        let m = try #require(message(body))
        #expect(m.contains("the lesson has 401 cells, which exceeds the limit of 400 cells"), "\(m)")
        // Refused while parsing: nothing ran.
        #expect(m.contains("t.md:1607:1:"), "\(m)")
    }

    @Test func trainingWorkIsCountedOverTheWholeLesson() throws {
        // Each run: 100 epochs × 4 samples × 9 parameters ([2, 2, 1]) = 3600 steps; the limit is 5000.
        var small = Limits.standard
        small.trainingWork = 5000
        let train = "```nn train\nnetwork: n\ndata: xor\nepochs: 100\napply: false\n```\n\n"
        let body = "```nn network\nname: n\nlayers: [2, 2, 1]\ninit: xavier\n```\n\n" + train + train
        let m = try #require(message(body, limits: small))
        #expect(m.contains("t.md:23:9:"), "\(m)")
        #expect(m.contains("training: 100 epochs × 4 samples × 9 parameters = 3600 steps brings the lesson's training to 7200 steps, which exceeds the limit of 5000 for a lesson"), "\(m)")
        #expect(message(body.replacingOccurrences(of: train + train, with: train), limits: small) == nil)
    }

    @Test func lessonSizeLimit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-limit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("big.md").path
        try Data((Self.header + String(repeating: "word ", count: 1_000_000)).utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try LessonParser.parse(file: path)
            Issue.record("a 5 MB lesson was accepted (limit 1 MB)")
        } catch {
            #expect("\(error)".contains("exceeds the limit of 1048576 bytes"), "\(error)")
        }
    }

    // MARK: files outside the data folder

    @Test func dataFilesStayInsideTheDataFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-paths-\(UUID().uuidString)")
        let data = root.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "a,b,y\n1,2,0\n3,4,1\n".write(to: root.appendingPathComponent("secret.csv"), atomically: true, encoding: .utf8)
        try "a,b,y\n1,2,0\n3,4,1\n".write(to: data.appendingPathComponent("ok.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: data.appendingPathComponent("link.csv").path,
                                                   withDestinationPath: root.appendingPathComponent("secret.csv").path)
        func csv(_ name: String) -> String? { message("```nn dataset\ncsv: \(name)\ntarget: y\n```\n", data: data.path) }
        #expect(csv("ok.csv") == nil)
        let up = try #require(csv("../secret.csv"))
        #expect(up.contains("'../secret.csv' leaves the data folder"), "\(up)")
        let abs = try #require(csv(root.appendingPathComponent("secret.csv").path))
        #expect(abs.contains("is an absolute path"), "\(abs)")
        let link = try #require(csv("link.csv"))
        #expect(link.contains("'link.csv' is a link to a file outside data"), "\(link)")
        let etc = try #require(csv("/etc/passwd"))
        #expect(etc.contains("is an absolute path"), "\(etc)")
    }
}
