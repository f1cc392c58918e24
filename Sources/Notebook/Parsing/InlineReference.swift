/// `{{name.field}}`, `{{fwd.a[2][1]:4}}`: a value a cell computed, printed inside prose.
public struct InlineReference: Equatable, Sendable {
    public enum Step: Equatable, Sendable {
        case field(String)
        case index(Int)
    }

    public var name: String
    public var path: [Step]
    /// Decimals to show; nil means the referenced cell's own `digits`.
    public var digits: Int?
    public var location: SourceLocation
    /// UTF-8 offsets of the whole `{{…}}` token in its prose text.
    public var range: Range<Int>
    /// The token as written, for messages.
    public var text: String

    /// "a[2][1]" style text of the path.
    public var pathText: String {
        path.enumerated().map { i, s -> String in
            switch s {
            case .field(let f): return (i == 0 ? "" : ".") + f
            case .index(let k): return "[\(k)]"
            }
        }.joined()
    }

    /// Finds every reference in `text` (skipping `code spans`); `firstLine` is the text's first line in the file.
    static func scan(_ text: String, file: String, firstLine: Int) throws -> [InlineReference] {
        var found: [InlineReference] = []
        let bytes = Array(text.utf8)
        var i = 0, line = firstLine, lineStart = 0
        var inCode = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") { line += 1; lineStart = i + 1; inCode = false; i += 1; continue }
            if b == UInt8(ascii: "`") { inCode.toggle(); i += 1; continue }
            if !inCode, b == UInt8(ascii: "{"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "{") {
                let column = String(decoding: bytes[lineStart..<i], as: UTF8.self).unicodeScalars.count + 1
                let loc = SourceLocation(file: file, line: line, column: column)
                var j = i + 2
                while j + 1 < bytes.count, !(bytes[j] == UInt8(ascii: "}") && bytes[j + 1] == UInt8(ascii: "}")),
                      bytes[j] != UInt8(ascii: "\n") { j += 1 }
                guard j + 1 < bytes.count, bytes[j] == UInt8(ascii: "}") else {
                    throw LessonError("'{{' is not closed by '}}' on the same line", at: loc)
                }
                let inner = String(decoding: bytes[(i + 2)..<j], as: UTF8.self)
                let token = String(decoding: bytes[i..<(j + 2)], as: UTF8.self)
                var ref = try parse(inner, at: loc, token: token)
                ref.range = i..<(j + 2)
                found.append(ref)
                i = j + 2
                continue
            }
            i += 1
        }
        return found
    }

    static func parse(_ inner: String, at loc: SourceLocation, token: String) throws -> InlineReference {
        let expected = "expected a reference like {{name.field}} or {{name.field:4}} (e.g. {{fwd.a[2][1]:4}})"
        let s = Array(inner.trimmingCharacters(in: .whitespaces).unicodeScalars)
        var k = 0
        func isWord(_ c: Unicode.Scalar) -> Bool {
            c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-"
        }
        func word() -> String {
            var w = ""
            while k < s.count, isWord(s[k]) { w.unicodeScalars.append(s[k]); k += 1 }
            return w
        }
        let name = word()
        guard !name.isEmpty else { throw LessonError("\(token): \(expected)", at: loc) }
        var path: [Step] = []
        var digits: Int?
        while k < s.count {
            if s[k] == "." {
                k += 1
                let f = word()
                guard !f.isEmpty else { throw LessonError("\(token): expected a field name after '.'", at: loc) }
                path.append(.field(f))
            } else if s[k] == "[" {
                k += 1
                let n = word()
                guard let v = Int(n), k < s.count, s[k] == "]" else {
                    throw LessonError("\(token): expected a number in brackets, like [1]", at: loc)
                }
                k += 1
                path.append(.index(v))
            } else if s[k] == ":" {
                k += 1
                let n = word()
                guard let v = Int(n), (0...12).contains(v), k == s.count else {
                    throw LessonError("\(token): expected the number of decimals (0 to 12) after ':'", at: loc)
                }
                digits = v
            } else {
                throw LessonError("\(token): unexpected '\(s[k])'; \(expected)", at: loc)
            }
        }
        guard case .field = path.first else {
            throw LessonError("\(token): expected a field after '\(name)', like {{\(name).accuracy}}", at: loc)
        }
        return InlineReference(name: name, path: path, digits: digits, location: loc, range: 0..<0, text: token)
    }
}

import Foundation
