/// A figure asked to draw something it cannot (wrong shapes, empty data): says what was expected.
public enum FigureError: Error, CustomStringConvertible, Equatable {
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let s): return s
        }
    }
}
