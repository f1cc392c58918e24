import Canvas
import Foundation
import Typeset

/// A lesson ready for typesetting: its document (without the solutions), its solutions section
/// (moved to an appendix in a handout), and every figure in order (for fig-NN files).
public struct AssembledLesson {
    public var path: String
    public var frontMatter: FrontMatter
    public var document: Document
    /// The blocks under `## Lời giải` / `## Solutions` (nil when the lesson has none), opening with a
    /// `.numbering` block so that their figures go on with the lesson's numbers wherever they are set.
    public var solutions: [Block]?
    public var figures: [any Drawable]
    public var cellCount: Int

    /// The lesson alone: the solutions follow after a page break.
    public var standalone: Document {
        var d = document
        if let s = solutions {
            d.blocks.append(.pageBreak)
            d.blocks.append(.heading(level: 2, text: Self.solutionsHeading(frontMatter.lang)))
            d.blocks += s
        }
        return d
    }

    public static func exercisesHeading(_ lang: LessonLanguage) -> String { lang == .vi ? "Bài tập" : "Exercises" }
    public static func solutionsHeading(_ lang: LessonLanguage) -> String { lang == .vi ? "Lời giải" : "Solutions" }
}

/// Turns a run lesson (prose and what its cells show) into Typeset blocks.
public struct DocumentAssembler {
    public init() {}

    public func assemble(_ output: LessonOutput) throws -> AssembledLesson {
        let lesson = output.lesson
        let fm = lesson.frontMatter
        let words = Words.of(fm.lang)
        let maker = FigureMaker(words: words)
        var main: [Block] = [], solutions: [Block]? = nil
        var figures: [any Drawable] = []
        var exercisesLine: Int?, solutionsLine: Int?

        func append(_ blocks: [Block]) {
            if solutions != nil { solutions! += blocks } else { main += blocks }
        }

        for part in output.parts {
            switch part {
            case .prose(let text, let firstLine):
                // Split the prose at the solutions heading (dropped: the appendix or page break adds its own);
                // note where the exercises heading is.
                var chunk: [String] = [], chunkStart = firstLine
                func flush() throws {
                    if !chunk.isEmpty { append(try markdown(chunk.joined(separator: "\n"), firstLine: chunkStart, file: lesson.path)) }
                    chunk = []
                }
                for (k, line) in text.components(separatedBy: "\n").enumerated() {
                    let t = line.trimmingCharacters(in: .whitespaces)
                    if t == "## " + AssembledLesson.exercisesHeading(fm.lang) { exercisesLine = firstLine + k }
                    if t == "## " + AssembledLesson.solutionsHeading(fm.lang), solutionsLine == nil {
                        try flush()
                        solutionsLine = firstLine + k
                        // Wherever the solutions go (the appendix of a handout), their figures and tables
                        // go on with this lesson's numbers (Hình 3.4 after the lesson's Hình 3.3).
                        solutions = [.numbering(lesson: fm.lesson)]
                        chunkStart = firstLine + k + 1
                        continue
                    }
                    chunk.append(line)
                }
                try flush()
            case .cell(let cell, let shown):
                var blocks: [Block] = []
                for s in shown {
                    switch s {
                    case .paragraph(let t): blocks.append(.paragraph(t))
                    case .math(let t):
                        do { _ = try MathParser.parse(t) } catch {
                            throw cell.error("the worked formula does not typeset (\(error)): \(t.prefix(120))")
                        }
                        blocks.append(.math(t))
                    case .code(let t): blocks.append(.code(t))
                    case .heading(let level, let t): blocks.append(.heading(level: level, text: t))
                    case .table(let t):
                        blocks.append(.table(Table(header: [t.header], rows: t.rows, alignments: t.alignments.map(Self.alignment), caption: t.caption)))
                    case .figure(let request, let caption):
                        let d = try maker.make(request)
                        figures.append(d)
                        blocks.append(.figure(d, caption: caption ?? request.defaultCaption(words)))
                    }
                }
                append(blocks)
            }
        }
        if let e = exercisesLine, solutionsLine == nil {
            throw LessonError("'## \(AssembledLesson.exercisesHeading(fm.lang))' has no '## \(AssembledLesson.solutionsHeading(fm.lang))' section after it; every exercise needs its worked answer",
                              at: SourceLocation(file: lesson.path, line: e, column: 1))
        }
        if let s = solutionsLine, exercisesLine == nil {
            throw LessonError("'## \(AssembledLesson.solutionsHeading(fm.lang))' without a '## \(AssembledLesson.exercisesHeading(fm.lang))' section before it",
                              at: SourceLocation(file: lesson.path, line: s, column: 1))
        }
        let doc = Document(title: fm.title, subtitle: fm.subtitle, course: fm.course ?? "", author: fm.author ?? "",
                           lesson: fm.lesson, language: fm.lang == .vi ? .vi : .en, blocks: main)
        return AssembledLesson(path: lesson.path, frontMatter: fm, document: doc, solutions: solutions, figures: figures,
                               cellCount: lesson.cells.count)
    }

    /// Prose through Typeset's Markdown; its errors point into the lesson file.
    func markdown(_ text: String, firstLine: Int, file: String) throws -> [Block] {
        do {
            return try Markdown.parse(text)
        } catch let e as MarkdownError {
            throw LessonError(e.message, at: SourceLocation(file: file, line: firstLine + e.line - 1, column: 1))
        } catch let e as MathError {
            throw LessonError("math: \(e.message)", at: SourceLocation(file: file, line: firstLine + e.line - 1, column: 1))
        }
    }

    static func alignment(_ a: ShownTable.Alignment) -> Alignment {
        switch a {
        case .left: return .left
        case .center: return .center
        case .right: return .right
        case .decimal: return .decimal
        }
    }
}
