import Foundation

/// Reads a lesson file: front matter, prose, and fenced ```` ```nn KIND ```` cells whose bodies are YAML.
/// Every problem is reported with the file, line and column where it is written; all bad cells are
/// reported at once (`LessonErrors`), not only the first.
public enum LessonParser {
    public static func parse(file path: String) throws -> Lesson {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LessonErrors([LessonError("cannot read the file", at: SourceLocation(file: path, line: 1, column: 1))])
        }
        do { try Limits.current.checkLessonSize(data.count, file: path) } catch let e as LessonError { throw LessonErrors([e]) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LessonErrors([LessonError("the file is not UTF-8 text", at: SourceLocation(file: path, line: 1, column: 1))])
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws -> Lesson {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        var errors: [LessonError] = []
        var frontMatter: FrontMatter?
        var index = 0

        // Front matter: "---" on line 1, YAML, "---".
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---" {
            guard let end = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "---" }) else {
                throw LessonErrors([LessonError("the front matter that starts here is not closed by a '---' line",
                                                at: SourceLocation(file: file, line: 1, column: 1))])
            }
            let origin = YAMLOrigin(file: file, firstLine: 2, indent: 0,
                                    header: SourceLocation(file: file, line: 1, column: 1))
            do {
                let fields = try origin.parseMapping(lines[1..<end].joined(separator: "\n"), cellLabel: "the front matter")
                frontMatter = try FrontMatter(fields)
            } catch let e as LessonError {
                errors.append(e)
            }
            index = end + 1
        } else {
            errors.append(LessonError("expected front matter first: a '---' line, then title, lesson, lang (vi or en), course, author, then '---'",
                                      at: SourceLocation(file: file, line: 1, column: 1)))
        }

        var segments: [Lesson.Segment] = []
        var cells: [Cell] = []
        var cellCount = 0
        var prose: [String] = []
        var proseStart = index + 1

        func flushProse() {
            defer { prose = [] }
            guard prose.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return }
            let text = prose.joined(separator: "\n")
            do {
                let refs = try scanReferences(text, file: file, firstLine: proseStart)
                segments.append(.prose(Prose(text: text, firstLine: proseStart, references: refs)))
            } catch let e as LessonError {
                errors.append(e)
            } catch {
                errors.append(LessonError("\(error)", at: SourceLocation(file: file, line: proseStart, column: 1)))
            }
        }

        while index < lines.count {
            let line = lines[index]
            guard let fence = Fence(line) else {
                if prose.isEmpty { proseStart = index + 1 }
                prose.append(line)
                index += 1
                continue
            }
            // Find the closing fence.
            var close = index + 1
            while close < lines.count, !fence.isClosed(by: lines[close]) { close += 1 }
            let fenceLocation = SourceLocation(file: file, line: index + 1, column: fence.indent + 1)

            guard fence.isCell else {
                // An ordinary code block: prose (references inside it are not substituted).
                if prose.isEmpty { proseStart = index + 1 }
                prose.append(contentsOf: lines[index..<min(close + 1, lines.count)])
                index = close + 1
                continue
            }
            flushProse()
            cellCount += 1
            let number = cellCount
            guard close < lines.count else {
                errors.append(LessonError("this cell is not closed: expected a '\(fence.marker)' line before the end of the file",
                                          at: fenceLocation, cell: "`nn \(fence.kindWord)` cell #\(number)"))
                index = lines.count
                break
            }
            do {
                let cell = try parseCell(fence: fence, number: number, lines: Array(lines[(index + 1)..<close]),
                                         openingLine: index + 1, file: file)
                segments.append(.cell(cells.count))
                cells.append(cell)
            } catch let e as LessonError {
                errors.append(e)
            }
            index = close + 1
            proseStart = index + 1
        }
        flushProse()

        // Names must be unique: a later cell with the same name would silently hide the first.
        var seen: [String: Cell] = [:]
        for c in cells {
            guard let n = c.options.name else { continue }
            if let first = seen[n.value] {
                errors.append(c.error("the name '\(n.value)' is already used by the cell at line \(first.location.line)", at: n.location))
            }
            seen[n.value] = c
        }

        if cells.count > Limits.current.cells {
            errors.append(LessonError("the lesson has \(cells.count) cells, which exceeds the limit of \(Limits.current.cells) cells",
                                      at: cells[Limits.current.cells].location))
        }
        if !errors.isEmpty { throw LessonErrors(errors.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }) }
        return Lesson(path: file, frontMatter: frontMatter!, segments: segments, cells: cells)
    }

    static func parseCell(fence: Fence, number: Int, lines: [String], openingLine: Int, file: String) throws -> Cell {
        let kindLocation = SourceLocation(file: file, line: openingLine, column: fence.kindColumn)
        guard !fence.kindWord.isEmpty else {
            throw LessonError("expected a cell kind after 'nn', one of: " + CellKind.allCases.map(\.rawValue).joined(separator: ", "),
                              at: kindLocation)
        }
        guard let kind = CellKind(rawValue: fence.kindWord) else {
            throw LessonError("unknown cell kind '\(fence.kindWord)'" + Suggestion.hint(for: fence.kindWord, in: CellKind.allCases.map(\.rawValue)),
                              at: kindLocation)
        }
        if let extra = fence.extra {
            throw LessonError("unexpected '\(extra.text)' after the cell kind; options go in the cell body as YAML keys",
                              at: SourceLocation(file: file, line: openingLine, column: extra.column),
                              cell: Cell.label(kind: kind, name: nil, number: number))
        }
        // Remove the fence's indentation from the body (as CommonMark does), and remember it for columns.
        let body = lines.map { l -> String in
            var s = Substring(l)
            var removed = 0
            while removed < fence.indent, s.first == " " { s = s.dropFirst(); removed += 1 }
            return String(s)
        }
        let source = body.joined(separator: "\n")
        let origin = YAMLOrigin(file: file, firstLine: openingLine + 1, indent: fence.indent,
                                header: SourceLocation(file: file, line: openingLine, column: fence.indent + 1))
        var label = Cell.label(kind: kind, name: nil, number: number)
        // A tab in the indentation is the most common YAML slip: say it plainly.
        for (i, l) in body.enumerated() {
            if let tab = l.prefix(while: { $0 == " " || $0 == "\t" }).firstIndex(of: "\t") {
                throw LessonError("a tab in the indentation; YAML indents with spaces",
                                  at: SourceLocation(file: file, line: openingLine + 1 + i,
                                                     column: l.distance(from: l.startIndex, to: tab) + 1 + fence.indent),
                                  cell: label)
            }
        }
        var fields = try origin.parseMapping(source, cellLabel: label)
        let options = try CommonOptions(fields)
        label = Cell.label(kind: kind, name: options.name?.value, number: number)
        fields.cellLabel = label
        try fields.checkKeys(allowed: kind.allowedKeys)
        let spec = try CellSpec.decode(kind: kind, fields: fields)
        return Cell(kind: kind, number: number,
                    location: SourceLocation(file: file, line: openingLine, column: fence.indent + 1),
                    source: source, fields: fields, options: options, spec: spec)
    }

    static func scanReferences(_ text: String, file: String, firstLine: Int) throws -> [InlineReference] {
        // References inside ordinary code blocks are left alone.
        var refs: [InlineReference] = []
        var offset = 0
        var line = firstLine
        var inFence: Fence?
        var chunk: [String] = []
        var chunkStart = (line: firstLine, offset: 0)
        func flush() throws {
            let t = chunk.joined(separator: "\n")
            for var r in try InlineReference.scan(t, file: file, firstLine: chunkStart.line) {
                r.range = (r.range.lowerBound + chunkStart.offset)..<(r.range.upperBound + chunkStart.offset)
                refs.append(r)
            }
            chunk = []
        }
        for l in text.components(separatedBy: "\n") {
            if let f = inFence {
                if f.isClosed(by: l) { inFence = nil; chunkStart = (line + 1, offset + l.utf8.count + 1) }
            } else if let f = Fence(l) {
                try flush()
                inFence = f
            } else {
                if chunk.isEmpty { chunkStart = (line, offset) }
                chunk.append(l)
            }
            offset += l.utf8.count + 1
            line += 1
        }
        try flush()
        return refs
    }
}

/// An opening code fence: up to 3 spaces, then ``` or ~~~ (3 or more), then the info string.
struct Fence {
    var indent: Int
    var marker: String
    var info: String
    /// Column (1-based) of the info string's first character.
    var infoColumn: Int

    init?(_ line: String) {
        let scalars = Array(line.unicodeScalars)
        var i = 0
        while i < scalars.count, scalars[i] == " " { i += 1 }
        guard i <= 3, i < scalars.count, scalars[i] == "`" || scalars[i] == "~" else { return nil }
        let c = scalars[i]
        var j = i
        while j < scalars.count, scalars[j] == c { j += 1 }
        guard j - i >= 3 else { return nil }
        indent = i
        marker = String(String.UnicodeScalarView(scalars[i..<j]))
        var k = j
        while k < scalars.count, scalars[k] == " " || scalars[k] == "\t" { k += 1 }
        infoColumn = k + 1
        info = String(String.UnicodeScalarView(scalars[k...])).trimmingCharacters(in: .whitespaces)
        if c == "`", info.contains("`") { return nil }
    }

    func isClosed(by line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix(marker) else { return false }
        return t.unicodeScalars.allSatisfy { $0 == marker.unicodeScalars.first! }
    }

    private var words: [(text: String, column: Int)] {
        var out: [(String, Int)] = []
        var current = "", start = 0
        for (i, ch) in info.unicodeScalars.enumerated() {
            if ch == " " || ch == "\t" {
                if !current.isEmpty { out.append((current, start)); current = "" }
            } else {
                if current.isEmpty { start = infoColumn + i }
                current.unicodeScalars.append(ch)
            }
        }
        if !current.isEmpty { out.append((current, start)) }
        return out
    }

    /// `nn KIND`: the info string's first word is "nn" (also "{nn KIND}" is not accepted: keep it plain).
    var isCell: Bool { words.first?.text == "nn" }
    var kindWord: String { words.count > 1 ? words[1].text : "" }
    var kindColumn: Int { words.count > 1 ? words[1].column : infoColumn + 2 }
    var extra: (text: String, column: Int)? {
        words.count > 2 ? (words[2...].map(\.text).joined(separator: " "), words[2].column) : nil
    }
}
