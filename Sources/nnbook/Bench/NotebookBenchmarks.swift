import Foundation
import Notebook

/// Speed of building lessons (release build, run from the repository root so Lessons/ is found, or
/// pointed elsewhere with --lessons).
///
/// - `build_sample_lesson_s`: vi/06-backprop.md of the lessons to PDF and PNG pages and figures: parse,
///   run the cells, typeset, draw (goal: under a second).
/// - `build_all_s`: every lesson of the folder (vi and en) and both handouts, as `make handouts` does;
///   one run whatever --repeats says (it takes tens of seconds).
///
/// A lesson or handout that fails to build fails the benchmark, naming what failed: a build that
/// stops early would flatter the time.
enum NotebookBenchmarks {
    static func all(lessons: String) -> [Benchmark] {
        [
            Benchmark(key: "build_sample_lesson_s") { repeats in
                let path = (lessons as NSString).appendingPathComponent("vi/06-backprop.md")
                guard FileManager.default.fileExists(atPath: path) else {
                    throw BenchFailure(message: "build_sample_lesson_s: \(path): no such lesson")
                }
                return try withTemporaryOutput { out in
                    let builder = HandoutBuilder(options: BuildOptions(outDir: out))
                    return try Benchmarks.medianSeconds(repeats) {
                        let (report, _) = builder.buildLesson(path)
                        if let e = report.error { throw BenchFailure(message: "build_sample_lesson_s: the lesson failed to build:\n\(e)") }
                    }
                }
            },
            Benchmark(key: "build_all_s") { _ in
                let paths = try LessonCatalog.lessons(in: lessons)
                guard !paths.isEmpty else { throw BenchFailure(message: "build_all_s: \(lessons): no lessons (*.md) found") }
                return try withTemporaryOutput { out in
                    try Benchmarks.medianSeconds(1) {
                        let summary = HandoutBuilder(options: BuildOptions(outDir: out)).build(paths)
                        try check(summary)
                    }
                }
            },
        ]
    }

    /// Throws, naming every lesson and handout that failed, unless the whole build succeeded.
    static func check(_ summary: BuildSummary) throws {
        let failures = summary.failed.map { $0.error ?? $0.path } + summary.handoutErrors
        guard failures.isEmpty else {
            throw BenchFailure(message: "build_all_s: \(summary.failed.count) of \(summary.lessons.count) lessons and "
                + "\(summary.handoutErrors.count) handouts failed to build, so no time is reported:\n"
                + failures.joined(separator: "\n"))
        }
    }

    static func withTemporaryOutput(_ body: (String) throws -> Double) throws -> Double {
        let out = NSTemporaryDirectory() + "nnbook-bench-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        return try body(out)
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
