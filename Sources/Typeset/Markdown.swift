import Foundation

/// Markdown the document cannot be built from: what was wrong and on which line (1-based).
public struct MarkdownError: Error, CustomStringConvertible, Equatable, Sendable {
    public var message: String
    public var line: Int
    public init(_ message: String, line: Int) { self.message = message; self.line = line }
    public var description: String { "line \(line): \(message)" }
}

/// The Markdown subset → blocks: ATX headings (#…####), paragraphs, bullet and numbered lists with
/// nesting, block quotes, pipe tables with alignment (and a `Table: caption` line), fenced code,
/// `$$…$$` display math, `\newpage`. Every formula is checked here, so a bad command is reported
/// with its line in the document.
public enum Markdown {
    public static func parse(_ text: String) throws -> [Block] {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var p = BlockParser(lines: lines.enumerated().map { (text: $0.element, number: $0.offset + 1) })
        return try p.parseBlocks()
    }

    /// Checks the inline math of `text` (which starts on document line `line`).
    static func validateInline(_ text: String, line: Int) throws {
        var lineOffset = 0
        for piece in Inline.parse(text) {
            switch piece {
            case .math(let tex):
                do { _ = try MathParser.parse(tex) } catch let e as MathError {
                    throw e.offset(by: line + lineOffset)
                }
                lineOffset += tex.filter { $0 == "\n" }.count
            case .text(let s, _):
                lineOffset += s.filter { $0 == "\n" }.count
            }
        }
    }
}

struct BlockParser {
    typealias Line = (text: String, number: Int)
    var lines: [Line]
    var i = 0

    init(lines: [Line]) { self.lines = lines }

    static func indent(_ s: String) -> Int {
        var n = 0
        for c in s {
            if c == " " { n += 1 } else if c == "\t" { n += 4 } else { break }
        }
        return n
    }

    static func isBlank(_ s: String) -> Bool { s.allSatisfy { $0 == " " || $0 == "\t" } }

    /// Heading level and text of "## Title".
    static func heading(_ s: String) -> (Int, String)? {
        let t = s.drop { $0 == " " }
        guard BlockParser.indent(s) < 4, t.hasPrefix("#") else { return nil }
        let hashes = t.prefix { $0 == "#" }.count
        guard hashes <= 6 else { return nil }
        let rest = t.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var title = rest.trimmingSpaces()
        // closing #s
        while title.hasSuffix("#") { title.removeLast() }
        return (min(hashes, 4), title.trimmingSpaces())
    }

    /// A list marker: ordered?, width of marker plus following space.
    static func listMarker(_ s: String) -> (ordered: Bool, width: Int)? {
        let ind = BlockParser.indent(s)
        let t = Array(s.drop { $0 == " " || $0 == "\t" })
        guard !t.isEmpty else { return nil }
        if "-*+".contains(t[0]) {
            if t.count == 1 { return (false, ind + 1) }
            if t[1] == " " || t[1] == "\t" {
                // "* * *" or "- - -" is a thematic break, not a list
                if t.filter({ $0 != " " }).allSatisfy({ $0 == t[0] }) && t.filter({ $0 == t[0] }).count >= 3 { return nil }
                return (false, ind + 2)
            }
            return nil
        }
        var k = 0
        while k < t.count && k < 9 && t[k].isASCII && t[k].isNumber { k += 1 }
        guard k > 0, k < t.count, t[k] == "." || t[k] == ")" else { return nil }
        if k + 1 == t.count { return (true, ind + k + 1) }
        guard t[k + 1] == " " else { return nil }
        return (true, ind + k + 2)
    }

    static func fence(_ s: String) -> String? {
        let t = s.drop { $0 == " " }
        guard BlockParser.indent(s) < 4 else { return nil }
        if t.hasPrefix("```") { return "```" }
        if t.hasPrefix("~~~") { return "~~~" }
        return nil
    }

    static func isTableDelimiter(_ s: String) -> Bool {
        let t = s.trimmingSpaces()
        guard t.contains("-"), t.contains("|") || t.contains(":") || t.hasPrefix("-") else { return false }
        return t.allSatisfy { "|:- \t".contains($0) } && t.contains("|")
    }

    static func tableCells(_ s: String) -> [String] {
        var t = s.trimmingSpaces()
        if t.hasPrefix("|") { t.removeFirst() }
        if t.hasSuffix("|") && !t.hasSuffix("\\|") { t.removeLast() }
        var cells: [String] = []
        var cur = ""
        var inCode = false, inMath = false
        var it = t.makeIterator()
        while let c = it.next() {
            if c == "\\" {
                if let n = it.next() {
                    if n == "|" { cur.append("|") } else { cur.append(c); cur.append(n) }
                }
                continue
            }
            if c == "`" { inCode.toggle() }
            if c == "$" && !inCode { inMath.toggle() }
            if c == "|" && !inCode && !inMath {
                cells.append(cur.trimmingSpaces()); cur = ""
            } else {
                cur.append(c)
            }
        }
        cells.append(cur.trimmingSpaces())
        return cells
    }

    static func caption(_ s: String) -> String? {
        let t = s.trimmingSpaces()
        for prefix in ["Table:", "Bảng:", ": "] where t.hasPrefix(prefix) {
            return t.dropFirst(prefix.count).trimmingSpaces()
        }
        return nil
    }

    /// Does line `k` start a block other than a paragraph continuation?
    func startsBlock(_ k: Int) -> Bool {
        let s = lines[k].text
        if BlockParser.heading(s) != nil || BlockParser.fence(s) != nil { return true }
        let t = s.trimmingSpaces()
        if t.hasPrefix("$$") || t.hasPrefix(">") || t == "\\newpage" || t == "\\pagebreak" { return true }
        if BlockParser.listMarker(s) != nil && !BlockParser.isBlank(String(s.dropFirst(BlockParser.listMarker(s)!.width))) { return true }
        if k + 1 < lines.count, s.contains("|"), BlockParser.isTableDelimiter(lines[k + 1].text) { return true }
        return false
    }

    mutating func parseBlocks() throws -> [Block] {
        var blocks: [Block] = []
        var pendingCaption: String? = nil
        while i < lines.count {
            let (s, n) = lines[i]
            let t = s.trimmingSpaces()
            if BlockParser.isBlank(s) { i += 1; continue }
            if let (level, title) = BlockParser.heading(s) {
                try Markdown.validateInline(title, line: n)
                blocks.append(.heading(level: level, text: title))
                i += 1
                continue
            }
            if let f = BlockParser.fence(s) {
                let ind = BlockParser.indent(s)
                var body: [String] = []
                i += 1
                var closed = false
                while i < lines.count {
                    let l = lines[i].text
                    if l.trimmingSpaces().hasPrefix(f) && BlockParser.indent(l) < 4 {
                        closed = true; i += 1; break
                    }
                    body.append(String(l.dropFirst(min(ind, BlockParser.indent(l)))))
                    i += 1
                }
                guard closed else { throw MarkdownError("code block opened with \(f) is never closed", line: n) }
                blocks.append(.code(body.joined(separator: "\n")))
                continue
            }
            if t == "\\newpage" || t == "\\pagebreak" {
                blocks.append(.pageBreak); i += 1; continue
            }
            if t.hasPrefix("$$") {
                let sameLine = t.count > 2
                let tex = try displayMath()
                do { _ = try MathParser.parse(tex) } catch let e as MathError { throw e.offset(by: sameLine ? n : n + 1) }
                blocks.append(.math(tex))
                continue
            }
            if t.hasPrefix(">") {
                var inner: [Line] = []
                while i < lines.count {
                    // Trim as `t` was trimmed (any whitespace, e.g. U+2028), or a line that opened the
                    // quote would not be taken into it and the loop would never advance.
                    let l = lines[i].text.drop { $0.isWhitespace }
                    if l.hasPrefix(">") {
                        var rest = l.dropFirst()
                        if rest.first == " " { rest = rest.dropFirst() }
                        inner.append((String(rest), lines[i].number))
                    } else if !BlockParser.isBlank(lines[i].text) && !inner.isEmpty && !startsBlock(i) {
                        inner.append((String(l), lines[i].number))  // lazy continuation
                    } else { break }
                    i += 1
                }
                var sub = BlockParser(lines: inner)
                blocks.append(.quote(try sub.parseBlocks()))
                continue
            }
            if let m = BlockParser.listMarker(s) {
                blocks.append(try list(ordered: m.ordered))
                continue
            }
            if i + 1 < lines.count, s.contains("|"), BlockParser.isTableDelimiter(lines[i + 1].text) {
                var table = try self.table()
                if table.caption == nil { table.caption = pendingCaption }
                if table.caption == nil, i < lines.count, let c = BlockParser.caption(lines[i].text) {
                    try Markdown.validateInline(c, line: lines[i].number)
                    table.caption = c
                    i += 1
                } else if table.caption == nil {
                    // "Table: …" after a blank line (as pandoc allows) is still this table's caption.
                    var k = i
                    while k < lines.count && BlockParser.isBlank(lines[k].text) { k += 1 }
                    let t = k < lines.count ? lines[k].text.trimmingSpaces() : ""
                    var next = k + 1
                    while next < lines.count && BlockParser.isBlank(lines[next].text) { next += 1 }
                    let tableFollows = next + 1 < lines.count && lines[next].text.contains("|") && BlockParser.isTableDelimiter(lines[next + 1].text)
                    if k > i, !tableFollows, t.hasPrefix("Table:") || t.hasPrefix("Bảng:"), let c = BlockParser.caption(t) {
                        try Markdown.validateInline(c, line: lines[k].number)
                        table.caption = c
                        i = k + 1
                    }
                }
                if pendingCaption != nil, table.caption == pendingCaption { pendingCaption = nil }
                blocks.append(.table(table))
                continue
            }
            if let c = BlockParser.caption(s), t.hasPrefix("Table:") || t.hasPrefix("Bảng:") {
                // a caption before its table
                var k = i + 1
                while k < lines.count && BlockParser.isBlank(lines[k].text) { k += 1 }
                if k + 1 < lines.count, lines[k].text.contains("|"), BlockParser.isTableDelimiter(lines[k + 1].text) {
                    try Markdown.validateInline(c, line: n)
                    pendingCaption = c
                    i = k
                    continue
                }
            }
            // Paragraph: up to a blank line or the start of another block.
            var text = [s.trimmingSpaces()]
            i += 1
            while i < lines.count && !BlockParser.isBlank(lines[i].text) && !startsBlock(i) {
                text.append(lines[i].text.trimmingSpaces())
                i += 1
            }
            let joined = text.joined(separator: "\n")
            try Markdown.validateInline(joined, line: n)
            blocks.append(.paragraph(joined))
        }
        return blocks
    }

    /// $$ … $$ on one line or many; returns the TeX between.
    mutating func displayMath() throws -> String {
        let start = lines[i].number
        var first = lines[i].text.trimmingSpaces()
        first.removeFirst(2)
        if let end = first.range(of: "$$") {
            i += 1
            return String(first[..<end.lowerBound]).trimmingSpaces()
        }
        var body = first.isEmpty ? [] : [first]
        i += 1
        while i < lines.count {
            let l = lines[i].text
            if let end = l.range(of: "$$") {
                let before = String(l[..<end.lowerBound])
                if !BlockParser.isBlank(before) { body.append(before) }
                i += 1
                return body.joined(separator: "\n").trimmingSpaces()
            }
            body.append(l)
            i += 1
        }
        throw MarkdownError("display math opened with $$ is never closed", line: start)
    }

    mutating func list(ordered: Bool) throws -> Block {
        var items: [[Block]] = []
        let baseIndent = BlockParser.indent(lines[i].text)
        while i < lines.count {
            let s = lines[i].text
            guard let m = BlockParser.listMarker(s), m.ordered == ordered,
                  BlockParser.indent(s) >= baseIndent - 1, BlockParser.indent(s) < baseIndent + 2 else { break }
            let contentIndent = m.width
            var inner: [Line] = [(String(s.dropFirst(min(contentIndent, s.count))), lines[i].number)]
            i += 1
            var blankRun = 0
            while i < lines.count {
                let l = lines[i].text
                if BlockParser.isBlank(l) { blankRun += 1; inner.append(("", lines[i].number)); i += 1; continue }
                let ind = BlockParser.indent(l)
                if ind >= contentIndent || (ind > baseIndent && BlockParser.listMarker(l) != nil) {
                    inner.append((String(l.dropFirst(min(contentIndent, ind))), lines[i].number))
                    blankRun = 0
                    i += 1
                } else if blankRun == 0 && BlockParser.listMarker(l) == nil && !startsBlock(i) {
                    inner.append((l.trimmingSpaces(), lines[i].number))  // lazy continuation
                    i += 1
                } else {
                    break
                }
            }
            while let last = inner.last, BlockParser.isBlank(last.text) { inner.removeLast() }
            var sub = BlockParser(lines: inner)
            items.append(try sub.parseBlocks())
            // blank lines between items
            var k = i
            while k < lines.count && BlockParser.isBlank(lines[k].text) { k += 1 }
            if k < lines.count, let next = BlockParser.listMarker(lines[k].text), next.ordered == ordered,
               BlockParser.indent(lines[k].text) < baseIndent + 2, BlockParser.indent(lines[k].text) >= baseIndent - 1 {
                i = k
            } else {
                break
            }
        }
        return .list(ordered: ordered, items: items)
    }

    mutating func table() throws -> Table {
        let headerLine = lines[i]
        let header = BlockParser.tableCells(headerLine.text)
        let specs = BlockParser.tableCells(lines[i + 1].text)
        var aligns: [Alignment?] = specs.map { spec in
            let l = spec.hasPrefix(":"), r = spec.hasSuffix(":")
            if l && r { return .center }
            if r { return .right }
            if l { return .left }
            return nil
        }
        i += 2
        var rows: [[String]] = []
        while i < lines.count, !BlockParser.isBlank(lines[i].text), lines[i].text.contains("|") {
            try Markdown.validateInline(lines[i].text, line: lines[i].number)
            rows.append(BlockParser.tableCells(lines[i].text))
            i += 1
        }
        try Markdown.validateInline(headerLine.text, line: headerLine.number)
        let columns = max(header.count, specs.count)
        while aligns.count < columns { aligns.append(nil) }
        // Columns of numbers line up on the point unless asked for left or centre.
        let resolved: [Alignment] = (0..<columns).map { j in
            let cells = rows.compactMap { j < $0.count ? $0[j] : nil }.filter { !$0.isEmpty }
            let numeric = !cells.isEmpty && cells.allSatisfy(Table.isNumber)
            switch aligns[j] {
            case .some(.left), .some(.center): return aligns[j]!
            case .some(.right): return numeric ? .decimal : .right
            default: return numeric ? .decimal : .left
            }
        }
        return Table(header: [header], rows: rows, alignments: resolved)
    }
}
