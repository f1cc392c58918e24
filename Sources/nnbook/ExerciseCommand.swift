import ArgumentParser

struct ExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "exercise", abstract: "(not available yet)")
    func run() throws { throw NotYetAvailable(command: "exercise") }
}
