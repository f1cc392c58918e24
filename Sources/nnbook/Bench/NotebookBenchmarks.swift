import Foundation
import Notebook

/// Speed of building lessons (release build, run from the repository root so Lessons/ is found).
///
/// - `build_sample_lesson_s`: Lessons/vi/06-backprop.md to PDF and PNG pages and figures: parse, run the
///   cells, typeset, draw (goal: under a second).
/// - `build_all_s`: every lesson of Lessons/ (vi and en) and both handouts, as `make handouts` does; one
///   run whatever --repeats says (it takes tens of seconds).
enum NotebookBenchmarks {
    static var all: [Benchmark] {
        [
            Benchmark(key: "build_sample_lesson_s") { repeats in
                let path = "Lessons/vi/06-backprop.md"
                guard FileManager.default.fileExists(atPath: path) else { return .nan }
                return try withTemporaryOutput { out in
                    let builder = HandoutBuilder(options: BuildOptions(outDir: out))
                    return try Benchmarks.medianSeconds(repeats) {
                        let (report, _) = builder.buildLesson(path)
                        if let e = report.error { throw BenchFailure(message: e) }
                    }
                }
            },
            Benchmark(key: "build_all_s") { _ in
                guard let paths = try? LessonCatalog.lessons(in: "Lessons"), !paths.isEmpty else { return .nan }
                return try withTemporaryOutput { out in
                    Benchmarks.medianSeconds(1) {
                        let summary = HandoutBuilder(options: BuildOptions(outDir: out)).build(paths)
                        // A lesson that fails builds nothing: the time would flatter the build.
                        if !summary.failed.isEmpty {
                            FileHandle.standardError.write(Data("build_all_s: \(summary.failed.count) lessons failed\n".utf8))
                        }
                    }
                }
            },
        ]
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
