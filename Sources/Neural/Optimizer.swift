import Foundation

/// How a gradient step changes the parameters θ with learning rate η and gradient g.
///
///     sgd       θ ← θ − η g
///     momentum  v ← β v − η g ;  θ ← θ + v
///     adam      m ← β₁ m + (1−β₁) g ;  v ← β₂ v + (1−β₂) g² ;
///               θ ← θ − η m̂ / (√v̂ + ε)  with m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ), t the step count
public enum Optimizer: Equatable, Hashable, Sendable, CustomStringConvertible {
    case sgd
    case momentum(beta: Double)
    case adam(beta1: Double, beta2: Double, epsilon: Double)

    public static let momentum = Optimizer.momentum(beta: 0.9)
    public static let adam = Optimizer.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8)

    public var name: String {
        switch self {
        case .sgd: return "sgd"
        case .momentum: return "momentum"
        case .adam: return "adam"
        }
    }

    public var description: String {
        switch self {
        case .sgd: return "sgd"
        case .momentum(let b): return "momentum(β = \(b))"
        case .adam(let b1, let b2, let e): return "adam(β₁ = \(b1), β₂ = \(b2), ε = \(e))"
        }
    }

    /// TeX of the update rule.
    public var tex: String {
        switch self {
        case .sgd: return "\\theta \\leftarrow \\theta - \\eta\\, g"
        case .momentum: return "v \\leftarrow \\beta v - \\eta\\, g,\\quad \\theta \\leftarrow \\theta + v"
        case .adam:
            return "\\theta \\leftarrow \\theta - \\eta\\,\\frac{\\hat{m}}{\\sqrt{\\hat{v}}+\\epsilon},\\quad \\hat{m} = \\frac{m}{1-\\beta_1^t},\\ \\hat{v} = \\frac{v}{1-\\beta_2^t}"
        }
    }

    /// "sgd", "momentum", "adam" with default parameters.
    public static func named(_ s: String) -> Optimizer? {
        switch s.lowercased() {
        case "sgd", "gd": return .sgd
        case "momentum": return .momentum
        case "adam": return .adam
        default: return nil
        }
    }

    /// Throws a readable message for parameters outside their range.
    func validate() throws {
        switch self {
        case .sgd: return
        case .momentum(let b):
            guard b >= 0, b < 1 else { throw TrainingError.invalidConfiguration("momentum β must be in [0, 1), got \(b)") }
        case .adam(let b1, let b2, let e):
            guard b1 >= 0, b1 < 1, b2 >= 0, b2 < 1 else {
                throw TrainingError.invalidConfiguration("Adam's β₁ and β₂ must be in [0, 1), got \(b1) and \(b2)")
            }
            guard e > 0 else { throw TrainingError.invalidConfiguration("Adam's ε must be positive, got \(e)") }
        }
    }
}
