import Foundation
import Neural

/// How numbers are written on figures: tick labels, weights, node values.
/// Negative numbers use the minus sign (U+2212), never a hyphen; −0 prints as 0.
public struct NumberFormat: Sendable, Equatable {
    /// "." for English, "," when a lesson asks for the Vietnamese decimal comma.
    public var decimalSeparator: String

    public init(decimalSeparator: String = ".") {
        self.decimalSeparator = decimalSeparator
    }

    public static let standard = NumberFormat()

    /// How many decimals a tick label needs when ticks are `step` apart (0.25 → 2, 0.5 → 1, 2 → 0).
    static func decimals(forStep step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        var d = 0
        var s = step
        while d < 12 && abs(s - s.rounded()) > 1e-9 * Swift.max(1, abs(s)) {
            s *= 10
            d += 1
        }
        return d
    }

    /// `v` with exactly `decimals` decimals.
    public func fixed(_ v: Double, decimals: Int) -> String {
        // The handouts' one formatter: half away from zero, minus sign, no "−0".
        var s = DecimalText.fixed(v, digits: decimals)
        if decimalSeparator != "." { s = s.replacingOccurrences(of: ".", with: decimalSeparator) }
        return s
    }

    /// A tick label on a linear axis whose ticks are `step` apart.
    public func tick(_ v: Double, step: Double) -> String {
        fixed(v, decimals: NumberFormat.decimals(forStep: step))
    }

    /// A tick label on a log axis: 0.001, 0.01 … 1000, then 10⁴, 10⁵ … as powers.
    public func logTick(_ v: Double) -> String {
        let e = log10(v)
        let er = e.rounded()
        if abs(e - er) < 1e-9 && (er < -3 || er > 3) {
            return "10" + NumberFormat.superscript(Int(er))
        }
        return compact(v, maxDecimals: 4)
    }

    /// A weight, a value in a node or on a graph: at most `maxDecimals` decimals, trailing zeros
    /// dropped (6 → "6", 0.150 → "0.15", −0.333… → "−0.33"). A value that rounds to 0 but is not 0
    /// is written with two significant digits (0.0004 → "4.0×10⁻⁴") rather than as a false 0.
    public func compact(_ v: Double, maxDecimals: Int = 2) -> String {
        guard v.isFinite else { return fixed(v, decimals: 0) }
        let f = pow(10, Double(maxDecimals))
        if v != 0 && (v * f).rounded() == 0 {
            return scientific(v, digits: 2)
        }
        var s = fixed(v, decimals: maxDecimals)
        if s.contains(decimalSeparator) {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(decimalSeparator) { s.removeLast(decimalSeparator.count) }
        }
        return s == "−0" ? "0" : s
    }

    /// `v` as m×10ᵉ with `digits` significant digits.
    public func scientific(_ v: Double, digits: Int = 2) -> String {
        guard v != 0, v.isFinite else { return fixed(v, decimals: 0) }
        var e = Int(log10(abs(v)).rounded(.down))
        var m = v / pow(10, Double(e))
        let f = pow(10, Double(digits - 1))
        m = (m * f).rounded() / f
        if abs(m) >= 10 { m /= 10; e += 1 }
        return fixed(m, decimals: digits - 1) + "×10" + NumberFormat.superscript(e)
    }

    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(abs(n)).map { digits[Int(String($0))!] }
        return (n < 0 ? "⁻" : "") + String(body)
    }

    static func `subscript`(_ n: Int) -> String {
        let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
        return (n < 0 ? "₋" : "") + String(String(abs(n)).map { digits[Int(String($0))!] })
    }
}
