import Foundation

/// Cairo names SVG elements after process-wide surface counters ("surface82", "image86"), so the same
/// drawing made twice in one process differs. Renumbering them in order of appearance makes an SVG depend
/// only on what was drawn.
enum SVGIdentifiers {
    static func renumber(_ data: Data) -> Data {
        guard var text = String(data: data, encoding: .utf8) else { return data }
        // Matches ids and references: id="surface82", href="#image86", url(#surface82).
        let pattern = #"(id="|#)(surface|image|source)([0-9]+)(?=["')])"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return data }
        let ns = text as NSString
        var mapping: [String: String] = [:]
        var counters: [String: Int] = [:]
        let matches = regex.matches(in: text, range: NSRange(location: 0, length: ns.length))
        guard !matches.isEmpty else { return data }
        for m in matches where ns.substring(with: m.range(at: 1)) == "id=\"" {
            let kind = ns.substring(with: m.range(at: 2))
            let old = kind + ns.substring(with: m.range(at: 3))
            if mapping[old] == nil {
                counters[kind, default: 0] += 1
                mapping[old] = "nn-\(kind)\(counters[kind]!)"
            }
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var last = 0
        for m in matches {
            let old = ns.substring(with: m.range(at: 2)) + ns.substring(with: m.range(at: 3))
            let start = m.range(at: 2).location
            out += ns.substring(with: NSRange(location: last, length: start - last))
            out += mapping[old] ?? old
            last = m.range.location + m.range.length
        }
        out += ns.substring(from: last)
        text = out
        return Data(text.utf8)
    }
}
