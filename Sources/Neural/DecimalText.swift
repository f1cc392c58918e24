import Foundation

/// A number written with a fixed number of decimals, as a student writes it on paper: rounded half away
/// from zero on the decimal digits (0.00005 → 0.0001, −0.125 → −0.13 at 2), read to 12 significant
/// digits first so that binary noise does not decide a tie (0.70·0.05 is 0.035 on paper), every
/// requested decimal written (0.053 → 0.0530), a value that rounds to zero written without a sign
/// (−0.00001 → 0.0000), and negative numbers with the given minus (U+2212 for print, "-" for TeX).
/// The one place the handouts and figures turn a Double into decimals.
public enum DecimalText {
    public static let minusSign = "\u{2212}"

    /// `x` with exactly `digits` decimals (0…15). NaN and ∞ are written "NaN", "∞", "−∞".
    public static func fixed(_ x: Double, digits: Int, minus: String = minusSign) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "∞" : minus + "∞") }
        let d = max(0, min(digits, 15))
        let magnitude = abs(x)
        if magnitude >= 1e15 {
            // Past the digits a Double holds: whole part as printed, decimals zero.
            let s = String(format: "%.0f", magnitude) + (d > 0 ? "." + String(repeating: "0", count: d) : "")
            return (x < 0 ? minus : "") + s
        }
        // 12 significant digits: "d.ddddddddddde±XX".
        let e = String(format: "%.11e", magnitude)
        guard let eIndex = e.firstIndex(of: "e"), let exponent = Int(e[e.index(after: eIndex)...]) else {
            return String(format: "%.\(d)f", x)
        }
        var mantissa = e[..<eIndex].compactMap { $0.wholeNumberValue }   // 12 digits, point after the first
        // The digits of the whole number magnitude · 10^d, with the point after position `point`.
        // Value = 0.d1d2… × 10^(exponent + 1): pad on the left so at least one integer digit exists.
        var point = exponent + 1                       // digits before the decimal point
        if point < 1 {
            mantissa = [Int](repeating: 0, count: 1 - point) + mantissa
            point = 1
        }
        let keep = point + d                           // digits kept
        if mantissa.count < keep + 1 { mantissa += [Int](repeating: 0, count: keep + 1 - mantissa.count) }
        var kept = Array(mantissa[0..<keep])
        if mantissa[keep] >= 5 {                       // half away from zero on the magnitude
            var i = kept.count - 1
            while i >= 0 {
                if kept[i] == 9 { kept[i] = 0; i -= 1 } else { kept[i] += 1; break }
            }
            if i < 0 { kept.insert(1, at: 0); point += 1 }
        }
        var whole = kept[0..<point].map(String.init).joined()
        while whole.count > 1, whole.hasPrefix("0") { whole.removeFirst() }
        let fraction = kept[point...].map(String.init).joined()
        let isZero = kept.allSatisfy { $0 == 0 }
        return (x < 0 && !isZero ? minus : "") + whole + (d > 0 ? "." + fraction : "")
    }

    /// `x` rounded as `fixed` writes it (half away from zero, 12 significant digits first): the value a
    /// student carries to the next step. −0 becomes 0.
    public static func rounded(_ x: Double, digits: Int) -> Double {
        guard x.isFinite else { return x }
        let v = Double(fixed(x, digits: digits, minus: "-")) ?? x
        return v == 0 ? 0 : v
    }

    /// The shortest text that reads back as `x` ("0.05", "1", "2.5e-07" → "0.00000025"), for values a
    /// lesson gives (a learning rate, a class value) rather than computes. Minus as given.
    public static func asWritten(_ x: Double, minus: String = minusSign) -> String {
        guard x.isFinite else { return fixed(x, digits: 0, minus: minus) }
        if x == x.rounded(), abs(x) < 1e15 { return (x < 0 ? minus : "") + String(Int64(abs(x))) }
        for d in 1...15 where rounded(x, digits: d) == x || abs(rounded(x, digits: d) - x) <= 1e-12 * abs(x) {
            return fixed(x, digits: d, minus: minus)
        }
        return fixed(x, digits: 15, minus: minus)
    }
}
