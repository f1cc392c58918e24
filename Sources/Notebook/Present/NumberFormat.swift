import Foundation
import Neural

/// How the handouts print numbers: a computed value has exactly `digits` decimals, as a student writes
/// it and as the slides do (0.0530, 0.9740, 1.0000), rounded half away from zero on its decimal digits,
/// a value that rounds to zero is 0.0000 (never −0.0000 nor 2.8×10⁻¹⁷), negatives take the minus sign
/// U+2212 in text ("-" in TeX, which the math setter draws as −). Given data that are whole numbers
/// (inputs 1 and 0, targets, counts) stay as written: `given`. Hyperparameters (η, ε) are printed as
/// the lesson wrote them: `written`. The digits come from `DecimalText`, shared with the figures.
/// NaN and ∞ are never printed: `checkFinite` throws naming the step.
public struct NumberFormat: Sendable {
    public var digits: Int

    public init(digits: Int) { self.digits = digits }

    /// Plain text: "0.5622", "−0.0312", "1.0000", "0.0000".
    public func plain(_ x: Double) -> String {
        DecimalText.fixed(x, digits: digits)
    }

    /// TeX: the same digits, "-0.0312" (the math setter draws the minus sign).
    public func tex(_ x: Double) -> String {
        DecimalText.fixed(x, digits: digits, minus: "-")
    }

    /// A factor inside a product: negative numbers in parentheses, "0.5000 \cdot (-0.3000)".
    public func texFactor(_ x: Double) -> String {
        let t = tex(x)
        return t.hasPrefix("-") ? "(\(t))" : t
    }

    /// A given value (an input, a target, a data cell): whole numbers as written ("1", "0", "−2"),
    /// anything else with `digits` decimals.
    public func given(_ x: Double) -> String {
        Self.isWhole(x) ? DecimalText.asWritten(x) : plain(x)
    }

    /// `given` in TeX.
    public func texGiven(_ x: Double) -> String {
        Self.isWhole(x) ? DecimalText.asWritten(x, minus: "-") : tex(x)
    }

    /// `given` as a factor: "(-1)".
    public func texGivenFactor(_ x: Double) -> String {
        let t = texGiven(x)
        return t.hasPrefix("-") ? "(\(t))" : t
    }

    /// A hyperparameter as the lesson wrote it: η = 0.5, h = 0.0001.
    public func written(_ x: Double) -> String { DecimalText.asWritten(x) }
    public func texWritten(_ x: Double) -> String { DecimalText.asWritten(x, minus: "-") }

    /// A value that may be far below the last decimal (a relative error of 3×10⁻¹¹): two significant
    /// digits in scientific form when it would print as zero, else `plain`.
    public func plainSmall(_ x: Double) -> String {
        if let s = scientificParts(x) { return "\(s.mantissa)×10" + Self.superscript(s.exponent) }
        return plain(x)
    }

    /// `plainSmall` in TeX: 3.1 \times 10^{-11}.
    public func texSmall(_ x: Double) -> String {
        if let s = scientificParts(x) { return "\(s.mantissa) \\times 10^{\(s.exponent)}" }
        return tex(x)
    }

    /// Rounds as shown (for `round-each-step: true`): the value a student carries on.
    public func rounded(_ x: Double) -> Double {
        DecimalText.rounded(x, digits: digits)
    }

    static func isWhole(_ x: Double) -> Bool { x.isFinite && x == x.rounded() && abs(x) < 1e15 }

    static func superscript(_ n: Int) -> String {
        let sup: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (n < 0 ? "⁻" : "") + String(String(abs(n)).map { sup[$0.wholeNumberValue ?? 0] })
    }

    private func scientificParts(_ x: Double) -> (mantissa: String, exponent: Int)? {
        guard x != 0, x.isFinite else { return nil }
        guard DecimalText.rounded(x, digits: digits) == 0 else { return nil }
        let e = String(format: "%.1e", x)   // "3.1e-07"
        guard let eIndex = e.firstIndex(of: "e"), let exponent = Int(e[e.index(after: eIndex)...]) else { return nil }
        return (String(e[..<eIndex]).replacingOccurrences(of: "-", with: "−"), exponent)
    }
}

/// A worked value that is NaN or ∞: the lesson asked for a number that does not exist.
public struct NonFiniteValue: Error, CustomStringConvertible {
    public var step: String
    public var value: Double
    public var description: String {
        "\(step) is \(value.isNaN ? "not a number (NaN)" : (value > 0 ? "+∞" : "−∞")); check the inputs, weights and learning rate"
    }
}

/// Throws when any value is NaN or ∞, naming the step.
func checkFinite(_ values: [Double], _ step: @autoclosure () -> String) throws {
    if let bad = values.first(where: { !$0.isFinite }) { throw NonFiniteValue(step: step(), value: bad) }
}
