import ArgumentParser

@main
struct NNBook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nnbook",
        abstract: "Turn neural-network lesson scripts into course handouts with worked numbers.",
        discussion: """
            Examples:
              nnbook build Lessons --out output      render every lesson (PDF, PNG pages, figures)
              nnbook render Lessons/vi/06-backprop.md
              nnbook list Lessons
              nnbook verify my-answers.yaml          check a hand calculation step by step
              nnbook exercise --layers 2-3-2 --count 20 --seed 7
              nnbook bench --json                    speed figures against the peer scripts
            """,
        subcommands: [
            BuildCommand.self, RenderCommand.self, ListCommand.self,
            VerifyCommand.self, ExerciseCommand.self, BenchCommand.self,
        ])
}

/// A command whose implementation has not landed yet: says so and exits non-zero.
struct NotYetAvailable: Error, CustomStringConvertible {
    let command: String
    var description: String { "nnbook \(command) is not available in this build yet" }
}
