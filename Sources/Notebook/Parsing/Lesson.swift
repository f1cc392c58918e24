/// A parsed lesson: its front matter, then prose and cells in the order written.
public struct Lesson {
    public var path: String
    public var frontMatter: FrontMatter
    public var segments: [Segment]
    public var cells: [Cell]

    public enum Segment {
        case prose(Prose)
        /// Index into `cells`.
        case cell(Int)
    }
}

/// Markdown between cells, with the references it contains.
public struct Prose {
    public var text: String
    public var firstLine: Int
    public var references: [InlineReference]
}

/// Options every cell accepts.
public struct CommonOptions: Sendable {
    public var name: Located<String>?
    public var echo: Bool
    public var caption: String?
    public var hidden: Bool
    public var digits: Int

    public static let defaultDigits = 4

    init(_ f: CellFields) throws {
        name = try f.locatedString("name")
        if let n = name {
            let ok = n.value.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
            }
            guard ok, !n.value.isEmpty else {
                throw f.error("a name may use letters, digits, '-' and '_' only, found '\(n.value)'", at: n.location)
            }
        }
        echo = try f.bool("echo") ?? false
        caption = try f.string("caption")
        hidden = try f.bool("hidden") ?? false
        digits = try f.int("digits", in: 0...12) ?? Self.defaultDigits
    }
}

/// One executable cell: ```` ```nn KIND ```` with a YAML body.
public struct Cell {
    public var kind: CellKind
    /// 1-based number among the lesson's cells.
    public var number: Int
    /// The opening fence.
    public var location: SourceLocation
    /// The YAML body as written (without the fence's indentation).
    public var source: String
    public var fields: CellFields
    public var options: CommonOptions
    public var spec: CellSpec

    /// "`nn forward` cell 'fwd'" or "`nn forward` cell (the 3rd cell)".
    public var label: String { Cell.label(kind: kind, name: options.name?.value, number: number) }

    static func label(kind: CellKind, name: String?, number: Int) -> String {
        if let name { return "`nn \(kind.rawValue)` cell '\(name)'" }
        return "`nn \(kind.rawValue)` cell #\(number)"
    }

    public func error(_ message: String, at location: SourceLocation? = nil) -> LessonError {
        LessonError(message, at: location ?? self.location, cell: label)
    }
}
