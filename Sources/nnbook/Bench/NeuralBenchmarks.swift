import Foundation
import Neural

/// Speed of the numbers engine against the slides' numpy MLP (`bench/compare.sh` runs both).
///
/// The per-sample figures use the peer's algorithm: sigmoid everywhere, ½SSE, per-sample SGD,
/// samples in their order, weights randn/√in (`Initializer.scaledNormal`), loss computed every
/// 100 epochs. The mini-batch and Adam figures use the practical setup of the digits lesson:
/// tanh, tanh, softmax with cross-entropy, Adam η = 0.01, batches of 32.
enum NeuralBenchmarks {
    static var all: [Benchmark] {
        [
            Benchmark(key: "xor_221_sgd_5000_epochs_s") { repeats in
                let net = try Network(sizes: [2, 2, 1], activation: .sigmoid, initializer: .scaledNormal, seed: 42)
                let x = try Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]), y = try Matrix([[0], [1], [1], [0]])
                var c = TrainingConfig(loss: .halfSSE, learningRate: 0.5, epochs: 5000, shuffle: false, seed: 42)
                c.logEvery = 100
                return try Benchmarks.medianSeconds(repeats) { _ = try Trainer(c).train(net, x: x, y: y) }
            },
            Benchmark(key: "digits_64_32_16_10_sgd_epoch_s") { repeats in
                let (train, _) = try digits()
                let epochs = 100
                var c = perSampleConfig(epochs: epochs)
                c.logEvery = 100
                let net = try perSampleNetwork()
                return try Benchmarks.medianSeconds(repeats) { _ = try Trainer(c).train(net, on: train) } / Double(epochs)
            },
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
            Benchmark(key: "digits_adam_to_97pct_s") { repeats in
                // Wall time from an untrained network to ≥ 97 % test accuracy (checked after every epoch).
                let (train, test) = try digits()
                var c = adamConfig()
                c.targetAccuracy = 0.97
                var reached = true
                let t = try Benchmarks.medianSeconds(repeats) {
                    let r = try Trainer(c).train(try adamNetwork(), on: train, validation: test)
                    reached = reached && r.history.reachedTarget
                }
                return reached ? t : .nan
            },
        ]
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

    static func adamConfig() -> TrainingConfig {
        TrainingConfig(loss: .categoricalCrossEntropy, optimizer: .adam, learningRate: 0.01, epochs: 100,
                       batch: .mini(32), seed: 2)
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
