// A number as the student wrote it: its value and how many decimals it shows.

/// A number read from the source text of the file, so that "0.50" keeps its two decimals.
public struct WrittenNumber: Sendable, Equatable {
    public var value: Double
    /// Decimals as written: "0.25" → 2, "3" → 0, "1.5e-3" → 4.
    public var decimals: Int
    public var text: String
    public var line: Int

    public init(value: Double, decimals: Int, text: String, line: Int = 0) {
        self.value = value
        self.decimals = decimals
        self.text = text
        self.line = line
    }

    /// Parses a decimal number: optional sign, digits, optional fraction, optional exponent.
    /// Returns nil for anything else (no hex, no "inf", no "nan", no thousands separators).
    public static func parse(_ raw: String, line: Int = 0) -> WrittenNumber? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        var chars = Array(text.unicodeScalars)
        guard !chars.isEmpty, chars.count <= 64 else { return nil }
        var k = 0
        if chars[k] == "+" || chars[k] == "-" { k += 1 }
        var intDigits = 0, fracDigits = 0
        while k < chars.count, isDigit(chars[k]) { intDigits += 1; k += 1 }
        if k < chars.count, chars[k] == "." {
            k += 1
            while k < chars.count, isDigit(chars[k]) { fracDigits += 1; k += 1 }
        }
        guard intDigits + fracDigits > 0 else { return nil }
        var exponent = 0
        if k < chars.count, chars[k] == "e" || chars[k] == "E" {
            k += 1
            var sign = 1
            if k < chars.count, chars[k] == "+" || chars[k] == "-" {
                if chars[k] == "-" { sign = -1 }
                k += 1
            }
            var expDigits = 0
            while k < chars.count, isDigit(chars[k]) {
                exponent = exponent * 10 + Int(chars[k].value - 48)
                expDigits += 1
                k += 1
                if expDigits > 3 { return nil }
            }
            guard expDigits > 0 else { return nil }
            exponent *= sign
        }
        guard k == chars.count else { return nil }
        chars.removeAll()
        guard let value = Double(text), value.isFinite else { return nil }
        return WrittenNumber(value: value, decimals: max(0, fracDigits - exponent), text: text, line: line)
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    /// Half a unit of the last written decimal: the tolerance of a full-precision check.
    public var halfUnit: Double { Rounding.halfUnit(decimals) }
}

import Foundation
