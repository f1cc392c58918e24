import Foundation
import Testing
@testable import Neural

private func close(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool { abs(a - b) <= tol }

@Suite struct BackpropTests {
    /// A 2-2-1 sigmoid network, one sample, ½SSE, η = 0.5, worked by hand:
    ///
    ///     x = [1, 1], W⁽¹⁾ = [[0.5, 0.3], [−0.2, 0.1]], b⁽¹⁾ = [0.1, −0.1],
    ///     W⁽²⁾ = [[0.4], [0.6]], b⁽²⁾ = [0.2], y = 1
    ///     z⁽¹⁾ = [0.5 − 0.2 + 0.1, 0.3 + 0.1 − 0.1] = [0.4, 0.3]
    ///     a⁽¹⁾ = [1/(1+e^−0.4), 1/(1+e^−0.3)] = [1/1.670320046, 1/1.740818221] = [0.598687660, 0.574442517]
    ///     z⁽²⁾ = 0.4·0.598687660 + 0.6·0.574442517 + 0.2 = 0.239475064 + 0.344665510 + 0.2 = 0.784140574
    ///     ŷ = 1/(1+e^−0.784140574) = 1/1.456509… = 0.686571816
    ///     E = ½(0.686571816 − 1)² = ½·0.098237… = 0.049118613
    ///     δ⁽²⁾ = (ŷ − y)·ŷ(1−ŷ) = −0.313428184 · 0.215190… = −0.067446911
    ///     ∂E/∂W⁽²⁾ = a⁽¹⁾ᵀδ⁽²⁾ = [−0.040379633, −0.038744373]ᵀ ; ∂E/∂b⁽²⁾ = −0.067446911
    ///     δ⁽¹⁾ = δ⁽²⁾W⁽²⁾ᵀ ⊙ a⁽¹⁾(1−a⁽¹⁾) = [−0.026978764·0.240260…, −0.040468147·0.244458…]
    ///          = [−0.006481938, −0.009892775]
    ///     ∂E/∂W⁽¹⁾ = xᵀδ⁽¹⁾ = both rows [−0.006481938, −0.009892775]
    ///     W⁽²⁾ ← [0.4 + 0.5·0.040379633, 0.6 + 0.5·0.038744373] = [0.420189817, 0.619372187]
    ///     b⁽²⁾ ← 0.2 + 0.5·0.067446911 = 0.233723456
    ///     W⁽¹⁾ ← [[0.503240969, 0.304946387], [−0.196759031, 0.104946387]]; b⁽¹⁾ ← [0.103240969, −0.095053613]
    @Test func handWorked221() throws {
        let net = try Network(sizes: [2, 2, 1], activations: [.sigmoid], biasMode: .perNeuron,
                              weights: [Matrix([[0.5, 0.3], [-0.2, 0.1]]), Matrix([[0.4], [0.6]])],
                              biases: [Matrix(row: [0.1, -0.1]), Matrix(row: [0.2])])
        let fwd = try net.forward(Matrix(row: [1, 1]))
        #expect(close(fwd.z[0][0, 0], 0.4) && close(fwd.z[0][0, 1], 0.3))
        #expect(close(fwd.a[0][0, 0], 0.598687660) && close(fwd.a[0][0, 1], 0.574442517))
        #expect(close(fwd.z[1][0, 0], 0.784140574) && close(fwd.output[0, 0], 0.686571816))
        let bt = try net.backward(fwd, target: Matrix(row: [1]), loss: .halfSSE, learningRate: 0.5)
        #expect(close(bt.loss, 0.049118613))
        #expect(close(bt.delta[1][0, 0], -0.067446911))
        #expect(close(bt.gradW[1][0, 0], -0.040379633) && close(bt.gradW[1][1, 0], -0.038744373))
        #expect(close(bt.gradB[1][0, 0], -0.067446911))
        #expect(close(bt.delta[0][0, 0], -0.006481938) && close(bt.delta[0][0, 1], -0.009892775))
        for r in 0..<2 {
            #expect(close(bt.gradW[0][r, 0], -0.006481938) && close(bt.gradW[0][r, 1], -0.009892775))
        }
        #expect(close(bt.newW[1][0, 0], 0.420189817) && close(bt.newW[1][1, 0], 0.619372187))
        #expect(close(bt.newB[1][0, 0], 0.233723456))
        #expect(close(bt.newW[0][0, 0], 0.503240969) && close(bt.newW[0][0, 1], 0.304946387))
        #expect(close(bt.newW[0][1, 0], -0.196759031) && close(bt.newW[0][1, 1], 0.104946387))
        #expect(close(bt.newB[0][0, 0], 0.103240969) && close(bt.newB[0][0, 1], -0.095053613))
        let updated = net.applying(bt)
        #expect(updated.layers[1].weights == bt.newW[1] && updated.layers[0].bias == bt.newB[0])
        // One step downhill lowers the loss.
        #expect(try Loss.halfSSE.value(predicted: updated.predict(Matrix(row: [1, 1])), target: Matrix(row: [1])) < bt.loss)
    }

    /// The HUFLIT exercise: a [2-3-2] sigmoid network without bias, one forward pass and one
    /// backprop update. Numbers: x = [0.5, 1.0], y = [1, 0], η = 0.5, ½SSE, the weights of
    /// docs/lesson-format.md. Worked step by step (independently of nnbook, plain arithmetic):
    ///
    ///     z⁽¹⁾ = [0.5·0.1 + 1·0.2, 0.5·0.3 + 1·0.4, 0.5·0.5 + 1·0.6] = [0.25, 0.55, 0.85]
    ///     a⁽¹⁾ = σ(z⁽¹⁾) = [0.562176501, 0.634135591, 0.700567142]
    ///     z⁽²⁾ = a⁽¹⁾·W⁽²⁾ = [0.7a₁ + 0.9a₂ + 0.2a₃, 0.8a₁ + 0.1a₂ + 0.3a₃] = [1.104359011, 0.723324903]
    ///     ŷ = [0.751075962, 0.673338763]; E = ½(0.248924038² + 0.673338763²) = 0.257674133
    ///     δ⁽²⁾ = (ŷ − y) ⊙ ŷ(1−ŷ) = [−0.046539053, 0.148103334]
    ///     δ⁽¹⁾ = δ⁽²⁾W⁽²⁾ᵀ ⊙ a⁽¹⁾(1−a⁽¹⁾) = [0.021144230, −0.006281564, 0.007367891]
    ///     ∂E/∂W⁽²⁾ = a⁽¹⁾ᵀδ⁽²⁾ = [[−0.026163162, 0.083260214], [−0.029512070, 0.093917595], [−0.032603731, 0.103756330]]
    ///     ∂E/∂W⁽¹⁾ = xᵀδ⁽¹⁾ = [[0.010572115, −0.003140782, 0.003683945], [0.021144230, −0.006281564, 0.007367891]]
    ///     W⁽¹⁾ ← [[0.094713943, 0.301570391, 0.498158027], [0.189427885, 0.403140782, 0.596316055]]
    ///     W⁽²⁾ ← [[0.713081581, 0.758369893], [0.914756035, 0.053041202], [0.216301866, 0.248121835]]
    @Test func huflitExercise232() throws {
        let net = try Network(sizes: [2, 3, 2], activations: [.sigmoid], biasMode: .none,
                              weights: [Matrix([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]),
                                        Matrix([[0.7, 0.8], [0.9, 0.1], [0.2, 0.3]])])
        let bt = try net.backward(input: Matrix(row: [0.5, 1.0]), target: Matrix(row: [1, 0]), loss: .halfSSE, learningRate: 0.5)
        let fwd = try net.forward(Matrix(row: [0.5, 1.0]))
        let expect: [(Double, Double)] = [
            (fwd.z[0][0, 0], 0.25), (fwd.z[0][0, 1], 0.55), (fwd.z[0][0, 2], 0.85),
            (fwd.a[0][0, 0], 0.562176501), (fwd.a[0][0, 1], 0.634135591), (fwd.a[0][0, 2], 0.700567142),
            (fwd.z[1][0, 0], 1.104359011), (fwd.z[1][0, 1], 0.723324903),
            (fwd.output[0, 0], 0.751075962), (fwd.output[0, 1], 0.673338763), (bt.loss, 0.257674133),
            (bt.delta[1][0, 0], -0.046539053), (bt.delta[1][0, 1], 0.148103334),
            (bt.delta[0][0, 0], 0.021144230), (bt.delta[0][0, 1], -0.006281564), (bt.delta[0][0, 2], 0.007367891),
            (bt.gradW[1][0, 0], -0.026163162), (bt.gradW[1][2, 1], 0.103756330),
            (bt.gradW[0][0, 1], -0.003140782), (bt.gradW[0][1, 2], 0.007367891),
        ]
        for (i, (got, want)) in expect.enumerated() { #expect(close(got, want), "value \(i): \(got) vs \(want)") }
        let newW1 = [[0.094713943, 0.301570391, 0.498158027], [0.189427885, 0.403140782, 0.596316055]]
        let newW2 = [[0.713081581, 0.758369893], [0.914756035, 0.053041202], [0.216301866, 0.248121835]]
        for i in 0..<2 { for j in 0..<3 { #expect(close(bt.newW[0][i, j], newW1[i][j])) } }
        for i in 0..<3 { for j in 0..<2 { #expect(close(bt.newW[1][i, j], newW2[i][j])) } }
        #expect(bt.gradB.allSatisfy { $0.storage.allSatisfy { $0 == 0 } })
        #expect(bt.newB.allSatisfy { $0.storage.allSatisfy { $0 == 0 } })
    }

    /// Matt Mazur, "A Step by Step Backpropagation Example" (2015): 2-2-2 sigmoid, shared biases
    /// b1 = 0.35, b2 = 0.60 that are not updated, ½SSE, η = 0.5. His wₖ are per connection:
    /// w1: i1→h1, w2: i2→h1, w3: i1→h2, w4: i2→h2, w5: h1→o1, w6: h2→o1, w7: h1→o2, w8: h2→o2,
    /// so in the in-out layout W⁽¹⁾ = [[w1, w3], [w2, w4]] and W⁽²⁾ = [[w5, w7], [w6, w8]].
    /// Published: out_h1 = 0.593269992, out_o1 = 0.75136507, out_o2 = 0.772928465,
    /// E_total = 0.298371109, w5+ = 0.35891648, w6+ = 0.408666186, w7+ = 0.511301270,
    /// w8+ = 0.561370121, w1+ = 0.149780716, w2+ = 0.19956143, w3+ = 0.24975114, w4+ = 0.29950229.
    @Test func mazurSharedBias222() throws {
        let net = try Network(sizes: [2, 2, 2], activations: [.sigmoid], biasMode: .shared, biasTrainable: false,
                              weights: [Matrix([[0.15, 0.25], [0.20, 0.30]]), Matrix([[0.40, 0.50], [0.45, 0.55]])],
                              biases: [Matrix(row: [0.35]), Matrix(row: [0.60])])
        let fwd = try net.forward(Matrix(row: [0.05, 0.10]))
        #expect(close(fwd.a[0][0, 0], 0.593269992))
        #expect(close(fwd.output[0, 0], 0.75136507, 1e-8) && close(fwd.output[0, 1], 0.772928465))
        let bt = try net.backward(fwd, target: Matrix(row: [0.01, 0.99]), loss: .halfSSE, learningRate: 0.5)
        #expect(close(bt.loss, 0.298371109))
        #expect(close(bt.newW[1][0, 0], 0.35891648, 1e-8))   // w5
        #expect(close(bt.newW[1][1, 0], 0.408666186))        // w6
        #expect(close(bt.newW[1][0, 1], 0.511301270))        // w7
        #expect(close(bt.newW[1][1, 1], 0.561370121))        // w8
        #expect(close(bt.newW[0][0, 0], 0.149780716))        // w1
        #expect(close(bt.newW[0][1, 0], 0.19956143, 1e-8))   // w2
        #expect(close(bt.newW[0][0, 1], 0.24975114, 1e-8))   // w3
        #expect(close(bt.newW[0][1, 1], 0.29950229, 1e-8))   // w4
        // Frozen shared biases: unchanged; their gradient is still the sum of δ over the layer.
        #expect(bt.newB[0] == Matrix(row: [0.35, 0.35]) && bt.newB[1] == Matrix(row: [0.60, 0.60]))
        #expect(close(bt.gradB[1][0, 0], bt.delta[1][0, 0] + bt.delta[1][0, 1], 1e-15))
        #expect(bt.gradB[1][0, 1] == bt.gradB[1][0, 0])
    }

    /// The computational graph of linear regression (blog post 003): ŷ = wx + b with x = 1,
    /// w = 5, b = 1, y = 2: ŷ = 5·1 + 1 = 6, e = ŷ − y = 4, L = e² = 16, ∂L/∂ŷ = 2e = 8,
    /// ∂L/∂w = 8·x = 8, ∂L/∂b = 8. As a 1-1 identity network with the SSE loss.
    @Test func computationalGraph() throws {
        let net = try Network(sizes: [1, 1], activations: [.identity],
                              weights: [Matrix(row: [5])], biases: [Matrix(row: [1])])
        let fwd = try net.forward(Matrix(row: [1]))
        #expect(fwd.output[0, 0] == 6)
        let bt = try net.backward(fwd, target: Matrix(row: [2]), loss: .sse, learningRate: 0.1)
        #expect(bt.loss == 16)
        #expect(bt.dLoss_dOutput[0, 0] == 8)
        #expect(bt.gradW[0][0, 0] == 8 && bt.gradB[0][0, 0] == 8)
        #expect(close(bt.newW[0][0, 0], 4.2, 1e-15) && close(bt.newB[0][0, 0], 0.2, 1e-15))
    }

    @Test func batchForwardMatchesPerSample() throws {
        let net = try Network(sizes: [3, 4, 2], activations: [.tanh, .softmax], initializer: .xavier, seed: 7)
        let x = try Matrix([[0.1, -0.4, 0.9], [1.2, 0.3, -0.5]])
        let batch = try net.forward(x)
        for i in 0..<2 {
            let one = try net.forward(Matrix(row: x.row(i)))
            for j in 0..<2 { #expect(close(one.output[0, j], batch.output[i, j], 1e-15)) }
        }
    }

    @Test func badShapesThrowWithBothShapes() throws {
        #expect(throws: ShapeError.self) {
            try Network(sizes: [2, 3], activations: [.sigmoid], weights: [Matrix(rows: 3, cols: 2)])
        }
        #expect(throws: ShapeError.self) {
            try Network(sizes: [2, 3, 1], activations: [.sigmoid, .sigmoid, .sigmoid], initializer: .he, seed: 1)
        }
        let net = try Network(sizes: [2, 1], activation: .sigmoid, seed: 1)
        do { _ = try net.forward(Matrix(row: [1, 2, 3])); Issue.record("expected a shape error") } catch let e as ShapeError {
            #expect(e.message.contains("1×3") && e.message.contains("2"))
        }
        #expect(throws: ShapeError.self) {
            try net.backward(input: Matrix(row: [1, 2]), target: Matrix(row: [1, 0]), loss: .halfSSE, learningRate: 0.1)
        }
    }

    @Test func seededInitIsReproducible() throws {
        for initializer in [Initializer.uniform, .normal, .xavier, .he, .scaledNormal] {
            let a = try Network(sizes: [4, 5, 3], activation: .relu, initializer: initializer, seed: 99)
            let b = try Network(sizes: [4, 5, 3], activation: .relu, initializer: initializer, seed: 99)
            let c = try Network(sizes: [4, 5, 3], activation: .relu, initializer: initializer, seed: 100)
            #expect(a == b && a != c)
        }
        // Xavier limit √(6/(4+5)) = 0.8165 bounds layer 1's weights.
        let x = try Network(sizes: [4, 5, 3], activation: .relu, initializer: .xavier, seed: 3)
        #expect(x.layers[0].weights.storage.allSatisfy { abs($0) <= 0.8165 })
    }
}
