/// How a run of inline text is set.
public struct InlineStyle: Hashable, Sendable {
    public var bold = false
    public var italic = false
    public var code = false
    public var link = false
    public init(bold: Bool = false, italic: Bool = false, code: Bool = false, link: Bool = false) {
        self.bold = bold; self.italic = italic; self.code = code; self.link = link
    }
}

/// A piece of inline Markdown: text in a style, or a formula.
public enum InlinePiece: Equatable, Sendable {
    case text(String, InlineStyle)
    case math(String)
}

/// Inline Markdown: **bold**, *italic*, `code`, [links](url) (shown as their text), $math$,
/// backslash escapes. Unmatched markers are kept as text.
public enum Inline {
    public static func parse(_ s: String) -> [InlinePiece] {
        var out: [InlinePiece] = []
        parse(Array(s), 0..<s.count, InlineStyle(), into: &out)
        return merged(out)
    }

    static func merged(_ pieces: [InlinePiece]) -> [InlinePiece] {
        var out: [InlinePiece] = []
        for p in pieces {
            if case .text(let s, let st) = p, case .text(let t, let su)? = out.last, st == su {
                out[out.count - 1] = .text(t + s, st)
            } else if case .text(let s, _) = p, s.isEmpty {
                continue
            } else {
                out.append(p)
            }
        }
        return out
    }

    private static let escapable = Set("\\`*_{}[]()#+-.!$|<>~")

    private static func parse(_ c: [Character], _ r: Range<Int>, _ style: InlineStyle, into out: inout [InlinePiece]) {
        var buf = ""
        func flush() { if !buf.isEmpty { out.append(.text(buf, style)); buf = "" } }
        var i = r.lowerBound
        while i < r.upperBound {
            let ch = c[i]
            if ch == "\\", i + 1 < r.upperBound, escapable.contains(c[i + 1]) {
                buf.append(c[i + 1]); i += 2; continue
            }
            if ch == "`" {
                var n = 0
                while i + n < r.upperBound && c[i + n] == "`" { n += 1 }
                if let close = findRun(c, "`", n, from: i + n, r.upperBound) {
                    flush()
                    var code = String(c[(i + n)..<close])
                    if code.hasPrefix(" ") && code.hasSuffix(" ") && code.count > 2 { code = String(code.dropFirst().dropLast()) }
                    var cs = style; cs.code = true
                    out.append(.text(code.replacingNewlines(), cs))
                    i = close + n
                    continue
                }
                buf.append(String(repeating: "`", count: n)); i += n; continue
            }
            if ch == "$" {
                let double = i + 1 < r.upperBound && c[i + 1] == "$"
                let open = double ? 2 : 1
                if let close = findMathClose(c, from: i + open, r.upperBound, double: double) {
                    flush()
                    out.append(.math(String(c[(i + open)..<close]).trimmingSpaces()))
                    i = close + open
                    continue
                }
                buf.append("$"); i += 1; continue
            }
            if ch == "*" || ch == "_" {
                let strong = i + 1 < r.upperBound && c[i + 1] == ch
                let n = strong ? 2 : 1
                let leftOK = ch == "*" || i == r.lowerBound || !(c[i - 1].isLetter || c[i - 1].isNumber)
                if leftOK, i + n < r.upperBound, !c[i + n].isWhitespace,
                   let close = findEmphasisClose(c, ch, n, from: i + n, r.upperBound) {
                    flush()
                    var st = style
                    if strong { st.bold = true } else { st.italic = true }
                    parse(c, (i + n)..<close, st, into: &out)
                    i = close + n
                    continue
                }
                buf.append(ch); i += 1; continue
            }
            if ch == "[" || (ch == "!" && i + 1 < r.upperBound && c[i + 1] == "[") {
                let start = ch == "!" ? i + 1 : i
                if let (textEnd, linkEnd) = findLink(c, from: start, r.upperBound) {
                    flush()
                    var st = style; st.link = ch == "["
                    parse(c, (start + 1)..<textEnd, st, into: &out)
                    i = linkEnd + 1
                    continue
                }
            }
            if ch == "<", let close = (i + 1..<r.upperBound).first(where: { c[$0] == ">" }) {
                let inner = String(c[(i + 1)..<close])
                if inner.hasPrefix("http://") || inner.hasPrefix("https://") || inner.hasPrefix("mailto:") {
                    flush()
                    var st = style; st.link = true
                    out.append(.text(inner, st))
                    i = close + 1
                    continue
                }
            }
            if ch == "\"" || ch == "'" {
                // Typographic quotes, as TeX and pandoc set them: opening after a space or an
                // opening bracket, closing (and the apostrophe) otherwise. Code keeps its quotes.
                var k = i - 1
                while k >= 0 && (c[k] == "*" || c[k] == "_") { k -= 1 }   // emphasis marks do not count
                let prev: Character? = k >= 0 ? c[k] : nil
                let opening = prev.map { $0.isWhitespace || "([{“‘—–/".contains($0) } ?? true
                if ch == "\"" { buf.append(opening ? "“" : "”") } else { buf.append(opening ? "‘" : "’") }
                i += 1
                continue
            }
            buf.append(ch)
            i += 1
        }
        flush()
    }

    private static func findRun(_ c: [Character], _ ch: Character, _ n: Int, from: Int, _ end: Int) -> Int? {
        var k = from
        while k + n <= end {
            if (0..<n).allSatisfy({ c[k + $0] == ch }) && (k + n == end || c[k + n] != ch) && (k == from || c[k - 1] != ch) {
                return k
            }
            k += 1
        }
        return nil
    }

    private static func findMathClose(_ c: [Character], from: Int, _ end: Int, double: Bool) -> Int? {
        guard from < end, !c[from].isWhitespace || double else { return nil }
        var k = from
        while k < end {
            if c[k] == "\\" { k += 2; continue }
            if c[k] == "$" {
                if double {
                    if k + 1 < end && c[k + 1] == "$" { return k }
                } else if !c[k - 1].isWhitespace {
                    // "$5 and $6": a closing $ followed by a digit is not a formula
                    if k + 1 < end && c[k + 1].isNumber { return nil }
                    return k
                }
            }
            k += 1
        }
        return nil
    }

    private static func findEmphasisClose(_ c: [Character], _ ch: Character, _ n: Int, from: Int, _ end: Int) -> Int? {
        var k = from
        while k + n <= end {
            let x = c[k]
            if x == "\\" { k += 2; continue }
            if x == "`" {  // skip code spans
                if let close = (k + 1..<end).first(where: { c[$0] == "`" }) { k = close + 1; continue }
            }
            if x == "$" {
                if let close = (k + 1..<end).first(where: { c[$0] == "$" }) { k = close + 1; continue }
            }
            if x == ch {
                var run = 0
                while k + run < end && c[k + run] == ch { run += 1 }
                if run == n || (run == 3 && n <= 2) || (run > n && n == 1 && run != 2) {
                    let closeAt = run == n ? k : (n == 1 ? k + run - 1 : k + run - 2)
                    let rightOK = ch == "*" || closeAt + n >= end || !(c[closeAt + n].isLetter || c[closeAt + n].isNumber)
                    if !c[k - 1].isWhitespace && rightOK { return closeAt }
                }
                k += run
                continue
            }
            k += 1
        }
        return nil
    }

    private static func findLink(_ c: [Character], from: Int, _ end: Int) -> (Int, Int)? {
        var depth = 0
        var k = from
        while k < end {
            if c[k] == "[" { depth += 1 }
            if c[k] == "]" {
                depth -= 1
                if depth == 0 {
                    guard k + 1 < end, c[k + 1] == "(" else { return nil }
                    guard let close = (k + 2..<end).first(where: { c[$0] == ")" }) else { return nil }
                    return (k, close)
                }
            }
            k += 1
        }
        return nil
    }

    /// The text of inline Markdown with its markers removed (formulas kept as TeX): for the contents.
    public static func plainText(_ s: String) -> String {
        parse(s).map { p -> String in
            switch p {
            case .text(let t, _): return t
            case .math(let m): return m
            }
        }.joined()
    }
}

extension String {
    func replacingNewlines() -> String { String(map { $0 == "\n" ? " " : $0 }) }
}

extension StringProtocol {
    /// Without leading and trailing white space (pure Swift: Foundation's trimming is slow here).
    func trimmingSpaces() -> String {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
