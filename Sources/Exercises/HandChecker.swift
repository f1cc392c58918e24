// Checking a student's answers step by step, telling a first mistake from a carried one.

import Foundation

/// What the checker says of one answered value.
public enum Verdict: String, Sendable, Codable {
    /// Agrees with the expected value.
    case right
    /// Agrees with neither the expected value nor what follows from the student's own earlier values.
    case wrong
    /// Wrong, but right given the student's own (wrong) earlier values.
    case carried
}

/// One answered value with its verdict.
public struct CheckedValue: Sendable {
    public var quantity: Quantity
    /// z⁽²⁾₁, ∂E/∂w⁽²⁾₁₂, … in the file's weight layout.
    public var name: String
    public var written: WrittenNumber
    /// From the correct chain (full precision, or rounded at every step as `rounding` says).
    public var expected: Double
    /// What follows from the student's own earlier answers.
    public var fromOwnValues: Double
    public var verdict: Verdict
    /// Right only because it follows from the student's own rounded inputs (full precision mode).
    public var acceptedFromOwnInputs: Bool
    /// The tolerance used: half a unit of the last decimal.
    public var tolerance: Double
    /// The formula in symbols, with the correct numbers, and with the student's own numbers.
    public var symbols: String
    public var expectedNumbers: String
    public var ownNumbers: String
}

/// The outcome of checking one verify file.
public struct CheckResult: Sendable {
    public var exercise: HandExercise
    /// Answered values in the order a student computes them.
    public var values: [CheckedValue]
    /// The correct chain: every expected value, answered or not.
    public var solution: StepSolver.Chain

    public var right: Int { values.filter { $0.verdict == .right }.count }
    public var wrong: Int { values.filter { $0.verdict == .wrong }.count }
    public var carried: Int { values.filter { $0.verdict == .carried }.count }
    /// The first value that is wrong on its own (not carried).
    public var firstMistake: CheckedValue? { values.first { $0.verdict == .wrong } }
    /// Values still blank.
    public var unanswered: Int { solution.order.count - values.count }
    /// 0 when every answer is right, 1 otherwise.
    public var exitStatus: Int32 { values.allSatisfy { $0.verdict == .right } ? 0 : 1 }
}

public enum HandChecker {
    /// Checks every answer of `file`. Throws when the expected values are not finite (a bce or cce
    /// loss whose output is exactly 0 or 1, or weights so large that the sums overflow).
    public static func check(_ file: VerifyFile, fileName: String = "input") throws -> CheckResult {
        let solver = try StepSolver(file.exercise)
        let correct = solver.solve()
        if let bad = correct.order.first(where: { !(correct.computed[$0] ?? .nan).isFinite }) {
            let name = bad.name(layout: file.exercise.layout, sharedBias: file.exercise.bias == .shared)
            throw VerifyFileError(file: fileName, line: 0,
                                  message: "the expected \(name) is not a finite number (\(correct.numbers[bad] ?? "")); check the weights, input and loss")
        }
        let overrides = file.answers.mapValues(\.value)
        let own = solver.solve(overrides: overrides)
        let rounding = file.exercise.rounding
        // At full precision, values that match neither chain at face value get the slack of their
        // inputs' written decimals (see `inputSpread`); only their nearest written inputs are moved.
        var spread: [Quantity: Double] = [:]
        if rounding == nil {
            let unmatched = file.answers.filter { q, w in
                let e = correct.computed[q] ?? .nan, o = own.computed[q] ?? .nan
                return !Rounding.agrees(w.value, e, halfUnit: w.halfUnit) && !Rounding.agrees(w.value, o, halfUnit: w.halfUnit)
            }.keys
            if !unmatched.isEmpty {
                spread = inputSpread(solver, own, file.answers, moving: writtenAncestors(of: Array(unmatched), own, file.answers))
            }
        }

        var tainted: Set<Quantity> = []
        var values: [CheckedValue] = []
        for q in correct.order {
            let inputsTainted = (own.inputs[q] ?? []).contains { tainted.contains($0) }
            guard let w = file.answers[q] else {
                if inputsTainted { tainted.insert(q) }
                continue
            }
            let tol = rounding.map(Rounding.halfUnit) ?? w.halfUnit
            let expected = correct.computed[q] ?? .nan
            let fromOwn = own.computed[q] ?? .nan
            var verdict = Verdict.wrong
            var viaOwn = false
            if Rounding.agrees(w.value, expected, halfUnit: tol) {
                verdict = .right
            } else if Rounding.agrees(w.value, fromOwn, halfUnit: tol + (spread[q] ?? 0)) {
                if inputsTainted { verdict = .carried } else { verdict = .right; viaOwn = true }
            }
            if verdict != .right { tainted.insert(q) }
            values.append(CheckedValue(
                quantity: q, name: q.name(layout: file.exercise.layout, sharedBias: file.exercise.bias == .shared),
                written: w, expected: expected, fromOwnValues: fromOwn, verdict: verdict,
                acceptedFromOwnInputs: viaOwn, tolerance: tol, symbols: correct.symbols[q] ?? "",
                expectedNumbers: correct.numbers[q] ?? "", ownNumbers: own.numbers[q] ?? ""))
        }
        return CheckResult(exercise: file.exercise, values: values, solution: correct)
    }

    /// At full precision a student writes, say, 4 decimals but keeps more on the calculator, so a
    /// value recomputed from the written inputs may differ from theirs by more than half a unit.
    /// For each value this is the first-order bound Σₚ |∂q/∂p|·½·10^(−decimals of p) over the
    /// written inputs p, found by moving each written value by half its last unit.
    /// Skipped for very large files (more than 4000 values).
    static func inputSpread(_ solver: StepSolver, _ own: StepSolver.Chain,
                            _ answers: [Quantity: WrittenNumber], moving: Set<Quantity>) -> [Quantity: Double] {
        guard own.order.count * moving.count <= 4_000_000 else { return [:] }
        var spread: [Quantity: Double] = [:]
        let base = answers.mapValues(\.value)
        for p in moving.sorted() {
            guard let w = answers[p] else { continue }
            var moved = base
            moved[p] = w.value + w.halfUnit
            let chain = solver.solve(overrides: moved, formulas: false)
            for q in own.order where q != p {
                let d = abs((chain.computed[q] ?? 0) - (own.computed[q] ?? 0))
                if d.isFinite, d > 0 { spread[q, default: 0] += d }
            }
        }
        return spread
    }

    /// The written values each of `qs` was computed from, looking through blank ones.
    static func writtenAncestors(of qs: [Quantity], _ own: StepSolver.Chain,
                                 _ answers: [Quantity: WrittenNumber]) -> Set<Quantity> {
        var found: Set<Quantity> = [], seen: Set<Quantity> = []
        var stack = qs.flatMap { own.inputs[$0] ?? [] }
        while let p = stack.popLast() {
            guard seen.insert(p).inserted else { continue }
            if answers[p] != nil { found.insert(p) } else { stack += own.inputs[p] ?? [] }
        }
        return found
    }
}
