/// A formula that cannot be typeset: names what was wrong and where (line within the formula,
/// or within the Markdown document when `Markdown.parse` found it).
public struct MathError: Error, CustomStringConvertible, Equatable, Sendable {
    public var message: String
    public var line: Int

    public init(_ message: String, line: Int) {
        self.message = message
        self.line = line
    }

    /// "unknown command \foo at line 3"
    public var description: String { "\(message) at line \(line)" }

    /// The same error with its line counted from `firstLine` (the formula's first line in a document).
    public func offset(by firstLine: Int) -> MathError {
        MathError(message, line: line + firstLine - 1)
    }
}
