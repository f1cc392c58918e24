import Foundation

extension String {
    /// Canonical composition (NFC): "a" + U+0323 + U+0302 becomes "ậ".
    var precomposedForCanvas: String {
        // Pure ASCII is already NFC; skip Foundation's work for the common case.
        if utf8.allSatisfy({ $0 < 0x80 }) { return self }
        return precomposedStringWithCanonicalMapping
    }
}
