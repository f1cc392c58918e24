/// The 8×8 handwritten digits (UCI "Optical Recognition of Handwritten Digits", E. Alpaydin and
/// C. Kaynak, 1998, CC BY 4.0; scikit-learn's `load_digits`): the "mini MNIST" of the HUFLIT slides.
///
/// The text is the CSV of `Lessons/data/digits.csv`: one image per line, 64 integer pixels 0…16 row by
/// row, then the digit 0…9; no header. Neural does no I/O: the caller reads the file and passes its text.
public enum Digits {
    public static let side = 8
    public static let pixelCount = 64
    /// The largest pixel value (a pixel counts set bits in a 4×4 block of the 32×32 original).
    public static let maxPixel = 16.0

    /// Parses the CSV text. With `normalize`, pixels are divided by 16 into [0, 1] (the slides scale
    /// the digits into [0, 1] before training); otherwise they stay 0…16.
    /// Errors name the line (and the column for a bad value). Blank lines are skipped.
    public static func parse(csv text: String, normalize: Bool = false) throws -> Dataset {
        // Well-formed text (only digits, commas, line breaks) is read byte by byte; anything else goes
        // through the CSV reader, which also gives the error messages.
        if let (pixels, labels) = fastParse(text, normalize: normalize) {
            return try dataset(pixels: pixels, labels: labels)
        }
        var pixels: [Double] = []
        var labels: [Int] = []
        let fieldCount = pixelCount + 1
        for record in try CSV.parse(text) {
            let fields = record.fields
            guard fields.count == fieldCount else {
                throw DataError("expected \(fieldCount) comma-separated values (64 pixels and the label), found \(fields.count)",
                                line: record.line)
            }
            for (j, field) in fields.enumerated() {
                let text = Substring(field).trimmingSpaces
                guard let v = Int(text) else {
                    throw DataError("expected an integer, found “\(text)”", line: record.line, column: j + 1)
                }
                if j < pixelCount {
                    guard v >= 0, Double(v) <= maxPixel else {
                        throw DataError("pixel value \(v) is outside 0…16", line: record.line, column: j + 1)
                    }
                    pixels.append(normalize ? Double(v) / maxPixel : Double(v))
                } else {
                    guard (0...9).contains(v) else {
                        throw DataError("the label \(v) is not a digit 0…9", line: record.line, column: j + 1)
                    }
                    labels.append(v)
                }
            }
        }
        return try dataset(pixels: pixels, labels: labels)
    }

    private static func dataset(pixels: [Double], labels: [Int]) throws -> Dataset {
        guard !labels.isEmpty else { throw DataError("the digits text has no rows") }
        let x = Matrix(rows: labels.count, cols: pixelCount, storage: pixels)
        let names = (0..<pixelCount).map { "p\($0 / side + 1),\($0 % side + 1)" }
        return try Dataset(name: "digits", x: x, labels: labels, featureNames: names,
                           classNames: (0...9).map(String.init), imageShape: ImageShape(width: side, height: side))
    }
}

extension Digits {
    /// Reads lines of exactly 65 unsigned integers (pixels ≤ 16, label ≤ 9) separated by commas, with
    /// LF or CRLF line ends and blank lines allowed; nil on anything else (the slow path reports it).
    static func fastParse(_ text: String, normalize: Bool) -> ([Double], [Int])? {
        var pixels: [Double] = []
        var labels: [Int] = []
        pixels.reserveCapacity(1797 * pixelCount)
        var field = 0, value = 0, digits = 0
        var afterCR = false
        let scale = normalize ? 1 / maxPixel : 1
        func endField() -> Bool {
            guard digits > 0 else { return false }
            if field < pixelCount {
                guard value <= 16 else { return false }
                pixels.append(Double(value) * scale)
            } else {
                guard field == pixelCount, value <= 9 else { return false }
                labels.append(value)
            }
            field += 1; value = 0; digits = 0
            return true
        }
        for b in text.utf8 {
            if afterCR && b != UInt8(ascii: "\n") { return nil }    // a lone CR: let the CSV reader decide
            afterCR = false
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                guard digits <= 3 else { return nil }
                value = value * 10 + Int(b &- UInt8(ascii: "0"))
            case UInt8(ascii: ","):
                guard field < pixelCount, endField() else { return nil }
            case UInt8(ascii: "\n"):
                if field == 0 && digits == 0 { continue }           // blank line
                guard endField(), field == pixelCount + 1 else { return nil }
                field = 0
            case UInt8(ascii: "\r"):
                afterCR = true
            default:
                return nil
            }
        }
        if field > 0 || digits > 0 {
            guard endField(), field == pixelCount + 1 else { return nil }
        }
        return (pixels, labels)
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs (Foundation-free).
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}
