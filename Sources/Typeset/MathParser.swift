/// Parses the TeX subset into a `MathNode` tree. Unknown commands are errors naming the command
/// and its line (counted from 1 within the formula).
public struct MathParser {
    enum Token: Equatable {
        case command(String)
        case char(Character)
        case open, close, sup, sub, amp, newline, prime
        case end
    }

    private let chars: [Character]
    private var pos = 0
    private var line = 1
    private var variant: MathVariant? = nil   // a face set by \mathbf{…} etc.
    /// Groups and arguments open at this point; a formula nested deeper is refused, not a stack overflow.
    private var depth = 0
    static let maxDepth = 60

    public init(_ source: String) {
        chars = Array(source)
    }

    /// Parse a whole formula.
    public static func parse(_ source: String) throws -> [MathNode] {
        var p = MathParser(source)
        let list = try p.parseList(until: [.end])
        return list
    }

    // MARK: tokens

    private mutating func skipSpace() {
        while pos < chars.count {
            let c = chars[pos]
            if c == "\n" { line += 1; pos += 1 } else if c == " " || c == "\t" || c == "\r" { pos += 1 }
            else if c == "%" {  // TeX comment to end of line
                while pos < chars.count && chars[pos] != "\n" { pos += 1 }
            } else { break }
        }
    }

    private mutating func peek() -> Token {
        let (save, saveLine) = (pos, line)
        let t = next()
        pos = save
        line = saveLine
        return t
    }

    private mutating func next() -> Token {
        skipSpace()
        guard pos < chars.count else { return .end }
        let c = chars[pos]
        pos += 1
        switch c {
        case "{": return .open
        case "}": return .close
        case "^": return .sup
        case "_": return .sub
        case "&": return .amp
        case "'": return .prime
        case "\\":
            guard pos < chars.count else { return .command("") }
            let d = chars[pos]
            if d.isLetter && d.isASCII {
                var name = ""
                while pos < chars.count && chars[pos].isLetter && chars[pos].isASCII {
                    name.append(chars[pos]); pos += 1
                }
                if name == "operatorname" && pos < chars.count && chars[pos] == "*" {
                    pos += 1; name = "operatorname*"
                }
                return .command(name)
            }
            pos += 1
            if d == "\\" { return .newline }
            if d == "\n" { line += 1; return .command(" ") }
            return .command(String(d))
        default:
            return .char(c)
        }
    }

    private func error(_ message: String) -> MathError { MathError(message, line: line) }

    private mutating func expect(_ t: Token, _ what: String) throws {
        let got = next()
        guard got == t else { throw error("expected \(what) but found \(describe(got))") }
    }

    private func describe(_ t: Token) -> String {
        switch t {
        case .command(let n): return "\\\(n)"
        case .char(let c): return "'\(c)'"
        case .open: return "'{'"
        case .close: return "'}'"
        case .sup: return "'^'"
        case .sub: return "'_'"
        case .amp: return "'&'"
        case .newline: return "'\\\\'"
        case .prime: return "'''"
        case .end: return "end of formula"
        }
    }

    // MARK: lists

    /// Atoms up to (not including) one of `terminators`, which is left unread.
    mutating func parseList(until terminators: [Token]) throws -> [MathNode] {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw error("the formula is nested more than \(Self.maxDepth) levels deep") }
        var list: [MathNode] = []
        while true {
            let t = peek()
            if terminators.contains(t) { break }
            if case .command(let n) = t, terminators.contains(.command(n)) { break }
            switch t {
            case .end:
                throw error("unexpected end of formula (missing '}' or \\end?)")
            case .close:
                throw error("unbalanced '}'")
            case .amp:
                throw error("'&' outside a matrix or aligned environment")
            case .newline:
                throw error("'\\\\' outside a matrix or aligned environment")
            case .sup, .sub, .prime:
                // A script with no base: attach to an empty group.
                list.append(try parseScripts(base: .group([])))
                continue
            case .command("limits"), .command("nolimits"):
                _ = next()
                let limits = t == .command("limits")
                guard let last = list.popLast() else { throw error("\\limits without an operator") }
                switch last {
                case .largeOperator(let s, _): list.append(.largeOperator(s, limits: limits))
                case .operatorName(let s, _): list.append(.operatorName(s, limits: limits))
                default: throw error("\\limits must follow an operator such as \\sum")
                }
                if [Token.sup, .sub].contains(peek()) {
                    list.append(try parseScripts(base: list.removeLast()))
                }
                continue
            default:
                break
            }
            guard let atom = try parseAtom() else { continue }
            let p = peek()
            if p == .sup || p == .sub || p == .prime {
                list.append(try parseScripts(base: atom))
            } else {
                list.append(atom)
            }
        }
        return MathParser.merged(list)
    }

    /// Adjacent digits (and letters of one face) become one run: fewer glyph runs to measure.
    static func merged(_ list: [MathNode]) -> [MathNode] {
        var out: [MathNode] = []
        for node in list {
            if case .symbol(let s, .ord, let v) = node, v != .text,
               case .symbol(let t, .ord, let w)? = out.last, v == w,
               isMergeable(s, v), isMergeable(t, w) {
                out[out.count - 1] = .symbol(t + s, .ord, v)
            } else {
                out.append(node)
            }
        }
        return out
    }

    private static func isMergeable(_ s: String, _ v: MathVariant) -> Bool {
        if v == .upright { return s.allSatisfy { $0.isNumber || $0 == "." } }
        return s.allSatisfy { $0.isLetter }
    }

    private mutating func parseScripts(base: MathNode) throws -> MathNode {
        var sub: MathNode? = nil
        var sup: MathNode? = nil
        var primes = 0
        while true {
            switch peek() {
            case .prime:
                _ = next()
                guard sup == nil else { throw error("prime after a superscript: write ^{\\prime …}") }
                primes += 1
            case .sup:
                _ = next()
                guard sup == nil else { throw error("double superscript: use braces, x^{a^b}") }
                let arg = try parseArgument("superscript")
                if primes > 0 {
                    sup = .group([.symbol(String(repeating: "′", count: primes), .ord, .upright), arg])
                    primes = 0
                } else {
                    sup = arg
                }
            case .sub:
                _ = next()
                guard sub == nil else { throw error("double subscript: use braces, x_{a_b}") }
                sub = try parseArgument("subscript")
            default:
                if primes > 0 { sup = .symbol(String(repeating: "′", count: primes), .ord, .upright) }
                return .scripts(base: base, sub: sub, sup: sup)
            }
        }
    }

    /// One argument: a `{group}` or a single token.
    private mutating func parseArgument(_ what: String) throws -> MathNode {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw error("the formula is nested more than \(Self.maxDepth) levels deep") }
        let t = peek()
        switch t {
        case .open:
            _ = next()
            let list = try parseList(until: [.close])
            _ = next()
            return list.count == 1 ? list[0] : .group(list)
        case .end, .close, .amp, .newline, .sup, .sub:
            throw error("missing \(what) argument (found \(describe(t)))")
        default:
            guard let atom = try parseAtom() else { throw error("missing \(what) argument") }
            return atom
        }
    }

    /// A `{…}` argument read as raw text (for \text, \operatorname, \begin).
    private mutating func rawGroup(_ what: String) throws -> String {
        skipSpace()
        guard pos < chars.count, chars[pos] == "{" else { throw error("expected '{' after \(what)") }
        pos += 1
        var depth = 1
        var out = ""
        while pos < chars.count {
            let c = chars[pos]
            pos += 1
            if c == "\n" { line += 1 }
            if c == "\\" && pos < chars.count && "{}%$&#_\\ ".contains(chars[pos]) {
                out.append(chars[pos]); pos += 1; continue
            }
            if c == "{" { depth += 1 }
            if c == "}" { depth -= 1; if depth == 0 { return out } }
            out.append(c)
        }
        throw error("missing '}' after \(what)")
    }

    // MARK: atoms

    private mutating func letter(_ c: Character) -> MathNode {
        let v = variant ?? (c.isLetter ? .italic : .upright)
        if c.isNumber { return .symbol(String(c), .ord, v == .italic ? .upright : v) }
        return .symbol(String(c), .ord, v)
    }

    private mutating func parseAtom() throws -> MathNode? {
        let t = next()
        switch t {
        case .open:
            let list = try parseList(until: [.close])
            _ = next()
            return .group(list)
        case .char(let c):
            if c.isLetter || c.isNumber { return letter(c) }
            switch c {
            case "-": return .symbol("−", .bin, .upright)
            case "*": return .symbol("∗", .bin, .upright)
            case ".": return .symbol(".", .ord, .upright)
            case "~": return .space(6)
            case "$": throw error("'$' inside a formula")
            default:
                return .symbol(String(c), MathSymbols.characterClass(c), .upright)
            }
        case .command(let name):
            return try command(name)
        default:
            throw error("unexpected \(describe(t))")
        }
    }

    private mutating func command(_ name: String) throws -> MathNode? {
        if let e = MathSymbols.lookup(name) {
            if let v = variant, v == .bold || v == .boldItalic, e.cls == .ord {
                return .symbol(e.text, .ord, .bold)
            }
            return .symbol(e.text, e.cls, e.variant)
        }
        if let s = MathSymbols.spaces[name] { return .space(s) }
        if let op = MathSymbols.largeOperators[name] { return .largeOperator(op, limits: nil) }
        if let limits = MathSymbols.operatorNames[name] { return .operatorName(name, limits: limits) }
        if let accent = MathSymbols.accents[name] {
            return .accent(accent, try parseArgument("\\\(name)"))
        }
        if let (scale, cls) = MathSymbols.sizedDelimiters[name] {
            return .sizedDelimiter(try delimiter(after: "\\\(name)"), scale: scale, cls)
        }
        switch name {
        case "frac", "dfrac", "tfrac", "binom":
            let num = try parseArgument("numerator of \\\(name)")
            let den = try parseArgument("denominator of \\\(name)")
            let style: FractionStyle = name == "dfrac" ? .display : name == "tfrac" ? .text
                : name == "binom" ? .binomial : .auto
            return .fraction(numerator: num, denominator: den, style: style)
        case "sqrt":
            var index: MathNode? = nil
            if peek() == .char("[") {
                _ = next()
                index = .group(try parseList(until: [.char("]")]))
                _ = next()
            }
            return .radical(try parseArgument("\\sqrt"), index: index)
        case "mathbf", "mathrm", "mathit", "boldsymbol", "bm", "mathbb", "mathsf", "mathcal", "mathscr", "mathnormal":
            let v: MathVariant
            switch name {
            case "mathbf": v = .bold
            case "boldsymbol", "bm": v = .boldItalic
            case "mathbb": v = .blackboard
            case "mathcal", "mathscr": v = .script
            case "mathit", "mathnormal": v = .italic
            default: v = .upright
            }
            let saved = variant
            variant = v
            defer { variant = saved }
            return try parseArgument("\\\(name)")
        case "text", "textrm", "mbox", "textnormal", "textit", "textbf", "mathtt", "texttt":
            return .text(try rawGroup("\\\(name)"))
        case "operatorname", "operatorname*":
            let s = try rawGroup("\\operatorname")
            return .operatorName(s, limits: name.hasSuffix("*"))
        case "left":
            let left = try delimiter(after: "\\left")
            let body = try parseList(until: [.command("right")])
            _ = next()
            let right = try delimiter(after: "\\right")
            return .leftRight(left: left, body: body, right: right)
        case "right":
            throw error("\\right without \\left")
        case "middle":
            return .sizedDelimiter(try delimiter(after: "\\middle"), scale: 1.2, .rel)
        case "begin":
            return try environment()
        case "end":
            throw error("\\end without \\begin")
        case "displaystyle": return .styleChange(display: true)
        case "textstyle": return .styleChange(display: false)
        case "underbrace":
            let body = try parseArgument("\\underbrace")
            var label: MathNode? = nil
            if peek() == .sub { _ = next(); label = try parseArgument("\\underbrace label") }
            return .underbrace(body, label: label)
        case "not":
            guard let next = try parseAtom() else { throw error("\\not needs a relation") }
            if case .symbol(let s, _, _) = next {
                let negated = ["=": "≠", "∈": "∉", "≤": "≰", "≥": "≱", "⊂": "⊄", "≡": "≢", "∼": "≁"][s] ?? s + "\u{338}"
                return .symbol(negated, .rel, .upright)
            }
            return next
        case "stackrel", "overset":
            let over = try parseArgument("\\\(name)")
            let base = try parseArgument("\\\(name)")
            return .scripts(base: .largeOperator("", limits: true), sub: nil, sup: .group([over, base]))
        case "":
            throw error("'\\' at the end of the formula")
        default:
            throw error("unknown command \\\(name)")
        }
    }

    private mutating func delimiter(after what: String) throws -> MathDelimiter {
        let t = next()
        let key: String
        switch t {
        case .char(let c): key = String(c)
        case .command(let n): key = "\\" + n
        default: throw error("expected a delimiter after \(what), found \(describe(t))")
        }
        guard let d = MathSymbols.fences[key] else {
            throw error("'\(key)' is not a delimiter (after \(what))")
        }
        return d
    }

    private mutating func environment() throws -> MathNode {
        let name = try rawGroup("\\begin")
        guard let env = MathEnvironment(rawValue: name) else {
            throw error("unknown environment \(name)")
        }
        if env == .matrix || env == .bmatrix || env == .pmatrix, peek() == .char("[") {
            // array-style column spec such as \begin{bmatrix}[r]: ignore it.
            while case let t = next(), t != .char("]"), t != .end {}
        }
        var rows: [[[MathNode]]] = []
        var row: [[MathNode]] = []
        while true {
            let cell = try parseList(until: [.amp, .newline, .command("end")])
            row.append(cell)
            let t = next()
            switch t {
            case .amp:
                continue
            case .newline:
                rows.append(row); row = []
                // \\[4pt] spacing: ignore
                if peek() == .char("[") { while case let u = next(), u != .char("]"), u != .end {} }
            default:  // \end
                let endName = try rawGroup("\\end")
                guard endName == name else {
                    throw error("\\begin{\(name)} ended by \\end{\(endName)}")
                }
                if !(row.count == 1 && row[0].isEmpty) || rows.isEmpty { rows.append(row) }
                return .environment(env, rows: rows)
            }
        }
    }
}
