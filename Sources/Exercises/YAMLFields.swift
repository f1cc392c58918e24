// Reading typed values out of a Yams node tree, with the line of every problem.

import Foundation
import Yams

/// Typed access to YAML nodes; every failure is a `VerifyFileError` naming the line and what was
/// expected. Nothing here indexes past the end of what the file holds.
struct YAMLFields {
    let file: String

    func error(_ node: Node?, _ message: String, fallbackLine: Int = 1) -> VerifyFileError {
        VerifyFileError(file: file, line: node.flatMap(Self.line) ?? fallbackLine, message: message)
    }

    static func line(_ node: Node) -> Int? {
        switch node {
        case .scalar(let s): return s.mark?.line
        case .mapping(let m): return m.mark?.line
        case .sequence(let s): return s.mark?.line
        case .alias(let a): return a.mark?.line
        }
    }

    /// "a list of 3 items", "a mapping", "the text 'abc'", "nothing".
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s):
            if isNull(node) { return "nothing (an empty value)" }
            let text = s.string.count > 40 ? String(s.string.prefix(40)) + "…" : s.string
            return "'\(text)'"
        case .mapping: return "a mapping (key: value pairs)"
        case .sequence(let s): return "a list of \(s.count) item\(s.count == 1 ? "" : "s")"
        case .alias: return "an alias (*name)"
        }
    }

    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    /// The key/value pairs of a mapping, rejecting unknown and repeated keys (suggesting the
    /// nearest known key).
    func mapping(_ node: Node, _ what: String, allowed: [String]) throws -> [String: Node] {
        guard case .mapping(let m) = node else {
            throw error(node, "\(what) must be a mapping of keys (\(allowed.joined(separator: ", "))), found \(Self.describe(node))")
        }
        var out: [String: Node] = [:]
        for (k, v) in m {
            guard case .scalar(let ks) = k else {
                throw error(k, "\(what): a key must be a plain word, found \(Self.describe(k))")
            }
            let key = ks.string
            guard allowed.contains(key) else {
                var msg = "\(what): unknown key '\(key)'"
                if let s = Nearest.suggestion(for: key, among: allowed) { msg += "; did you mean '\(s)'?" }
                else { msg += " (known keys: \(allowed.joined(separator: ", ")))" }
                throw error(k, msg)
            }
            guard out[key] == nil else { throw error(k, "\(what): key '\(key)' appears twice") }
            out[key] = v
        }
        return out
    }

    func required(_ fields: [String: Node], _ key: String, in what: String, at parent: Node?,
                  expecting: String) throws -> Node {
        guard let n = fields[key] else {
            throw error(parent, "missing key '\(key)' in \(what): expected \(expecting)")
        }
        return n
    }

    func string(_ node: Node, _ what: String) throws -> String {
        guard case .scalar(let s) = node, !Self.isNull(node) else {
            throw error(node, "\(what) must be a word, found \(Self.describe(node))")
        }
        return s.string
    }

    func bool(_ node: Node, _ what: String) throws -> Bool {
        guard case .scalar(let s) = node else {
            throw error(node, "\(what) must be true or false, found \(Self.describe(node))")
        }
        switch s.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(node, "\(what) must be true or false, found \(Self.describe(node))")
        }
    }

    func integer(_ node: Node, _ what: String, range: ClosedRange<Int>) throws -> Int {
        guard let n = try? number(node, what), n.decimals == 0, n.value == n.value.rounded(),
              abs(n.value) < 1e9, range.contains(Int(n.value)) else {
            throw error(node, "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), found \(Self.describe(node))")
        }
        return Int(n.value)
    }

    /// A number, keeping the decimals as written in the source.
    func number(_ node: Node, _ what: String) throws -> WrittenNumber {
        guard let n = try optionalNumber(node, what) else {
            throw error(node, "\(what) must be a number, found nothing (an empty value)")
        }
        return n
    }

    /// A number, or nil for an empty value (`~`, `null` or nothing): an answer left blank.
    func optionalNumber(_ node: Node, _ what: String) throws -> WrittenNumber? {
        if Self.isNull(node) { return nil }
        guard case .scalar(let s) = node else {
            throw error(node, "\(what) must be a number, found \(Self.describe(node))")
        }
        if let n = WrittenNumber.parse(s.string, line: s.mark?.line ?? 0) { return n }
        var msg = "\(what) must be a number, found \(Self.describe(node))"
        let t = s.string.trimmingCharacters(in: .whitespaces)
        if t.contains(","), WrittenNumber.parse(t.replacingOccurrences(of: ",", with: ".")) != nil {
            msg += " (write decimals with a point: \(t.replacingOccurrences(of: ",", with: ".")))"
        } else if ["inf", "-inf", "+inf", ".inf", "-.inf", "nan", ".nan"].contains(t.lowercased()) {
            msg = "\(what) must be a finite number, found \(Self.describe(node))"
        }
        throw error(node, msg)
    }

    func sequence(_ node: Node, _ what: String, expecting: String) throws -> [Node] {
        guard case .sequence(let s) = node else {
            throw error(node, "\(what) must be \(expecting), found \(Self.describe(node))")
        }
        return Array(s)
    }

    /// A list of exactly `count` numbers (blanks allowed when `blanks`).
    func vector(_ node: Node, _ what: String, count: Int, blanks: Bool) throws -> [WrittenNumber?] {
        let items = try sequence(node, what, expecting: "a list of \(count) number\(count == 1 ? "" : "s")")
        guard items.count == count else {
            throw error(node, "\(what) has \(items.count) value\(items.count == 1 ? "" : "s"), expected \(count)")
        }
        return try items.enumerated().map { k, item in
            let w = "\(what), value \(k + 1)"
            return blanks ? try optionalNumber(item, w) : try number(item, w)
        }
    }

    /// A rows×cols matrix as a list of rows. A wrong shape names the shape found and the one expected.
    func matrix(_ node: Node, _ what: String, rows: Int, cols: Int, blanks: Bool,
                shapeNote: String) throws -> [[WrittenNumber?]] {
        let expected = "\(rows)×\(cols)"
        let items = try sequence(node, what, expecting: "a \(expected) matrix (a list of \(rows) rows of \(cols) numbers)")
        var rowNodes: [[Node]] = []
        for (r, item) in items.enumerated() {
            guard case .sequence(let s) = item else {
                throw error(item, "\(what): row \(r + 1) must be a list of \(cols) numbers, found \(Self.describe(item)); expected a \(expected) matrix \(shapeNote)")
            }
            rowNodes.append(Array(s))
        }
        let lengths = Set(rowNodes.map(\.count))
        if lengths.count > 1 {
            let firstOdd = rowNodes.firstIndex { $0.count != rowNodes[0].count } ?? 0
            throw error(items[firstOdd], "\(what): row \(firstOdd + 1) has \(rowNodes[firstOdd].count) values but row 1 has \(rowNodes[0].count); expected a \(expected) matrix \(shapeNote)")
        }
        let found = "\(rowNodes.count)×\(rowNodes.first?.count ?? 0)"
        guard rowNodes.count == rows, (rowNodes.first?.count ?? 0) == cols else {
            throw error(node, "\(what) has shape \(found), expected \(expected) \(shapeNote)")
        }
        return try rowNodes.enumerated().map { r, row in
            try row.enumerated().map { c, item in
                let w = "\(what), row \(r + 1), column \(c + 1)"
                return blanks ? try optionalNumber(item, w) : try number(item, w)
            }
        }
    }
}
