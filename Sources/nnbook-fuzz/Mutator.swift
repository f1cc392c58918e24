import Neural

/// Seeded mutations of a lesson, verify file, TeX formula or Markdown text: byte flips, insertions,
/// deletions, splices of lines and tokens from other corpus files, YAML-structure and TeX-fragment
/// edits. Every draw goes through `SeededRandom`, so a seed replays the same inputs.
struct Mutator {
    var rng: SeededRandom
    /// Words and numbers seen in the corpus, spliced in as whole tokens.
    let tokens: [[UInt8]]

    init(seed: UInt64, tokens: [[UInt8]]) {
        rng = SeededRandom(seed: seed)
        self.tokens = tokens.isEmpty ? [Array("x".utf8)] : tokens
    }

    mutating func int(_ n: Int) -> Int { n <= 1 ? 0 : rng.int(below: n) }
    mutating func chance(_ p: Double) -> Bool { rng.nextUnit() < p }
    mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }

    /// One input: 1 to 8 mutations of `base` (sometimes crossed with `other`).
    mutating func mutate(_ base: [UInt8], other: [UInt8], target: FuzzTarget) -> [UInt8] {
        var b = base
        var count = 1
        while count < 8, chance(0.45) { count += 1 }
        for _ in 0..<count {
            let op = int(target == .tex ? 16 : 14)
            switch op {
            case 0: flipBit(&b)
            case 1: setInterestingByte(&b)
            case 2: insertRandomBytes(&b)
            case 3: deleteRange(&b)
            case 4: duplicateRange(&b)
            case 5: spliceLine(&b, from: other)
            case 6: lineEdit(&b)
            case 7: replaceNumber(&b)
            case 8: replaceToken(&b)
            case 9: yamlEdit(&b)
            case 10: unicodeEdit(&b)
            case 11: crossover(&b, other)
            case 12: deepNesting(&b, target: target)
            case 13: texEdit(&b)
            default: texEdit(&b)
            }
            if b.count > 1 << 20 { b = Array(b.prefix(1 << 20)) }
        }
        return b
    }

    // MARK: bytes

    mutating func flipBit(_ b: inout [UInt8]) {
        guard !b.isEmpty else { b.append(UInt8(truncatingIfNeeded: rng.next())); return }
        b[int(b.count)] ^= UInt8(1) << UInt8(int(8))
    }

    static let interestingBytes: [UInt8] = Array("{}[]:-,\n \t$\\`\"'#&*|>!%@?~^_0".utf8) + [0, 0x7F, 0xC0, 0xFF, 0x0D]

    mutating func setInterestingByte(_ b: inout [UInt8]) {
        guard !b.isEmpty else { b.append(pick(Self.interestingBytes)); return }
        b[int(b.count)] = pick(Self.interestingBytes)
    }

    mutating func insertRandomBytes(_ b: inout [UInt8]) {
        let n = 1 + int(8)
        let bytes = (0..<n).map { _ in chance(0.5) ? pick(Self.interestingBytes) : UInt8(truncatingIfNeeded: rng.next()) }
        b.insert(contentsOf: bytes, at: int(b.count + 1))
    }

    mutating func deleteRange(_ b: inout [UInt8]) {
        guard !b.isEmpty else { return }
        let start = int(b.count)
        let len = 1 + int(chance(0.8) ? 8 : min(b.count, 4000))
        b.removeSubrange(start..<min(b.count, start + len))
    }

    mutating func duplicateRange(_ b: inout [UInt8]) {
        guard !b.isEmpty else { return }
        let start = int(b.count)
        let len = 1 + int(min(b.count - start, 200))
        let piece = Array(b[start..<min(b.count, start + len)])
        let times = chance(0.1) ? 1 + int(50) : 1
        var ins: [UInt8] = []
        for _ in 0..<times { ins += piece }
        b.insert(contentsOf: ins, at: int(b.count + 1))
    }

    // MARK: lines

    static func lines(_ b: [UInt8]) -> [[UInt8]] {
        b.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
    }

    static func join(_ ls: [[UInt8]]) -> [UInt8] { Array(ls.joined(separator: [10])) }

    mutating func spliceLine(_ b: inout [UInt8], from other: [UInt8]) {
        var ls = Self.lines(b)
        let os = Self.lines(other)
        guard !os.isEmpty else { return }
        let start = int(os.count)
        let n = 1 + int(chance(0.7) ? 1 : 12)
        ls.insert(contentsOf: os[start..<min(os.count, start + n)], at: int(ls.count + 1))
        b = Self.join(ls)
    }

    mutating func lineEdit(_ b: inout [UInt8]) {
        var ls = Self.lines(b)
        guard !ls.isEmpty else { return }
        let i = int(ls.count)
        switch int(5) {
        case 0: ls.remove(at: i)
        case 1: ls.insert(ls[i], at: i)
        case 2: ls.swapAt(i, int(ls.count))
        case 3: let l = ls.remove(at: i); ls.insert(l, at: int(ls.count + 1))
        default: ls[i] = Array(ls[i].prefix(int(ls[i].count + 1)))  // cut the line short
        }
        b = Self.join(ls)
    }

    mutating func crossover(_ b: inout [UInt8], _ other: [UInt8]) {
        let a = Self.lines(b), o = Self.lines(other)
        guard !a.isEmpty, !o.isEmpty else { return }
        b = Self.join(Array(a.prefix(int(a.count + 1))) + Array(o.suffix(int(o.count + 1))))
    }

    // MARK: tokens

    /// Ranges of runs of [A-Za-z0-9_.+-] (numbers and words).
    static func tokenRanges(_ b: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        func isTok(_ c: UInt8) -> Bool {
            (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || c == 46 || c == 45 || c == 43
        }
        while i < b.count {
            if isTok(b[i]) {
                let s = i
                while i < b.count, isTok(b[i]) { i += 1 }
                out.append(s..<i)
            } else { i += 1 }
        }
        return out
    }

    static let interestingNumbers = [
        "0", "-0", "1", "-1", "2", "3", "0.5", "1e308", "-1e308", "1e-320", "4.9e-324", "1.7976931348623157e308",
        ".nan", ".inf", "-.inf", "nan", "inf", "1e999", "4096", "4097", "65536", "100000", "1000000", "1000001",
        "2147483647", "2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "18446744073709551615", "99999999999999999999999", "0x10", "0o17", "1_000", "+5", "1e3", "3.", ".5", "1e", "-",
        "00", "007", "1000", "-1000", "50", "1e-9", "12345678901234567890.5",
    ]

    mutating func replaceNumber(_ b: inout [UInt8]) {
        let nums = Self.tokenRanges(b).filter { r in b[r].first.map { ($0 >= 48 && $0 <= 57) || $0 == 45 } ?? false }
        guard !nums.isEmpty else { b.insert(contentsOf: Array(pick(Self.interestingNumbers).utf8), at: int(b.count + 1)); return }
        b.replaceSubrange(pick(nums), with: Array(pick(Self.interestingNumbers).utf8))
    }

    mutating func replaceToken(_ b: inout [UInt8]) {
        let ts = Self.tokenRanges(b)
        let t = pick(tokens)
        guard !ts.isEmpty else { b += t; return }
        if chance(0.5) {
            b.replaceSubrange(pick(ts), with: t)
        } else {
            b.insert(contentsOf: t + [32], at: pick(ts).lowerBound)
        }
    }

    // MARK: YAML structure

    static let yamlValues = [
        "{}", "[]", "~", "null", "\"\"", "''", "[[]]", "[[[]]]", "{a: 1}", "&a 1", "*a", "&a [1, *a]", "!!binary AAAA",
        "!!float 1", "!!int x", "? a", "|", ">", "|-\n  x", "[1, 2", "{x", "- ", "-", ": ", ":", "yes", "no", "on",
        "true", "false", "0.1.2", "1:2", "!custom x", "%YAML 1.2", "---", "...", "[1, [2, [3]]]", "<<: *a",
        "\"\\u0000\"", "\"\\xff\"", "'''", "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]",
    ]

    mutating func yamlEdit(_ b: inout [UInt8]) {
        var ls = Self.lines(b)
        guard !ls.isEmpty else { return }
        let i = int(ls.count)
        switch int(7) {
        case 0: ls[i] = Array(repeating: 32, count: 2 * (1 + int(3))) + ls[i]  // indent more
        case 1: ls[i] = Array(ls[i].drop { $0 == 32 })  // dedent fully
        case 2:  // replace the value after "key:" with a YAML oddity
            if let colon = ls[i].firstIndex(of: 58) {
                ls[i] = Array(ls[i][...colon]) + [32] + Array(pick(Self.yamlValues).utf8)
            } else {
                ls[i] += Array(": \(pick(Self.yamlValues))".utf8)
            }
        case 3: ls.insert(ls[i], at: i)  // a duplicated key
        case 4:  // wrap the value in [ ]
            if let colon = ls[i].firstIndex(of: 58) {
                ls[i] = Array(ls[i][...colon]) + Array(" [".utf8) + Array(ls[i][(colon + 1)...]) + [93]
            }
        case 5: ls.insert(Array("\(String(decoding: pick(tokens), as: UTF8.self)): \(pick(Self.yamlValues))".utf8), at: i)
        default:  // a long flow list
            let n = 1 + int(chance(0.9) ? 50 : 5000)
            let item = pick(Self.interestingNumbers)
            ls.insert(Array("big: [\(Array(repeating: item, count: n).joined(separator: ", "))]".utf8), at: i)
        }
        b = Self.join(ls)
    }

    mutating func deepNesting(_ b: inout [UInt8], target: FuzzTarget) {
        let depth = 1 + int(chance(0.8) ? 30 : 3000)
        let pairs: [(String, String)] = target == .tex
            ? [("{", "}"), ("\\frac{1}{", "}"), ("x^{", "}"), ("\\sqrt{", "}"), ("\\left(", "\\right)"), ("_{", "}")]
            : [("[", "]"), ("{a: ", "}"), ("- ", ""), ("**", "**"), ("> ", ""), ("$", "$"), ("{{", "}}")]
        let (open, close) = pick(pairs)
        let s = String(repeating: open, count: depth) + "1" + String(repeating: close, count: chance(0.8) ? depth : int(depth + 1))
        b.insert(contentsOf: Array(s.utf8), at: int(b.count + 1))
    }

    // MARK: text

    static let unicodeBits: [[UInt8]] = [
        Array("ệ".utf8), Array("ữ".utf8), Array("e\u{0301}\u{0323}".utf8), Array("😀".utf8), Array("\u{FEFF}".utf8),
        Array("\u{202E}".utf8), Array("\u{0000}".utf8), Array("\u{FFFD}".utf8), Array("∑".utf8), Array("𝑥".utf8),
        [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xFF, 0xFE], [0xF4, 0x90, 0x80, 0x80],
        Array("\u{0301}".utf8), Array("\r".utf8), Array("\u{2028}".utf8), Array("\u{85}".utf8),
    ]

    mutating func unicodeEdit(_ b: inout [UInt8]) {
        let bits = pick(Self.unicodeBits)
        let times = chance(0.1) ? 1 + int(500) : 1
        var ins: [UInt8] = []
        for _ in 0..<times { ins += bits }
        b.insert(contentsOf: ins, at: int(b.count + 1))
    }

    static let texBits = [
        "\\frac{", "\\frac", "\\frac{a}{b}", "\\sqrt{", "\\sqrt[3]{x}", "^", "_", "^{", "_{", "}", "{", "\\left(", "\\right)",
        "\\left.", "\\right|", "\\begin{pmatrix}", "\\end{pmatrix}", "\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}", "&", "\\\\",
        "\\foo", "\\", "\\mathbf{", "\\text{", "\\text{ệ}", "\\operatorname{", "\\sum_{i=1}^{n}", "\\prod", "\\int",
        "\\hat{", "\\overline{", "\\cdot", "\\odot", "\\partial", "\\sigma", "\\delta^{(L)}", "x'", "x''''",
        "\\begin{aligned}", "\\end{aligned}", "\\begin{cases}", "\\end{cases}", "\\quad", "\\,", "\\!", "\\;",
        "\\displaystyle", "\\textstyle", "\\tag{1}", "\\mathrm{", "\\underbrace{x}_{a}", "\\color{red}", "\\begin{array}{cc}",
        "\\end{array}", "\\left\\{", "\\right\\}", "\\big(", "\\Big)", "\\vec{", "\\tilde", "\\dots", "%", "#", "~", "$",
        "1e308", "^^", "__", "x^1^2", "x_1_2", "{}^{}_{}",
    ]

    mutating func texEdit(_ b: inout [UInt8]) {
        let bit = Array(pick(Self.texBits).utf8)
        if chance(0.3), !b.isEmpty {
            let s = int(b.count)
            b.replaceSubrange(s..<min(b.count, s + 1 + int(6)), with: bit)
        } else {
            b.insert(contentsOf: bit, at: int(b.count + 1))
        }
    }
}
