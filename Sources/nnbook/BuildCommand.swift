import ArgumentParser
import Foundation
import Notebook

/// `nnbook build`: every lesson of a folder to PDF, page PNGs, figures, and one handout per language.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build every lesson of a folder into handouts (PDF, PNG pages, figures).",
        discussion: """
            Lessons are DIR/vi/*.md and DIR/en/*.md. Each lesson is written to OUT/<lang>/<lesson>.pdf,
            its pages to OUT/<lang>/<lesson>/page-NN.png and each figure alone to fig-NN.png (and .svg);
            each language gets OUT/<lang>/handout.pdf with a title page, the contents and an appendix of
            solutions. A lesson with an error is reported as FILE:LINE:COLUMN: error: …, writes no file,
            and the others still build; the exit status is then 1.
            Examples:
              nnbook build                          Lessons/ into output/
              nnbook build Lessons --out output     the same, spelled out (what `make handouts` runs)
              nnbook build --lang vi --format pdf   only the Vietnamese lessons, PDF only
              nnbook build Lessons --format pdf,png,svg
            """)

    @Argument(help: "The folder of lessons (with vi/ and en/ inside).")
    var dir: String = "Lessons"

    @Option(name: .shortAndLong, help: "Where to write the handouts.")
    var out: String = "output"

    @Option(help: "Which lessons: vi, en or all.")
    var lang: String = "all"

    @Option(help: "Comma-separated output formats: pdf, png, svg.")
    var format: String = "pdf,png"

    @Option(help: "Lessons and handouts built at the same time (the output is identical whatever the number).")
    var jobs: Int = 2

    func validate() throws {
        guard ["vi", "en", "all"].contains(lang) else { throw ValidationError("--lang must be vi, en or all, not '\(lang)'") }
        _ = try FormatList.parse(format)
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
    }

    func run() throws {
        do { try OutputFolder.prepare(out) } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        var options = BuildOptions(outDir: out, formats: try FormatList.parse(format))
        options.workers = jobs
        var paths = try LessonCatalog.lessons(in: dir)
        if lang != "all" {
            paths = paths.filter { ($0 as NSString).deletingLastPathComponent.hasSuffix("/" + lang) || (($0 as NSString).deletingLastPathComponent as NSString).lastPathComponent == lang }
        }
        guard !paths.isEmpty else {
            print("no lessons in \(dir) (expected \(dir)/vi/*.md and \(dir)/en/*.md)")
            throw ExitCode(1)
        }
        print("Building \(paths.count) lesson\(paths.count == 1 ? "" : "s") from \(dir) into \(out)")
        let summary = BuildRunner.run(paths: paths, options: options, handouts: true)
        throw summary.failed.isEmpty && summary.handoutErrors.isEmpty ? ExitCode.success : ExitCode(1)
    }
}

/// `--format pdf,png,svg`.
enum FormatList {
    static func parse(_ s: String) throws -> Set<BuildOptions.Format> {
        var set: Set<BuildOptions.Format> = []
        for word in s.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !word.isEmpty {
            guard let f = BuildOptions.Format(rawValue: word) else {
                throw ValidationError("unknown format '\(word)'; expected pdf, png or svg (comma-separated)")
            }
            set.insert(f)
        }
        guard !set.isEmpty else { throw ValidationError("--format needs at least one of pdf, png, svg") }
        return set
    }
}

/// Runs a build and prints a line per lesson, a bar during long training (terminal only), and a summary.
enum BuildRunner {
    static func run(paths: [String], options: BuildOptions, handouts: Bool) -> BuildSummary {
        let builder = HandoutBuilder(options: options)
        let console = Console()
        builder.onLesson = { r in console.lesson(r) }
        if console.isTerminal { builder.onProgress = { stem, cell, f in console.bar(stem, cell, f) } }
        let summary = builder.build(paths, handouts: handouts)
        console.clearBar()
        let ok = summary.lessons.filter { $0.error == nil }
        let pages = ok.reduce(0) { $0 + $1.pages }, figures = ok.reduce(0) { $0 + $1.figures }
        for h in summary.handouts { print("  handout \(h.lang.rawValue): \(h.path) (\(h.pages) pages, " + String(format: "%.2f s)", h.seconds)) }
        fflush(nil)
        for e in summary.handoutErrors { FileHandle.standardError.write(Data((e + "\n").utf8)) }
        var line = "\(ok.count) lesson\(ok.count == 1 ? "" : "s") built, \(pages) pages, \(figures) figures, "
            + String(format: "%.1f s", summary.seconds)
        if !summary.failed.isEmpty { line += "; \(summary.failed.count) failed:" }
        print(line)
        for f in summary.failed { print("  FAILED \(f.path)") }
        return summary
    }
}

/// Output lines from several workers; a progress bar on one line when stdout is a terminal.
final class Console: @unchecked Sendable {
    private let lock = NSLock()
    let isTerminal = isatty(STDOUT_FILENO) == 1
    private var barShown = false
    private var lastDraw = 0.0

    func lesson(_ r: LessonReport) {
        lock.lock(); defer { lock.unlock() }
        eraseBar()
        let name = (r.lang.map { "\($0.rawValue)/" } ?? "") + r.stem
        if let e = r.error {
            print("  ✗ \(name)")
            fflush(nil)
            FileHandle.standardError.write(Data((e + "\n").utf8))
        } else {
            print("  ✓ \(name): \(r.pages) page\(r.pages == 1 ? "" : "s"), \(r.figures) figure\(r.figures == 1 ? "" : "s"), " + String(format: "%.2f s", r.seconds))
        }
        fflush(nil)
    }

    func bar(_ stem: String, _ cell: String, _ f: Double) {
        lock.lock(); defer { lock.unlock() }
        let now = Double(DispatchTime.now().uptimeNanoseconds) / 1e9
        guard f >= 1 || now - lastDraw > 0.1 else { return }
        lastDraw = now
        let width = 28, filled = Int((min(max(f, 0), 1) * Double(width)).rounded())
        let text = "  [" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "] "
            + String(format: "%3d%% ", Int(f * 100)) + "\(stem): \(cell)"
        print("\r\u{1B}[K" + text, terminator: "")
        fflush(nil)
        barShown = true
    }

    func clearBar() {
        lock.lock(); defer { lock.unlock() }
        eraseBar()
    }

    private func eraseBar() {
        if barShown { print("\r\u{1B}[K", terminator: ""); barShown = false }
    }
}
