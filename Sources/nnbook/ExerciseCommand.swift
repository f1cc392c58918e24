import ArgumentParser
import Canvas
import Exercises
import Foundation
import Typeset

struct ExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise",
        abstract: "Generate variants of the hand exercise (forward pass and one backprop step) with answer keys.",
        discussion: """
            Writes one variant-CODE.yaml per variant in the `nnbook verify` format with blank \
            answers (~), exercises.pdf (one variant per page) and answers.pdf (the worked solution \
            of each variant). Numbers have one decimal; variants where a sigmoid saturates or a \
            gradient rounds to zero are skipped. The same seed gives the same variants.
            """)

    @Option(help: "Neurons per layer, input first, such as 2-3-2.")
    var layers: String

    @Option(help: "How many variants.")
    var count = 1

    @Option(help: "Seed of the random draws.")
    var seed: UInt64 = 1

    @Option(help: "Biases: none, per-neuron or shared (one per layer).")
    var bias = "none"

    @Option(help: "One activation for every layer, or one per layer separated by commas (sigmoid, tanh, relu, softmax…).")
    var activation = "sigmoid"

    @Option(help: "Loss: half-sse, sse, mse, bce or cce.")
    var loss = "half-sse"

    @Option(name: .customLong("learning-rate"), help: "Learning rate η.")
    var learningRate = 0.5

    @Option(help: "Decimals the student keeps at every step (0–10), or 'full' for full precision.")
    var rounding = "4"

    @Option(help: "Language of the PDFs: vi or en.")
    var lang = "vi"

    @Option(help: "Folder to write into.")
    var out = "exercises"

    func run() throws {
        let sizes = layers.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !sizes.isEmpty, sizes.allSatisfy({ $0 != nil }) else {
            throw ValidationError("--layers must be neuron counts joined by '-', such as 2-3-2; got '\(layers)'")
        }
        guard let biasMode = HandBias(rawValue: bias) else {
            throw ValidationError("--bias must be none, per-neuron or shared; got '\(bias)'")
        }
        let r: Int?
        if rounding == "full" { r = nil } else {
            guard let n = Int(rounding), (0...10).contains(n) else {
                throw ValidationError("--rounding must be a number of decimals from 0 to 10, or 'full'; got '\(rounding)'")
            }
            r = n
        }
        guard lang == "vi" || lang == "en" else { throw ValidationError("--lang must be vi or en; got '\(lang)'") }
        guard learningRate > 0, learningRate.isFinite else { throw ValidationError("--learning-rate must be positive") }
        let options = ExerciseOptions(sizes: sizes.map { $0! }, count: count, seed: seed, bias: biasMode,
                                      activations: activation.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
                                      loss: loss, learningRate: learningRate, rounding: r)
        let variants: [ExerciseVariant]
        do { variants = try ExerciseGenerator.generate(options) } catch let e as ExerciseGenerationError {
            throw ValidationError(e.description)
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let english = lang == "en"
        // The PDFs first: if they fail, no variant files are left without their sheets.
        try ExerciseSheets.write(variants, language: english ? .en : .vi, seed: seed, to: out)
        for v in variants {
            let header = english
                ? ["nnbook exercise \(v.exercise.shapeName), variant \(v.code) (seed \(seed))",
                   "Work the forward pass and one backprop step by hand; replace each ~ with your value,",
                   "then check it: nnbook verify variant-\(v.code).yaml"]
                : ["nnbook exercise \(v.exercise.shapeName), mã đề \(v.code) (seed \(seed))",
                   "Tính tay lan truyền tiến và một bước lan truyền ngược; thay mỗi ~ bằng giá trị của bạn,",
                   "rồi kiểm tra: nnbook verify variant-\(v.code).yaml"]
            let path = (out as NSString).appendingPathComponent("variant-\(v.code).yaml")
            try AtomicFile.write(VerifyFileWriter.yaml(v.exercise, header: header), to: path)
        }
        print("wrote \(variants.count) variant\(variants.count == 1 ? "" : "s") to \(out): " +
              variants.map { "variant-\($0.code).yaml" }.joined(separator: ", "))
    }
}
