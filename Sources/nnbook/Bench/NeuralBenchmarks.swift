import Foundation
import Neural

/// Speed of the numbers engine against the slides' numpy MLP (`bench/compare.sh` runs both).
///
/// The per-sample figures use the peer's algorithm: sigmoid everywhere, ½SSE, per-sample SGD,
/// samples in their order, weights randn/√in (`Initializer.scaledNormal`), loss computed every
/// 100 epochs. The mini-batch and Adam figures use the practical setup of the digits lesson:
/// tanh, tanh, softmax with cross-entropy, Adam η = 0.01, batches of 32.
/// The `_cpu_s` twins measure the thread's CPU time instead of wall time (the machine may be shared;
/// `bench/compare.sh` measures the peers' CPU time the same way).
enum NeuralBenchmarks {
    typealias Timer = (Int, () throws -> Void) throws -> Double

    static var all: [Benchmark] {
        [
            Benchmark(key: "xor_221_sgd_5000_epochs_s") { try xor($0, Benchmarks.medianSeconds) },
            Benchmark(key: "xor_221_sgd_5000_epochs_cpu_s") { try xor($0, medianCPUSeconds) },
            Benchmark(key: "digits_64_32_16_10_sgd_epoch_s") { try digitsEpoch($0, Benchmarks.medianSeconds) },
            Benchmark(key: "digits_64_32_16_10_sgd_epoch_cpu_s") { try digitsEpoch($0, medianCPUSeconds) },
            Benchmark(key: "digits_test_accuracy") { _ in
                // The peer's full run: 1000 epochs of per-sample SGD, then accuracy on the test quarter.
                let (train, test) = try digits()
                let r = try Trainer(perSampleConfig(epochs: 1000)).train(try perSampleNetwork(), on: train)
                let predicted = try r.network.predict(test.x).argmaxPerRow
                return Double(zip(predicted, test.labels).filter { $0 == $1 }.count) / Double(test.count)
            },
            Benchmark(key: "digits_minibatch32_epoch_s") { repeats in
                let (train, _) = try digits()
                let epochs = 50
                var c = adamConfig()
                c.epochs = epochs
                c.logEvery = epochs
                let net = try adamNetwork()
                return try Benchmarks.medianSeconds(repeats) { _ = try Trainer(c).train(net, on: train) } / Double(epochs)
            },
            Benchmark(key: "digits_adam_to_97pct_s") { try adamTo97($0, Benchmarks.medianSeconds) },
            Benchmark(key: "digits_adam_to_97pct_cpu_s") { try adamTo97($0, medianCPUSeconds) },
        ]
    }

    static func xor(_ repeats: Int, _ timer: Timer) throws -> Double {
        let net = try Network(sizes: [2, 2, 1], activation: .sigmoid, initializer: .scaledNormal, seed: 42)
        let x = try Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]), y = try Matrix([[0], [1], [1], [0]])
        var c = TrainingConfig(loss: .halfSSE, learningRate: 0.5, epochs: 5000, shuffle: false, seed: 42)
        c.logEvery = 100
        return try timer(repeats) { _ = try Trainer(c).train(net, x: x, y: y) }
    }

    static func digitsEpoch(_ repeats: Int, _ timer: Timer) throws -> Double {
        let (train, _) = try digits()
        let epochs = 100
        let c = perSampleConfig(epochs: epochs)
        let net = try perSampleNetwork()
        return try timer(repeats) { _ = try Trainer(c).train(net, on: train) } / Double(epochs)
    }

    /// From an untrained network to ≥ 97 % test accuracy (checked after every epoch); NaN if never.
    static func adamTo97(_ repeats: Int, _ timer: Timer) throws -> Double {
        let (train, test) = try digits()
        var c = adamConfig()
        c.targetAccuracy = 0.97
        var reached = true
        let t = try timer(repeats) {
            let r = try Trainer(c).train(try adamNetwork(), on: train, validation: test)
            reached = reached && r.history.reachedTarget
        }
        return reached ? t : .nan
    }

    /// Median CPU time of this thread over `repeats` runs.
    static func medianCPUSeconds(_ repeats: Int, _ body: () throws -> Void) throws -> Double {
        func now() -> Double {
            var ts = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
            return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        }
        var times: [Double] = []
        for _ in 0..<repeats {
            let t0 = now()
            try body()
            times.append(now() - t0)
        }
        times.sort()
        return times[times.count / 2]
    }

    static func perSampleNetwork() throws -> Network {
        try Network(sizes: [64, 32, 16, 10], activation: .sigmoid, initializer: .scaledNormal, seed: 42)
    }

    static func perSampleConfig(epochs: Int) -> TrainingConfig {
        var c = TrainingConfig(loss: .halfSSE, learningRate: 0.1, epochs: epochs, shuffle: false, seed: 42)
        c.logEvery = 100
        return c
    }

    static func adamNetwork() throws -> Network {
        try Network(sizes: [64, 32, 16, 10], activations: [.tanh, .tanh, .softmax], initializer: .xavier, seed: 2)
    }

    /// Training loss and accuracy are the running means of each epoch (as scikit-learn and Keras
    /// report them), so the only extra pass is the test set's after every epoch.
    static func adamConfig() -> TrainingConfig {
        var c = TrainingConfig(loss: .categoricalCrossEntropy, optimizer: .adam, learningRate: 0.01, epochs: 100,
                               batch: .mini(32), seed: 2)
        c.trainingMetrics = .duringEpoch
        return c
    }

    /// The digits split 75/25 with seed 42, pixels scaled to [0, 1]. The CSV is looked up in
    /// $NNBOOK_LESSONS/data, ./Lessons/data, then beside the executable's package.
    static func digits() throws -> (train: Dataset, test: Dataset) {
        var candidates = ["Lessons/data/digits.csv"]
        if let dir = ProcessInfo.processInfo.environment["NNBOOK_LESSONS"] { candidates.insert(dir + "/data/digits.csv", at: 0) }
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(exe.deletingLastPathComponent().appendingPathComponent("../../../Lessons/data/digits.csv").path)
        candidates.append(exe.deletingLastPathComponent().appendingPathComponent("../../Lessons/data/digits.csv").path)
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw BenchDataMissing("digits.csv not found (looked in \(candidates.joined(separator: ", "))); run from the repository or set NNBOOK_LESSONS")
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try Digits.parse(csv: text, normalize: true).split(testFraction: 0.25, seed: 42)
    }
}

struct BenchDataMissing: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
