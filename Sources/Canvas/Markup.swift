import CPangoCairo

/// Pango markup (`<b>`, `<i>`, `<sub>`, `<sup>`, `<span foreground="#…">`, …): escaping and validation.
public enum Markup {
    /// Escapes `&`, `<`, `>`, `"` and `'` so that `text` shows literally inside markup.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Throws `CanvasError.markup` with GLib's reason when `markup` does not parse.
    /// (Pango itself would only log a warning and draw nothing.)
    public static func validate(_ markup: String) throws {
        let clean = sanitize(markup)
        var error: UnsafeMutablePointer<GError>? = nil
        let ok = pango_parse_markup(clean, -1, 0, nil, nil, nil, &error)
        if ok == 0 {
            var reason = "does not parse"
            if let e = error {
                if let m = e.pointee.message { reason = String(cString: m) }
                g_error_free(e)
            }
            throw CanvasError.markup(reason: reason, text: markup)
        }
    }

    /// NFC (so NFD input shapes exactly like NFC) and no NUL characters (C strings end there).
    static func sanitize(_ s: String) -> String {
        var t = s.precomposedForCanvas
        if t.utf8.contains(0) { t = String(t.unicodeScalars.filter { $0 != "\0" }.map(Character.init)) }
        return t
    }
}
