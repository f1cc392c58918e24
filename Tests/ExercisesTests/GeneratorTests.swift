import XCTest
import Neural
@testable import Exercises

final class GeneratorTests: XCTestCase {
    static let shapes: [[Int]] = [[2, 3, 2], [2, 2, 1], [3, 4, 2], [2, 3, 3, 2]]

    /// The variant's file with every answer filled from the tool's own solution.
    func filled(_ v: ExerciseVariant, decimals: Int) -> String {
        VerifyFileWriter.yaml(v.exercise, answers: VerifyFileWriter.answers(from: v.solution, decimals: decimals))
    }

    func testOwnSolutionPassesForEveryVariant() throws {
        for sizes in Self.shapes {
            for bias in [HandBias.none, .perNeuron, .shared] {
                for rounding in [4, 2, nil] as [Int?] {
                    let vs = try ExerciseGenerator.generate(ExerciseOptions(sizes: sizes, count: 4, seed: 3, bias: bias, rounding: rounding))
                    XCTAssertEqual(vs.count, 4)
                    for v in vs {
                        let text = filled(v, decimals: rounding ?? 6)
                        let r = try HandChecker.check(try VerifyFile.parse(text, file: "v.yaml"))
                        XCTAssertEqual(r.unanswered, 0)
                        XCTAssertEqual(r.right, r.values.count, "\(sizes) \(bias) \(String(describing: rounding)) \(v.code):\n" + CheckReport.text(r, file: "v"))
                        XCTAssertEqual(r.exitStatus, 0)
                    }
                }
            }
        }
    }

    func testOtherActivationsAndLosses() throws {
        let combos: [([Int], [String], String)] = [
            ([2, 3, 2], ["tanh", "sigmoid"], "bce"), ([3, 4, 3], ["relu", "softmax"], "cce"),
            ([2, 2, 1], ["sigmoid", "identity"], "mse"), ([2, 3, 2], ["sigmoid"], "sse"),
        ]
        for (sizes, acts, loss) in combos {
            let vs = try ExerciseGenerator.generate(ExerciseOptions(sizes: sizes, count: 3, seed: 9, bias: .perNeuron, activations: acts, loss: loss))
            for v in vs {
                let r = try HandChecker.check(try VerifyFile.parse(filled(v, decimals: 4), file: "v.yaml"))
                XCTAssertEqual(r.wrong + r.carried, 0, "\(sizes) \(acts) \(loss)")
            }
        }
    }

    /// One wrong value anywhere, carried on by the student: it is the first mistake and every
    /// later value that changed because of it is "carried".
    func testInjectedMistakeIsFirstAndDownstreamIsCarried() throws {
        for sizes in Self.shapes {
            for rounding in [4, nil] as [Int?] {
                let v = try ExerciseGenerator.generate(ExerciseOptions(sizes: sizes, count: 1, seed: 5, bias: .perNeuron, rounding: rounding))[0]
                let solver = try StepSolver(v.exercise)
                let decimals = rounding ?? 6
                let tol = Rounding.halfUnit(decimals)
                // Every position at rounding 4; every third at full precision (the same logic, slower).
                for (k, q) in v.solution.order.enumerated() where rounding != nil || k % 3 == 0 {
                    let right = v.solution.computed[q]!
                    let wrong = Rounding.round(right + 0.1 + abs(right) * 0.3, decimals)
                    let own = solver.solve(overrides: [q: wrong])
                    var answers = VerifyFileWriter.answers(from: own, decimals: decimals)
                    answers[q] = Notation.number(wrong, decimals: decimals)
                    let r = try HandChecker.check(try VerifyFile.parse(VerifyFileWriter.yaml(v.exercise, answers: answers), file: "m.yaml"))
                    let tag = "\(sizes) rounding \(String(describing: rounding)) injected at \(q.name())"
                    XCTAssertEqual(r.firstMistake?.quantity, q, tag + "\n" + CheckReport.text(r, file: "m"))
                    XCTAssertEqual(r.wrong, 1, tag + "\n" + CheckReport.text(r, file: "m"))
                    for cv in r.values where cv.quantity != q {
                        let changed = !Rounding.agrees(cv.written.value, v.solution.computed[cv.quantity]!, halfUnit: tol)
                        if changed {
                            // Carried; or, at full precision, right because it follows from the student's
                            // own inputs that were themselves right to the decimals written.
                            XCTAssertTrue(cv.verdict == .carried || (cv.verdict == .right && cv.acceptedFromOwnInputs && rounding == nil),
                                          tag + ": " + cv.name + " is \(cv.verdict)")
                        } else {
                            XCTAssertEqual(cv.verdict, .right, tag + ": " + cv.name)
                        }
                    }
                    // Everything after a forward value depends on it: something must be carried.
                    if q.step == .z || q.step == .a {
                        XCTAssertGreaterThan(r.carried, 0, tag)
                    }
                }
            }
        }
    }

    func testSameSeedSameVariants() throws {
        let o = ExerciseOptions(sizes: [2, 3, 2], count: 5, seed: 42)
        let a = try ExerciseGenerator.generate(o), b = try ExerciseGenerator.generate(o)
        XCTAssertEqual(a.map(\.code), b.map(\.code))
        XCTAssertEqual(a.map(\.exercise), b.map(\.exercise))
        XCTAssertEqual(Set(a.map(\.code)).count, 5)
        var other = o
        other.seed = 43
        XCTAssertNotEqual(try ExerciseGenerator.generate(other).map(\.exercise), a.map(\.exercise))
        // Variants within one set differ.
        XCTAssertEqual(Set(a.map { $0.exercise.weights.description }).count, 5)
    }

    func testNumbersAreNiceAndNothingSaturates() throws {
        for sizes in Self.shapes {
            for v in try ExerciseGenerator.generate(ExerciseOptions(sizes: sizes, count: 10, seed: 1)) {
                let ex = v.exercise
                for x in ex.weights.flatMap({ $0.flatMap { $0 } }) + ex.input {
                    XCTAssertEqual(x * 10, (x * 10).rounded(), accuracy: 1e-9)   // one decimal
                    XCTAssertTrue(x != 0 && abs(x) <= 1)
                }
                for q in v.solution.order {
                    let value = v.solution[q]
                    if q.step == .z { XCTAssertLessThanOrEqual(abs(value), 3, "\(v.code) \(q.name())") }
                    if q.step == .delta { XCTAssertNotEqual(Rounding.round(value, 4), 0, "\(v.code) \(q.name())") }
                }
            }
        }
    }

    func testWrittenFileRoundTripsInBothLayouts() throws {
        for layout in WeightsLayout.allCases {
            for bias in [HandBias.none, .perNeuron, .shared] {
                var ex = try ExerciseGenerator.generate(ExerciseOptions(sizes: [3, 4, 2], count: 1, seed: 8, bias: bias))[0].exercise
                ex.layout = layout
                let back = try VerifyFile.parse(VerifyFileWriter.yaml(ex), file: "rt.yaml")
                XCTAssertEqual(back.exercise, ex)
                XCTAssertTrue(back.answers.isEmpty)
            }
        }
    }

    func testBadOptions() {
        XCTAssertThrowsError(try ExerciseGenerator.generate(ExerciseOptions(sizes: [2])))
        XCTAssertThrowsError(try ExerciseGenerator.generate(ExerciseOptions(sizes: [2, 0, 2])))
        XCTAssertThrowsError(try ExerciseGenerator.generate(ExerciseOptions(sizes: [2, 3, 2], activations: ["sigmod"])))
        XCTAssertThrowsError(try ExerciseGenerator.generate(ExerciseOptions(sizes: [2, 3, 2], activations: ["softmax", "sigmoid"])))
        XCTAssertThrowsError(try ExerciseGenerator.generate(ExerciseOptions(sizes: [2, 3, 2], count: 0)))
    }
}
