import Exercises
import Foundation
import Notebook

/// The seed inputs: every lesson in Lessons/, the committed corpus under Tests/Fuzz/corpus/ (lessons
/// with small training runs, verify files, TeX and Markdown pieces taken from the lessons and the test
/// fixtures).
struct Corpus {
    var seeds: [FuzzTarget: [[UInt8]]] = [:]
    var tokens: [[UInt8]] = []

    static func load(root: String) -> Corpus {
        var c = Corpus()
        for t in FuzzTarget.allCases { c.seeds[t] = [] }
        let fm = FileManager.default
        let lessons = (try? LessonCatalog.lessons(in: root + "/Lessons")) ?? []
        for p in lessons { if let d = fm.contents(atPath: p) { c.seeds[.lesson]!.append([UInt8](d)) } }
        let corpusDir = root + "/Tests/Fuzz/corpus"
        for t in FuzzTarget.allCases {
            let dir = corpusDir + "/" + t.name
            for f in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted() {
                if let d = fm.contents(atPath: dir + "/" + f) { c.seeds[t]!.append([UInt8](d)) }
            }
        }
        var seen = Set<[UInt8]>()
        for (_, files) in c.seeds.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for f in files {
                for r in Mutator.tokenRanges(f) where r.count >= 2 && r.count <= 24 {
                    let t = Array(f[r])
                    if seen.insert(t).inserted { c.tokens.append(t) }
                }
            }
        }
        return c
    }

    // MARK: writing the committed corpus

    /// Regenerates Tests/Fuzz/corpus/ from Lessons/ and the test fixtures.
    static func refresh(root: String) throws {
        let fm = FileManager.default
        let corpusDir = root + "/Tests/Fuzz/corpus"
        var written = 0
        func save(_ t: FuzzTarget, _ name: String, _ text: String) throws {
            let dir = corpusDir + "/" + t.name
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + name + "." + t.fileExtension), options: .atomic)
            written += 1
        }
        var texSeen = Set<String>(), mdCount = 0
        for p in try LessonCatalog.lessons(in: root + "/Lessons") {
            guard let text = try? String(contentsOfFile: p, encoding: .utf8) else { continue }
            let stem = ((p as NSString).deletingLastPathComponent as NSString).lastPathComponent + "-" + LessonCatalog.stem(p)
            // The lesson with its training shortened, so that mutants reach the cells after it.
            try save(.lesson, "small-" + stem, Self.shortened(text))
            // Its prose without cells, and each formula alone.
            let prose = Self.prose(text)
            if mdCount < 30 { try save(.markdown, stem, prose); mdCount += 1 }
            for m in Self.formulas(text) where texSeen.insert(m).inserted && texSeen.count <= 400 {
                try save(.tex, String(format: "lesson-%03d", texSeen.count), m)
            }
        }
        // Verify files: generated exercises of several shapes, answered with the tool's own solution.
        let shapes: [([Int], HandBias, [String], String, Int?)] = [
            ([2, 3, 2], .none, ["sigmoid"], "half-sse", nil),
            ([2, 2, 1], .perNeuron, ["sigmoid"], "mse", 4),
            ([3, 4, 2], .shared, ["tanh", "sigmoid"], "half-sse", 3),
            ([2, 3, 3], .perNeuron, ["relu", "softmax"], "cce", nil),
            ([2, 2], .perNeuron, ["sigmoid"], "bce", 2),
        ]
        for (i, s) in shapes.enumerated() {
            let o = ExerciseOptions(sizes: s.0, count: 1, seed: UInt64(7 + i), bias: s.1, activations: s.2, loss: s.3,
                                    learningRate: 0.5, rounding: s.4)
            for v in (try? ExerciseGenerator.generate(o)) ?? [] {
                let answers = VerifyFileWriter.answers(from: v.solution, decimals: s.4 ?? 4)
                try save(.verify, "generated-\(i + 1)", VerifyFileWriter.yaml(v.exercise, answers: answers))
            }
        }
        // Fixtures: the multi-line strings of the tests.
        var fixtures = 0
        var lastProblem: String?
        for dir in ["Tests/ExercisesTests", "Tests/NotebookTests", "Tests/TypesetTests"] {
            for f in ((try? fm.contentsOfDirectory(atPath: root + "/" + dir)) ?? []).sorted() where f.hasSuffix(".swift") {
                guard let src = try? String(contentsOfFile: root + "/" + dir + "/" + f, encoding: .utf8) else { continue }
                for s in Self.multilineStrings(src) {
                    fixtures += 1
                    let name = "fixture-" + f.replacingOccurrences(of: ".swift", with: "") + "-\(fixtures)"
                    if s.hasPrefix("---") { try save(.lesson, name, s) }
                    else if s.contains("network:") && (s.contains("answers:") || s.contains("input:")) && !s.contains("```") {
                        try save(.verify, name, s)
                        lastProblem = s
                    } else if s.contains("answers:"), let p = lastProblem { try save(.verify, name, p + "\n" + s) }
                    else if s.contains("```nn") { try save(.lesson, name, "---\ntitle: T\nlesson: 1\nlang: en\n---\n" + s) }
                    else if dir.hasSuffix("TypesetTests") { try save(.markdown, name, s) }
                }
            }
        }
        print("wrote \(written) corpus files under \(corpusDir)")
    }

    /// `epochs: 5000` → `epochs: 20`; generated data sets of at most 60 points; no snapshots (they name
    /// epochs past the shortened run).
    static func shortened(_ text: String) -> String {
        text.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("snapshots:") }.map { line -> String in
            for (key, most) in [("epochs", 20), ("n", 60), ("resolution", 40)] {
                let t = line.trimmingCharacters(in: .whitespaces)
                guard t.hasPrefix(key + ":"), let v = Int(t.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)), v > most else { continue }
                let indent = line.prefix { $0 == " " }
                return "\(indent)\(key): \(most)"
            }
            return line
        }.joined(separator: "\n")
    }

    /// The lesson's text outside its front matter and cells.
    static func prose(_ text: String) -> String {
        var out: [String] = []
        var inCell = false, dashes = 0
        for l in text.components(separatedBy: "\n") {
            if dashes < 2 { if l == "---" { dashes += 1 }; continue }
            if l.hasPrefix("```nn") { inCell = true; continue }
            if inCell { if l.hasPrefix("```") { inCell = false }; continue }
            out.append(l)
        }
        return out.joined(separator: "\n")
    }

    /// $…$ and $$…$$ pieces.
    static func formulas(_ text: String) -> [String] {
        var out: [String] = []
        let parts = text.components(separatedBy: "$")
        for (i, p) in parts.enumerated() where i % 2 == 1 && !p.isEmpty && p.count < 400 && !p.contains("\n\n") {
            out.append(p)
        }
        return out
    }

    /// The contents of """ … """ literals, with their indentation removed.
    static func multilineStrings(_ src: String) -> [String] {
        var out: [String] = []
        let lines = src.components(separatedBy: "\n")
        var i = 0
        while i < lines.count {
            if lines[i].hasSuffix("\"\"\"") && lines[i].filter({ $0 == "\"" }).count == 3 {
                var body: [String] = []
                var j = i + 1
                while j < lines.count, !lines[j].trimmingCharacters(in: .whitespaces).hasPrefix("\"\"\"") { body.append(lines[j]); j += 1 }
                guard j < lines.count else { break }
                let indent = lines[j].prefix { $0 == " " }.count
                let text = body.map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }.joined(separator: "\n")
                if !text.contains("\\(") { out.append(text.replacingOccurrences(of: "\\\\", with: "\\")) }
                i = j + 1
            } else {
                i += 1
            }
        }
        return out
    }
}
