import ArgumentParser
import Foundation

/// `nnbook bench`: the speed goals, measured (never in a timed test).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure nnbook's speed (release build) and print the figures.",
        discussion: """
            Each figure is the median of --repeats runs, in seconds unless its key says otherwise.
            Examples:
              swift run -c release nnbook bench --json
              swift run -c release nnbook bench --only xor --repeats 9
            """)

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    @Option(help: "Runs per measurement; the median is reported.")
    var repeats = 5

    @Option(help: "Only run benchmarks whose key contains this text.")
    var only: String?

    @Option(help: "The folder of lessons the build benchmarks build (vi/ and en/ inside).")
    var lessons = "Lessons"

    func run() throws {
        let selected = Benchmarks.all(lessons: lessons).filter { only == nil || $0.key.contains(only!) }
        var results: [(String, Double)] = []
        for b in selected {
            let value = try b.measure(max(1, repeats))
            results.append((b.key, value))
            if !json { print(String(format: "%-40@ %.6g", b.key as NSString, value)) }
        }
        if json {
            let body = results.map { "  \"\($0.0)\": \(jsonNumber($0.1))" }.joined(separator: ",\n")
            print("{\n\(body)\n}")
        }
    }

    private func jsonNumber(_ v: Double) -> String {
        v.isFinite ? String(format: "%.6g", v) : "null"
    }
}

/// One figure of the benchmark: `measure(repeats)` returns the median seconds (or a metric). A
/// benchmark whose work fails throws (the bench then exits non-zero): a failed build has no time.
struct Benchmark {
    let key: String
    let measure: (Int) throws -> Double
}

enum Benchmarks {
    static func all(lessons: String) -> [Benchmark] {
        NeuralBenchmarks.all + FigureBenchmarks.all + TypesetBenchmarks.all + NotebookBenchmarks.all(lessons: lessons)
    }

    /// Median wall time of `repeats` runs of `body`, in seconds.
    static func medianSeconds(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<repeats {
            let t0 = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
        times.sort()
        return times[times.count / 2]
    }
}
