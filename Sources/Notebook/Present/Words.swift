/// The engine's own words in the lesson's language: table headers, axis titles, notes.
public struct Words: Sendable {
    public var layer, neuron, input, output, weights, bias, sample, epoch, loss, accuracy, error: String
    public var prediction, target, value, derivative, function, gradient, old, new, count: String
    public var precision, recall, f1, support, predictedClass, trueClass, validation, train, test: String
    public var fullPrecisionNote: @Sendable (Int) -> String
    public var roundEachStepNote: @Sendable (Int) -> String
    public var forwardPass, backwardPass, matrixForm, perNeuron, update, outputLayer, hiddenLayer: String
    public var shapeOf, batchNote, errorsPerEpoch, converged, notConverged, gate, truthTable: String
    public var statistics, scaled, original, minimum, maximum, mean, standardDeviation, column: String
    public var finalLoss, epochsRun, decisionBoundary, lossCurve, relativeError, backprop, numeric: String
    public var maxRelativeError, step, macroAverage: String
    public var networkWord, gradientsAndUpdates: String
    public var confusionNote: String
    /// "6 epochs" / "1 epoch" (Vietnamese nouns have no plural: "6 epoch").
    public var epochs: @Sendable (Int) -> String
    /// The early-stopping note of a training summary, naming the best epoch.
    public var earlyStopping: @Sendable (Int) -> String
    /// Early stopping handed back the best epoch's weights: the summary's numbers are theirs.
    public var keptWeights: @Sendable (Int) -> String
    /// The first column of the per-class report: "Class" / "Lớp".
    public var classWord: String
    /// Captions of figures whose cell gives none (every figure is numbered).
    public var dataWord, imagesWord, confusionWord, snapshotsWord, graphWord, fitWord: String

    public static let vi = Words(
        layer: "Tầng", neuron: "Nơ-ron", input: "Đầu vào", output: "Đầu ra", weights: "Trọng số", bias: "Độ lệch",
        sample: "Mẫu", epoch: "Epoch", loss: "Hàm mất mát", accuracy: "Độ chính xác", error: "Sai số",
        prediction: "Dự đoán", target: "Mục tiêu", value: "Giá trị", derivative: "Đạo hàm", function: "Hàm",
        gradient: "Gradient", old: "Cũ", new: "Mới", count: "Số lượng",
        precision: "Precision", recall: "Recall", f1: "F1", support: "Số mẫu", predictedClass: "Lớp dự đoán",
        trueClass: "Lớp thật", validation: "kiểm định", train: "huấn luyện", test: "kiểm tra",
        fullPrecisionNote: { "Các số hiển thị được làm tròn đến \($0) chữ số thập phân; các bước sau dùng giá trị đầy đủ, không làm tròn." },
        roundEachStepNote: { "Làm tròn đến \($0) chữ số thập phân ở mỗi bước (như khi tính tay); các bước sau dùng giá trị đã làm tròn." },
        forwardPass: "Lan truyền tiến", backwardPass: "Lan truyền ngược", matrixForm: "Dạng ma trận",
        perNeuron: "Từng nơ-ron", update: "Cập nhật trọng số", outputLayer: "Tầng ra", hiddenLayer: "Tầng ẩn",
        shapeOf: "Kích thước", batchNote: "m là số mẫu trong một batch", errorsPerEpoch: "Số lỗi mỗi epoch",
        converged: "Hội tụ sau", notConverged: "Chưa hội tụ sau", gate: "Cổng", truthTable: "Bảng chân trị",
        statistics: "Thống kê", scaled: "Sau chuẩn hoá", original: "Ban đầu", minimum: "min", maximum: "max",
        mean: "trung bình", standardDeviation: "độ lệch chuẩn", column: "Cột",
        finalLoss: "Mất mát cuối", epochsRun: "Số epoch đã chạy", decisionBoundary: "Biên quyết định",
        lossCurve: "Đường cong mất mát", relativeError: "Sai số tương đối", backprop: "Lan truyền ngược",
        numeric: "Sai phân hữu hạn", maxRelativeError: "Sai số tương đối lớn nhất", step: "Bước",
        macroAverage: "Trung bình (macro)", networkWord: "Mạng", gradientsAndUpdates: "Gradient và cập nhật trọng số",
        confusionNote: "Ma trận nhầm lẫn (confusion matrix): hàng là lớp thật, cột là lớp dự đoán.",
        epochs: { "\($0) epoch" }, earlyStopping: { "dừng sớm, epoch tốt nhất \($0)" },
        keptWeights: { "dừng sớm giữ trọng số của epoch \($0) (mất mát và độ chính xác ở đây là của chúng)" },
        classWord: "Lớp",
        dataWord: "Dữ liệu", imagesWord: "Ảnh chữ số", confusionWord: "Ma trận nhầm lẫn",
        snapshotsWord: "Biên quyết định qua các epoch", graphWord: "Đồ thị tính toán", fitWord: "Dữ liệu và đường xấp xỉ")

    public static let en = Words(
        layer: "Layer", neuron: "Neuron", input: "Input", output: "Output", weights: "Weights", bias: "Bias",
        sample: "Sample", epoch: "Epoch", loss: "Loss", accuracy: "Accuracy", error: "Error",
        prediction: "Prediction", target: "Target", value: "Value", derivative: "Derivative", function: "Function",
        gradient: "Gradient", old: "Old", new: "New", count: "Count",
        precision: "Precision", recall: "Recall", f1: "F1", support: "Support", predictedClass: "Predicted",
        trueClass: "Actual", validation: "validation", train: "training", test: "test",
        fullPrecisionNote: { "Numbers are shown rounded to \($0) decimal\($0 == 1 ? "" : "s"); later steps use the full-precision values." },
        roundEachStepNote: { "Rounded to \($0) decimal\($0 == 1 ? "" : "s") at every step (as by hand); later steps use the rounded values." },
        forwardPass: "Forward pass", backwardPass: "Backward pass", matrixForm: "Matrix form",
        perNeuron: "Neuron by neuron", update: "Weight update", outputLayer: "Output layer", hiddenLayer: "Hidden layer",
        shapeOf: "Shape", batchNote: "m is the number of samples in a batch", errorsPerEpoch: "Errors per epoch",
        converged: "Converged after", notConverged: "Not converged after", gate: "Gate", truthTable: "Truth table",
        statistics: "Statistics", scaled: "Scaled", original: "Original", minimum: "min", maximum: "max",
        mean: "mean", standardDeviation: "standard deviation", column: "Column",
        finalLoss: "Final loss", epochsRun: "Epochs run", decisionBoundary: "Decision boundary",
        lossCurve: "Loss curve", relativeError: "Relative error", backprop: "Backprop",
        numeric: "Finite differences", maxRelativeError: "Largest relative error", step: "Step",
        macroAverage: "Average (macro)", networkWord: "Network", gradientsAndUpdates: "Gradients and weight updates",
        confusionNote: "Confusion matrix: rows are the true classes, columns the predicted ones.",
        epochs: { $0 == 1 ? "1 epoch" : "\($0) epochs" }, earlyStopping: { "early stopping, best epoch \($0)" },
        keptWeights: { "early stopping kept the weights of epoch \($0) (the loss and accuracy here are theirs)" },
        classWord: "Class",
        dataWord: "Data", imagesWord: "Digit images", confusionWord: "Confusion matrix",
        snapshotsWord: "Decision boundary over the epochs", graphWord: "Computational graph", fitWord: "Data and fitted curves")

    public static func of(_ lang: LessonLanguage) -> Words { lang == .vi ? .vi : .en }

    /// "3 samples" in English, "3 mẫu" in Vietnamese (no plural form): `noun` is one of the words above.
    public func counted(_ n: Int, _ noun: String) -> String {
        let w = noun.lowercased()
        guard self.sample == "Sample", n != 1 else { return "\(n) \(w)" }   // English
        return "\(n) \(w)s"
    }
}

/// Captions the engine writes itself, in the lesson's language.
extension Words {
    var isEnglish: Bool { sample == "Sample" }

    /// "a, b and c" / "a, b và c".
    public func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (isEnglish ? " and " : " và ") + items.last!
    }

    /// An activation plot's caption naming its functions: "Sigmoid, TanH and ReLU (solid) with their
    /// derivatives (dashed)" / "Sigmoid, TanH và ReLU (nét liền) cùng đạo hàm (nét đứt)".
    public func activationPlotCaption(_ names: [String], derivatives: Bool) -> String {
        let all = list(names)
        if isEnglish {
            guard derivatives else { return names.count > 1 ? "Activation functions \(all)" : "Activation function \(all)" }
            return names.count > 1 ? "\(all) (solid) with their derivatives (dashed)" : "\(all) (solid) and its derivative (dashed)"
        }
        guard derivatives else { return "Hàm kích hoạt \(all)" }
        return "\(all) (nét liền) cùng đạo hàm (nét đứt)"
    }

    /// The name of a function in a caption; the few with an English descriptive name get the
    /// Vietnamese one first (the course's habit: Vietnamese term, English in parentheses).
    public func functionName(_ displayName: String) -> String {
        guard !isEnglish else { return displayName }
        switch displayName {
        case "Identity (linear)": return "Tuyến tính (identity)"
        case "Binary step": return "Bước nhị phân (binary step)"
        default: return displayName
        }
    }

    /// One caption split among the parts of a cell (a trace table and a figure must not share it):
    /// "The delta rule on AND: the weights after each sample." / "…: the decision line after 6 epochs."
    public func captionPart(_ caption: String, _ part: String) -> String {
        var base = Substring(caption)
        while let first = base.first, first.isWhitespace { base.removeFirst() }
        while let last = base.last, last.isWhitespace || ".:;".contains(last) { base.removeLast() }
        return base.isEmpty ? part.prefix(1).uppercased() + part.dropFirst() + "." : "\(base): \(part)."
    }

    /// Parts of a perceptron cell: its trace table, its errors plot, its decision line.
    public var weightsAfterEachSample: String { isEnglish ? "the weights after each sample" : "trọng số sau từng mẫu" }
    public var errorsPerEpochPart: String { isEnglish ? "errors per epoch" : "số lỗi mỗi epoch" }
    public func decisionLineAfter(_ epochs: Int) -> String {
        isEnglish ? "the decision line after \(self.epochs(epochs))" : "đường phân cách sau \(self.epochs(epochs))"
    }
}
