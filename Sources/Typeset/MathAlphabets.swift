/// Letters in a math face become Unicode mathematical alphanumerics, which DejaVu Math TeX Gyre
/// draws: 𝑥 (italic), 𝐖 (bold), ℝ (double-struck). Everything else passes through.
enum MathAlphabets {
    static func map(_ s: String, _ v: MathVariant) -> String {
        switch v {
        case .upright, .text: return s
        default:
            var out = String.UnicodeScalarView()
            for u in s.unicodeScalars { out.append(map(u, v)) }
            return String(out)
        }
    }

    private static func offset(_ base: UInt32, _ i: UInt32) -> Unicode.Scalar {
        Unicode.Scalar(base + i) ?? "?"
    }

    static func map(_ u: Unicode.Scalar, _ v: MathVariant) -> Unicode.Scalar {
        let c = u.value
        let upper = (0x41...0x5A).contains(c), lower = (0x61...0x7A).contains(c)
        let digit = (0x30...0x39).contains(c)
        let greekLower = (0x3B1...0x3C9).contains(c)
        let greekUpper = (0x391...0x3A9).contains(c) && c != 0x3A2
        switch v {
        case .italic:
            if c == 0x68 { return "\u{210E}" }  // ℎ
            if upper { return offset(0x1D434, c - 0x41) }
            if lower { return offset(0x1D44E, c - 0x61) }
            if greekLower { return offset(0x1D6FC, c - 0x3B1) }
            switch c {
            case 0x3F5: return "\u{1D716}"  // ϵ
            case 0x3D1: return "\u{1D717}"  // ϑ
            case 0x3D5: return "\u{1D719}"  // ϕ
            case 0x3F1: return "\u{1D71A}"  // ϱ
            case 0x3D6: return "\u{1D71B}"  // ϖ
            default: return u
            }
        case .bold:
            if upper { return offset(0x1D400, c - 0x41) }
            if lower { return offset(0x1D41A, c - 0x61) }
            if digit { return offset(0x1D7CE, c - 0x30) }
            if greekUpper { return offset(0x1D6A8, c - 0x391) }
            if greekLower { return offset(0x1D6C2, c - 0x3B1) }
            return u
        case .boldItalic:
            if upper { return offset(0x1D468, c - 0x41) }
            if lower { return offset(0x1D482, c - 0x61) }
            if digit { return offset(0x1D7CE, c - 0x30) }
            if greekLower { return offset(0x1D736, c - 0x3B1) }
            return u
        case .blackboard:
            let special: [UInt32: Unicode.Scalar] = [
                0x43: "\u{2102}", 0x48: "\u{210D}", 0x4E: "\u{2115}", 0x50: "\u{2119}",
                0x51: "\u{211A}", 0x52: "\u{211D}", 0x5A: "\u{2124}",
            ]
            if let s = special[c] { return s }
            if upper { return offset(0x1D538, c - 0x41) }
            if lower { return offset(0x1D552, c - 0x61) }
            if digit { return offset(0x1D7D8, c - 0x30) }
            return u
        case .script:
            let special: [UInt32: Unicode.Scalar] = [
                0x42: "\u{212C}", 0x45: "\u{2130}", 0x46: "\u{2131}", 0x48: "\u{210B}", 0x49: "\u{2110}",
                0x4C: "\u{2112}", 0x4D: "\u{2133}", 0x52: "\u{211B}", 0x65: "\u{212F}", 0x67: "\u{210A}",
                0x6F: "\u{2134}",
            ]
            if let s = special[c] { return s }
            if upper { return offset(0x1D49C, c - 0x41) }
            if lower { return offset(0x1D4B6, c - 0x61) }
            return u
        case .upright, .text:
            return u
        }
    }
}
