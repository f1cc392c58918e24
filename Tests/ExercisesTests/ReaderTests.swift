import XCTest
@testable import Exercises

/// Bad verify files: each class gives FILE:LINE: error: with what was expected; nothing crashes.
final class ReaderTests: XCTestCase {
    let good = CheckerTests.huflitProblem + CheckerTests.huflitAnswers

    func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> VerifyFileError? {
        do {
            _ = try VerifyFile.parse(text, file: "bad.yaml")
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch let e as VerifyFileError {
            return e
        } catch {
            XCTFail("unexpected error type \(error)", file: file, line: line)
            return nil
        }
    }

    func testGoodFileReads() throws {
        let f = try VerifyFile.parse(good, file: "good.yaml")
        XCTAssertEqual(f.exercise.sizes, [2, 3, 2])
        XCTAssertEqual(f.exercise.weights[1][2], [0.2, 0.3])
        XCTAssertEqual(f.answers.count, 40)
        XCTAssertEqual(f.answers[Quantity(.a, layer: 1, j: 2)]?.decimals, 4)
        XCTAssertEqual(f.answers[Quantity(.a, layer: 1, j: 2)]?.line, 17)
        XCTAssertEqual(f.answers[Quantity(.newW, layer: 2, i: 1, j: 1)]?.text, "0.0530")
    }

    func testMissingKey() {
        let e = error(good.replacingOccurrences(of: "target: [1, 0]\n", with: ""))
        XCTAssertEqual(e?.message, "missing key 'target' in the file: expected a list of 2 numbers")
        XCTAssertEqual(e?.description.hasPrefix("bad.yaml:1: error: missing key 'target'"), true)
        let w = error(good.replacingOccurrences(of: "  weights:\n    - [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]\n    - [[0.7, 0.8], [0.9, 0.1], [0.2, 0.3]]\n", with: ""))
        XCTAssertEqual(w?.message.hasPrefix("missing key 'weights' in network"), true, w?.message ?? "")
        XCTAssertEqual(w?.line, 2)
    }

    func testWrongShapeNamesBothShapes() {
        let e = error(good.replacingOccurrences(of: "[[0.7, 0.8], [0.9, 0.1], [0.2, 0.3]]", with: "[[0.7, 0.9, 0.2], [0.8, 0.1, 0.3]]"))
        XCTAssertEqual(e?.line, 9)
        XCTAssertTrue(e?.message.contains("has shape 2×3, expected 3×2") ?? false, e?.message ?? "")
        XCTAssertTrue(e?.message.contains("in-out") ?? false)
        // Ragged rows.
        let r = error(good.replacingOccurrences(of: "[[0.7, 0.8], [0.9, 0.1], [0.2, 0.3]]", with: "[[0.7, 0.8], [0.9], [0.2, 0.3]]"))
        XCTAssertTrue(r?.message.contains("row 2 has 1 values but row 1 has 2") ?? false, r?.message ?? "")
        // The input has the wrong length.
        let i = error(good.replacingOccurrences(of: "input: [0.5, 1.0]", with: "input: [0.5, 1.0, 2]"))
        XCTAssertEqual(i?.message, "input has 3 values, expected 2")
        XCTAssertEqual(i?.line, 11)
        // An answer layer with the wrong count.
        let a = error(good.replacingOccurrences(of: "z: [[0.25, 0.55, 0.85], [1.1044, 0.7233]]", with: "z: [[0.25, 0.55], [1.1044, 0.7233]]"))
        XCTAssertEqual(a?.message, "answers.z, layer 1 has 2 values, expected 3")
        XCTAssertEqual(a?.line, 16)
        // Out-in reads the first matrix as 3×2.
        let o = error(good.replacingOccurrences(of: "weights-layout: in-out", with: "weights-layout: out-in"))
        XCTAssertTrue(o?.message.contains("has shape 2×3, expected 3×2 (weights-layout out-in") ?? false, o?.message ?? "")
    }

    func testUnknownActivationAndLoss() {
        let e = error(good.replacingOccurrences(of: "activation: sigmoid", with: "activation: sigmod"))
        XCTAssertEqual(e?.line, 3)
        XCTAssertTrue(e?.message.hasPrefix("unknown activation 'sigmod'; did you mean 'sigmoid'?") ?? false, e?.message ?? "")
        let l = error(good.replacingOccurrences(of: "loss: half-sse", with: "loss: crossentropy"))
        XCTAssertTrue(l?.message.hasPrefix("unknown loss 'crossentropy'") ?? false)
        XCTAssertTrue(l?.message.contains("half-sse, sse, mse, bce, cce") ?? false)
        let n = error(good.replacingOccurrences(of: "activation: sigmoid", with: "activation: [sigmoid, relu, tanh]"))
        XCTAssertTrue(n?.message.contains("lists 3 activations, expected one name or 2") ?? false, n?.message ?? "")
        let s = error(good.replacingOccurrences(of: "activation: sigmoid", with: "activation: [softmax, sigmoid]"))
        XCTAssertTrue(s?.message.contains("softmax is only allowed on the output layer") ?? false)
    }

    func testNonNumbers() {
        let e = error(good.replacingOccurrences(of: "learning-rate: 0.5", with: "learning-rate: fast"))
        XCTAssertEqual(e?.description, "bad.yaml:14: error: learning-rate must be a number, found 'fast'")
        let c = error(good.replacingOccurrences(of: "loss: 0.2577", with: "loss: 0,2577"))
        XCTAssertEqual(c?.message, "answers.loss must be a number, found '0,2577' (write decimals with a point: 0.2577)")
        let m = error(good.replacingOccurrences(of: "[0.1, 0.3, 0.5]", with: "[0.1, x, 0.5]"))
        XCTAssertEqual(m?.message, "network.weights, layer 1, row 1, column 2 must be a number, found 'x'")
        let inf = error(good.replacingOccurrences(of: "input: [0.5, 1.0]", with: "input: [.inf, 1.0]"))
        XCTAssertEqual(inf?.message, "input, value 1 must be a finite number, found '.inf'")
        let l = error(good.replacingOccurrences(of: "layers: [2, 3, 2]", with: "layers: [2, 3.5, 2]"))
        XCTAssertTrue(l?.message.contains("must be a whole number from 1 to 64") ?? false)
        let nested = error(good.replacingOccurrences(of: "loss: 0.2577", with: "loss: [0.2577]"))
        XCTAssertEqual(nested?.message, "answers.loss must be a number, found a list of 1 item")
    }

    func testUnknownKeySuggestsNearest() {
        let e = error(good.replacingOccurrences(of: "learning-rate: 0.5", with: "learning_rate: 0.5"))
        XCTAssertEqual(e?.description, "bad.yaml:14: error: the file: unknown key 'learning_rate'; did you mean 'learning-rate'?")
        let a = error(good.replacingOccurrences(of: "  grad-W:", with: "  gradW:"))
        XCTAssertEqual(a?.message, "answers: unknown key 'gradW'; did you mean 'grad-W'?")
        let n = error(good.replacingOccurrences(of: "  bias: none", with: "  biass: none"))
        XCTAssertEqual(n?.message, "network: unknown key 'biass'; did you mean 'bias'?")
        let far = error(good.replacingOccurrences(of: "  bias: none", with: "  colour: none"))
        XCTAssertTrue(far?.message.contains("known keys: layers, activation") ?? false)
    }

    func testBiasShapes() throws {
        let per = try VerifyFile.parse(good.replacingOccurrences(of: "bias: none", with: "bias: per-neuron")
            .replacingOccurrences(of: "biases: []", with: "biases: [[0.1, 0.2, 0.3], [0.4, 0.5]]"), file: "b.yaml")
        XCTAssertEqual(per.exercise.biases, [[0.1, 0.2, 0.3], [0.4, 0.5]])
        let shared = try VerifyFile.parse(good.replacingOccurrences(of: "bias: none", with: "bias: shared")
            .replacingOccurrences(of: "biases: []", with: "biases: [0.35, 0.6]"), file: "b.yaml")
        XCTAssertEqual(shared.exercise.biases, [[0.35, 0.35, 0.35], [0.6, 0.6]])
        let missing = error(good.replacingOccurrences(of: "bias: none", with: "bias: shared")
            .replacingOccurrences(of: "  biases: []\n", with: ""))
        XCTAssertTrue(missing?.message.hasPrefix("missing key 'biases' in network") ?? false)
        let wrong = error(good.replacingOccurrences(of: "bias: none", with: "bias: shared")
            .replacingOccurrences(of: "biases: []", with: "biases: [[0.35], [0.6]]"))
        XCTAssertTrue(wrong?.message.contains("bias: shared has one number per layer") ?? false, wrong?.message ?? "")
        let extra = error(good.replacingOccurrences(of: "biases: []", with: "biases: [0.35, 0.6]"))
        XCTAssertTrue(extra?.message.contains("network.bias is none") ?? false)
        let gradB = error(good + "  grad-b: [[0.1, 0.1, 0.1], [0.1, 0.1]]\n")
        XCTAssertTrue(gradB?.message.contains("the network has no bias") ?? false)
        let mode = error(good.replacingOccurrences(of: "bias: none", with: "bias: per_neuron"))
        XCTAssertTrue(mode?.message.hasPrefix("unknown bias 'per_neuron'; did you mean 'per-neuron'?") ?? false, mode?.message ?? "")
    }

    func testNotYAMLAndEmpty() {
        let e = error("network: [1, 2\ninput: x\n")
        XCTAssertTrue(e?.message.hasPrefix("not valid YAML") ?? false, e?.message ?? "")
        XCTAssertGreaterThan(e?.line ?? 0, 0)
        XCTAssertEqual(error("")?.message.hasPrefix("the file is empty"), true)
        XCTAssertEqual(error("# only a comment\n")?.message.hasPrefix("the file is empty"), true)
        XCTAssertTrue(error("- 1\n- 2\n")?.message.hasPrefix("the file must be a mapping") ?? false)
        XCTAssertTrue(error("just text")?.message.hasPrefix("the file must be a mapping") ?? false)
        let dup = error(good + "loss: sse\n")
        XCTAssertNotNil(dup)
    }

    func testBlanksAreUnanswered() throws {
        let f = try VerifyFile.parse(CheckerTests.huflitProblem + "answers:\n  z: [[~, 0.55, null], []]\n  loss: ~\n  new-W: [~, []]\n", file: "b.yaml")
        XCTAssertEqual(Array(f.answers.keys), [Quantity(.z, layer: 1, j: 1)])
        let empty = try VerifyFile.parse(CheckerTests.huflitProblem + "answers:\n  z:\n  loss: 0.2577\n  delta:\n", file: "e.yaml")
        XCTAssertEqual(Array(empty.answers.keys), [Quantity(.loss, layer: 0)])
        XCTAssertTrue(try VerifyFile.parse(CheckerTests.huflitProblem + "answers:\n", file: "e.yaml").answers.isEmpty)
    }

    /// Mutations of a good file: every one either reads or fails with a VerifyFileError; checking
    /// what reads never traps.
    func testNoCrashOnMutatedFiles() {
        var rng = SplitMix(seed: 7)
        let source = Array(good.unicodeScalars)
        let pieces: [String] = ["[", "]", ":", "-", "~", "\n", " ", "0.5", "x", "{", "}", "&a", "*a", "1e999", "-0", "!!str", "'", "#"]
        var readable = 0
        for _ in 0..<800 {
            var s = source
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                let k = Int(rng.next() % UInt64(s.count))
                switch rng.next() % 3 {
                case 0: s.remove(at: k)
                case 1: s.insert(contentsOf: pieces[Int(rng.next() % UInt64(pieces.count))].unicodeScalars, at: k)
                default: s.swapAt(k, Int(rng.next() % UInt64(s.count)))
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: s)
            do {
                let f = try VerifyFile.parse(text, file: "m.yaml")
                let r = try HandChecker.check(f, fileName: "m.yaml")
                _ = CheckReport.text(r, file: "m.yaml")
                _ = CheckReport.json(r, file: "m.yaml")
                readable += 1
            } catch is VerifyFileError {
            } catch {
                XCTFail("unexpected error \(error) for:\n\(text)")
            }
        }
        XCTAssertGreaterThan(readable, 40)   // the mutations are not all fatal: the checker ran on many
    }
}

/// A tiny generator for the mutation test (independent of the code under test).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
