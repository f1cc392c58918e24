import Foundation
import Testing
@testable import Notebook

/// Runs every lesson under Lessons/ through the executor (no typesetting) when NNBOOK_RUN_LESSONS is set:
/// a quick way to see which lessons fail and why. Building them is covered by the CLI tests.
@Suite struct AllLessonsTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["NNBOOK_RUN_LESSONS"] != nil))
    func everyLessonRuns() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let dir = root.appendingPathComponent("Lessons").path
        let only = ProcessInfo.processInfo.environment["NNBOOK_RUN_LESSONS"] ?? ""
        for path in try LessonCatalog.lessons(in: dir) where only.isEmpty || only == "1" || path.contains(only) {
            let t0 = Date()
            do {
                let lesson = try LessonParser.parse(file: path)
                _ = try Executor(lesson: lesson, dataDirectory: LessonCatalog.dataDirectory(for: path)).run()
                print("OK \(LessonCatalog.stem(path)) \(String(format: "%.2f", Date().timeIntervalSince(t0)))s")
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}
