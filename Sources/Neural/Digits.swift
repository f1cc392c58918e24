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
        guard !labels.isEmpty else { throw DataError("the digits text has no rows") }
        let x = Matrix(rows: labels.count, cols: pixelCount, storage: pixels)
        let names = (0..<pixelCount).map { "p\($0 / side + 1),\($0 % side + 1)" }
        return try Dataset(name: "digits", x: x, labels: labels, featureNames: names,
                           classNames: (0...9).map(String.init), imageShape: ImageShape(width: side, height: side))
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
