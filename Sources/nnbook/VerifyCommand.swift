import ArgumentParser

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "(not available yet)")
    func run() throws { throw NotYetAvailable(command: "verify") }
}
