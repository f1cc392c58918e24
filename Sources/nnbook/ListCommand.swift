import ArgumentParser

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "(not available yet)")
    func run() throws { throw NotYetAvailable(command: "list") }
}
