import ArgumentParser

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "(not available yet)")
    func run() throws { throw NotYetAvailable(command: "build") }
}
