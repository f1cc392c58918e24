/// A place in a lesson file: 1-based line and column (columns count Unicode scalars, as editors do).
public struct SourceLocation: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A value read from a lesson together with where it was written.
public struct Located<Value> {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {}

/// What went wrong in a lesson, printed the way compilers print it:
/// `FILE:LINE:COLUMN: error: in `nn forward` cell 'fwd': unknown key 'inptu'; did you mean 'input'?`
public struct LessonError: Error, CustomStringConvertible, Equatable, Sendable {
    public var location: SourceLocation
    /// Which cell, e.g. "`nn forward` cell 'fwd'"; nil for front matter and prose.
    public var cell: String?
    public var message: String

    public init(_ message: String, at location: SourceLocation, cell: String? = nil) {
        self.message = message
        self.location = location
        self.cell = cell
    }

    public var description: String {
        "\(location): error: " + (cell.map { "in \($0): " } ?? "") + message
    }
}

/// Several errors of one lesson (parsing reports every bad cell, not only the first).
public struct LessonErrors: Error, CustomStringConvertible, Sendable {
    public var errors: [LessonError]
    public init(_ errors: [LessonError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
