// Rounding as a student does it on paper.

import Foundation

public enum Rounding {
    /// Rounds half away from zero to `decimals` decimals, as by hand: 0.125 → 0.13, −0.125 → −0.13.
    /// The value is first read to 12 significant digits, so that binary noise does not decide a tie:
    /// 0.70·0.05 is stored as 0.034999…96, but on paper it is 0.035 and rounds to 0.04.
    public static func round(_ x: Double, _ decimals: Int) -> Double {
        guard x.isFinite, x != 0 else { return x }
        let d = max(0, min(decimals, 15))
        guard abs(x) < 1e15 else { return x }
        // Fast path: far from a tie, binary rounding gives the same answer as the decimal one.
        let scaled = abs(x) * pow(10, Double(d))
        let frac = scaled - scaled.rounded(.down)
        if scaled < 1e12, abs(frac - 0.5) > 1e-6 {
            let v = scaled.rounded(.toNearestOrAwayFromZero) / pow(10, Double(d))
            return x < 0 ? -v : v
        }
        let text = String(format: "%.11e", abs(x))
        guard var dec = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            return (x * pow(10, Double(d))).rounded(.toNearestOrAwayFromZero) / pow(10, Double(d))
        }
        var result = Decimal()
        NSDecimalRound(&result, &dec, d, .plain)
        let v = Double(truncating: result as NSNumber)
        return x < 0 ? -v : v
    }

    /// Half a unit in the `decimals`-th decimal: 2 → 0.005.
    public static func halfUnit(_ decimals: Int) -> Double {
        0.5 * pow(10, -Double(max(0, min(decimals, 300))))
    }

    /// Whether `written` is within half a unit of its last decimal place of `expected`
    /// (with a hair of slack for binary floating point).
    public static func agrees(_ written: Double, _ expected: Double, halfUnit: Double) -> Bool {
        guard written.isFinite, expected.isFinite else { return false }
        let slack = 1e-9 * halfUnit + 1e-12 * max(1, abs(expected))
        return abs(written - expected) <= halfUnit + slack
    }
}
