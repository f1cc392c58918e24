import Foundation
import Testing
@testable import Neural
@testable import Notebook

/// Issue 8, numerical honesty: activations and losses stay finite at extreme inputs (no exp overflow),
/// and a NaN or ∞ that a lesson does produce is an error naming the cell and the step, never "nan" in
/// a handout.
@Suite struct NumericalHonestyTests {
    static let extremes: [Double] = [-1e308, -1000, -745, -710, -1, 0, 1, 710, 745, 1000, 1e308]

    @Test func activationsAreFiniteAtExtremeInputs() {
        let all: [Activation] = [.identity, .step, .sigmoid, .tanh, .arctan, .relu, .leakyReLU(alpha: 0.01), .elu(alpha: 1), .softplus, .swish]
        for f in all {
            for z in Self.extremes {
                #expect(f.value(z).isFinite, "\(f.name)(\(z)) = \(f.value(z))")
                #expect(f.derivative(z).isFinite, "\(f.name)'(\(z)) = \(f.derivative(z))")
            }
        }
    }

    @Test func sigmoidLimits() {
        // σ(1000) = 1/(1+e^−1000): e^−1000 underflows to 0, so exactly 1; σ(−1000) = e^−1000/(1+e^−1000) = 0.
        #expect(Activation.sigmoid(1000) == 1)
        #expect(Activation.sigmoid(-1000) == 0)
        #expect(Activation.sigmoid(1e308) == 1)
        #expect(Activation.sigmoid(-1e308) == 0)
        // σ(−700) = e^−700/(1+e^−700) ≈ e^−700 = 9.8597e−305 (still a normal double): not flushed to 0.
        #expect(abs(Activation.sigmoid(-700) / exp(-700) - 1) < 1e-12)
        // softplus(1000) = 1000 + log1p(e^−1000) = 1000; softplus(−1000) = log1p(e^−1000) = 0.
        #expect(Activation.softplus.value(1000) == 1000)
        #expect(Activation.softplus.value(-1000) == 0)
        #expect(Activation.softplus.value(1e308) == 1e308)
    }

    @Test func softmaxIsStableAtExtremeInputs() throws {
        // Subtracting the row's maximum: [1000, 0, −1000] → [1, e^−1000, e^−2000]/Σ = [1, 0, 0].
        #expect(Activation.softmax(row: [1000, 0, -1000]) == [1, 0, 0])
        #expect(Activation.softmax(row: [1e308, -1e308]) == [1, 0])
        #expect(Activation.softmax(row: [1000, 1000]) == [0.5, 0.5])
        #expect(Activation.softmax(row: [-1e308, -1e308, -1e308]).allSatisfy { abs($0 - 1.0 / 3) < 1e-15 })
        // The batch path (in place) agrees with the row path.
        let z = try Matrix([[1000, 0, -1000], [1e308, -1e308, 0], [-1000, -1000, -1000]])
        let a = Activation.softmax.apply(z)
        #expect(a.storage.allSatisfy { $0.isFinite })
        #expect(a.row(0) == [1, 0, 0])
        #expect(a.row(1) == [1, 0, 0])
    }

    @Test func crossEntropyClampsItsLogarithms() throws {
        // A saturated wrong output: ŷ = 0 where y = 1. −log(clamp(0)) = −log(1e−15) = 34.538776394910684.
        let bce = try Loss.binaryCrossEntropy.value(predicted: Matrix([[0.0]]), target: Matrix([[1.0]]))
        #expect(abs(bce - 34.538776394910684) < 1e-9)
        let bce2 = try Loss.binaryCrossEntropy.value(predicted: Matrix([[1.0]]), target: Matrix([[0.0]]))
        #expect(bce2.isFinite && bce2 > 30)
        let cce = try Loss.categoricalCrossEntropy.value(predicted: Matrix([[0.0, 1.0]]), target: Matrix([[1.0, 0.0]]))
        #expect(abs(cce - 34.538776394910684) < 1e-9)
        // From logits of ±1000 through softmax: ŷ = [0, 1], y = [1, 0], still finite.
        let p = Activation.softmax.apply(try Matrix([[-1000, 1000]]))
        let v = try Loss.categoricalCrossEntropy.value(predicted: p, target: Matrix([[1.0, 0.0]]))
        #expect(v.isFinite)
        for loss in Loss.all {
            let g = try loss.gradient(predicted: Matrix([[0.0, 1.0]]), target: Matrix([[1.0, 0.0]]))
            #expect(g.storage.allSatisfy { $0.isFinite }, "\(loss.name) gradient \(g.storage)")
        }
    }

    // MARK: lessons: ∞ and NaN are errors naming the cell and the step

    static let header = "---\ntitle: T\nlesson: 1\nlang: en\n---\n\n"

    func run(_ body: String) throws -> LessonOutput {
        let lesson = try LessonParser.parse(Self.header + body, file: "t.md")
        return try Executor(lesson: lesson, dataDirectory: "/nonexistent").run()
    }

    func message(_ body: String) -> String? {
        do { _ = try run(body); return nil } catch { return "\(error)" }
    }

    @Test func divergingTrainingNamesTheEpochAndTheLearningRate() throws {
        let m = message("""
            ```nn network
            name: net
            layers: [2, 2, 1]
            activation: identity
            init: uniform
            seed: 1
            ```

            ```nn train
            network: net
            data: xor
            learning-rate: 50
            epochs: 100
            ```
            """)
        let text = try #require(m)
        #expect(text.contains("t.md:18:16:"), "\(text)")
        #expect(text.contains("diverged at epoch"), "\(text)")
        #expect(text.contains("learning-rate"), "\(text)")
        #expect(text.contains("50"), "\(text)")
        #expect(!text.lowercased().contains("nan ") || text.contains("NaN"), "\(text)")
    }

    @Test func infiniteForwardValueIsAnErrorNamingTheCell() throws {
        // 1e308·1 + 1e308·1 = ∞ in z of layer 1.
        let m = message("""
            ```nn network
            name: big
            layers: [2, 1]
            activation: identity
            weights:
              - [[1e308], [1e308]]
            ```

            ```nn forward
            name: f
            network: big
            input: [1, 1]
            ```
            """)
        let text = try #require(m)
        #expect(text.contains("`nn forward`") || text.contains("forward"), "\(text)")
        #expect(text.contains("∞") || text.contains("infinite"), "\(text)")
    }

    @Test func infiniteLossIsAnError() throws {
        let m = message("""
            ```nn loss
            loss: half-sse
            predicted: [1e300]
            target: [-1e300]
            ```
            """)
        let text = try #require(m)
        #expect(text.contains("∞") || text.contains("infinite"), "\(text)")
    }

    @Test func saturatedSigmoidInAForwardPassStaysFinite() throws {
        // z = 1000·1 = 1000, σ(1000) = 1: a finite, honest 1.0000, no error.
        let out = try run("""
            ```nn network
            name: sat
            layers: [1, 1]
            activation: sigmoid
            weights:
              - [[1000]]
            ```

            ```nn forward
            name: f
            network: sat
            input: [1]
            ```

            Output {{f.output[1]}}.
            """)
        let prose = out.parts.compactMap { p -> String? in if case .prose(let s, _) = p { return s }; return nil }.joined()
        #expect(prose.contains("Output 1.0000."), "\(prose)")
    }
}
