// Seeded variants of the hand exercise with numbers that are pleasant to work by hand.

import Foundation
import Neural

/// One generated exercise: its code, the problem and the worked solution.
public struct ExerciseVariant: Sendable {
    /// A short code printed on the sheet ("K7QM"); unique within one generated set.
    public var code: String
    public var exercise: HandExercise
    /// Every value worked as the student should (rounded at every step when the exercise says so).
    public var solution: StepSolver.Chain
}

/// What to generate.
public struct ExerciseOptions: Sendable {
    public var sizes: [Int]
    public var count: Int
    public var seed: UInt64
    public var bias: HandBias
    /// One name for every layer, or one per layer after the input.
    public var activations: [String]
    public var loss: String
    public var learningRate: Double
    /// Decimals the student keeps at every step; nil for full precision.
    public var rounding: Int?

    public init(sizes: [Int], count: Int = 1, seed: UInt64 = 1, bias: HandBias = .none,
                activations: [String] = ["sigmoid"], loss: String = "half-sse", learningRate: Double = 0.5,
                rounding: Int? = 4) {
        self.sizes = sizes
        self.count = count
        self.seed = seed
        self.bias = bias
        self.activations = activations
        self.loss = loss
        self.learningRate = learningRate
        self.rounding = rounding
    }
}

public struct ExerciseGenerationError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// Draws variants with one-decimal weights, inputs and biases, targets 0/1 (one-hot after softmax),
/// and rejects the ones that make poor hand exercises: a saturated sigmoid or tanh (|z| > 3), a δ or
/// a weight gradient that rounds to zero at the kept decimals, a dead ReLU, a loss below 0.01.
/// The same options give the same variants.
public enum ExerciseGenerator {
    static let maxAttemptsPerVariant = 20_000
    /// Unambiguous letters and digits for codes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B).
    static let codeAlphabet = Array("ACDEFGHJKMNPQRTUVWXY34679")

    public static func generate(_ o: ExerciseOptions) throws -> [ExerciseVariant] {
        let L = o.sizes.count - 1
        guard L >= 1, o.sizes.allSatisfy({ (1...VerifyFile.maxNeurons).contains($0) }), L <= VerifyFile.maxLayers else {
            throw ExerciseGenerationError(description: "layers must be 2 to \(VerifyFile.maxLayers + 1) counts from 1 to \(VerifyFile.maxNeurons), such as 2-3-2; got \(o.sizes.map(String.init).joined(separator: "-"))")
        }
        guard (1...500).contains(o.count) else {
            throw ExerciseGenerationError(description: "count must be from 1 to 500, got \(o.count)")
        }
        let acts = o.activations.count == 1 ? Array(repeating: o.activations[0], count: L) : o.activations
        guard acts.count == L else {
            throw ExerciseGenerationError(description: "\(acts.count) activations for \(L) layers; give one name or \(L)")
        }
        for (l, a) in acts.enumerated() {
            guard let h = HandActivation.named(a) else {
                throw ExerciseGenerationError(description: "unknown activation '\(a)' (known: \(HandActivation.names.joined(separator: ", ")))")
            }
            if h.isSoftmax && (l != L - 1 || o.sizes[L] < 2) {
                throw ExerciseGenerationError(description: "softmax only on an output layer of at least 2 neurons")
            }
        }
        guard HandLoss.named(o.loss) != nil else {
            throw ExerciseGenerationError(description: "unknown loss '\(o.loss)' (known: \(HandLoss.names.joined(separator: ", ")))")
        }
        var rng = SeededRandom(seed: o.seed)
        var out: [ExerciseVariant] = []
        var codes: Set<String> = []
        for _ in 0..<o.count {
            var found: ExerciseVariant?
            for _ in 0..<maxAttemptsPerVariant {
                let ex = draw(o, activations: acts, rng: &rng)
                let solver = try StepSolver(ex)
                if isGood(ex, solver.solve(formulas: false)) {
                    let chain = solver.solve()
                    var code = makeCode(&rng)
                    while codes.contains(code) { code = makeCode(&rng) }
                    codes.insert(code)
                    var named = ex
                    named.variant = code
                    found = ExerciseVariant(code: code, exercise: named, solution: chain)
                    break
                }
            }
            guard let v = found else {
                throw ExerciseGenerationError(description: "found no variant of \(o.sizes.map(String.init).joined(separator: "-")) with \(acts.joined(separator: "/")) whose values all make a good hand exercise in \(maxAttemptsPerVariant) draws; try another activation or fewer neurons")
            }
            out.append(v)
        }
        return out
    }

    /// One decimal, from lo…hi in tenths, never zero.
    static func tenth(_ rng: inout SeededRandom, _ lo: Int, _ hi: Int) -> Double {
        while true {
            let k = lo + rng.int(below: hi - lo + 1)
            if k != 0 { return Double(k) / 10 }
        }
    }

    static func draw(_ o: ExerciseOptions, activations: [String], rng: inout SeededRandom) -> HandExercise {
        let sizes = o.sizes, L = sizes.count - 1
        let weights = (1...L).map { l in
            (0..<sizes[l - 1]).map { _ in (0..<sizes[l]).map { _ in tenth(&rng, -9, 9) } }
        }
        let biases: [[Double]] = (1...L).map { l in
            switch o.bias {
            case .none: return []
            case .perNeuron: return (0..<sizes[l]).map { _ in tenth(&rng, -5, 5) }
            case .shared: return Array(repeating: tenth(&rng, -5, 5), count: sizes[l])
            }
        }
        var input: [Double] = []
        while input.count < sizes[0] {   // distinct inputs from 0.1 to 1.0 (while there are enough)
            let x = tenth(&rng, 1, 10)
            if !input.contains(x) || input.count >= 10 { input.append(x) }
        }
        let target: [Double]
        let out = HandActivation.named(activations[L - 1])
        if out?.isSoftmax == true || o.loss == "cce" {
            let hot = rng.int(below: sizes[L])
            target = (0..<sizes[L]).map { $0 == hot ? 1 : 0 }
        } else if out?.activation.kind == .sigmoid || o.loss == "bce" {
            target = (0..<sizes[L]).map { _ in Double(rng.int(below: 2)) }
        } else {
            target = (0..<sizes[L]).map { _ in tenth(&rng, -10, 10) }
        }
        return HandExercise(sizes: sizes, activations: activations, bias: o.bias, updateBias: o.bias != .none,
                            weights: weights, biases: biases, input: input, target: target, loss: o.loss,
                            learningRate: o.learningRate, rounding: o.rounding)
    }

    /// A good hand exercise: no saturated squashing function, no value that rounds to zero where
    /// the student would learn nothing from it, no dead ReLU, a loss worth reducing.
    static func isGood(_ ex: HandExercise, _ c: StepSolver.Chain) -> Bool {
        let tiny = ex.rounding.map { Rounding.halfUnit($0) * 2 } ?? 1e-4
        for q in c.order {
            guard let v = c.computed[q], v.isFinite else { return false }
            switch q.step {
            case .z:
                let kind = HandActivation.named(ex.activations[q.layer - 1])?.activation.kind
                if kind == .sigmoid || kind == .tanh || kind == .softmax, abs(v) > 3 { return false }
                if kind == .relu, v <= 0 { return false }
            case .delta, .gradW:
                if abs(v) < tiny { return false }
            case .loss:
                if v < 0.01 { return false }
            default: break
            }
        }
        return true
    }

    static func makeCode(_ rng: inout SeededRandom) -> String {
        String((0..<4).map { _ in codeAlphabet[rng.int(below: codeAlphabet.count)] })
    }
}
