import Foundation

/// How a network's weights are drawn from a seed. Biases start at 0.
public enum Initializer: Equatable, Hashable, Sendable {
    /// Uniform in [−limit, limit).
    case uniform(limit: Double)
    /// Normal with mean 0 and standard deviation `sd`.
    case normal(sd: Double)
    /// Xavier/Glorot uniform: limit √(6 / (in + out)).
    case xavier
    /// He normal: standard deviation √(2 / in).
    case he
    /// The slides' numpy MLP: standard normal divided by √in.
    case scaledNormal

    public static let uniform = Initializer.uniform(limit: 1)
    public static let normal = Initializer.normal(sd: 1)

    public var name: String {
        switch self {
        case .uniform: return "uniform"
        case .normal: return "normal"
        case .xavier: return "xavier"
        case .he: return "he"
        case .scaledNormal: return "scaled-normal"
        }
    }

    /// Parses "uniform", "normal", "xavier" / "glorot", "he", "scaled-normal".
    public static func named(_ s: String) -> Initializer? {
        switch s.lowercased() {
        case "uniform": return .uniform
        case "normal", "gaussian": return .normal
        case "xavier", "glorot": return .xavier
        case "he", "kaiming": return .he
        case "scaled-normal", "lecun": return .scaledNormal
        default: return nil
        }
    }

    /// An in×out weight matrix drawn row by row from `rng`.
    public func weights(inputs: Int, outputs: Int, rng: inout SeededRandom) -> Matrix {
        var m = Matrix(rows: inputs, cols: outputs)
        for i in 0..<m.count {
            switch self {
            case .uniform(let limit): m.storage[i] = rng.uniform(-limit, limit)
            case .normal(let sd): m.storage[i] = rng.normal(sd: sd)
            case .xavier:
                let limit = (6.0 / Double(inputs + outputs)).squareRoot()
                m.storage[i] = rng.uniform(-limit, limit)
            case .he: m.storage[i] = rng.normal(sd: (2.0 / Double(inputs)).squareRoot())
            case .scaledNormal: m.storage[i] = rng.normal() / Double(inputs).squareRoot()
            }
        }
        return m
    }
}
