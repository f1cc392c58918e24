import ArgumentParser
import Foundation
import Notebook

/// `nnbook render`: one lesson to PDF, page PNGs and figures.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one lesson (PDF, PNG pages, figures); its solutions follow after a page break.",
        discussion: """
            Writes OUT/<lang>/<lesson>.pdf, OUT/<lang>/<lesson>/page-NN.png and fig-NN.png (and .svg).
            Data files (csv:) are read from the data/ folder beside the lesson's language folder.
            Examples:
              nnbook render Lessons/vi/06-backprop.md
              nnbook render Lessons/en/06-backprop.md --out /tmp/preview --format pdf,svg
            """)

    @Argument(help: "The lesson file (.md).")
    var file: String

    @Option(name: .shortAndLong, help: "Where to write the output.")
    var out: String = "output"

    @Option(help: "Comma-separated output formats: pdf, png, svg.")
    var format: String = "pdf,png"

    func validate() throws { _ = try FormatList.parse(format) }

    func run() throws {
        guard FileManager.default.fileExists(atPath: file) else {
            FileHandle.standardError.write(Data("\(file): error: no such file\n".utf8))
            throw ExitCode(1)
        }
        do { try OutputFolder.prepare(out) } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        var options = BuildOptions(outDir: out, formats: try FormatList.parse(format))
        options.workers = 1
        let summary = BuildRunner.run(paths: [file], options: options, handouts: false)
        throw summary.failed.isEmpty ? ExitCode.success : ExitCode(1)
    }
}
