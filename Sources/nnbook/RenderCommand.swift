import ArgumentParser

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "(not available yet)")
    func run() throws { throw NotYetAvailable(command: "render") }
}
