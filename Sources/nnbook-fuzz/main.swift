// nnbook-fuzz: a seeded mutation fuzzer for the lesson parser + executor (Markdown, YAML cells, TeX
// math laid out by Typeset), the verify-file reader/checker, and the TeX and Markdown parsers alone.
//
//   swift run -c release nnbook-fuzz --runs 100000 --seed 1      (make fuzz)
//   nnbook-fuzz --replay Tests/Fuzz/crashes/lesson-1a2b3c.md      run saved inputs in this process
//   nnbook-fuzz --refresh-corpus                                  rewrite Tests/Fuzz/corpus/ from Lessons/ and fixtures
//
// Inputs run in chunks inside a child process (this executable with --child), so a trap kills the child
// and not the harness; the input that was running is then run alone to confirm, and saved to
// Tests/Fuzz/crashes/. An input running longer than --timeout seconds is a hang (saved to
// Tests/Fuzz/hangs/); a child whose resident memory passes --memory MB is saved there too.

import Foundation
import Notebook
import Neural

struct Options {
    var runs = 100_000
    var seed: UInt64 = 1
    var chunk = 400
    var timeout = 10.0
    var memoryMB = 2048
    var root = FileManager.default.currentDirectoryPath
    var replay: [String] = []
    var refresh = false
    var child: String?
    var data: String?
    var quiet = false

    static func parse(_ args: [String]) -> Options {
        var o = Options()
        var i = 0
        func value() -> String {
            i += 1
            guard i < args.count else { fail("\(args[i - 1]) needs a value") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--runs": o.runs = number(value(), "--runs")
            case "--seed": o.seed = UInt64(number(value(), "--seed"))
            case "--chunk": o.chunk = max(1, number(value(), "--chunk"))
            case "--timeout": o.timeout = Double(number(value(), "--timeout"))
            case "--memory": o.memoryMB = number(value(), "--memory")
            case "--root": o.root = value()
            case "--replay": while i + 1 < args.count, !args[i + 1].hasPrefix("--") { i += 1; o.replay.append(args[i]) }
            case "--refresh-corpus": o.refresh = true
            case "--child": o.child = value()
            case "--data": o.data = value()
            case "--quiet": o.quiet = true
            case "-h", "--help":
                say("""
                    usage: nnbook-fuzz [--runs N] [--seed S] [--chunk K] [--timeout SECONDS] [--memory MB] [--root DIR]
                           nnbook-fuzz --replay FILE...      (file names start with lesson-, verify-, tex- or markdown-)
                           nnbook-fuzz --refresh-corpus
                    """)
                exit(0)
            default: fail("unknown option \(args[i]); see --help")
            }
            i += 1
        }
        return o
    }
}

/// Unbuffered output, so progress shows up even when stdout is a file.
func say(_ s: String) { FileHandle.standardOutput.write(Data((s + "\n").utf8)) }

func number(_ s: String, _ option: String) -> Int {
    guard let n = Int(s), n >= 0 else { fail("\(option) needs a whole number, found '\(s)'") }
    return n
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("nnbook-fuzz: error: \(message)\n".utf8))
    exit(2)
}

let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
let dataDirectory = options.data ?? options.root + "/Lessons/data"

if let chunk = options.child { Child.run(chunk: chunk, dataDirectory: dataDirectory) }

if options.refresh {
    do { try Corpus.refresh(root: options.root) } catch { fail("\(error)") }
    exit(0)
}

if !options.replay.isEmpty {
    let runner = TargetRunner(dataDirectory: dataDirectory)
    for f in options.replay {
        guard let d = FileManager.default.contents(atPath: f) else { fail("cannot read \(f)") }
        let name = (f as NSString).lastPathComponent
        let target = FuzzTarget(fileName: name) ?? (name.hasSuffix(".yaml") ? .verify : name.hasSuffix(".tex") ? .tex : .lesson)
        say("\(f) [\(target.name)]: \(runner.run(target, [UInt8](d)))")
    }
    exit(0)
}

// MARK: the fuzz loop

guard FileManager.default.fileExists(atPath: options.root + "/Lessons") else {
    fail("no Lessons/ folder in \(options.root); run from the repository root or give --root")
}
var corpus = Corpus.load(root: options.root)
for t in FuzzTarget.allCases where corpus.seeds[t]!.isEmpty { fail("no seeds for \(t.name); run --refresh-corpus") }
say("nnbook-fuzz: seed \(options.seed), \(options.runs) runs, seeds " +
      FuzzTarget.allCases.map { "\($0.name) \(corpus.seeds[$0]!.count)" }.joined(separator: ", ") +
      ", \(corpus.tokens.count) tokens")

let work = NSTemporaryDirectory() + "nnbook-fuzz-\(getpid())"
try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: work) }
let supervisor = Supervisor(executable: Bundle.main.executablePath ?? CommandLine.arguments[0],
                            dataDirectory: dataDirectory, timeout: options.timeout, memoryLimitMB: options.memoryMB,
                            workDirectory: work)

var mutator = Mutator(seed: options.seed, tokens: corpus.tokens)
var outcomesSeen: [FuzzTarget: Set<String>] = [:]
var counts: [FuzzTarget: Int] = [:]
var refused = 0
var findings: [(kind: String, target: FuzzTarget, file: String, detail: String)] = []
var findingKeys = Set<String>()
var done = 0
let start = Date()

@MainActor func pickTarget() -> FuzzTarget {
    var r = mutator.int(1000)
    for t in FuzzTarget.allCases { if r < t.weight { return t }; r -= t.weight }
    return .lesson
}

@MainActor func makeInput() -> FuzzInput {
    let t = pickTarget()
    let seeds = corpus.seeds[t]!
    let base = mutator.pick(seeds)
    // Splice from the same kind mostly, sometimes from any kind.
    let otherPool = mutator.chance(0.8) ? seeds : corpus.seeds[mutator.pick(FuzzTarget.allCases)]!
    return FuzzInput(target: t, bytes: mutator.mutate(base, other: mutator.pick(otherPool), target: t))
}

func fnv(_ b: [UInt8]) -> String {
    var h: UInt64 = 0xcbf29ce484222325
    for x in b { h = (h ^ UInt64(x)) &* 0x100000001b3 }
    return String(h, radix: 16)
}

/// Saves a failing input (once per distinct input) and records it.
@MainActor func record(_ kind: String, _ input: FuzzInput, detail: String) {
    let dir = options.root + "/Tests/Fuzz/" + (kind == "crash" ? "crashes" : "hangs")
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let file = dir + "/\(input.target.name)-\(fnv(input.bytes)).\(input.target.fileExtension)"
    guard findingKeys.insert(file).inserted else { return }
    try? Data(input.bytes).write(to: URL(fileURLWithPath: file), options: .atomic)
    findings.append((kind, input.target, file, detail))
    say("  \(kind.uppercased()) \(input.target.name): \(detail)\n    saved \(file)")
}

/// Runs inputs in children until all are done, isolating each failing input.
@MainActor func runAll(_ inputs: [FuzzInput]) {
    var rest = inputs[...]
    while !rest.isEmpty {
        let end: ChunkEnd
        do { end = try supervisor.run(Array(rest)) } catch { fail("cannot start a child: \(error)") }
        let outcomes: [String], failedAt: Int?
        switch end {
        case .finished(let o): outcomes = o; failedAt = nil
        case .crashed(let i, let o, let reason):
            outcomes = o; failedAt = i
            let input = rest[rest.startIndex + i]
            // Confirm alone (the "bisection" down to one input); if it passes alone, the chunk before
            // it mattered: bisect the prefix for the shortest run that still crashes.
            if case .crashed = (try? supervisor.run([input])) ?? .finished([]) {
                record("crash", input, detail: reason)
            } else {
                var lo = 0, hi = i
                while lo < hi {
                    let mid = (lo + hi + 1) / 2
                    let tail = Array(rest[(rest.startIndex + mid)...(rest.startIndex + i)])
                    if case .crashed = (try? supervisor.run(tail)) ?? .finished([]) { lo = mid } else { hi = mid - 1 }
                }
                record("crash", input, detail: "\(reason), only after \(i - lo) earlier inputs of its chunk (not alone)")
            }
        case .hung(let i, let o, let s):
            outcomes = o; failedAt = i
            record("hang", rest[rest.startIndex + i], detail: String(format: "still running after %.1f s", s))
        case .tooMuchMemory(let i, let o, let mb):
            outcomes = o; failedAt = i
            record("memory", rest[rest.startIndex + i], detail: "resident memory reached \(mb) MB")
        }
        for (k, sig) in outcomes.enumerated() {
            let input = rest[rest.startIndex + k]
            counts[input.target, default: 0] += 1
            if sig.hasPrefix("error:") { refused += 1 }
            if outcomesSeen[input.target, default: []].insert(sig).inserted, input.bytes.count < 64_000 {
                // A new kind of outcome: keep the input as a seed for later mutations.
                corpus.seeds[input.target]!.append(input.bytes)
            }
        }
        done += outcomes.count
        if let f = failedAt { done += 1; counts[rest[rest.startIndex + f].target, default: 0] += 1 }
        rest = rest.dropFirst(outcomes.count + (failedAt == nil ? 0 : 1))
    }
}

var lastReport = Date()
while done < options.runs {
    let n = min(options.chunk, options.runs - done)
    runAll((0..<n).map { _ in makeInput() })
    if !options.quiet, Date().timeIntervalSince(lastReport) > 15 || done >= options.runs {
        lastReport = Date()
        let t = Date().timeIntervalSince(start)
        say(String(format: "  %7d runs  %6.0f s  %5.0f/s  refused %d  outcomes %d  findings %d", done, t, Double(done) / t,
                     refused, outcomesSeen.values.reduce(0) { $0 + $1.count }, findings.count))
    }
}

let elapsed = Date().timeIntervalSince(start)
say(String(format: "done: %d inputs in %.0f s (%.0f/s); ", done, elapsed, Double(done) / elapsed) +
      FuzzTarget.allCases.map { "\($0.name) \(counts[$0, default: 0])" }.joined(separator: ", "))
say("refused with an error: \(refused); distinct outcomes: " +
      FuzzTarget.allCases.map { "\($0.name) \(outcomesSeen[$0, default: []].count)" }.joined(separator: ", "))
let crashes = findings.filter { $0.kind == "crash" }.count
say("crashes: \(crashes), hangs: \(findings.filter { $0.kind == "hang" }.count), memory: \(findings.filter { $0.kind == "memory" }.count)")
exit(findings.isEmpty ? 0 : 1)
