// Activations as a student evaluates them by hand, with the derivative in the form the slides use.

import Foundation
import Neural

/// An activation for the hand checker: Neural's `Activation` for the values, with the derivative
/// taken the way the slides write it. Where they write it in terms of the output (sigmoid:
/// a(1 − a), tanh: 1 − a²) the checker uses the student's a, as the student does; otherwise the
/// derivative is taken at z.
public struct HandActivation: Sendable {
    public let activation: Activation

    public var name: String { activation.name }
    public var isSoftmax: Bool { activation.isVectorValued }
    /// True when the derivative is written in terms of a.
    public var derivativeUsesA: Bool {
        [.sigmoid, .tanh, .softmax].contains(activation.kind)
    }

    public func value(_ z: Double) -> Double { activation.value(z) }

    /// f′ at z, or from a = f(z) where the slides write it so.
    public func derivative(z: Double, a: Double) -> Double {
        switch activation.kind {
        case .sigmoid, .softmax: return a * (1 - a)
        case .tanh: return 1 - a * a
        default: return activation.derivative(z)
        }
    }

    /// The names the checker accepts (every activation with a derivative).
    public static let names = ["sigmoid", "tanh", "relu", "leaky-relu", "leaky-relu(α)", "prelu(α)", "identity",
                               "softplus", "arctan", "elu", "elu(α)", "swish", "softmax"]

    /// Neural's names ("sigmoid", "leaky-relu(0.1)", "linear", …); nil for unknown names and for
    /// the step function, whose derivative is zero wherever it exists.
    public static func named(_ raw: String) -> HandActivation? {
        guard let a = Activation.named(raw), a.hasDerivative else { return nil }
        return HandActivation(activation: a)
    }

    /// Softmax of a row.
    static func softmax(_ z: [Double]) -> [Double] { Activation.softmax(row: z) }
}
