import Foundation

/// Runs the built `nnbook` executable and the poppler tools, in temporary folders.
enum CLI {
    /// The nnbook binary beside the test bundle (SwiftPM builds it because CLITests depends on it).
    static var executable: String {
        let fm = FileManager.default
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("nnbook").path
            if fm.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/nnbook").path
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ program: String, _ args: [String], in dir: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        if let dir { p.currentDirectoryURL = URL(fileURLWithPath: dir) }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read before waiting, so a full pipe cannot block the child.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func nnbook(_ args: [String], in dir: String? = nil) throws -> Result { try run(executable, args, in: dir) }

    /// The text of a PDF, as pdftotext reads it.
    static func pdfText(_ path: String) throws -> String {
        try run("/usr/bin/pdftotext", ["-layout", path, "-"]).stdout
    }

    /// A fresh temporary folder with `files` (relative path → text) written in it.
    static func folder(_ files: [String: String]) throws -> String {
        let dir = NSTemporaryDirectory() + "nnbook-cli-\(UUID().uuidString)"
        for (path, text) in files {
            let full = (dir as NSString).appendingPathComponent(path)
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return dir
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}

/// A lesson file from its front matter fields and body lines: body line k is file line 7 + k.
func lesson(_ title: String, lang: String = "vi", number: Int = 1, _ body: [String]) -> String {
    (["---", "title: \(title)", "lesson: \(number)", "lang: \(lang)", "course: Kiểm thử", "author: test", "---"] + body)
        .joined(separator: "\n") + "\n"
}
