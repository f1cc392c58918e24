import Foundation

/// How the handouts print numbers: rounded to `digits` decimals, trailing zeros dropped (0.2500 → 0.25,
/// but at least one decimal: 1 → 1.0), never "-0.0", tiny non-zero values in scientific form rather
/// than a misleading 0.0. NaN and ∞ are never printed: `checked` throws naming the step.
public struct NumberFormat: Sendable {
    public var digits: Int

    public init(digits: Int) { self.digits = digits }

    /// Plain text: "0.5622", "-0.0312", "1.0", "3.1e-07".
    public func plain(_ x: Double) -> String {
        if let s = scientificParts(x) { return "\(s.mantissa)e\(s.exponent)" }
        return fixed(x)
    }

    /// TeX: the same digits; small numbers as 3.1 \times 10^{-7}.
    public func tex(_ x: Double) -> String {
        if let s = scientificParts(x) { return "\(s.mantissa) \\times 10^{\(s.exponent)}" }
        return fixed(x)
    }

    /// A factor inside a product: negative numbers in parentheses, "0.5 \cdot (-0.3)".
    public func texFactor(_ x: Double) -> String {
        let t = tex(x)
        return t.hasPrefix("-") || t.contains("\\times") ? "(\(t))" : t
    }

    /// Rounds as shown (for `round-each-step: true`): the value a student carries on.
    public func rounded(_ x: Double) -> Double {
        guard x.isFinite else { return x }
        let p = pow(10.0, Double(digits))
        let r = (x * p).rounded() / p
        // Keep tiny values that would round to zero: a student writes them in scientific form.
        if r == 0, x != 0 { return Double(String(format: "%.\(max(digits - 1, 1))e", x)) ?? x }
        return r == 0 ? 0 : r
    }

    func fixed(_ x: Double) -> String {
        var s = String(format: "%.\(digits)f", x)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s += "0" }
        } else if digits == 0 {
            // digits: 0 prints whole numbers.
        }
        if s == "-0.0" || s == "-0" { s.removeFirst() }
        return s
    }

    private func scientificParts(_ x: Double) -> (mantissa: String, exponent: Int)? {
        guard x != 0, x.isFinite else { return nil }
        let threshold = 0.5 * pow(10.0, -Double(digits))
        guard abs(x) < threshold || abs(x) >= 1e9 else { return nil }
        let e = String(format: "%.\(max(digits - 1, 2))e", x)   // "3.1416e-07"
        guard let eIndex = e.firstIndex(of: "e"), let exponent = Int(e[e.index(after: eIndex)...]) else { return nil }
        var m = String(e[..<eIndex])
        if m.contains(".") {
            while m.hasSuffix("0") { m.removeLast() }
            if m.hasSuffix(".") { m.removeLast() }
        }
        return (m, exponent)
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
