import Foundation
import Testing

/// A real lesson rendered to PDF by the built nnbook binary, read back with pdftotext, so the tests can
/// look for the numbers exactly as a student reads them: the lesson's digits, a decimal point and the
/// minus sign U+2212 (an ASCII hyphen in front of a number does not match).
struct Handout {
    let lesson: String
    let text: String
    /// The numbers of each line of the page text, in reading order.
    let lines: [[String]]
    /// Every number of the handout, in reading order (lines joined).
    let numbers: [String]
    /// Each line's words (split at white space), for tables whose cells are not plain numbers (2×3).
    let words: [[String]]

    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Renders `Lessons/<lesson>.md` (e.g. "vi/04-delta-rule") once, PDF only.
    static func render(_ lesson: String) throws -> Handout {
        let out = NSTemporaryDirectory() + "nnbook-course-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try CLI.nnbook(["render", "Lessons/\(lesson).md", "--out", out, "--format", "pdf"], in: repo)
        #expect(r.status == 0, "\(lesson): \(r.stderr)")
        let lang = String(lesson.prefix(2)), name = String(lesson.dropFirst(3))
        return Handout(lesson: lesson, text: try CLI.pdfText("\(out)/\(lang)/\(name).pdf"))
    }

    init(lesson: String, text: String) {
        self.lesson = lesson
        self.text = text
        let pattern = try! NSRegularExpression(pattern: "[\u{2212}-]?[0-9]+(?:\\.[0-9]+)?")
        var lines: [[String]] = [], words: [[String]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let ns = line as NSString
            lines.append(pattern.matches(in: line, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) })
            words.append(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init))
        }
        self.lines = lines
        self.words = words
        self.numbers = lines.flatMap { $0 }
    }

    /// `seq` appears as consecutive numbers on one line (a table row, a row of a matrix, one equation).
    func hasRow(_ seq: [String]) -> Bool { lines.contains { Handout.find(seq, in: $0) } }
    /// `seq` appears as consecutive numbers, lines joined (a list that wraps).
    func hasRun(_ seq: [String]) -> Bool { Handout.find(seq, in: numbers) }
    /// `seq` appears in order with at most `gap` other numbers between neighbours (a column vector
    /// whose rows share lines with other matrices).
    func hasInOrder(_ seq: [String], gap: Int = 12) -> Bool {
        guard let first = seq.first else { return true }
        for start in numbers.indices where numbers[start] == first {
            var at = start, ok = true
            for want in seq.dropFirst() {
                guard let next = numbers[(at + 1)..<min(numbers.count, at + 2 + gap)].firstIndex(of: want) else { ok = false; break }
                at = next
            }
            if ok { return true }
        }
        return false
    }
    /// `seq` appears as consecutive words of one line.
    func hasWords(_ seq: [String]) -> Bool { words.contains { Handout.find(seq, in: $0) } }

    static func find(_ seq: [String], in hay: [String]) -> Bool {
        guard !seq.isEmpty, hay.count >= seq.count else { return seq.isEmpty }
        return (0...(hay.count - seq.count)).contains { i in hay[i..<(i + seq.count)].elementsEqual(seq) }
    }

    func expectRow(_ seq: [String], _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(hasRow(seq), "\(lesson): \(what) row \(seq.joined(separator: " ")) not in the handout", sourceLocation: sourceLocation)
    }
    func expectRun(_ seq: [String], _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(hasRun(seq), "\(lesson): \(what) numbers \(seq.joined(separator: " ")) not in the handout", sourceLocation: sourceLocation)
    }
    func expectInOrder(_ seq: [String], _ what: String = "", gap: Int = 12, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(hasInOrder(seq, gap: gap), "\(lesson): \(what) column \(seq.joined(separator: " ")) not in the handout", sourceLocation: sourceLocation)
    }
    func expectWords(_ seq: [String], _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(hasWords(seq), "\(lesson): \(what) words \(seq.joined(separator: " ")) not in the handout", sourceLocation: sourceLocation)
    }
}

/// A number as the handouts print it: `digits` decimals rounded half away from zero, a decimal point,
/// the minus sign U+2212, and no minus on a number that rounds to zero.
func printed(_ x: Double, _ digits: Int = 4) -> String {
    let scale = pow(10.0, Double(digits))
    let r = (x * scale).rounded(.toNearestOrAwayFromZero) / scale
    let s = String(format: "%.\(digits)f", abs(r))
    return r < 0 && s.contains(where: { $0 != "0" && $0 != "." }) ? "\u{2212}" + s : s
}

/// An integer as the handouts print it (U+2212 minus).
func printed(_ n: Int) -> String { n < 0 ? "\u{2212}\(-n)" : "\(n)" }

/// The lessons print a whole number as an integer and any other number with 4 decimals (the gates'
/// sums, the learning rate in an update).
func printedShort(_ x: Double) -> String { x == x.rounded() ? printed(Int(x)) : printed(x) }

/// `value` (a fraction printed with `decimals`) is k/n for a whole k, up to the printing's rounding.
func isCount(_ value: Double, of n: Int, decimals: Int) -> Bool {
    let k = value * Double(n)
    return abs(k - k.rounded()) <= Double(n) * 0.5 * pow(10, -Double(decimals)) + 1e-9
}

extension Handout {
    /// The percentages that follow a word in parentheses, as in "accuracy (training): 82.50%".
    var percentages: [(word: String, value: Double)] {
        let re = try! NSRegularExpression(pattern: "\\(([^()]+)\\): ([0-9]+\\.[0-9]{2})%")
        let ns = text.replacingOccurrences(of: "\n", with: " ") as NSString
        return re.matches(in: ns as String, range: NSRange(location: 0, length: ns.length)).map {
            (ns.substring(with: $0.range(at: 1)), Double(ns.substring(with: $0.range(at: 2)))!)
        }
    }

    /// Every training accuracy printed in percent is a whole number of the `n` samples trained on.
    func expectAccuraciesCount(_ n: Int, atLeast: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let shown = percentages
        #expect(shown.count >= atLeast, "\(lesson): \(shown.count) accuracies in percent, expected \(atLeast)", sourceLocation: sourceLocation)
        for p in shown {
            #expect(isCount(p.value / 100, of: n, decimals: 4), "\(lesson): \(p.word) accuracy \(p.value)% is not k/\(n)", sourceLocation: sourceLocation)
        }
    }
}

// MARK: - Plain re-implementations, independent of Neural and Notebook

func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

/// One fully connected layer, row-vector convention: z_j = Σᵢ aᵢ·W[i][j] + b_j (W is in-out).
func layer(_ a: [Double], _ w: [[Double]], _ b: [Double]? = nil) -> [Double] {
    (0..<w[0].count).map { j in
        var s = b?[j] ?? 0
        for i in a.indices { s += a[i] * w[i][j] }
        return s
    }
}

/// A sigmoid MLP (hidden activation `hidden`, sigmoid output) with ½SSE, one sample: forward values,
/// δ per layer, gradients and updated weights, written with plain loops (Nielsen's four equations).
struct HandBackprop {
    var z: [[Double]] = [], a: [[Double]] = []
    var delta: [[Double]] = []
    var gradW: [[[Double]]] = [], gradB: [[Double]] = []
    var newW: [[[Double]]] = [], newB: [[Double]] = []
    var loss = 0.0

    init(x: [Double], target: [Double], w: [[[Double]]], b: [[Double]]? = nil, eta: Double, tanhHidden: Bool = false) {
        var act = x
        a = [x]
        for l in w.indices {
            let zl = layer(act, w[l], b?[l])
            let last = l == w.count - 1
            act = zl.map { last || !tanhHidden ? sigmoid($0) : tanh($0) }
            z.append(zl)
            a.append(act)
        }
        loss = 0.5 * zip(act, target).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
        func fPrime(_ l: Int, _ j: Int) -> Double {
            let v = a[l + 1][j]
            return l == w.count - 1 || !tanhHidden ? v * (1 - v) : 1 - v * v
        }
        delta = Array(repeating: [], count: w.count)
        let L = w.count - 1
        delta[L] = act.indices.map { (act[$0] - target[$0]) * fPrime(L, $0) }
        for l in stride(from: L - 1, through: 0, by: -1) {
            delta[l] = (0..<w[l][0].count).map { j in
                var s = 0.0
                for k in delta[l + 1].indices { s += w[l + 1][j][k] * delta[l + 1][k] }
                return s * fPrime(l, j)
            }
        }
        for l in w.indices {
            gradW.append(w[l].indices.map { i in delta[l].map { a[l][i] * $0 } })
            gradB.append(delta[l])
            newW.append(w[l].indices.map { i in w[l][i].indices.map { j in w[l][i][j] - eta * gradW[l][i][j] } })
            newB.append(b.map { bb in bb[l].indices.map { bb[l][$0] - eta * delta[l][$0] } } ?? [])
        }
    }
}
