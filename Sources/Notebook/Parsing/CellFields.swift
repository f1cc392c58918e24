import Foundation
import Yams

/// The keys of one YAML mapping (a cell body or the front matter), each with its place in the lesson
/// file, read through typed accessors whose errors point at the offending key or value.
public struct CellFields {
    public struct Entry {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: Node
    }

    public private(set) var entries: [Entry]
    /// Where missing keys are reported: the cell's opening fence (or the front matter's first line).
    public let location: SourceLocation
    /// Maps a YAML mark (relative to the body) to the lesson file.
    let origin: YAMLOrigin
    /// How errors name the cell, e.g. "`nn forward` cell 'fwd'".
    public var cellLabel: String?

    init(mapping: Node.Mapping?, origin: YAMLOrigin, cellLabel: String?) throws {
        self.origin = origin
        self.location = origin.header
        self.cellLabel = cellLabel
        var entries: [Entry] = []
        var seen: Set<String> = []
        for (k, v) in mapping ?? Node.Mapping([]) {
            let keyLoc = origin.location(k.mark)
            guard let key = k.scalar?.string else {
                throw LessonError("a key must be a plain word, like 'name'", at: keyLoc, cell: cellLabel)
            }
            if seen.contains(key) {
                throw LessonError("key '\(key)' is given twice", at: keyLoc, cell: cellLabel)
            }
            seen.insert(key)
            entries.append(Entry(key: key, keyLocation: keyLoc, value: v))
        }
        self.entries = entries
    }

    public var keys: [String] { entries.map(\.key) }

    public func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    public func node(_ key: String) -> Node? { entries.first { $0.key == key }?.value }

    public func keyLocation(_ key: String) -> SourceLocation? { entries.first { $0.key == key }?.keyLocation }

    /// Where the value of `key` is (or the key itself, or the mapping when absent).
    public func location(of key: String) -> SourceLocation {
        if let e = entries.first(where: { $0.key == key }) {
            return e.value.mark.map(origin.location) ?? e.keyLocation
        }
        return location
    }

    public func location(of node: Node) -> SourceLocation { node.mark.map(origin.location) ?? location }

    public func error(_ message: String, at location: SourceLocation) -> LessonError {
        LessonError(message, at: location, cell: cellLabel)
    }

    public func error(_ message: String, key: String) -> LessonError {
        error(message, at: location(of: key))
    }

    public func error(_ message: String, node: Node) -> LessonError {
        error(message, at: location(of: node))
    }

    /// Unknown keys are errors with the nearest valid key suggested.
    public func checkKeys(allowed: [String]) throws {
        for e in entries where !allowed.contains(e.key) {
            throw error("unknown key '\(e.key)'" + Suggestion.hint(for: e.key, in: allowed), at: e.keyLocation)
        }
    }

    // MARK: scalars

    public func string(_ key: String) throws -> String? {
        guard let n = node(key) else { return nil }
        return try Self.stringValue(n, self, what: "'\(key)'")
    }

    public func requiredString(_ key: String) throws -> String {
        guard let s = try string(key) else { throw missing(key, "text") }
        return s
    }

    public func locatedString(_ key: String) throws -> Located<String>? {
        guard let s = try string(key) else { return nil }
        return Located(s, at: location(of: key))
    }

    public func requiredLocatedString(_ key: String) throws -> Located<String> {
        guard let s = try locatedString(key) else { throw missing(key, "a name") }
        return s
    }

    public func double(_ key: String) throws -> Double? {
        guard let n = node(key) else { return nil }
        return try Self.doubleValue(n, self, what: "'\(key)'")
    }

    public func double(_ key: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let v = try double(key) else { return nil }
        guard range.contains(v) else {
            throw error("'\(key)' must be between \(Self.plain(range.lowerBound)) and \(Self.plain(range.upperBound)), found \(Self.plain(v))", key: key)
        }
        return v
    }

    public func positiveDouble(_ key: String) throws -> Double? {
        guard let v = try double(key) else { return nil }
        guard v > 0 else { throw error("'\(key)' must be greater than 0, found \(Self.plain(v))", key: key) }
        return v
    }

    public func int(_ key: String) throws -> Int? {
        guard let n = node(key) else { return nil }
        return try Self.intValue(n, self, what: "'\(key)'")
    }

    public func int(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let v = try int(key) else { return nil }
        guard range.contains(v) else {
            throw error("'\(key)' must be between \(range.lowerBound) and \(range.upperBound), found \(v)", key: key)
        }
        return v
    }

    public func bool(_ key: String) throws -> Bool? {
        guard let n = node(key) else { return nil }
        guard let s = n.scalar?.string else { throw error("'\(key)' must be true or false", node: n) }
        switch s.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("'\(key)' must be true or false, found '\(s)'", node: n)
        }
    }

    /// One of a fixed set of words; a near miss gets a suggestion.
    public func choice(_ key: String, _ options: [String]) throws -> String? {
        guard let n = node(key) else { return nil }
        let s = try Self.stringValue(n, self, what: "'\(key)'")
        guard options.contains(s) else {
            throw error("'\(key)' cannot be '\(s)'" + Suggestion.hint(for: s, in: options), node: n)
        }
        return s
    }

    // MARK: lists and matrices

    public func doubles(_ key: String) throws -> [Double]? {
        guard let n = node(key) else { return nil }
        return try Self.doubleList(n, self, what: "'\(key)'")
    }

    public func ints(_ key: String) throws -> [Int]? {
        guard let n = node(key) else { return nil }
        guard let seq = n.sequence else { throw error("'\(key)' must be a list of whole numbers, like [2, 3, 2]", node: n) }
        return try seq.map { try Self.intValue($0, self, what: "every entry of '\(key)'") }
    }

    public func strings(_ key: String) throws -> [String]? {
        guard let n = node(key) else { return nil }
        if let s = n.scalar?.string { return [s] }
        guard let seq = n.sequence else { throw error("'\(key)' must be a word or a list of words", node: n) }
        return try seq.map { try Self.stringValue($0, self, what: "every entry of '\(key)'") }
    }

    /// Each list entry as a word with its own location.
    public func locatedStrings(_ key: String) throws -> [Located<String>]? {
        guard let n = node(key) else { return nil }
        if let s = n.scalar?.string { return [Located(s, at: location(of: n))] }
        guard let seq = n.sequence else { throw error("'\(key)' must be a word or a list of words", node: n) }
        return try seq.map { Located(try Self.stringValue($0, self, what: "every entry of '\(key)'"), at: location(of: $0)) }
    }

    /// A list of rows of numbers: [[1, 2], [3, 4]]. All rows must have the same length.
    public func rows(_ key: String) throws -> [[Double]]? {
        guard let n = node(key) else { return nil }
        return try Self.rowList(n, self, what: "'\(key)'")
    }

    // MARK: helpers shared with nested values

    static func stringValue(_ n: Node, _ f: CellFields, what: String) throws -> String {
        guard let s = n.scalar?.string else {
            throw f.error("\(what) must be a single word or text, found a \(kindName(n))", node: n)
        }
        return s
    }

    static func doubleValue(_ n: Node, _ f: CellFields, what: String) throws -> Double {
        guard let s = n.scalar?.string else {
            throw f.error("\(what) must be a number, found a \(kindName(n))", node: n)
        }
        guard let v = parseNumber(s) else { throw f.error("\(what) must be a number, found '\(s)'", node: n) }
        guard v.isFinite else { throw f.error("\(what) must be a finite number, found '\(s)'", node: n) }
        return v
    }

    static func intValue(_ n: Node, _ f: CellFields, what: String) throws -> Int {
        guard let s = n.scalar?.string else {
            throw f.error("\(what) must be a whole number, found a \(kindName(n))", node: n)
        }
        let t = s.replacingOccurrences(of: "_", with: "")
        guard let v = Int(t) else { throw f.error("\(what) must be a whole number, found '\(s)'", node: n) }
        return v
    }

    static func doubleList(_ n: Node, _ f: CellFields, what: String) throws -> [Double] {
        if n.scalar != nil { return [try doubleValue(n, f, what: what)] }
        guard let seq = n.sequence else { throw f.error("\(what) must be a list of numbers, like [0.5, 1.0]", node: n) }
        return try seq.map { try doubleValue($0, f, what: "every entry of \(what)") }
    }

    static func rowList(_ n: Node, _ f: CellFields, what: String) throws -> [[Double]] {
        guard let seq = n.sequence else {
            throw f.error("\(what) must be a list of rows, like [[0.1, 0.2], [0.3, 0.4]]", node: n)
        }
        var rows: [[Double]] = []
        for r in seq {
            guard r.sequence != nil else {
                throw f.error("every row of \(what) must be a list of numbers, like [0.1, 0.2]", node: r)
            }
            let row = try doubleList(r, f, what: "a row of \(what)")
            if let first = rows.first, first.count != row.count {
                throw f.error("this row of \(what) has \(row.count) numbers, the first row has \(first.count)", node: r)
            }
            rows.append(row)
        }
        return rows
    }

    static func kindName(_ n: Node) -> String {
        switch n {
        case .scalar: return "single value"
        case .mapping: return "mapping (key: value pairs)"
        case .sequence: return "list"
        case .alias: return "alias"
        }
    }

    /// YAML numbers as people write them: 0.5, -1, 1e-3, .5, 1_000; not "nan" or "inf".
    static func parseNumber(_ s: String) -> Double? {
        let t = s.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
        let lower = t.lowercased()
        if lower.contains("nan") || lower.contains("inf") { return lower.contains("nan") ? .nan : .infinity }
        return Double(t)
    }

    static func plain(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }

    func missing(_ key: String, _ what: String) -> LessonError {
        error("missing key '\(key)' (\(what))", at: location)
    }
}

/// Where a YAML text sits in the lesson file: Yams reports marks relative to the text it parsed.
struct YAMLOrigin {
    var file: String
    /// File line of the YAML text's first line.
    var firstLine: Int
    /// Columns removed from every line before parsing (the fence's indentation).
    var indent: Int
    /// The line that introduces the YAML (the cell's fence, the front matter's '---').
    var header: SourceLocation

    var start: SourceLocation { SourceLocation(file: file, line: firstLine, column: 1 + indent) }

    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return start }
        return SourceLocation(file: file, line: firstLine + mark.line - 1, column: mark.column + indent)
    }

    /// Parses `text` as one YAML mapping (empty text is an empty mapping).
    func parseMapping(_ text: String, cellLabel: String?) throws -> CellFields {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let e as YamlError {
            throw translate(e, cellLabel: cellLabel)
        }
        guard let node else { return try CellFields(mapping: nil, origin: self, cellLabel: cellLabel) }
        guard let mapping = node.mapping else {
            throw LessonError("expected YAML keys, one per line, like 'name: ex1'; found a \(CellFields.kindName(node))",
                              at: location(node.mark), cell: cellLabel)
        }
        return try CellFields(mapping: mapping, origin: self, cellLabel: cellLabel)
    }

    /// A libyaml error with its mark moved from the cell body to the lesson file.
    func translate(_ e: YamlError, cellLabel: String?) -> LessonError {
        func describe(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> LessonError {
            // An unclosed bracket or quote is found lines later; point at where it was opened.
            if let context, context.text.contains("flow") || context.text.contains("quoted") {
                let found = location(mark)
                return LessonError("malformed YAML: \(problem) (\(context.text), noticed at line \(found.line), column \(found.column))",
                                   at: location(context.mark), cell: cellLabel)
            }
            var message = "malformed YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(location(context.mark).line))" }
            return LessonError(message, at: location(mark), cell: cellLabel)
        }
        switch e {
        case let .scanner(context, problem, mark, _): return describe(problem, context, mark)
        case let .parser(context, problem, mark, _): return describe(problem, context, mark)
        case let .composer(context, problem, mark, _): return describe(problem, context, mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            return LessonError("malformed YAML: key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) given twice",
                               at: location(context.mark), cell: cellLabel)
        case let .reader(problem, _, _, _):
            return LessonError("malformed YAML: \(problem)", at: start, cell: cellLabel)
        default:
            return LessonError("malformed YAML: \(e)", at: start, cell: cellLabel)
        }
    }
}
