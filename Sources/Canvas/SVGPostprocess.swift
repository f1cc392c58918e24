import Foundation

/// Two fixes to Cairo 1.16's SVG output: element ids that depend on the process's history, and images
/// meant to stay crisp (heat-map cells, 8×8 digits) that viewers would blur.
enum SVGPostprocess {
    /// Asks SVG viewers not to interpolate the images drawn with `smooth: false` (`smoothing` lists each
    /// image's flag in drawing order, which is the order of Cairo's <image> elements).
    static func markCrispImages(_ data: Data, smoothing: [Bool]) -> Data {
        guard smoothing.contains(false), let text = String(data: data, encoding: .utf8) else { return data }
        var parts = text.components(separatedBy: "<image ")
        guard parts.count > 1 else { return data }
        let crisp: [Bool]
        if parts.count - 1 == smoothing.count {
            crisp = smoothing.map { !$0 }
        } else {
            // Unexpected element count: mark all only when no image asked for smoothing.
            crisp = Array(repeating: !smoothing.contains(true), count: parts.count - 1)
        }
        for i in 1..<parts.count where crisp[i - 1] {
            parts[i] = "style=\"image-rendering:optimizeSpeed;image-rendering:pixelated\" " + parts[i]
        }
        return Data(parts.joined(separator: "<image ").utf8)
    }

    /// Cairo names SVG elements after process-wide surface counters ("surface82", "image86"), so the same
    /// drawing made twice in one process differs. Renumbering them in order of appearance makes an SVG
    /// depend only on what was drawn.
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
