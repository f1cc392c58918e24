import Testing
@testable import Neural

@Suite struct PerceptronTests {
    // MARK: the blog's fixed-weight gates (003), step(net) = 1 for net ≥ 0

    @Test func notGateWithTheBlogsWeights() throws {
        // w = −1, b = 0.25: x = 0 → net = 0.25 ≥ 0 → 1;  x = 1 → net = −0.75 < 0 → 0.
        #expect(LogicGates.not.weights == [-1] && LogicGates.not.bias == 0.25)
        #expect(try LogicGates.not.net([0]) == 0.25)
        #expect(try LogicGates.not.net([1]) == -0.75)
        #expect(try LogicGates.not.predict([0]) == 1)
        #expect(try LogicGates.not.predict([1]) == 0)
    }

    @Test func andOrGatesWithTheBlogsWeights() throws {
        // AND: w = [1, 1], b = −2: nets 00 → −2, 01 → −1, 10 → −1, 11 → 0 (fires, since 0 ≥ 0).
        #expect(LogicGates.and.weights == [1, 1] && LogicGates.and.bias == -2)
        let inputs: [[Double]] = [[0, 0], [0, 1], [1, 0], [1, 1]]
        #expect(try inputs.map { try LogicGates.and.net($0) } == [-2, -1, -1, 0])
        #expect(try inputs.map { try LogicGates.and.predict($0) } == [0, 0, 0, 1])
        // OR: w = [1, 1], b = −1: nets −1, 0, 0, 1 → 0, 1, 1, 1.
        #expect(LogicGates.or.weights == [1, 1] && LogicGates.or.bias == -1)
        #expect(try inputs.map { try LogicGates.or.net($0) } == [-1, 0, 0, 1])
        #expect(try inputs.map { try LogicGates.or.predict($0) } == [0, 1, 1, 1])
        // NAND: w = [−1, −1], b = 1.5: nets 1.5, 0.5, 0.5, −0.5 → 1, 1, 1, 0.
        #expect(try inputs.map { try LogicGates.nand.net($0) } == [1.5, 0.5, 0.5, -0.5])
        #expect(try inputs.map { try LogicGates.nand.predict($0) } == [1, 1, 1, 0])
    }

    @Test func theBlogsWeightsNeedNetZeroToFire() throws {
        // With the numpy code's strict step (net > 0) AND(1, 1) has net = 0 and stays 0, and OR(0, 1)
        // too: the blog's weights are tied to its `s >= 0`. NAND (no net is 0) works either way.
        var strictAnd = LogicGates.and; strictAnd.threshold = .positiveOnly
        var strictOr = LogicGates.or; strictOr.threshold = .positiveOnly
        var strictNand = LogicGates.nand; strictNand.threshold = .positiveOnly
        #expect(try strictAnd.predict([1, 1]) == 0)
        #expect(try strictOr.predict([0, 1]) == 0)
        #expect(try strictNand.predict(Matrix([[0, 0], [0, 1], [1, 0], [1, 1]])) == [1, 1, 1, 0])
    }

    @Test func xorStackedAsAndOfOrAndNand() throws {
        // x1 x2 | OR NAND | AND(OR, NAND)
        //  0  0 |  0   1  | AND(0,1): net 0+1−2 = −1 → 0
        //  0  1 |  1   1  | AND(1,1): net 0 → 1
        //  1  0 |  1   1  | 1
        //  1  1 |  1   0  | AND(1,0): net −1 → 0
        let expected: [(Int, Int, Int, Int, Int)] = [(0, 0, 0, 1, 0), (0, 1, 1, 1, 1), (1, 0, 1, 1, 1), (1, 1, 1, 0, 0)]
        for (a, b, or, nand, out) in expected {
            let r = LogicGates.xor(a, b)
            #expect(r.or == or && r.nand == nand && r.output == out, "XOR(\(a), \(b))")
        }
        #expect(LogicGates.Gate.xor.truthTable.map(\.output) == [0, 1, 1, 0])
        #expect(LogicGates.Gate.xor.perceptron == nil)
    }

    @Test func gateTablesAgreeWithTheBuiltinTruthTables() throws {
        // The data sets are written out by hand; the gates are perceptrons: they must agree.
        for gate in LogicGates.Gate.allCases {
            let data = Dataset.truthTable(gate)
            let outputs = gate.truthTable.map(\.output)
            #expect(outputs == data.labels, "\(gate.rawValue)")
            #expect(data.y.column(0) == data.labels.map(Double.init))
        }
        #expect(LogicGates.gate(named: "nand") == .nand)
        #expect(LogicGates.gate(named: "xnor") == nil)
        #expect(throws: ShapeError.self) { try LogicGates.Gate.and([1]) }
        #expect(throws: DataError.self) { try LogicGates.Gate.or([1, 2]) }
    }

    @Test func perceptronRejectsWrongInputCount() {
        #expect(throws: ShapeError.self) { try LogicGates.and.predict([1]) }
        #expect(throws: ShapeError.self) { try LogicGates.and.predict(Matrix(rows: 2, cols: 3)) }
    }

    @Test func boundaryLine() {
        // OR: x1 + x2 − 1 = 0 → x2 = −x1 + 1.
        let line = LogicGates.or.boundaryLine
        #expect(line?.slope == -1 && line?.intercept == 1)
        #expect(LogicGates.not.boundaryLine == nil)
    }

    // MARK: the delta rule (HUFLIT 004): w ← w − η(ŷ − y)x, b ← b − η(ŷ − y)

    @Test func deltaRuleOnAndByHand() throws {
        // Start w = (0.2, 0.4), b = 0.1 (a draw like the slides' rand(3)/√2), η = 0.1 (their alpha).
        // Epoch 1:
        //   (0,0) y=0: net = 0 + 0 + 0.1 = 0.1 ≥ 0 → ŷ=1, e=1: w = (0.2, 0.4) − 0.1·(0,0) = (0.2, 0.4), b = 0.1 − 0.1 = 0
        //   (0,1) y=0: net = 0.4 + 0 = 0.4 → ŷ=1, e=1: w = (0.2, 0.4 − 0.1) = (0.2, 0.3), b = −0.1
        //   (1,0) y=0: net = 0.2 − 0.1 = 0.1 → ŷ=1, e=1: w = (0.1, 0.3), b = −0.2
        //   (1,1) y=1: net = 0.1 + 0.3 − 0.2 = 0.2 → ŷ=1, e=0: unchanged          → 3 errors
        // Epoch 2:
        //   (0,0): net = −0.2 → 0 ✓; (0,1): net = 0.3 − 0.2 = 0.1 → ŷ=1, e=1: w = (0.1, 0.2), b = −0.3
        //   (1,0): net = 0.1 − 0.3 = −0.2 → 0 ✓; (1,1): net = 0.1 + 0.2 − 0.3 = 0 → ŷ=1 ✓  → 1 error
        // Epoch 3: nets −0.3, −0.1, −0.2, 0 → 0, 0, 0, 1: no error, stop.       → [3, 1, 0]
        let start = Perceptron(weights: [0.2, 0.4], bias: 0.1)
        let trace = try DeltaRule(learningRate: 0.1, maxEpochs: 20).train(start, on: .and)
        #expect(trace.errorsPerEpoch == [3, 1, 0])
        #expect(trace.converged && trace.epochsRun == 3)
        #expect(trace.steps.count == 12)

        let e1 = trace.steps(inEpoch: 1)
        #expect(e1.map(\.sample) == [0, 1, 2, 3])
        expectClose(e1.map(\.net), [0.1, 0.4, 0.1, 0.2])
        #expect(e1.map(\.prediction) == [1, 1, 1, 1])
        #expect(e1.map(\.target) == [0, 0, 0, 1])
        #expect(e1.map(\.error) == [1, 1, 1, 0])
        expectClose(e1[0].weightsAfter + [e1[0].biasAfter], [0.2, 0.4, 0.0])
        expectClose(e1[1].weightsAfter + [e1[1].biasAfter], [0.2, 0.3, -0.1])
        expectClose(e1[2].weightsAfter + [e1[2].biasAfter], [0.1, 0.3, -0.2])
        expectClose(e1[3].weightsAfter + [e1[3].biasAfter], [0.1, 0.3, -0.2])
        #expect(e1[1].weightsBefore == e1[0].weightsAfter && e1[1].biasBefore == e1[0].biasAfter)

        // The tie of epoch 2, sample 4: 0.1 + 0.2 − 0.3 is −2.8e-17 in floating point; the hand
        // calculation says 0, which fires. The trace shows exactly 0.
        let e2 = trace.steps(inEpoch: 2)
        #expect(e2[3].net == 0 && e2[3].prediction == 1)
        expectClose(trace.final.weights + [trace.final.bias], [0.1, 0.2, -0.3])
        #expect(try trace.final.predict(Dataset.and.x) == [0, 0, 0, 1])
        #expect(trace.initial == start)
    }

    @Test func deltaRuleOnOrByHand() throws {
        // Same start, OR targets 0 1 1 1.
        // Epoch 1: (0,0): net 0.1 → ŷ=1, y=0, e=1: w unchanged (x = 0), b = 0.1 − 0.1 = 0.
        //          (0,1): net 0.4 → 1 ✓; (1,0): net 0.2 → 1 ✓; (1,1): net 0.6 → 1 ✓      → 1 error
        // Epoch 2: (0,0): net 0 → ŷ=1 (0 fires), e=1: b = −0.1; then 0.3, 0.1, 0.5 → 1 ✓  → 1 error
        // Epoch 3: nets −0.1, 0.3, 0.1, 0.5 → 0, 1, 1, 1: no error.                     → [1, 1, 0]
        let trace = try DeltaRule(learningRate: 0.1, maxEpochs: 20)
            .train(Perceptron(weights: [0.2, 0.4], bias: 0.1), on: .or)
        #expect(trace.errorsPerEpoch == [1, 1, 0])
        #expect(trace.converged)
        #expect(trace.steps(inEpoch: 2)[0].net == 0)
        expectClose(trace.final.weights + [trace.final.bias], [0.2, 0.4, -0.1])
        #expect(try trace.final.predict(Dataset.or.x) == [0, 1, 1, 1])
    }

    @Test func deltaRuleFromZeroWeightsMatchesExactArithmetic() throws {
        // From w = (0, 0), b = 0 on AND every tie lands on net = 0 exactly. Exact rational arithmetic
        // (Python fractions, run separately) gives errors per epoch [2, 3, 3, 2, 1, 0] and final
        // w = (0.2, 0.1), b = −0.3; plain floating point without the tie rule gives a different run.
        let trace = try DeltaRule(learningRate: 0.1, maxEpochs: 50)
            .train(Perceptron(weights: [0, 0], bias: 0), on: .and)
        #expect(trace.errorsPerEpoch == [2, 3, 3, 2, 1, 0])
        expectClose(trace.final.weights + [trace.final.bias], [0.2, 0.1, -0.3])
    }

    @Test func lessonFourStartHasTiesOnAnd() throws {
        // Lesson 4 starts from w = (0.32, −0.17), b = 0.08, η = 0.1. Epoch 1 on AND by hand:
        //   (0,0): net 0.08 → 1, e = 1: b = −0.02
        //   (0,1): net −0.17 − 0.02 = −0.19 → 0 ✓
        //   (1,0): net 0.32 − 0.02 = 0.30 → 1, e = 1: w = (0.22, −0.17), b = −0.12
        //   (1,1): net 0.22 − 0.17 − 0.12 = −0.07 → 0, y = 1, e = −1: w = (0.32, −0.07), b = −0.02
        // Exact rational arithmetic (Python fractions, run separately) then gives errors per epoch
        // [3, 1, 2, 2, 3, 2, 1, 0], final w = (0.22, 0.13), b = −0.32, with net exactly 0 at (1,0) in
        // epochs 5 and 6 (w = (0.22, 0.03), b = −0.22 → 0.22 − 0.22 = 0): the two step conventions
        // part there; with net > 0 the run is [3, 1, 2, 2, 1, 0], final w = (0.22, 0.03), b = −0.22.
        let start = Perceptron(weights: [0.32, -0.17], bias: 0.08)
        let trace = try DeltaRule(learningRate: 0.1, maxEpochs: 20).train(start, on: .and)
        let e1 = trace.steps(inEpoch: 1)
        expectClose(e1.map(\.net), [0.08, -0.19, 0.30, -0.07], tol: 1e-12)
        #expect(e1.map(\.error) == [1, 0, 1, -1])
        expectClose(e1[3].weightsAfter + [e1[3].biasAfter], [0.32, -0.07, -0.02], tol: 1e-12)
        #expect(trace.errorsPerEpoch == [3, 1, 2, 2, 3, 2, 1, 0])
        expectClose(trace.final.weights + [trace.final.bias], [0.22, 0.13, -0.32], tol: 1e-12)
        #expect(trace.steps(inEpoch: 5)[2].net == 0 && trace.steps(inEpoch: 6)[2].net == 0)
        var strict = start; strict.threshold = .positiveOnly
        let numpy = try DeltaRule(learningRate: 0.1, maxEpochs: 20).train(strict, on: .and)
        #expect(numpy.errorsPerEpoch == [3, 1, 2, 2, 1, 0])
        expectClose(numpy.final.weights + [numpy.final.bias], [0.22, 0.03, -0.22], tol: 1e-12)
    }

    @Test func deltaRuleNeverConvergesOnXOR() throws {
        // XOR is not linearly separable: no w, b classify all four points, so every epoch has at
        // least one error and the rule runs to the last epoch without converging.
        for start in [Perceptron(weights: [0.2, 0.4], bias: 0.1), Perceptron(weights: [0, 0], bias: 0),
                      try Perceptron(inputs: 2, seed: 7)] {
            let trace = try DeltaRule(learningRate: 0.1, maxEpochs: 200).train(start, on: .xor)
            #expect(!trace.converged)
            #expect(trace.epochsRun == 200)
            #expect(trace.errorsPerEpoch.allSatisfy { $0 >= 1 })
            #expect(trace.steps.count == 800)
        }
    }

    @Test func seededStartLikeTheSlidesConvergesOnAndAndOr() throws {
        // The slides' start: rand(N + 1)/√N, here from SeededRandom; 20 epochs, alpha 0.1 as in the slides.
        let p = try Perceptron(inputs: 2, seed: 42)
        #expect(try p == Perceptron(inputs: 2, seed: 42))
        #expect(throws: DataError.self) { try Perceptron(inputs: 0, seed: 1) }
        #expect((p.weights + [p.bias]).allSatisfy { $0 >= 0 && $0 < 1 / 2.0.squareRoot() })
        for data in [Dataset.and, Dataset.or, Dataset.nand] {
            let trace = try DeltaRule(learningRate: 0.1, maxEpochs: 20).train(p, on: data)
            #expect(trace.converged, "\(data.name)")
            #expect(try trace.final.predict(data.x) == data.labels, "\(data.name)")
        }
    }

    @Test func strictThresholdRunsTheNumpyCode() throws {
        // The slides' numpy step fires only for net > 0. From w = (0.2, 0.4), b = 0.1 on AND:
        // epoch 1 as with ≥ (no net is 0): w = (0.1, 0.3), b = −0.2, 3 errors.
        // Epoch 2: (0,1): net 0.1 → 1, e=1: w = (0.1, 0.2), b = −0.3; (1,1): net 0 → 0 but y = 1, e = −1:
        //   w = (0.2, 0.3), b = −0.2 → 2 errors.
        let start = Perceptron(weights: [0.2, 0.4], bias: 0.1, threshold: .positiveOnly)
        let trace = try DeltaRule(learningRate: 0.1, maxEpochs: 50).train(start, on: .and)
        #expect(Array(trace.errorsPerEpoch.prefix(2)) == [3, 2])
        expectClose(trace.steps(inEpoch: 2)[3].weightsAfter + [trace.steps(inEpoch: 2)[3].biasAfter], [0.2, 0.3, -0.2])
        #expect(trace.converged)
        #expect(try trace.final.predict(Dataset.and.x) == [0, 0, 0, 1])
    }

    @Test func deltaRuleRejectsBadInput() throws {
        let p = Perceptron(weights: [0, 0], bias: 0)
        let x = Dataset.and.x
        #expect(throws: DataError.self) { try DeltaRule(learningRate: 0).train(p, x: x, targets: [0, 0, 0, 1]) }
        #expect(throws: DataError.self) { try DeltaRule(maxEpochs: 0).train(p, x: x, targets: [0, 0, 0, 1]) }
        #expect(throws: DataError.self) { try DeltaRule().train(p, x: x, targets: [0, 0, 2, 1]) }
        #expect(throws: ShapeError.self) { try DeltaRule().train(p, x: x, targets: [0, 0, 1]) }
        #expect(throws: ShapeError.self) { try DeltaRule().train(Perceptron(weights: [0], bias: 0), x: x, targets: [0, 0, 0, 1]) }
        var nanX = x; nanX[0, 0] = .nan
        #expect(throws: DataError.self) { try DeltaRule().train(p, x: nanX, targets: [0, 0, 0, 1]) }
    }
}

/// Element-wise |a − b| ≤ tol, with a message naming the first difference.
func expectClose(_ a: [Double], _ b: [Double], tol: Double = 1e-12,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    guard a.count == b.count else {
        Issue.record("lengths differ: \(a.count) vs \(b.count)", sourceLocation: sourceLocation)
        return
    }
    for i in 0..<a.count where !(abs(a[i] - b[i]) <= tol) {
        Issue.record("element \(i): \(a[i]) vs expected \(b[i])", sourceLocation: sourceLocation)
        return
    }
}
