import Testing
@testable import Neural

@Suite struct MetricsTests {
    // scikit-learn's documentation example: y_true = [0, 1, 2, 2, 2], y_pred = [0, 0, 2, 2, 1].
    let actual = [0, 1, 2, 2, 2]
    let predicted = [0, 0, 2, 2, 1]

    @Test func confusionMatrixByHand() throws {
        // Rows = truth, columns = prediction:
        //   true 0: predicted 0 once               → [1, 0, 0]
        //   true 1: predicted 0 once               → [1, 0, 0]
        //   true 2: predicted 2 twice, 1 once      → [0, 1, 2]
        let c = try ConfusionMatrix(actual: actual, predicted: predicted, classes: 3)
        #expect(c.counts == [[1, 0, 0], [1, 0, 0], [0, 1, 2]])
        #expect(c.total == 5 && c.correct == 3 && c.accuracy == 0.6)
        #expect(c.truePositives(2) == 2 && c.falsePositives(0) == 1 && c.falseNegatives(2) == 1)
        #expect((0..<3).map(c.support) == [1, 1, 3])
        #expect(try accuracy(predicted: predicted, actual: actual) == 0.6)
    }

    @Test func classificationReportByHand() throws {
        // Class 0: TP 1, FP 1 (the true 1 predicted 0), FN 0 → P = 1/2, R = 1, F1 = 2·½·1/(3/2) = 2/3.
        // Class 1: TP 0, FP 1, FN 1 → P = R = F1 = 0.
        // Class 2: TP 2, FP 0, FN 1 → P = 1, R = 2/3, F1 = 2·(2/3)/(5/3) = 4/5.
        // Macro:    P = (½ + 0 + 1)/3 = 1/2, R = (1 + 0 + 2/3)/3 = 5/9, F1 = (2/3 + 0 + 4/5)/3 = 22/45.
        // Weighted (supports 1, 1, 3 of 5): P = (½ + 0 + 3)/5 = 0.7, R = (1 + 0 + 2)/5 = 0.6,
        //           F1 = (2/3 + 0 + 12/5)/5 = 46/75 = 0.6133.
        // (scikit-learn prints 0.50 1.00 0.67 / 0.00 0.00 0.00 / 1.00 0.67 0.80, macro 0.50 0.56 0.49,
        //  weighted 0.70 0.60 0.61.)
        let r = try ClassificationReport(actual: actual, predicted: predicted, classNames: ["a", "b", "c"])
        let tol = 1e-15
        expectClose(r.classes.map(\.precision), [0.5, 0, 1], tol: tol)
        expectClose(r.classes.map(\.recall), [1, 0, 2.0 / 3], tol: tol)
        expectClose(r.classes.map(\.f1), [2.0 / 3, 0, 0.8], tol: tol)
        #expect(r.classes.map(\.support) == [1, 1, 3])
        #expect(r.classes.map(\.name) == ["a", "b", "c"])
        expectClose([r.macroAverage.precision, r.macroAverage.recall, r.macroAverage.f1], [0.5, 5.0 / 9, 22.0 / 45], tol: tol)
        expectClose([r.weightedAverage.precision, r.weightedAverage.recall, r.weightedAverage.f1], [0.7, 0.6, 46.0 / 75], tol: tol)
        #expect(r.macroAverage.support == 5 && r.accuracy == 0.6)
    }

    @Test func binaryOutputsAndThreshold() throws {
        // Sigmoid outputs against 0/1 targets: 0.9 → 1 ✓, 0.5 → 1 (≥ 0.5) ✗, 0.2 → 0 ✓, 0.49 → 0 ✗ → 2/4.
        let out = Matrix(column: [0.9, 0.5, 0.2, 0.49])
        let target = Matrix(column: [1, 0, 0, 1])
        #expect(predictedLabels(out) == [1, 1, 0, 0])
        #expect(try accuracy(output: out, target: target) == 0.5)
        // Softmax rows against one-hot rows: argmax 1, 0, 2 vs 1, 2, 2 → 2/3.
        let soft = try Matrix([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2], [0.2, 0.2, 0.6]])
        let hot = try Matrix([[0, 1, 0], [0, 0, 1], [0, 0, 1]])
        #expect(try accuracy(output: soft, target: hot) == 2.0 / 3)
    }

    @Test func badInputIsAnError() {
        #expect(throws: ShapeError.self) { try accuracy(predicted: [1], actual: [1, 0]) }
        #expect(throws: DataError.self) { try accuracy(predicted: [], actual: []) }
        #expect(throws: DataError.self) { try ConfusionMatrix(actual: [0, 3], predicted: [0, 1], classNames: ["a", "b"]) }
        #expect(throws: ShapeError.self) { try accuracy(output: Matrix(rows: 2, cols: 1), target: Matrix(rows: 3, cols: 1)) }
        #expect(throws: DataError.self) { try accuracy(output: Matrix(column: [.nan, 1]), target: Matrix(column: [0, 1])) }
    }

    @Test func aClassNeverPredictedScoresZeroNotNaN() throws {
        let r = try ClassificationReport(actual: [0, 1], predicted: [0, 0], classNames: ["0", "1"])
        #expect(r.classes[1].precision == 0 && r.classes[1].f1 == 0)
        #expect(r.classes.allSatisfy { $0.precision.isFinite && $0.recall.isFinite && $0.f1.isFinite })
    }
}
