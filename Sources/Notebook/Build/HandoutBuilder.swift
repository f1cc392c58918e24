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
    public var handouts: [(lang: LessonLanguage, path: String, pages: Int, seconds: Double)]
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

    /// Every lesson in `paths`, and the handout of each language that has lessons.
    ///
    /// The lessons are parsed first (quick): a lesson's language says which handout waits for it, and
    /// its cells give a guess of its cost. Workers then take the slowest-looking lessons first, and a
    /// language's handout as soon as its last lesson is done, while the other workers go on with the
    /// remaining lessons. Each file is the same whatever the order and the number of workers.
    public func build(_ paths: [String], handouts: Bool = true) -> BuildSummary {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let parsed = Parsed(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            parsed.set(i, Result { try LessonParser.parse(file: paths[i]) })
        }
        let lessons = parsed.lessons
        let costs = lessons.map { (try? $0.get()).map(BuildCost.estimate) ?? 0 }
        let order = paths.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
        var waiting: [LessonLanguage: Int] = [:]
        if handouts {
            for case .success(let l) in lessons { waiting[l.frontMatter.lang, default: 0] += 1 }
        }
        let results = Results(count: paths.count)
        let written = HandoutResults()
        let queue = BuildQueue(order: order, waiting: waiting)
        let workers = max(1, min(options.workers, paths.count + waiting.count))
        let box = Unchecked(lessons)   // read only, by the workers
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let lessons = box.value
            while let job = queue.next() {
                switch job {
                case .lesson(let i):
                    let (report, lesson) = self.buildLesson(paths[i], parsed: lessons[i])
                    results.set(i, report, lesson)
                    self.onLesson?(report)
                    queue.finished(language: try? lessons[i].get().frontMatter.lang)
                case .handout(let lang):
                    // Every lesson of `lang` is done: the results for it are complete.
                    let built = results.built(lang)
                    guard !built.isEmpty else { continue }
                    let path = self.folder(lang) + "/handout.pdf"
                    let t = DispatchTime.now().uptimeNanoseconds
                    do {
                        let pages = try self.writeHandout(built, lang: lang, to: path)
                        written.set(lang, .success((path, pages, Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9)))
                    } catch {
                        written.set(lang, .failure(error))
                    }
                }
            }
        }
        var summary = BuildSummary(lessons: results.reports.map { $0! }, handouts: [], handoutErrors: [], seconds: 0)
        for lang in LessonLanguage.allCases {
            switch written.result(lang) {
            case .success(let (path, pages, seconds))?: summary.handouts.append((lang, path, pages, seconds))
            case .failure(let error)?: summary.handoutErrors.append("\(folder(lang))/handout.pdf: error: \(error)")
            case nil: break
            }
        }
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        return summary
    }

    /// Parses, runs, typesets and writes one lesson; on any error nothing of it is left in the output.
    public func buildLesson(_ path: String) -> (LessonReport, AssembledLesson?) {
        buildLesson(path, parsed: Result { try LessonParser.parse(file: path) })
    }

    /// The same for a lesson already parsed (or that failed to parse).
    func buildLesson(_ path: String, parsed: Result<Lesson, Error>) -> (LessonReport, AssembledLesson?) {
        let t0 = DispatchTime.now().uptimeNanoseconds
        var report = LessonReport(path: path, lang: nil, stem: LessonCatalog.stem(path))
        do {
            let lesson = try parsed.get()
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
            AtomicFile.removeLeftovers(of: dir + "/\(stem).pdf")
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
        AtomicFile.removeLeftovers(of: path)
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
    /// The lessons of `lang` built without error, in the order of the paths.
    func built(_ lang: LessonLanguage) -> [AssembledLesson] {
        lock.lock(); defer { lock.unlock() }
        return zip(reports, lessons).compactMap { r, l in r?.error == nil && l?.frontMatter.lang == lang ? l : nil }
    }
}

/// Parsed lessons, written by several workers.
private final class Parsed: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<Lesson, Error>?]
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<Lesson, Error>) { lock.lock(); results[i] = r; lock.unlock() }
    var lessons: [Result<Lesson, Error>] { lock.lock(); defer { lock.unlock() }; return results.map { $0! } }
}

/// Handouts written by the workers, by language.
private final class HandoutResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [LessonLanguage: Result<(String, Int, Double), Error>] = [:]
    func set(_ lang: LessonLanguage, _ r: Result<(String, Int, Double), Error>) { lock.lock(); results[lang] = r; lock.unlock() }
    func result(_ lang: LessonLanguage) -> Result<(String, Int, Double), Error>? { lock.lock(); defer { lock.unlock() }; return results[lang] }
}

/// Hands out the work: lessons in the given order, and a language's handout as soon as the last of
/// its lessons is done (before any further lesson: a handout is the longest job). A worker with
/// nothing to take waits while a handout is still to come.
private final class BuildQueue: @unchecked Sendable {
    enum Job { case lesson(Int), handout(LessonLanguage) }
    private let condition = NSCondition()
    private let order: [Int]
    private var taken = 0
    /// Lessons still to finish, per language that gets a handout.
    private var waiting: [LessonLanguage: Int]
    private var ready: [LessonLanguage] = []
    /// Handouts not yet handed out.
    private var pending: Int

    init(order: [Int], waiting: [LessonLanguage: Int]) {
        self.order = order
        self.waiting = waiting
        pending = waiting.count
    }

    func next() -> Job? {
        condition.lock(); defer { condition.unlock() }
        while true {
            if !ready.isEmpty {
                pending -= 1
                if pending == 0 { condition.broadcast() }
                return .handout(ready.removeFirst())
            }
            if taken < order.count {
                defer { taken += 1 }
                return .lesson(order[taken])
            }
            if pending == 0 { return nil }
            condition.wait()
        }
    }

    func finished(language: LessonLanguage?) {
        condition.lock(); defer { condition.unlock() }
        guard let language, let n = waiting[language] else { return }
        waiting[language] = n - 1
        if n == 1 {
            ready.append(language)
            condition.broadcast()
        }
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
