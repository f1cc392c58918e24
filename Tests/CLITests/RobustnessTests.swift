import Foundation
import Testing

/// Issue 8, "hard to break", through the built binary: each class of bad input gets its message, its
/// exit status and no output file; a build killed midway leaves the previous output intact and no
/// temporary behind; an unwritable output folder is a clear error; real lessons build byte-identically.
@Suite(.serialized) struct RobustnessTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Every regular file under `dir` (relative paths), sorted.
    static func files(_ dir: String) -> [String] {
        let fm = FileManager.default
        return ((try? fm.subpathsOfDirectory(atPath: dir)) ?? []).filter { p in
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: dir + "/" + p, isDirectory: &isDir) && !isDir.boolValue
        }.sorted()
    }

    static func sha256(_ paths: [String]) throws -> [String: String] {
        guard !paths.isEmpty else { return [:] }
        let r = try CLI.run("/usr/bin/sha256sum", paths)
        var out: [String: String] = [:]
        for line in r.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { out[String(parts[1]).trimmingCharacters(in: .whitespaces)] = String(parts[0]) }
        }
        return out
    }

    /// A complete file of its kind: a PDF ends with %%EOF, a PNG with its IEND chunk, an SVG with </svg>.
    static func isComplete(_ path: String) -> Bool {
        guard let d = FileManager.default.contents(atPath: path) else { return false }
        let tail = String(decoding: d.suffix(32), as: UTF8.self)
        let path = path.components(separatedBy: ".tmp-")[0]      // a temporary is judged as the file it becomes
        if path.hasSuffix(".pdf") { return tail.contains("%%EOF") }
        if path.hasSuffix(".svg") { return tail.contains("</svg>") }
        if path.hasSuffix(".png") { return d.suffix(12).starts(with: [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44]) }
        return !d.isEmpty
    }

    static let net = ["```nn network", "name: n", "layers: [2, 1]", "activation: sigmoid", "weights: [[[0.5], [0.5]]]", "show: none", "```"]

    // MARK: bad lessons: message, exit status, no output

    @Test func eachClassOfBadLessonIsRefusedWithoutOutput() throws {
        let cases: [(file: String, body: [String], says: String)] = [
            ("02-width.md", ["```nn network", "layers: [2, 100000, 1]", "init: xavier", "```"],
             ":9:9: error: in `nn network` cell #1: layers: 100000 neurons in layer 1 exceeds the limit of 4096"),
            ("03-depth.md", ["```nn network", "layers: [" + Array(repeating: "2", count: 70).joined(separator: ", ") + "]", "init: xavier", "```"],
             "layers: 69 layers after the input exceeds the limit of 64"),
            ("04-epochs.md", Self.net + ["```nn train", "network: n", "data: xor", "epochs: 50000000", "```"],
             "'epochs' must be between 1 and 1000000, found 50000000"),
            ("05-work.md", ["```nn dataset", "name: d", "generate: circle", "n: 100000", "```",
                            "```nn network", "name: big", "layers: [2, 512, 512, 1]", "init: xavier", "```",
                            "```nn train", "network: big", "data: d", "epochs: 100000", "```"],
             "training: 100000 epochs × 100000 samples × 264705 parameters = 2.65e+15 steps exceeds the limit of 5e+10"),
            ("06-rows.md", ["```nn dataset", "generate: moons", "n: 2000000", "```"], "'n' must be between 2 and 100000, found 2000000"),
            ("07-grid.md", ["```nn plot", "kind: function", "functions: [sigmoid]", "resolution: 100000", "```"],
             "'resolution' must be between 10 and 1000, found 100000"),
            ("08-up.md", ["```nn dataset", "csv: ../secret.csv", "target: y", "```"], "'../secret.csv' leaves the data folder"),
            ("09-abs.md", ["```nn dataset", "csv: /etc/passwd", "target: y", "```"], "'/etc/passwd' is an absolute path"),
            ("10-link.md", ["```nn dataset", "csv: link.csv", "target: y", "```"], "'link.csv' is a link to a file outside data"),
            ("11-inf.md", ["```nn network", "name: big", "layers: [1, 1]", "activation: relu", "weights: [[[1e308]]]", "show: none", "```",
                           "```nn forward", "network: big", "input: [10]", "```"], "∞"),
            ("12-diverge.md", ["```nn network", "name: n", "layers: [2, 2, 1]", "activation: identity", "init: uniform", "seed: 1", "show: none", "```",
                               "```nn train", "network: n", "data: xor", "learning-rate: 50", "epochs: 100", "```"],
             "training diverged at epoch"),
            ("13-yaml.md", Self.net + ["```nn forward", "network: n", "input: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1", "```"], "error:"),
            ("14-tex.md", ["$$" + String(repeating: "\\frac{1}{", count: 500) + "x" + String(repeating: "}", count: 500) + "$$"],
             "nested more than 60 levels deep"),
        ]
        var files = ["L/vi/01-good.md": lesson("Tốt", Self.net + ["Có {{n.parameters}} tham số."]),
                     "L/secret.csv": "a,b,y\n1,2,0\n3,4,1\n", "L/data/ok.csv": "a,b,y\n1,2,0\n3,4,1\n"]
        for c in cases { files["L/vi/" + c.file] = lesson("Lỗi", number: 2, c.body) }
        let dir = try CLI.folder(files)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/L/data/link.csv", withDestinationPath: dir + "/L/secret.csv")
        // A lesson over the size limit, and one that is not UTF-8.
        try Data((lesson("To", number: 3, []) + String(repeating: "chữ ", count: 1_200_000)).utf8).write(to: URL(fileURLWithPath: dir + "/L/vi/15-huge.md"))
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: dir + "/L/vi/16-bytes.md"))

        let start = Date()
        let r = try CLI.nnbook(["build", "L", "--out", "out", "--format", "pdf,png,svg"], in: dir)
        #expect(Date().timeIntervalSince(start) < 120, "limits must refuse before any work starts")
        #expect(r.status == 1)
        #expect(CLI.exists(dir + "/out/vi/01-good.pdf"))
        let all = cases.map(\.file) + ["15-huge.md", "16-bytes.md"]
        let says = Dictionary(uniqueKeysWithValues: cases.map { ($0.file, $0.says) } + [
            ("15-huge.md", "exceeds the limit of 1048576 bytes"), ("16-bytes.md", "not UTF-8")])
        for f in all {
            let stem = (f as NSString).deletingPathExtension
            let line = r.stderr.split(separator: "\n").first { $0.hasPrefix("L/vi/\(f):") }.map(String.init) ?? ""
            #expect(line.contains(says[f]!), "\(f): got '\(line)'")
            #expect(!CLI.exists(dir + "/out/vi/\(stem).pdf"), "\(f) must not leave a PDF")
            #expect(Self.files(dir + "/out/vi").allSatisfy { !$0.hasPrefix(stem + "/") }, "\(f) must not leave pages or figures")
            #expect(r.stdout.contains("FAILED L/vi/\(f)"), "\(f)")
        }
        #expect(!r.stdout.contains("root:") && !r.stderr.contains("root:x:"), "the contents of /etc/passwd leaked")
        #expect(Self.files(dir + "/out").allSatisfy { !$0.contains(".tmp-") })
        #expect(Self.files(dir + "/L").sorted() == (files.keys.map { String($0.dropFirst(2)) } + ["data/link.csv", "vi/15-huge.md", "vi/16-bytes.md"]).sorted(),
                "a lesson wrote next to the lessons")
    }

    // MARK: output folder

    @Test func unwritableOutputFolderIsAClearError() throws {
        let dir = try CLI.folder(["L/vi/01-good.md": lesson("Tốt", Self.net), "blocker": "a file, not a folder\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for out in ["blocker/out", "blocker"] {
            let r = try CLI.nnbook(["build", "L", "--out", out, "--format", "pdf"], in: dir)
            #expect(r.status != 0, "\(out)")
            #expect(r.stderr == "\(out): error: cannot write the output here: 'blocker' is a file, not a folder\n", "\(r.stderr)")
            #expect(!r.stdout.contains("Building"), "refused before any lesson ran: \(r.stdout)")
            #expect(!r.stderr.contains("Fatal error"), "\(r.stderr)")
        }
        #expect(try String(contentsOfFile: dir + "/blocker", encoding: .utf8) == "a file, not a folder\n")
        // /proc refuses new files even to root.
        let p = try CLI.nnbook(["build", "L", "--out", "/proc/nnbook-out", "--format", "pdf"], in: dir)
        #expect(p.status != 0)
        #expect(p.stderr.hasPrefix("/proc/nnbook-out: error: cannot write the output here: "), "\(p.stderr)")
        let e = try CLI.nnbook(["exercise", "--layers", "2-3-2", "--out", dir + "/blocker/x"])
        #expect(e.status != 0)
        #expect(e.stderr.contains("blocker"), "\(e.stderr)")
    }

    // MARK: killed midway

    @Test func killedBuildLeavesThePreviousOutputIntact() throws {
        // Several lessons, each training and drawing figures, so that a build takes a few seconds.
        func lessons(_ rate: String) -> [String: String] {
            var files: [String: String] = [:]
            for i in 1...8 {
                files["L/vi/0\(i)-run.md"] = lesson("Bài \(i)", number: i, [
                    "```nn network", "name: n", "layers: [2, 8, 1]", "activation: sigmoid", "init: xavier", "seed: \(i)", "```",
                    "```nn dataset", "name: d", "generate: moons", "n: 200", "seed: \(i)", "```",
                    "```nn train", "name: t", "network: n", "data: d", "epochs: 300", "learning-rate: \(rate)", "plot: [loss, boundary]", "```",
                    "Mất mát {{t.final-loss}}.",
                ])
            }
            return files
        }
        let dir = try CLI.folder(lessons("0.5"))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try CLI.nnbook(["build", "L", "--out", "out", "--format", "pdf,png,svg", "--jobs", "1"], in: dir)
        #expect(first.status == 0, "\(first.stdout)\n\(first.stderr)")
        let before = Self.files(dir + "/out")
        #expect(before.count > 20, "\(before)")
        let oldHashes = try Self.sha256(before.map { dir + "/out/" + $0 })

        // Change every lesson, start a second build, and kill it once it has replaced some files.
        for (k, v) in lessons("0.9") { try v.write(toFile: dir + "/" + k, atomically: true, encoding: .utf8) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.executable)
        p.arguments = ["build", "L", "--out", "out", "--format", "pdf,png,svg", "--jobs", "1"]
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(120)
        var changed = 0
        while p.isRunning, Date() < deadline {
            usleep(20_000)
            let now = try Self.sha256(before.map { dir + "/out/" + $0 }.filter(CLI.exists))
            changed = now.filter { oldHashes[$0.key] != $0.value }.count
            if changed > 0 { break }
        }
        let killedWhileRunning = p.isRunning
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(killedWhileRunning, "the build finished before it could be killed; make it longer")
        #expect(p.terminationReason == .uncaughtSignal)

        // A kill in the microseconds between naming a finished temporary and renaming it can leave a
        // complete "….tmp-…" beside its file (Linux cannot link over a name); the next build removes it.
        // Every file under its real name is whole and none is missing.
        let leftovers = Self.files(dir + "/out").filter { $0.contains(".tmp") }
        let after = Self.files(dir + "/out").filter { !$0.contains(".tmp") }
        #expect(leftovers.count <= 2, "temporary files left: \(leftovers)")
        for f in leftovers { #expect(Self.isComplete(dir + "/out/" + f), "\(f) is a partial temporary: written under a name before it was complete") }
        #expect(Set(after) == Set(before), "files appeared or vanished: \(Set(after).symmetricDifference(Set(before)))")
        let newHashes = try Self.sha256(after.map { dir + "/out/" + $0 })
        var replaced = 0
        for f in after {
            let path = dir + "/out/" + f
            #expect(Self.isComplete(path), "\(f) is a partial file")
            if newHashes[path] != oldHashes[path] { replaced += 1 }
        }
        #expect(replaced < after.count, "every file was replaced: the kill came too late to test anything")
        // A build after the kill completes and replaces everything.
        let third = try CLI.nnbook(["build", "L", "--out", "out", "--format", "pdf,png,svg"], in: dir)
        #expect(third.status == 0)
        #expect(Self.files(dir + "/out") == before, "temporaries or stray files after a full build")
    }

    // MARK: reproducible

    @Test func realLessonsBuildByteIdenticallyWithoutDatesOrPaths() throws {
        let fm = FileManager.default
        let dir = try CLI.folder([:])
        defer { try? fm.removeItem(atPath: dir) }
        try fm.createDirectory(atPath: dir + "/L/vi", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: dir + "/L/en", withIntermediateDirectories: true)
        try fm.copyItem(atPath: Self.repo + "/Lessons/data", toPath: dir + "/L/data")
        for f in ["vi/05-mlp-forward.md", "en/01-neuron-activations.md", "vi/09-computational-graph.md"] {
            try fm.copyItem(atPath: Self.repo + "/Lessons/" + f, toPath: dir + "/L/" + f)
        }
        let a = try CLI.nnbook(["build", "L", "--out", "o1", "--format", "pdf,png,svg"], in: dir)
        #expect(a.status == 0, "\(a.stdout)\n\(a.stderr)")
        let b = try CLI.nnbook(["build", "L", "--out", "o2", "--format", "pdf,png,svg", "--jobs", "1"], in: dir)
        #expect(b.status == 0)
        let files = Self.files(dir + "/o1")
        #expect(files == Self.files(dir + "/o2"))
        #expect(files.contains { $0.hasSuffix(".pdf") } && files.contains { $0.hasSuffix(".png") } && files.contains { $0.hasSuffix(".svg") })
        let h1 = try Self.sha256(files.map { dir + "/o1/" + $0 }), h2 = try Self.sha256(files.map { dir + "/o2/" + $0 })
        for f in files {
            #expect(h1[dir + "/o1/" + f] != nil && h1[dir + "/o1/" + f] == h2[dir + "/o2/" + f], "\(f) differs between runs")
        }
        // No absolute paths and no dates of today in any PDF (the Info dictionary is not compressed) or SVG.
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        for f in files where f.hasSuffix(".pdf") || f.hasSuffix(".svg") {
            let text = String(decoding: fm.contents(atPath: dir + "/o1/" + f) ?? Data(), as: Unicode.ASCII.self)
            #expect(!text.contains(dir) && !text.contains(NSTemporaryDirectory()) && !text.contains(Self.repo), "\(f) contains a path")
            if f.hasSuffix(".pdf") {
                #expect(!text.contains("D:\(year)") && !text.contains("Date (\(year)"), "\(f) contains a date of this year")
                #expect(text.contains("/CreationDate (20250101000000Z)"), "\(f): no fixed creation date")
            }
        }
    }

    // MARK: verify files

    @Test func eachClassOfBadVerifyFileExitsTwoWithoutOutput() throws {
        let good = """
            network:
              layers: [2, 2]
              activation: sigmoid
              weights:
                - [[0.1, 0.2], [0.3, 0.4]]
            input: [1, 1]
            target: [1, 0]
            loss: half-sse
            learning-rate: 0.5

            """
        let cases: [(name: String, bytes: Data, says: String)] = [
            ("empty.yaml", Data(), "empty"),
            ("bytes.yaml", Data([0xFF, 0xFE, 0x00, 0x41]), "not UTF-8"),
            ("big.yaml", Data((good + "# " + String(repeating: "x", count: 2_000_000)).utf8), "at most 1048576"),
            ("syntax.yaml", Data((good + "answers: [1, 2\n").utf8), ":"),
            ("deep.yaml", Data((good + "answers: " + String(repeating: "[", count: 100_000)).utf8), ":"),
            ("wide.yaml", Data(good.replacingOccurrences(of: "layers: [2, 2]", with: "layers: [2, 100000]").utf8), "100000"),
            ("act.yaml", Data(good.replacingOccurrences(of: "sigmoid", with: "sigmiod").utf8), "unknown activation 'sigmiod'"),
            ("nan.yaml", Data(good.replacingOccurrences(of: "input: [1, 1]", with: "input: [.nan, 1]").utf8), "input"),
            ("inf.yaml", Data(good.replacingOccurrences(of: "[[0.1, 0.2], [0.3, 0.4]]", with: "[[1e308, 1e308], [1e308, 1e308]]")
                .replacingOccurrences(of: "sigmoid", with: "identity").utf8), ""),
        ]
        let dir = try CLI.folder([:])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for c in cases {
            let path = dir + "/" + c.name
            try c.bytes.write(to: URL(fileURLWithPath: path))
            let r = try CLI.nnbook(["verify", path, "--pdf", dir + "/sheet.pdf"])
            #expect(!r.stderr.contains("Fatal error"), "\(c.name): \(r.stderr)")
            if c.name == "inf.yaml" {
                // Overflow in a worked value: refused (2) with words, or reported; never "nan" or "inf" printed.
                #expect(r.status == 2 || r.status == 1, "\(c.name): \(r.status)")
                #expect(!r.stdout.lowercased().contains("nan") && !r.stdout.contains(" inf"), "\(c.name): \(r.stdout)")
                continue
            }
            #expect(r.status == 2, "\(c.name): status \(r.status)\n\(r.stdout)\n\(r.stderr)")
            #expect(r.stderr.hasPrefix(path + ":"), "\(c.name): \(r.stderr)")
            #expect(r.stderr.contains(c.says), "\(c.name): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(c.name): \(r.stdout)")
            #expect(!CLI.exists(dir + "/sheet.pdf"), "\(c.name) left a feedback sheet")
        }
        let missing = try CLI.nnbook(["verify", dir + "/nope.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.yaml") && missing.stderr.contains("no such file"), "\(missing.stderr)")
        let folder = try CLI.nnbook(["verify", dir])
        #expect(folder.status == 2)
        #expect(folder.stderr.hasPrefix(dir + ":"), "\(folder.stderr)")
    }
}
