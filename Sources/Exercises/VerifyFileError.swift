// An invalid verify file: FILE:LINE: error: what was expected.

/// A problem with a verify file, naming the file, the line and what was expected.
/// `nnbook verify` exits with status 2 on it.
public struct VerifyFileError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = max(0, line)
        self.message = message
    }

    /// "FILE:LINE: error: message" ("FILE: error: message" when no line applies).
    public var description: String {
        line > 0 ? "\(file):\(line): error: \(message)" : "\(file): error: \(message)"
    }
}

/// Levenshtein distance, for "did you mean …?".
enum Nearest {
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = prev
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// The closest candidate when it is close enough to be a likely typo.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let normalized = word.lowercased().replacingOccurrences(of: "_", with: "-")
            .replacingOccurrences(of: " ", with: "-")
        let scored = candidates.map { ($0, distance(normalized, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, best.0.count / 3) ? best.0 : nil
    }
}

import Foundation
