import CCairo

/// Every failure of the drawing layer: a Cairo status, bad Pango markup, a file that cannot be written,
/// or an argument Cairo would silently misdraw.
public enum CanvasError: Error, CustomStringConvertible, Equatable {
    /// A Cairo status other than success, with what we were doing when it appeared.
    case cairo(status: String, during: String)
    /// Pango markup that does not parse; `reason` is GLib's message.
    case markup(reason: String, text: String)
    /// A file or folder that cannot be written or read.
    case file(path: String, reason: String)
    /// An argument that makes no drawing (negative size, a pixel buffer of the wrong length, …).
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .cairo(status, during): return "Cairo error while \(during): \(status)"
        case let .markup(reason, text):
            let shown = text.count > 80 ? String(text.prefix(77)) + "…" : text
            return "invalid text markup: \(reason) (in \"\(shown)\")"
        case let .file(path, reason): return "\(path): \(reason)"
        case let .invalidArgument(s): return s
        }
    }
}

extension CanvasError {
    static func check(_ status: cairo_status_t, _ during: @autoclosure () -> String) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw CanvasError.cairo(status: String(cString: cairo_status_to_string(status)), during: during())
        }
    }
}
