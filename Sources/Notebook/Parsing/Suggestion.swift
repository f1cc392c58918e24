/// "Did you mean …?": the nearest word by edit distance (Levenshtein), when it is near enough.
public enum Suggestion {
    /// Number of single-character insertions, deletions and substitutions turning `a` into `b`.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let s = Array(a.lowercased().unicodeScalars), t = Array(b.lowercased().unicodeScalars)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[t.count]
    }

    /// The candidate nearest to `word`, if it is within a third of the word's length (at least 2 edits).
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        var best: (String, Int)?
        for c in candidates {
            let d = editDistance(word, c)
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (candidate, distance) = best else { return nil }
        let limit = max(2, word.count / 3)
        if distance <= limit { return candidate }
        // A prefix or a word that contains the other ("lr" → no; "weight" → "weights") also counts.
        if candidate.hasPrefix(word) || word.hasPrefix(candidate) { return candidate }
        return nil
    }

    /// "; did you mean 'x'?" or, when nothing is near, "; expected one of a, b, c".
    public static func hint(for word: String, in candidates: [String]) -> String {
        if let n = nearest(to: word, in: candidates) { return "; did you mean '\(n)'?" }
        return "; expected one of: " + candidates.joined(separator: ", ")
    }
}
