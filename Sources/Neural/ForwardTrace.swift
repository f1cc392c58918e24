/// Every intermediate value of a forward pass, for one sample (1×d) or a batch (m×d).
///
/// Layers are numbered from 1 in the slides; here `z[0]` and `a[0]` belong to layer 1.
public struct ForwardTrace: Equatable, Sendable {
    /// a⁽⁰⁾, the input batch.
    public let input: Matrix
    /// z⁽ˡ⁾ = a⁽ˡ⁻¹⁾·W⁽ˡ⁾ + b⁽ˡ⁾ for l = 1…L.
    public let z: [Matrix]
    /// a⁽ˡ⁾ = f⁽ˡ⁾(z⁽ˡ⁾) for l = 1…L.
    public let a: [Matrix]

    public init(input: Matrix, z: [Matrix], a: [Matrix]) {
        self.input = input
        self.z = z
        self.a = a
    }

    /// ŷ = a⁽ᴸ⁾.
    public var output: Matrix { a.last ?? input }

    /// a⁽ˡ⁾ with the slides' numbering: activation(0) is the input.
    public func activation(_ l: Int) -> Matrix { l == 0 ? input : a[l - 1] }
}
