import Foundation
import Testing

/// Lessons 12 and 13 show training results the test cannot recompute without the engine's seeded
/// generators, so they are checked for consistency with what the test can count itself: accuracies
/// are whole numbers of samples of the split they name, the confusion matrix gives the supports, the
/// accuracy and every precision, recall and F1 of the report, and the split follows the data file.
@Suite(.serialized) struct CourseNumbersTrainingTests {
    /// The slowest lesson to render in a debug build, so one edition: the numbers are the same in both.
    @Test func overfitting() throws {
        let h = try Handout.render("vi/12-overfitting-regularization")
        // 120 noisy moons, validation: 0.3 → round(36) rows held out, 84 trained on.
        let validation = Int((120 * 0.3).rounded()), trained = 120 - validation
        // The comparison tables: training loss, validation loss, training accuracy, validation accuracy.
        let rows = h.lines.filter { $0.count >= 4 && $0.suffix(4).allSatisfy { $0.count == 6 && $0.contains(".") } }.map { $0.suffix(4).map { Double($0)! } }
        #expect(rows.count >= 7, "vi/12: the comparison tables not found (\(rows.count) rows)")
        for r in rows {
            #expect(isCount(r[2], of: trained, decimals: 4), "vi/12: training accuracy \(r[2]) is not a whole number of the \(trained) training rows")
            #expect(isCount(r[3], of: validation, decimals: 4), "vi/12: validation accuracy \(r[3]) is not a whole number of the \(validation) validation rows")
        }
        h.expectAccuraciesCount(trained, atLeast: 7)
        // Early stopping with patience 30 stops 30 epochs after the best one: "epoch 51 … epoch 21".
        #expect((31...600).contains { h.hasRun(["\($0)", "\($0 - 30)"]) }, "vi/12: no stop epoch 30 after the best epoch")
    }

    /// Slow to render in a debug build too, so one edition (English; lesson 12 tests the Vietnamese).
    @Test func digits() throws {
        let lesson = "en/13-digits"
        let h = try Handout.render(lesson)
        // The data file: one image a line, 64 pixels then the label.
        let csv = try String(contentsOfFile: Handout.repo + "/Lessons/data/digits.csv", encoding: .utf8)
        let labels = csv.split(separator: "\n").compactMap { line -> Int? in
            let f = line.split(separator: ",")
            return f.count == 65 ? Int(f[64]) : nil
        }
        var counts = Array(repeating: 0, count: 10)
        for l in labels { counts[l] += 1 }
        // The shapes of [64, 32, 16, 10] for a mini-batch of 32.
        let sizes = [64, 32, 16, 10]
        for l in 1..<4 { h.expectWords(["\(l)", "\(sizes[l - 1])×\(sizes[l])", "1×\(sizes[l])", "32×\(sizes[l])", "32×\(sizes[l])"], "shape of layer \(l)") }

        // The confusion matrix: ten rows "c n₀ … n₉" (the table comes before the figure).
        var matrix: [[Int]] = []
        for line in h.lines where line.count == 11 && line.allSatisfy({ Int($0) != nil }) && Int(line[0]) == matrix.count && matrix.count < 10 {
            matrix.append(line.dropFirst().map { Int($0)! })
        }
        guard matrix.count == 10 else { Issue.record("\(lesson): the confusion matrix not found"); return }
        let support = matrix.map { $0.reduce(0, +) }, total = support.reduce(0, +)
        let predicted = (0..<10).map { c in matrix.map { $0[c] }.reduce(0, +) }
        let right = (0..<10).map { matrix[$0][$0] }.reduce(0, +)
        // The split: 25% of each class (within one image), 1797 images in all.
        #expect(labels.count == 1797 && total + 1343 == labels.count)
        for c in 0..<10 { #expect(abs(Double(support[c]) - Double(counts[c]) / 4) < 1, "\(lesson): class \(c) has \(support[c]) test images of \(counts[c])") }
        h.expectRun([String(labels.count - total), String(total), "25"], "training and test sizes")
        h.expectRun(["\(right)", "\(total)", String(format: "%.2f", 100 * Double(right) / Double(total))], "accuracy")
        h.expectRun([printed(Double(right) / Double(total)), "\(total - right)", "\(total)"], "test accuracy and errors")
        // The report, 3 decimals: precision = diagonal / column, recall = diagonal / row, F1 their harmonic mean.
        var macro = [0.0, 0, 0]
        for c in 0..<10 {
            let p = Double(matrix[c][c]) / Double(predicted[c]), r = Double(matrix[c][c]) / Double(support[c]), f = 2 * p * r / (p + r)
            macro = [macro[0] + p / 10, macro[1] + r / 10, macro[2] + f / 10]
            h.expectRow(["\(c)", printed(p, 3), printed(r, 3), printed(f, 3), "\(support[c])"], "report of class \(c)")
        }
        h.expectRow(macro.map { printed($0, 3) } + ["\(total)"], "macro average")
        // Every accuracy printed is a whole number of the training or of the test images.
        for p in h.percentages {
            let n = ["training", "huấn luyện"].contains(p.word) ? labels.count - total : total
            #expect(isCount(p.value / 100, of: n, decimals: 4), "\(lesson): \(p.word) accuracy \(p.value)% is not k/\(n)")
        }
    }
}
