import Exercises
import Foundation
import Notebook
import Typeset

/// What an input is fed to.
enum FuzzTarget: UInt8, CaseIterable, Sendable {
    /// Lesson parser + executor, then its prose and worked math typeset into pages (no drawing).
    case lesson
    /// Verify-file reader, hand checker and both reports (text and JSON).
    case verify
    /// TeX subset: parse and lay out (display and text style).
    case tex
    /// Markdown subset: parse and lay out into pages.
    case markdown

    var name: String { "\(self)" }
    var fileExtension: String {
        switch self {
        case .lesson, .markdown: return "md"
        case .verify: return "yaml"
        case .tex: return "tex"
        }
    }
    /// Share of the runs (per mille): lessons cost the most and matter the most.
    var weight: Int {
        switch self {
        case .lesson: return 450
        case .verify: return 250
        case .tex: return 200
        case .markdown: return 100
        }
    }

    init?(fileName: String) {
        guard let t = FuzzTarget.allCases.first(where: { fileName.hasPrefix($0.name + "-") || fileName.hasPrefix($0.name + "/") }) else { return nil }
        self = t
    }
}

/// Runs one input in-process. Any thrown error is a fine outcome (bad input refused); the result is a
/// short signature of what happened, used to keep inputs that reach somewhere new.
final class TargetRunner {
    let dataDirectory: String
    let measurer = PangoMeasurer()

    init(dataDirectory: String) { self.dataDirectory = dataDirectory }

    func run(_ target: FuzzTarget, _ bytes: [UInt8]) -> String {
        Limits.$current.withValue(.fuzzing) {
            do {
                switch target {
                case .lesson: return try runLesson(bytes)
                case .verify: return try runVerify(bytes)
                case .tex: return try runTeX(bytes)
                case .markdown: return try runMarkdown(bytes)
                }
            } catch {
                return "error:" + Self.shape(of: "\(error)")
            }
        }
    }

    /// An error message with file, numbers and quoted words taken out: the kind of problem.
    static func shape(of message: String) -> String {
        var out = ""
        var quoted = false
        for ch in message.prefix(400) {
            if ch == "'" { quoted.toggle(); out.append(ch); continue }
            if quoted { continue }
            if ch.isNumber { if out.last != "#" { out.append("#") }; continue }
            out.append(ch)
        }
        if let r = out.range(of: "error: ") { out = String(out[r.upperBound...]) }
        return String(out.prefix(90))
    }

    func runLesson(_ bytes: [UInt8]) throws -> String {
        try Limits.current.checkLessonSize(bytes.count, file: "fuzz.md")
        guard let text = String(validating: bytes, as: UTF8.self) else { return "not-utf8" }
        let lesson = try LessonParser.parse(text, file: "fuzz.md")
        let out = try Executor(lesson: lesson, dataDirectory: dataDirectory).run()
        // As `nnbook build` does, short of drawing: blocks and figures (Figures values, measured), then pages.
        let kinds = out.parts.compactMap { p -> String? in if case .cell(let c, _) = p { return c.kind.rawValue }; return nil }
        let assembled = try DocumentAssembler().assemble(out)
        for f in assembled.figures {
            let size = f.preferredSize
            guard size.width.isFinite, size.height.isFinite, size.width >= 0, size.height >= 0 else { return "nonfinite-figure" }
        }
        let pages = try Typesetter(measurer: measurer).layout(assembled.standalone)
        try Limits.current.checkPages(pages.count, file: "fuzz.md")
        return "ok:" + kinds.joined(separator: ",")
    }

    func runVerify(_ bytes: [UInt8]) throws -> String {
        guard bytes.count <= 1 << 20 else { return "too-big" }
        guard let text = String(validating: bytes, as: UTF8.self) else { return "not-utf8" }
        let file = try VerifyFile.parse(text, file: "fuzz.yaml")
        let result = try HandChecker.check(file, fileName: "fuzz.yaml")
        _ = CheckReport.text(result, file: "fuzz.yaml", showSolution: true)
        _ = CheckReport.json(result, file: "fuzz.yaml")
        return "ok:\(result.right)/\(result.wrong)/\(result.carried)".map { $0.isNumber ? "#" : $0 }.reduce("") { $0 + String($1) }
    }

    func runTeX(_ bytes: [UInt8]) throws -> String {
        let tex = String(decoding: bytes.prefix(20_000), as: UTF8.self)
        let layout = MathLayout(measurer: measurer, size: 10)
        let box = try layout.layout(tex, display: true)
        _ = try layout.layout(tex, display: false)
        guard box.width.isFinite, box.height.isFinite, box.depth.isFinite else { return "nonfinite-box" }
        return "ok"
    }

    func runMarkdown(_ bytes: [UInt8]) throws -> String {
        let text = String(decoding: bytes.prefix(200_000), as: UTF8.self)
        let blocks = try Markdown.parse(text)
        let pages = try Typesetter(measurer: measurer).layout(Document(title: "fuzz", blocks: blocks))
        return "ok:\(min(pages.count, 3))"
    }
}
