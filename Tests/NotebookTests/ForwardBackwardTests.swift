import Foundation
import Testing
@testable import Notebook

/// Runs a lesson given as lines (after the shared header) and returns what its cells show, as text.
func run(_ body: [String], lang: String = "vi") throws -> (output: LessonOutput, text: String) {
    let head = ["---", "title: T", "lesson: 5", "lang: \(lang)", "---"]
    let lesson = try LessonParser.parse(lessonText(head + body), file: "t.md")
    let out = try Executor(lesson: lesson, dataDirectory: "/nonexistent").run()
    var text = ""
    for p in out.parts {
        switch p {
        case .prose(let s, _): text += s + "\n"
        case .cell(_, let shown):
            for s in shown {
                switch s {
                case .math(let t), .paragraph(let t), .code(let t): text += t + "\n"
                case .heading(_, let t): text += t + "\n"
                case .table(let t): text += (t.header + t.rows.flatMap { $0 }).joined(separator: " | ") + "\n"
                case .figure: text += "[figure]\n"
                }
            }
        }
    }
    return (out, text)
}

/// The error a lesson run produces (parse or execution).
func runError(_ body: [String]) -> LessonError? {
    do { _ = try run(body); return nil } catch let e as LessonError { return e } catch let e as LessonErrors { return e.errors.first } catch { return nil }
}

/// The [2-3-2] exercise of the HUFLIT slides (004): no bias, sigmoid, x = (0.5, 1.0).
let ex232 = ["```nn network", "name: ex232", "layers: [2, 3, 2]", "activation: sigmoid", "bias: none", "show: none",
             "weights:", "  - [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]", "  - [[0.7, 0.8], [0.9, 0.1], [0.2, 0.3]]", "```"]

/// The test's own arithmetic, independent of Neural.
func sig(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
/// Rounded to 4 decimals, every decimal written (as the handouts print: 0.1050), "-" as in TeX.
func r4(_ x: Double) -> String { String(format: "%.4f", x) }
/// The same in prose, with the minus sign U+2212.
func p4(_ x: Double, _ digits: Int = 4) -> String { String(format: "%.\(digits)f", x).replacingOccurrences(of: "-", with: "−") }
func trimmed(_ s: String) -> String {
    var t = s
    while t.hasSuffix("0") { t.removeLast() }
    if t.hasSuffix(".") { t += "0" }
    return t
}

@Suite struct ForwardBackwardTests {
    @Test func forwardPerNeuronShowsTheSumsWithNumbers() throws {
        let (_, text) = try run(ex232 + ["```nn forward", "name: fwd", "network: ex232", "input: [0.5, 1.0]", "```",
                                         "Kết quả {{fwd.a[1][1]}} và {{fwd.output[2]:3}}."])
        // z1 = 0.5·0.1 + 1.0·0.2 = 0.25, a1 = σ(0.25)
        #expect(text.contains("z^{(1)}_{1} &= x_{1} w^{(1)}_{11} + x_{2} w^{(1)}_{21}"))
        #expect(text.contains("&= 0.5000 \\cdot 0.1000 + 1.0000 \\cdot 0.2000 = 0.2500"))
        #expect(text.contains("a^{(1)}_{1} &= \\sigma(0.2500) = \(r4(sig(0.25)))"))   // 0.5622
        // Layer 2 neuron 1: z = 0.7·a1 + 0.9·a2 + 0.2·a3
        let a1 = [sig(0.25), sig(0.55), sig(0.85)]
        let z21 = 0.7 * a1[0] + 0.9 * a1[1] + 0.2 * a1[2]
        let z22 = 0.8 * a1[0] + 0.1 * a1[1] + 0.3 * a1[2]
        #expect(text.contains("= \(r4(z21))"))
        #expect(text.contains("\\sigma(\(r4(z21))) = \(r4(sig(z21)))"))
        #expect(text.contains("Kết quả \(p4(sig(0.25))) và \(p4(sig(z22), 3))."))
        #expect(!text.lowercased().contains("nan"))
    }

    @Test func wholeInputsStayAsGiven() throws {
        // x = (1, 0): z1 = 1·0.1 + 0·0.2 = 0.1, written as a student would, inputs without decimals.
        let (_, text) = try run(ex232 + ["```nn forward", "network: ex232", "input: [1, 0]", "show: both", "```"])
        #expect(text.contains("&= 1 \\cdot 0.1000 + 0 \\cdot 0.2000 = 0.1000"))
        #expect(text.contains("\\begin{bmatrix} 1 & 0 \\end{bmatrix}"))
    }

    @Test func matrixFormWritesTheMatrices() throws {
        let (_, text) = try run(ex232 + ["```nn forward", "network: ex232", "input: [0.5, 1.0]", "show: matrix", "```"])
        #expect(text.contains("Z^{(1)} = X W^{(1)} = \\begin{bmatrix} 0.5000 & 1.0000 \\end{bmatrix} \\begin{bmatrix} 0.1000 & 0.3000 & 0.5000 \\\\ 0.2000 & 0.4000 & 0.6000 \\end{bmatrix} = \\begin{bmatrix} 0.2500 & 0.5500 & 0.8500 \\end{bmatrix}"))
        #expect(text.contains("A^{(1)} = \\sigma(Z^{(1)}) = \\begin{bmatrix} \(r4(sig(0.25))) & \(r4(sig(0.55))) & \(r4(sig(0.85))) \\end{bmatrix}"))
    }

    @Test func backwardOneUpdateMatchesHandCalculation() throws {
        let (_, text) = try run(ex232 + ["```nn backward", "name: bp", "network: ex232", "input: [0.5, 1.0]", "target: [1, 0]",
                                         "loss: half-sse", "learning-rate: 0.5", "```",
                                         "W mới {{bp.new-w[2][1][1]}}, δ {{bp.delta[1][1]:6}}, E {{bp.loss}}."])
        // The test's own backprop, half-SSE with sigmoid: δ2 = (ŷ − y)ŷ(1 − ŷ); δ1 = (W2 δ2) a(1 − a).
        let a1 = [sig(0.25), sig(0.55), sig(0.85)]
        let W2 = [[0.7, 0.8], [0.9, 0.1], [0.2, 0.3]]
        let z2 = (0..<2).map { j in (0..<3).map { a1[$0] * W2[$0][j] }.reduce(0, +) }
        let y = z2.map(sig), t = [1.0, 0.0]
        let d2 = (0..<2).map { (y[$0] - t[$0]) * y[$0] * (1 - y[$0]) }
        let d1 = (0..<3).map { i in (W2[i][0] * d2[0] + W2[i][1] * d2[1]) * a1[i] * (1 - a1[i]) }
        let E = 0.5 * ((y[0] - 1) * (y[0] - 1) + y[1] * y[1])
        let g211 = a1[0] * d2[0]
        let new211 = 0.7 - 0.5 * g211
        #expect(text.contains("= \(r4(E))"))
        #expect(text.contains("\\delta^{(2)}_{1} &="))
        #expect(text.contains("= \(r4(d2[0]))"))
        #expect(text.contains("\\delta^{(1)}_{3} &="))
        #expect(text.contains("= \(r4(d1[2]))"))
        #expect(text.contains("w^{(2)}_{11} &\\leftarrow 0.7000 - 0.5 \\cdot (\(r4(g211))) = \(r4(new211))"))
        // First-layer update: w11 ← 0.1 − 0.5·x1·δ1
        #expect(text.contains("= \(r4(0.1 - 0.5 * 0.5 * d1[0]))"))
        #expect(text.contains("W mới \(p4(new211)), δ \(p4(d1[0], 6)), E \(p4(E))."))
    }

    @Test func roundEachStepCarriesRoundedNumbers() throws {
        let (_, text) = try run(ex232 + ["```nn forward", "network: ex232", "input: [0.5, 1.0]", "round-each-step: true", "digits: 2", "```"])
        // By hand with 2 decimals: a1 = (0.56, 0.63, 0.70); z2_1 = 0.56·0.7 + 0.63·0.9 + 0.70·0.2 = 1.099 → 1.1
        #expect(text.contains("&= 0.56 \\cdot 0.70 + 0.63 \\cdot 0.90 + 0.70 \\cdot 0.20 = 1.10"))
        #expect(text.contains("Làm tròn đến 2 chữ số thập phân ở mỗi bước"))
    }

    @Test func namesMustBeDefinedAbove() {
        let e = runError(["```nn forward", "network: ex23", "input: [0.5, 1.0]", "```"] + ex232)
        #expect(e?.location == SourceLocation(file: "t.md", line: 7, column: 10))
        #expect(e?.message.contains("no result named 'ex23' is defined above") == true)
        let e2 = runError(["```nn forward", "network: ex232", "input: [0.5, 1.0]", "```"] + ex232)
        #expect(e2?.message.contains("defined below (line 10)") == true)
        let e3 = runError(ex232 + ["Giá trị {{ex999.parameters}}."])
        #expect(e3?.location == SourceLocation(file: "t.md", line: 16, column: 9))
    }

    @Test func inputShapeMismatchNamesBothShapes() {
        let e = runError(ex232 + ["```nn forward", "network: ex232", "input: [0.5, 1.0, 2.0]", "```"])
        #expect(e?.location == SourceLocation(file: "t.md", line: 18, column: 8))
        #expect(e?.message.contains("1×3") == true && e?.message.contains("m×2") == true)
    }

    @Test func unknownActivationSuggests() {
        var net = ex232
        net[3] = "activation: sigmod"
        let e = runError(net)
        #expect(e?.location == SourceLocation(file: "t.md", line: 9, column: 13))
        #expect(e?.message.contains("did you mean 'sigmoid'?") == true)
    }

    @Test func overflowIsReportedNotPrinted() {
        // Huge weights and a ReLU output: z = 1e308·10 overflows to ∞.
        let e = runError(["```nn network", "name: big", "layers: [1, 1]", "activation: relu", "show: none", "weights: [[[1e308]]]", "```",
                          "```nn forward", "network: big", "input: [10]", "```"])
        #expect(e?.message.contains("∞") == true)
        #expect(e?.cell?.contains("nn forward") == true)
    }

    @Test func numberFormat() {
        let f = NumberFormat(digits: 4)
        #expect(f.plain(0.25) == "0.2500")                   // every decimal, as the slides write it
        #expect(f.plain(1) == "1.0000")
        #expect(f.plain(-0.053) == "−0.0530")                // the minus sign, not a hyphen
        #expect(f.plain(-0.00001) == "0.0000")               // rounds to zero: no sign, no 1e-05
        #expect(f.plain(2.7755575615628914e-17) == "0.0000")
        #expect(f.plain(0.56217) == "0.5622")
        #expect(f.plain(0.00005) == "0.0001")                // half away from zero
        #expect(f.texFactor(-0.3) == "(-0.3000)")
        #expect(f.tex(-1.3) == "-1.3000")
        #expect(f.given(1) == "1" && f.given(-2) == "−2" && f.given(0.35) == "0.3500")
        #expect(f.texGivenFactor(-1) == "(-1)")
        #expect(f.written(0.05) == "0.05")
        #expect(NumberFormat(digits: 2).plainSmall(3.1e-11) == "3.1×10⁻¹¹")
        #expect(NumberFormat(digits: 2).plain(-1.3) == "−1.30")
        #expect(f.rounded(0.00015) == 0.0002)
        #expect(f.rounded(-0.00001) == 0 && f.rounded(-0.00001).sign == .plus)
    }
}
