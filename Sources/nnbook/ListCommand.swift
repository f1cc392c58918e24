import ArgumentParser
import Foundation
import Notebook

/// `nnbook list`: the lessons of a folder with their titles and cell counts.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the lessons of a folder with their titles and cell counts.",
        discussion: """
            Lessons are DIR/vi/*.md and DIR/en/*.md. A lesson that does not parse is listed with its errors,
            and the exit status is 1.
            Examples:
              nnbook list                 the lessons under Lessons/
              nnbook list MyCourse        another folder of lessons
            """)

    @Argument(help: "The folder of lessons (with vi/ and en/ inside).")
    var dir: String = "Lessons"

    func run() throws {
        var failed = 0
        let files = try LessonCatalog.lessons(in: dir)
        for path in files {
            do {
                let lesson = try LessonParser.parse(file: path)
                let fm = lesson.frontMatter
                let number = fm.lesson.map { String(format: "%2d", $0) } ?? " -"
                let kinds = Dictionary(grouping: lesson.cells, by: \.kind.rawValue).map { "\($0.value.count) \($0.key)" }.sorted()
                print("\(fm.lang.rawValue)  \(number)  \(CLIText.pad(LessonCatalog.stem(path), 32))  \(fm.title)")
                print("            \(lesson.cells.count) cells: \(kinds.joined(separator: ", "))")
            } catch {
                failed += 1
                print("\(path): FAILED")
                FileHandle.standardError.write(Data(("\(error)\n").utf8))
            }
        }
        print("\(files.count) lessons" + (failed > 0 ? ", \(failed) with errors" : ""))
        if failed > 0 { throw ExitCode(1) }
    }
}

enum CLIText {
    /// Pads to a width counted in characters (Vietnamese letters count as one).
    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}
