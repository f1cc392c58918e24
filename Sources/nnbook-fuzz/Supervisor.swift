import Foundation

/// One input of a chunk.
struct FuzzInput {
    var target: FuzzTarget
    var bytes: [UInt8]
}

/// How a chunk run in a child process ended.
enum ChunkEnd {
    /// Every input ran; their outcome signatures in order.
    case finished([String])
    /// The child died (by a signal, or a non-zero exit) while running input `index`.
    case crashed(index: Int, outcomes: [String], reason: String)
    /// Input `index` ran longer than the time limit.
    case hung(index: Int, outcomes: [String], seconds: Double)
    /// Input `index` made the child's resident memory exceed the limit.
    case tooMuchMemory(index: Int, outcomes: [String], megabytes: Int)
}

/// Chunk files: [target: UInt8][length: UInt32 LE][bytes] repeated.
enum ChunkFile {
    static func write(_ inputs: [FuzzInput], to path: String) throws {
        var d = Data()
        for i in inputs {
            d.append(i.target.rawValue)
            var n = UInt32(i.bytes.count).littleEndian
            withUnsafeBytes(of: &n) { d.append(contentsOf: $0) }
            d.append(contentsOf: i.bytes)
        }
        try d.write(to: URL(fileURLWithPath: path))
    }

    static func read(_ path: String) throws -> [FuzzInput] {
        let d = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var out: [FuzzInput] = []
        var i = 0
        while i + 5 <= d.count {
            let t = FuzzTarget(rawValue: d[i]) ?? .lesson
            let n = Int(d[i + 1]) | Int(d[i + 2]) << 8 | Int(d[i + 3]) << 16 | Int(d[i + 4]) << 24
            i += 5
            out.append(FuzzInput(target: t, bytes: Array(d[i..<min(d.count, i + n)])))
            i += n
        }
        return out
    }
}

/// Runs chunks of inputs in a child process (this executable again, with `--child`), watching for a
/// death by signal, an input that runs too long, and resident memory that grows absurd.
struct Supervisor {
    var executable: String
    var dataDirectory: String
    var timeout: Double
    var memoryLimitMB: Int
    var workDirectory: String

    func run(_ inputs: [FuzzInput]) throws -> ChunkEnd {
        let chunkPath = (workDirectory as NSString).appendingPathComponent("chunk-\(getpid()).bin")
        try ChunkFile.write(inputs, to: chunkPath)
        defer { try? FileManager.default.removeItem(atPath: chunkPath) }

        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = ["--child", chunkPath, "--data", dataDirectory]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice

        let progress = Progress()
        let reader = pipe.fileHandleForReading
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var buffer: [UInt8] = []
            while true {
                let d = reader.availableData
                if d.isEmpty { break }
                buffer += d
                while let nl = buffer.firstIndex(of: 10) {
                    progress.line(String(decoding: buffer[..<nl], as: UTF8.self))
                    buffer.removeSubrange(...nl)
                }
            }
            done.signal()
        }
        try p.run()
        let pid = p.processIdentifier
        var killedFor: ChunkEnd?
        while p.isRunning {
            usleep(20_000)
            let (index, started, outcomes) = progress.snapshot()
            if let started, Date().timeIntervalSince(started) > timeout {
                kill(pid, SIGKILL)
                killedFor = .hung(index: index, outcomes: outcomes, seconds: Date().timeIntervalSince(started))
                break
            }
            if let mb = Self.residentMegabytes(pid), mb > memoryLimitMB {
                kill(pid, SIGKILL)
                killedFor = .tooMuchMemory(index: index, outcomes: outcomes, megabytes: mb)
                break
            }
        }
        p.waitUntilExit()
        done.wait()
        if let killedFor { return killedFor }
        let (index, started, outcomes) = progress.snapshot()
        if p.terminationReason == .uncaughtSignal || p.terminationStatus != 0 || outcomes.count < inputs.count {
            let reason = p.terminationReason == .uncaughtSignal
                ? "signal \(p.terminationStatus) (\(Self.signalName(p.terminationStatus)))"
                : "exit status \(p.terminationStatus)"
            return .crashed(index: started == nil ? outcomes.count : index, outcomes: outcomes, reason: reason)
        }
        return .finished(outcomes)
    }

    static func residentMegabytes(_ pid: Int32) -> Int? {
        guard let s = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in s.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kb / 1024
        }
        return nil
    }

    static func signalName(_ s: Int32) -> String {
        switch s {
        case SIGILL: return "SIGILL: a Swift trap (overflow, index out of range, force unwrap)"
        case SIGTRAP: return "SIGTRAP: a Swift trap"
        case SIGSEGV: return "SIGSEGV: bad memory access or stack overflow"
        case SIGBUS: return "SIGBUS"
        case SIGABRT: return "SIGABRT: abort"
        case SIGKILL: return "SIGKILL"
        case SIGFPE: return "SIGFPE: arithmetic"
        default: return "signal \(s)"
        }
    }
}

/// What the child has said so far: "S i" when input i starts, "D i signature" when it is done.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private var index = 0
    private var started: Date?
    private var outcomes: [String] = []

    func line(_ l: String) {
        lock.lock(); defer { lock.unlock() }
        if l.hasPrefix("@@S ") {
            index = Int(l.dropFirst(4)) ?? index
            started = Date()
        } else if l.hasPrefix("@@D ") {
            let rest = l.dropFirst(4)
            let sig = rest.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            outcomes.append(sig)
            started = nil
        }
    }

    func snapshot() -> (Int, Date?, [String]) {
        lock.lock(); defer { lock.unlock() }
        return (index, started, outcomes)
    }
}

/// The child: runs every input of a chunk in this process, saying when each starts and ends.
enum Child {
    static func run(chunk: String, dataDirectory: String) -> Never {
        let inputs: [FuzzInput]
        do { inputs = try ChunkFile.read(chunk) } catch {
            FileHandle.standardError.write(Data("cannot read \(chunk): \(error)\n".utf8))
            exit(3)
        }
        let runner = TargetRunner(dataDirectory: dataDirectory)
        for (i, input) in inputs.enumerated() {
            let out = FileHandle.standardOutput
            out.write(Data("@@S \(i)\n".utf8))
            let sig = runner.run(input.target, input.bytes)
            out.write(Data("@@D \(i) \(sig.replacingOccurrences(of: "\n", with: " "))\n".utf8))
        }
        exit(0)
    }
}
