import ArgumentParser
import Exercises
import Foundation
import Typeset

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a hand calculation (forward pass and one backprop step) value by value.",
        discussion: """
            FILE.yaml states the network, input, target, loss, learning rate and your answers \
            (z, a, loss, delta, grad-W, grad-b, new-W, new-b; any subset, blanks as ~). \
            Each answer is compared with the expected value: without `rounding` it must agree to \
            the decimals you wrote; with `rounding: N` the expected values are worked rounding to N \
            decimals at every step (each z, then a from the rounded z, and so on) and must agree \
            within half a unit of the N-th decimal. Without `rounding`, a value that misses the \
            exact one only because you carried rounded inputs (right to the decimals you wrote) is \
            accepted and marked so. A wrong value that is right given your own earlier wrong \
            values is marked "carried"; the summary names your first mistake, and each ✗ shows \
            its formula with the numbers put in. Weights (and grad-W, new-W) are read in the \
            file's weights-layout: in-out (a row per neuron of the layer before, as on the slides) \
            or out-in (a row per neuron of the layer, as in Nielsen). Biases: `bias: none`, \
            `per-neuron` or `shared` (one number per layer); `update-bias` defaults to true when \
            there are biases.
            Exit status: 0 all right, 1 some wrong, 2 the file is invalid.
            """)

    @Argument(help: "The verify file (YAML).")
    var file: String

    @Option(name: .long, help: "Also write a one-page feedback sheet to this PDF.")
    var pdf: String?

    @Option(help: "Language of the PDF feedback sheet: vi or en.")
    var lang = "vi"

    @Flag(name: .long, help: "Print a machine-readable result as JSON.")
    var json = false

    @Flag(name: .customLong("show-solution"), help: "Also print the full worked solution.")
    var showSolution = false

    func validate() throws {
        guard lang == "vi" || lang == "en" else { throw ValidationError("--lang must be vi or en; got '\(lang)'") }
    }

    func run() throws {
        let result: CheckResult
        do {
            let contents = try VerifyFile.read(path: file)
            result = try HandChecker.check(contents, fileName: file)
        } catch let e as VerifyFileError {
            if json { print(CheckReport.json(error: e)) } else { FileHandle.standardError.write(Data((e.description + "\n").utf8)) }
            throw ExitCode(2)
        } catch {
            let e = VerifyFileError(file: file, line: 0, message: "\(error)")
            if json { print(CheckReport.json(error: e)) } else { FileHandle.standardError.write(Data((e.description + "\n").utf8)) }
            throw ExitCode(2)
        }
        if json {
            print(CheckReport.json(result, file: file))
        } else {
            print(CheckReport.text(result, file: file, showSolution: showSolution), terminator: "")
        }
        if let pdf {
            do {
                try FeedbackSheet(result: result, file: file, language: lang == "en" ? .en : .vi).write(to: pdf)
            } catch {
                FileHandle.standardError.write(Data("\(pdf): error: \(error)\n".utf8))
                throw ExitCode(2)
            }
        }
        if result.exitStatus != 0 { throw ExitCode(result.exitStatus) }
    }
}
