import Canvas
import Dispatch
import Foundation
import Typeset

/// What `nnbook build` and `nnbook render` write.
public struct BuildOptions: Sendable {
    public enum Format: String, CaseIterable, Sendable { case pdf, png, svg }
    public var outDir: String
    public var formats: Set<Format>
    /// Page images (output/<lang>/<lesson>/page-NN.png).
    public var pageDPI: Double = 100
    /// Figures alone (fig-NN.png).
    public var figureDPI: Double = 150
    /// Lessons built at once (output is the same whatever the number).
    public var workers: Int = 2

    public init(outDir: String, formats: Set<Format> = [.pdf, .png]) {
        self.outDir = outDir
        self.formats = formats
    }
}

/// One lesson's outcome.
public struct LessonReport: Sendable {
    public var path: String
    public var lang: LessonLanguage?
    public var stem: String
    public var pages = 0
    public var figures = 0
    public var seconds = 0.0
    /// The error text (FILE:LINE:COL: error: …) when the lesson failed.
    public var error: String?
}

/// The whole build: per lesson, and the handouts.
public struct BuildSummary: Sendable {
    public var lessons: [LessonReport]
    public var handouts: [(lang: LessonLanguage, path: String, pages: Int)]
    public var handoutErrors: [String]
    public var seconds: Double
    public var failed: [LessonReport] { lessons.filter { $0.error != nil } }
}

/// Builds lessons to PDF, page PNGs and figure files, and one handout per language.
public final class HandoutBuilder: @unchecked Sendable {
    public let options: BuildOptions
    /// A line per finished lesson.
    public var onLesson: (@Sendable (LessonReport) -> Void)?
    /// Training progress: lesson stem, cell label, fraction done.
    public var onProgress: (@Sendable (String, String, Double) -> Void)?

    public init(options: BuildOptions) { self.options = options }

    /// Every lesson in `paths`, then the handout of each language that has lessons.
    public func build(_ paths: [String], handouts: Bool = true) -> BuildSummary {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let results = Results(count: paths.count)
        let workers = max(1, min(options.workers, paths.count))
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = next.take(below: paths.count) {
                let (report, lesson) = self.buildLesson(paths[i])
                results.set(i, report, lesson)
                self.onLesson?(report)
            }
        }
        var summary = BuildSummary(lessons: results.reports.map { $0! }, handouts: [], handoutErrors: [], seconds: 0)
        if handouts {
            for lang in LessonLanguage.allCases {
                let built = zip(results.reports, results.lessons).compactMap { r, l -> AssembledLesson? in
                    r?.error == nil && l?.frontMatter.lang == lang ? l : nil
                }
                guard !built.isEmpty else { continue }
                let path = folder(lang) + "/handout.pdf"
                do {
                    let pages = try writeHandout(built, lang: lang, to: path)
                    summary.handouts.append((lang, path, pages))
                } catch {
                    summary.handoutErrors.append("\(path): error: \(error)")
                }
            }
        }
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        return summary
    }

    /// Parses, runs, typesets and writes one lesson; on any error nothing of it is left in the output.
    public func buildLesson(_ path: String) -> (LessonReport, AssembledLesson?) {
        let t0 = DispatchTime.now().uptimeNanoseconds
        var report = LessonReport(path: path, lang: nil, stem: LessonCatalog.stem(path))
        do {
            let lesson = try LessonParser.parse(file: path)
            report.lang = lesson.frontMatter.lang
            let executor = Executor(lesson: lesson, dataDirectory: LessonCatalog.dataDirectory(for: path))
            if let p = onProgress {
                let stem = report.stem
                executor.progress = { cell, f in p(stem, cell.label, f) }
            }
            let assembled = try DocumentAssembler().assemble(try executor.run())
            let pages = try Typesetter().layout(assembled.standalone)
            try Limits.current.checkPages(pages.count, file: path)
            try write(assembled, pages: pages)
            report.pages = pages.count
            report.figures = assembled.figures.count
            report.seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            return (report, assembled)
        } catch {
            report.error = Self.describe(error, path: path)
            if let lang = report.lang { removeOutputs(lang: lang, stem: report.stem) }
            report.seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            return (report, nil)
        }
    }

    static func describe(_ error: Error, path: String) -> String {
        switch error {
        case let e as LessonErrors: return e.description
        case let e as LessonError: return e.description
        default: return "\(path):1:1: error: \(error)"
        }
    }

    func folder(_ lang: LessonLanguage) -> String {
        (options.outDir as NSString).appendingPathComponent(lang.rawValue)
    }

    func removeOutputs(lang: LessonLanguage, stem: String) {
        let fm = FileManager.default
        try? fm.removeItem(atPath: folder(lang) + "/\(stem).pdf")
        try? fm.removeItem(atPath: folder(lang) + "/\(stem)")
    }

    func write(_ lesson: AssembledLesson, pages: [Page]) throws {
        let fm = FileManager.default
        let dir = folder(lesson.frontMatter.lang)
        let stem = LessonCatalog.stem(lesson.path)
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        if options.formats.contains(.pdf) {
            try PageRenderer.pdf(pages, to: dir + "/\(stem).pdf", title: lesson.frontMatter.title, author: lesson.frontMatter.author)
        }
        let images = dir + "/\(stem)"
        guard options.formats.contains(.png) || options.formats.contains(.svg) else { return }
        // Each file replaces its older version atomically; files of an older version that this one does
        // not write are removed at the end, so a build killed midway leaves the previous output whole.
        try fm.createDirectory(atPath: images, withIntermediateDirectories: true)
        var written: Set<String> = []
        if options.formats.contains(.png) {
            // Pages are independent: draw them on both cores (each file is the same whatever the order).
            let failures = Failures()
            let dpi = options.pageDPI
            let box = Unchecked(pages)
            DispatchQueue.concurrentPerform(iterations: pages.count) { k in
                do { try PageRenderer.png(box.value[k], dpi: dpi, to: images + String(format: "/page-%02d.png", k + 1)) }
                catch { failures.add(k, error) }
            }
            if let e = failures.first { throw e }
            written.formUnion((0..<pages.count).map { String(format: "page-%02d.png", $0 + 1) })
        }
        for (k, figure) in lesson.figures.enumerated() {
            let size = figure.preferredSize
            let draw: (Canvas) throws -> Void = { try figure.draw(in: Rect(x: 0, y: 0, width: size.width, height: size.height), on: $0) }
            if options.formats.contains(.png) {
                try Render.png(size: size, dpi: options.figureDPI, background: .white, to: images + String(format: "/fig-%02d.png", k + 1), draw: draw)
                written.insert(String(format: "fig-%02d.png", k + 1))
            }
            if options.formats.contains(.svg) {
                try Render.svg(size: size, to: images + String(format: "/fig-%02d.svg", k + 1), draw: draw)
                written.insert(String(format: "fig-%02d.svg", k + 1))
            }
        }
        for f in (try? fm.contentsOfDirectory(atPath: images)) ?? [] where !written.contains(f) {
            try? fm.removeItem(atPath: images + "/" + f)
        }
    }

    /// Title page, contents, each lesson, then the appendix of solutions.
    func writeHandout(_ lessons: [AssembledLesson], lang: LessonLanguage, to path: String) throws -> Int {
        let ordered = lessons.sorted { ($0.frontMatter.lesson ?? Int.max, LessonCatalog.stem($0.path)) < ($1.frontMatter.lesson ?? Int.max, LessonCatalog.stem($1.path)) }
        var docs = ordered.map(\.document)
        let language: Language = lang == .vi ? .vi : .en
        let withSolutions = ordered.filter { $0.solutions != nil }
        if !withSolutions.isEmpty {
            var blocks: [Block] = []
            for l in withSolutions {
                let n = l.frontMatter.lesson.map { "\(language.lesson) \($0). " } ?? ""
                blocks.append(.heading(level: 2, text: n + l.frontMatter.title))
                blocks += l.solutions ?? []
            }
            let title = lang == .vi ? "Phụ lục: Lời giải bài tập" : "Appendix: Solutions to the exercises"
            docs.append(Document(title: title, course: ordered[0].frontMatter.course ?? "", author: ordered[0].frontMatter.author ?? "",
                                 lesson: nil, language: language, blocks: blocks))
        }
        let first = ordered[0].frontMatter
        let course = first.course ?? (lang == .vi ? "Mạng nơ-ron nhân tạo" : "Neural networks")
        let subtitle = lang == .vi ? "Tài liệu học tập: \(ordered.count) bài" : "Course handout: \(ordered.count) lessons"
        let pages = try Typesetter().layout(handout: docs, title: course, subtitle: subtitle, author: first.author ?? "",
                                            course: course, language: language)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try PageRenderer.pdf(pages, to: path, title: course, author: first.author)
        return pages.count
    }
}

/// Results written by several workers, read after they finish.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    var reports: [LessonReport?]
    var lessons: [AssembledLesson?]
    init(count: Int) {
        reports = Array(repeating: nil, count: count)
        lessons = Array(repeating: nil, count: count)
    }
    func set(_ i: Int, _ r: LessonReport, _ l: AssembledLesson?) {
        lock.lock(); defer { lock.unlock() }
        reports[i] = r
        lessons[i] = l
    }
}

/// Read-only values shared with parallel workers (pages and figures are immutable once laid out).
private struct Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ v: T) { value = v }
}

/// Errors from parallel work, the one of the lowest index first.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [(Int, Error)] = []
    func add(_ k: Int, _ e: Error) { lock.lock(); errors.append((k, e)); lock.unlock() }
    var first: Error? { lock.lock(); defer { lock.unlock() }; return errors.min { $0.0 < $1.0 }?.1 }
}

/// Hands out lesson indices to workers in order.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take(below n: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < n else { return nil }
        defer { value += 1 }
        return value
    }
}
