import Testing
@testable import Notebook

/// Builds a lesson text from lines, so tests can count lines by eye: line N is `lines[N-1]`.
func lessonText(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

let header = ["---", "title: Thử nghiệm", "lesson: 5", "lang: vi", "course: Mạng nơ-ron", "author: nnbook", "---"]

/// The single error a bad lesson produces.
func parseError(_ lines: [String], file: String = "t.md") -> LessonError? {
    do {
        _ = try LessonParser.parse(lessonText(lines), file: file)
        return nil
    } catch let e as LessonErrors {
        return e.errors.first
    } catch {
        return nil
    }
}

@Suite struct LessonParserTests {
    @Test func readsFrontMatterProseAndCells() throws {
        let lines = header + [
            "",                                   // 8
            "# Lan truyền xuôi",                   // 9
            "",                                   // 10
            "```nn network",                      // 11
            "name: ex232",                        // 12
            "layers: [2, 3, 2]",                  // 13
            "activation: sigmoid",                // 14
            "weights:",                           // 15
            "  - [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]",
            "  - [[0.7, 0.8], [0.9, 0.1], [0.2, 0.3]]",
            "```",                                // 18
            "Kết quả: {{fwd.a[2][1]:4}} và {{ex232.layers}}.",  // 19
            "```python",                          // 20
            "print('{{not.a.reference}}')",       // 21
            "```",                                // 22
            "```nn forward",                      // 23
            "network: ex232",
            "input: [0.5, 1.0]",
            "show: both",
            "```",
        ]
        let lesson = try LessonParser.parse(lessonText(lines), file: "a.md")
        #expect(lesson.frontMatter == FrontMatter(title: "Thử nghiệm", lesson: 5, lang: .vi, course: "Mạng nơ-ron", author: "nnbook"))
        #expect(lesson.cells.count == 2)
        #expect(lesson.cells[0].kind == .network)
        #expect(lesson.cells[0].location == SourceLocation(file: "a.md", line: 11, column: 1))
        #expect(lesson.cells[0].options.name?.value == "ex232")
        guard case .network(let net) = lesson.cells[0].spec else { Issue.record("not a network spec"); return }
        #expect(net.layers == [2, 3, 2])
        #expect(net.weights?[1] == [[0.7, 0.8], [0.9, 0.1], [0.2, 0.3]])
        #expect(net.bias == .none)
        guard case .forward(let fwd) = lesson.cells[1].spec else { Issue.record("not a forward spec"); return }
        #expect(fwd.show == .both)
        #expect(fwd.network.value == "ex232")
        #expect(fwd.network.location == SourceLocation(file: "a.md", line: 24, column: 10))
        guard case .rows(let rows, _) = fwd.input else { Issue.record("input not rows"); return }
        #expect(rows == [[0.5, 1.0]])

        let refs = lesson.segments.compactMap { s -> [InlineReference]? in
            if case .prose(let p) = s { return p.references } else { return nil }
        }.flatMap { $0 }
        #expect(refs.count == 2)   // the one inside ```python is left alone
        #expect(refs[0].name == "fwd" && refs[0].path == [.field("a"), .index(2), .index(1)] && refs[0].digits == 4)
        #expect(refs[0].location == SourceLocation(file: "a.md", line: 19, column: 10))
        #expect(refs[1].path == [.field("layers")] && refs[1].digits == nil)
    }

    @Test func unknownCellKindSuggestsTheNearest() {
        let e = parseError(header + ["", "```nn forwrd", "network: x", "input: [1]", "```"])
        #expect(e?.location == SourceLocation(file: "t.md", line: 9, column: 7))
        #expect(e?.message.contains("unknown cell kind 'forwrd'; did you mean 'forward'?") == true)
        #expect(e?.description.hasPrefix("t.md:9:7: error: ") == true)
    }

    @Test func unknownKeySuggestsTheNearestAndNamesTheCell() {
        let e = parseError(header + ["```nn forward", "name: f1", "network: x", "inptu: [1, 2]", "```"])
        #expect(e?.location == SourceLocation(file: "t.md", line: 11, column: 1))
        #expect(e?.cell == "`nn forward` cell 'f1'")
        #expect(e?.message == "unknown key 'inptu'; did you mean 'input'?")
    }

    @Test func malformedYAMLPointsIntoTheFile() {
        // Line 11 has an unclosed flow sequence; libyaml reports it relative to the body.
        let e = parseError(header + ["Prose.", "```nn forward", "network: x", "input: [0.5, 1.0", "show: both", "```"])
        #expect(e?.message.hasPrefix("malformed YAML") == true)
        #expect(e.map { $0.location.line >= 11 && $0.location.line <= 12 } == true, "got \(String(describing: e))")
        let e2 = parseError(header + ["```nn network", "layers: [2, 1]", "  weights: x", "```"])
        #expect(e2?.location.line == 10, "got \(String(describing: e2))")
        #expect(e2?.message.hasPrefix("malformed YAML") == true)
    }

    @Test func indentedFenceShiftsColumns() {
        let e = parseError(header + ["  ```nn forward", "  network: x", "  inptu: [1]", "  ```"])
        #expect(e?.location == SourceLocation(file: "t.md", line: 10, column: 3))
    }

    @Test func tabIndentationIsNamed() {
        let e = parseError(header + ["```nn network", "layers: [2, 1]", "weights:", "\t- [[1], [2]]", "```"])
        #expect(e?.location == SourceLocation(file: "t.md", line: 11, column: 1))
        #expect(e?.message.contains("tab") == true)
    }

    @Test func weightShapesNameBothShapes() {
        let e = parseError(header + ["```nn network", "layers: [2, 3]", "weights:", "  - [[1, 2], [3, 4], [5, 6]]", "```"])
        #expect(e?.location == SourceLocation(file: "t.md", line: 11, column: 5))
        #expect(e?.message.contains("must be 2×3") == true && e?.message.contains("found 3×2") == true)
    }

    @Test func outInLayoutIsTransposed() throws {
        let lesson = try LessonParser.parse(lessonText(header + [
            "```nn network", "layers: [2, 3]", "weights-layout: out-in", "weights:", "  - [[1, 2], [3, 4], [5, 6]]", "```"]), file: "t.md")
        guard case .network(let n) = lesson.cells[0].spec else { Issue.record("no network"); return }
        #expect(n.weights == [[[1, 3, 5], [2, 4, 6]]])
    }

    @Test func badChoiceValueSuggests() {
        let e = parseError(header + ["```nn forward", "network: x", "input: [1]", "show: per-nueron", "```"])
        #expect(e?.location == SourceLocation(file: "t.md", line: 11, column: 7))
        #expect(e?.message.contains("did you mean 'per-neuron'?") == true)
    }

    @Test func frontMatterProblems() {
        #expect(parseError(["# no front matter"])?.location.line == 1)
        let e = parseError(["---", "title: X", "lang: fr", "---"])
        #expect(e?.location == SourceLocation(file: "t.md", line: 3, column: 7))
        let e2 = parseError(["---", "title: X", "lang: en", "lesons: 3", "---"])
        #expect(e2?.location == SourceLocation(file: "t.md", line: 4, column: 1))
        #expect(e2?.message.contains("did you mean 'lesson'?") == true)
    }

    @Test func unclosedCellAndMissingKind() {
        let e = parseError(header + ["```nn forward", "network: x"])
        #expect(e?.location.line == 8 && e?.message.contains("not closed") == true)
        let e2 = parseError(header + ["```nn", "x: 1", "```"])
        #expect(e2?.location.line == 8 && e2?.message.contains("expected a cell kind") == true)
    }

    @Test func duplicateNamesAndKeys() {
        let e = parseError(header + ["```nn graph", "name: g", "x: 1", "w: 5", "b: 1", "y: 2", "```",
                                     "```nn graph", "name: g", "x: 1", "w: 5", "b: 1", "y: 2", "```"])
        #expect(e?.location == SourceLocation(file: "t.md", line: 16, column: 7))
        #expect(e?.message.contains("already used by the cell at line 8") == true)
        let e2 = parseError(header + ["```nn graph", "x: 1", "x: 2", "w: 5", "b: 1", "y: 2", "```"])
        #expect(e2 != nil && e2!.location.line >= 9)
    }

    @Test func allBadCellsAreReported() {
        do {
            _ = try LessonParser.parse(lessonText(header + ["```nn forwad", "```", "```nn graph", "x: 1", "```"]), file: "t.md")
            Issue.record("expected errors")
        } catch let e as LessonErrors {
            #expect(e.errors.map(\.location.line) == [8, 10])
        } catch { Issue.record("\(error)") }
    }

    @Test func badReferences() {
        let e = parseError(header + ["Giá trị {{fwd}} ở đây."])
        #expect(e?.location == SourceLocation(file: "t.md", line: 8, column: 9))
        #expect(e?.message.contains("expected a field") == true)
        let e2 = parseError(header + ["x {{fwd.a[x]}}"])
        #expect(e2?.message.contains("number in brackets") == true)
        let e3 = parseError(header + ["x {{fwd.a"])
        #expect(e3?.message.contains("not closed") == true)
        // Inside a code span the braces are literal text.
        #expect(parseError(header + ["Viết `{{fwd}}` như thế này."]) == nil)
    }

    @Test func editDistance() {
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.nearest(to: "learning_rate", in: CellKind.backward.allowedKeys) == "learning-rate")
        #expect(Suggestion.nearest(to: "zzzzzz", in: ["network", "input"]) == nil)
    }
}
