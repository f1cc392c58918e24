import Foundation
import Testing
@testable import Neural

@Suite struct ActivationTests {
    @Test func knownValues() {
        // σ(0) = 1/2, σ(1) = 1/(1+e⁻¹) = 0.731058579 (e⁻¹ = 0.367879441)
        #expect(Activation.sigmoid.value(0) == 0.5)
        #expect(abs(Activation.sigmoid.value(1) - 0.731058579) < 1e-9)
        // σ′(0) = ½·½ = ¼; tanh′(0) = 1; arctan′(1) = 1/2
        #expect(Activation.sigmoid.derivative(0) == 0.25)
        #expect(Activation.tanh.derivative(0) == 1)
        #expect(Activation.arctan.derivative(1) == 0.5)
        // step: 0 below 0, 1 from 0 on; ReLU max(0, z); leaky ReLU(0.1): −2 → −0.2
        #expect(Activation.step.value(-0.5) == 0 && Activation.step.value(0) == 1)
        #expect(Activation.relu.value(-3) == 0 && Activation.relu.value(2.5) == 2.5)
        #expect(abs(Activation.leakyReLU(alpha: 0.1).value(-2) - -0.2) < 1e-15)
        #expect(Activation.leakyReLU().value(-1) == -0.01)
        // ELU(α=1) at −1: e⁻¹ − 1 = −0.632120559; softplus(0) = ln 2 = 0.693147181
        #expect(abs(Activation.elu().value(-1) - -0.632120559) < 1e-9)
        #expect(abs(Activation.softplus.value(0) - 0.693147181) < 1e-9)
        // swish(1) = 1·σ(1)
        #expect(abs(Activation.swish.value(1) - 0.731058579) < 1e-9)
    }

    @Test func noOverflowAtExtremes() {
        #expect(Activation.sigmoid.value(-1000) == 0)
        #expect(Activation.sigmoid.value(1000) == 1)
        #expect(Activation.softplus.value(1000) == 1000)
        #expect(Activation.softplus.value(-1000) >= 0 && Activation.softplus.value(-1000) < 1e-300)
        for f in Activation.all where !f.isVectorValued {
            for z in [-1e4, -50.0, 50, 1e4] {
                #expect(f.value(z).isFinite, "\(f.name)(\(z))")
                #expect(f.derivative(z).isFinite, "\(f.name)′(\(z))")
            }
        }
    }

    @Test func softmaxIsStableAndSumsToOne() throws {
        // softmax([1000, 1001]) = softmax([0, 1]) = [1/(1+e), e/(1+e)] = [0.268941421, 0.731058579]
        let s = Activation.softmax.apply(row: [1000, 1001])
        #expect(abs(s[0] - 0.268941421) < 1e-9 && abs(s[1] - 0.731058579) < 1e-9)
        let m = Activation.softmax.apply(try Matrix([[1, 2, 3], [-1000, 0, 1000]]))
        for i in 0..<2 { #expect(abs(m.row(i).reduce(0, +) - 1) < 1e-12) }
        #expect(m.isFinite)
    }

    @Test func derivativeMatchesFiniteDifferences() {
        // Independent of the formulas: (f(z+h) − f(z−h)) / 2h at points away from kinks.
        let h = 1e-6
        for f in Activation.all where f.hasDerivative && !f.isVectorValued {
            for z in [-2.3, -0.7, 0.4, 1.9] {
                let numeric = (f.value(z + h) - f.value(z - h)) / (2 * h)
                #expect(abs(numeric - f.derivative(z)) < 1e-7, "\(f.name)′(\(z))")
            }
        }
    }

    @Test func namesRoundTrip() {
        #expect(Activation.named("linear") == .identity)
        #expect(Activation.named("binary-step") == .step)
        #expect(Activation.named("Leaky-ReLU") == .leakyReLU(alpha: 0.01))
        #expect(Activation.named("leaky-relu(0.1)") == .leakyReLU(alpha: 0.1))
        #expect(Activation.named("prelu(0.2)") == .prelu(alpha: 0.2))
        #expect(Activation.named("elu") == .elu(alpha: 1))
        #expect(Activation.named("softmax") == .softmax)
        #expect(Activation.named("sigmoid(2)") == nil)
        #expect(Activation.named("leaky-relu(abc)") == nil)
        #expect(Activation.named("relu6") == nil)
        for f in Activation.all {
            #expect(Activation.named(f.name) == f, "\(f.name)")
            #expect(!f.tex.isEmpty && !f.derivativeTeX.isEmpty && !f.displayName.isEmpty)
        }
    }

    @Test func softmaxJacobianVectorProduct() throws {
        // δ = J_softmax · g with J = diag(s) − s sᵀ, checked against the explicit Jacobian.
        let z = try Matrix([[0.2, -1.0, 0.5]])
        let s = Activation.softmax.apply(z)
        let g = try Matrix([[0.3, -0.8, 1.1]])
        let d = Activation.softmax.delta(upstream: g, z: z, a: s)
        for i in 0..<3 {
            var expected = 0.0
            for j in 0..<3 { expected += (i == j ? s[0, i] * (1 - s[0, i]) : -s[0, i] * s[0, j]) * g[0, j] }
            #expect(abs(d[0, i] - expected) < 1e-15)
        }
    }
}
