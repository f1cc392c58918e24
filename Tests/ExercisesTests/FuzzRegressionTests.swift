import Foundation
import XCTest
@testable import Exercises

/// Verify-file inputs the fuzz harness (`make fuzz`, Sources/nnbook-fuzz) found crashing the reader or
/// the checker, kept as regression tests.
final class ExercisesFuzzRegressionTests: XCTestCase {
    static let crashes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/crashes")

    /// Every saved verify crash input is refused with a VerifyFileError or checked (a trap kills the run).
    func testSavedCrashInputsNoLongerCrash() throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Self.crashes.path)) ?? []
        for f in files.sorted() where f.hasPrefix("verify-") {
            let data = try Data(contentsOf: Self.crashes.appendingPathComponent(f))
            guard let text = String(data: data, encoding: .utf8) else { continue }
            do {
                let file = try VerifyFile.parse(text, file: f)
                let result = try HandChecker.check(file, fileName: f)
                _ = CheckReport.text(result, file: f, showSolution: true)
                _ = CheckReport.json(result, file: f)
            } catch is VerifyFileError {
            } catch {
                XCTFail("\(f): \(type(of: error)) is not a VerifyFileError: \(error)")
            }
        }
    }
}
