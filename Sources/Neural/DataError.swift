/// A problem with input data (a data file's text or bytes, or values handed to a scaler, splitter or
/// metric), with the line and column when the data came from text.
///
/// `description` reads "line 12, column 3 (km): expected a number, found “abc”"; the caller, who
/// knows the file name, puts it in front.
public struct DataError: Error, CustomStringConvertible, Equatable, Sendable {
    /// 1-based line of the text the data came from, when it came from text.
    public let line: Int?
    /// 1-based row of a table given as rows (not text), when the data came from one.
    public let row: Int?
    /// 1-based column (field number in a CSV row), when known.
    public let column: Int?
    public let message: String

    public init(_ message: String, line: Int? = nil, row: Int? = nil, column: Int? = nil) {
        self.message = message
        self.line = line
        self.row = row
        self.column = column
    }

    public var description: String {
        if let r = row { return column.map { "row \(r), column \($0): \(message)" } ?? "row \(r): \(message)" }
        switch (line, column) {
        case let (l?, c?): return "line \(l), column \(c): \(message)"
        case let (l?, nil): return "line \(l): \(message)"
        case let (nil, c?): return "column \(c): \(message)"
        case (nil, nil): return message
        }
    }
}
