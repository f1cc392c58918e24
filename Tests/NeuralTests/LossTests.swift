import Foundation
import Testing
@testable import Neural

@Suite struct LossTests {
    @Test func valuesByHand() throws {
        // ŷ = [0.8, 0.2], y = [1, 0]: errors −0.2 and 0.2, squares 0.04 + 0.04 = 0.08.
        let p = Matrix(row: [0.8, 0.2]), y = Matrix(row: [1, 0])
        #expect(abs(try Loss.halfSSE.value(predicted: p, target: y) - 0.04) < 1e-15)
        #expect(abs(try Loss.sse.value(predicted: p, target: y) - 0.08) < 1e-15)
        #expect(abs(try Loss.mse.value(predicted: p, target: y) - 0.04) < 1e-15)  // 0.08 / 2 outputs
        // BCE: −[1·ln 0.8 + 1·ln(1 − 0.2)] = −2 ln 0.8 = 0.446287103
        #expect(abs(try Loss.binaryCrossEntropy.value(predicted: p, target: y) - 0.446287103) < 1e-9)
        // CCE: −ln 0.8 = 0.223143551
        #expect(abs(try Loss.categoricalCrossEntropy.value(predicted: p, target: y) - 0.223143551) < 1e-9)
    }

    @Test func reductionOverTheBatch() throws {
        // Two samples with squared errors 0.08 and 0.02 (errors ±0.1): sum 0.1; ½-sum 0.05; MSE mean (0.04+0.01)/2 = 0.025
        let p = try Matrix([[0.8, 0.2], [0.9, 0.1]]), y = try Matrix([[1, 0], [1, 0]])
        #expect(abs(try Loss.halfSSE.value(predicted: p, target: y) - 0.05) < 1e-15)
        #expect(abs(try Loss.mse.value(predicted: p, target: y) - 0.025) < 1e-15)
        #expect(abs(try Loss.halfSSE.reduced(by: .mean).value(predicted: p, target: y) - 0.025) < 1e-15)
        #expect(try Loss.halfSSE.gradient(predicted: p, target: y) == Matrix([[0.8 - 1, 0.2], [0.9 - 1, 0.1]]))
    }

    @Test func clampedLogsStayFinite() throws {
        let p = Matrix(row: [1, 0]), y = Matrix(row: [0, 1])
        for loss in [Loss.binaryCrossEntropy, .categoricalCrossEntropy] {
            let v = try loss.value(predicted: p, target: y)
            #expect(v.isFinite && v > 30, "\(loss.name) = \(v)")
            #expect(try loss.gradient(predicted: p, target: y).isFinite)
        }
    }

    @Test func gradientMatchesFiniteDifferences() throws {
        let p = try Matrix([[0.7, 0.2, 0.1], [0.25, 0.5, 0.25]])
        let y = try Matrix([[1, 0, 0], [0, 0, 1]])
        let h = 1e-6
        for loss in Loss.all + Loss.all.map({ $0.reduced(by: $0.reduction == .sum ? .mean : .sum) }) {
            let g = try loss.gradient(predicted: p, target: y)
            for i in 0..<p.count {
                var up = p, down = p
                up.storage[i] += h
                down.storage[i] -= h
                let numeric = (try loss.value(predicted: up, target: y) - loss.value(predicted: down, target: y)) / (2 * h)
                #expect(abs(numeric - g.storage[i]) < 1e-6 * max(1, abs(numeric)), "\(loss) entry \(i)")
            }
        }
    }

    @Test func shapeMismatchNamesBothShapes() {
        #expect(throws: ShapeError.self) { try Loss.mse.value(predicted: Matrix(row: [1, 2]), target: Matrix(row: [1])) }
        do { _ = try Loss.mse.value(predicted: Matrix(row: [1, 2]), target: Matrix(row: [1])) } catch let e as ShapeError {
            #expect(e.message.contains("1×2") && e.message.contains("1×1"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func names() {
        for loss in Loss.all { #expect(Loss.named(loss.name) == loss) }
        #expect(Loss.named("cross-entropy") == .categoricalCrossEntropy)
        #expect(Loss.named("half-sse:mean") == Loss.halfSSE.reduced(by: .mean))
        #expect(Loss.named("hinge") == nil)
    }
}
