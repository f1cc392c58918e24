import Foundation
import Testing
@testable import Neural
import NeuralKernels
import NeuralKernelsFused
import NeuralKernelsWide

/// The engine's exp (`VectorMath`) against the C library's (glibc's exp is correctly rounded in
/// all but rare cases, so "ulp apart from it" is within half an ulp of "ulp from the true value").
@Suite struct VectorMathTests {
    /// Distance in units in the last place between two finite doubles of the same sign.
    static func ulps(_ a: Double, _ b: Double) -> UInt64 {
        let x = Int64(bitPattern: a.bitPattern), y = Int64(bitPattern: b.bitPattern)
        return x > y ? UInt64(x - y) : UInt64(y - x)
    }

    /// The largest distance from Foundation.exp over `xs`, with the x where it happens.
    static func worst(_ xs: [Double]) -> (ulps: UInt64, at: Double) {
        var worst: (UInt64, Double) = (0, .nan)
        for x in xs {
            let d = ulps(VectorMath.exp(x), Foundation.exp(x))
            if d > worst.0 { worst = (d, x) }
        }
        return worst
    }

    @Test func withinOneUlpOfTheCLibraryOverTheWholeRange() {
        // 200 000 seeded random values over the whole finite range of exp, normal and subnormal results.
        var rng = SeededRandom(seed: 7)
        let xs = (0..<200_000).map { _ in rng.uniform(-745.1, 709.78) }
        let w = Self.worst(xs)
        #expect(w.ulps <= 1, "\(w.ulps) ulp at x = \(w.at)")
    }

    @Test func withinOneUlpWhereTheActivationsLiveAndBetweenPowersOfTwo() {
        // Dense over [−40, 40] (sigmoid, tanh and softmax arguments), and the edges of the reduction:
        // x near k·ln 2 ± ln 2 / 2, where k changes.
        var xs = stride(from: -40.0, through: 40, by: 0.000_37).map { $0 }
        for k in -60...60 {
            let edge = (Double(k) + 0.5) * M_LN2
            xs += [edge.nextDown, edge, edge.nextUp, Double(k) * M_LN2]
        }
        let w = Self.worst(xs)
        #expect(w.ulps <= 1, "\(w.ulps) ulp at x = \(w.at)")
    }

    @Test func specialValuesAsExp() {
        #expect(VectorMath.exp(0) == 1)
        #expect(VectorMath.exp(-0.0) == 1)
        #expect(Self.ulps(VectorMath.exp(1), M_E) <= 1)
        #expect(VectorMath.exp(.infinity) == .infinity)
        #expect(VectorMath.exp(-.infinity) == 0)
        #expect(VectorMath.exp(.nan).isNaN)
        #expect(VectorMath.exp(-.nan).isNaN)
        // Overflow exactly where exp overflows: ln(Double.greatestFiniteMagnitude) = 709.782712893384.
        #expect(VectorMath.exp(709.78).isFinite && VectorMath.exp(709.78) > 1.7e308)
        #expect(VectorMath.exp(709.79) == .infinity)
        #expect(VectorMath.exp(1e300) == .infinity)
        // Gradual underflow: the smallest subnormal 2⁻¹⁰⁷⁴ = 4.94e-324 is e^−744.44; below e^−745.13 it rounds to 0.
        #expect(VectorMath.exp(-745.1) == Double.leastNonzeroMagnitude)
        #expect(VectorMath.exp(-745.2) == 0)
        #expect(VectorMath.exp(-1e300) == 0)
        for x in [-709.0, -720.0, -730.5, -740.0, -744.0] {
            let v = VectorMath.exp(x), ref = Foundation.exp(x)
            #expect(v.isSubnormal, "e^\(x) = \(v)")
            #expect(Self.ulps(v, ref) <= 1, "e^\(x) = \(v), C library \(ref)")
        }
    }

    /// A row through a kernel set's layer (`map`: vector instructions of the module's width, then
    /// single lanes) gives, in every set the processor runs, the bits of the scalar function.
    @Test(arguments: KernelChoice.allCases.filter(\.isUsable))
    func rowsGiveTheBitsOfTheScalarFunction(set: KernelChoice) {
        var rng = SeededRandom(seed: 11)
        let specials: [Double] = [-3.5, 0.25, 17, -700, 708.5, -708.5, 745.2, -745.2, 1e-300, -0.0, 0, .infinity, -.infinity, .nan, 900, -900]
        for n in 1...37 {
            let z = (0..<n).map { i in i < specials.count && n % 3 == 0 ? specials[i] : rng.uniform(-40, 40) }
            // A layer without inputs: z = b + (nothing) = b, then a = f(z).
            var sig = [Double](repeating: 0, count: n), th = sig, zs = sig
            set.rows.forwardLayer(z, nil, 0, z, z, n, &zs, &sig, .sigmoid)
            set.rows.forwardLayer(z, nil, 0, z, z, n, &zs, &th, .tanh)
            for i in 0..<n {
                let s = VectorMath.sigmoid(z[i]), t = VectorMath.tanh(z[i])
                #expect(sig[i].bitPattern == s.bitPattern || (sig[i].isNaN && s.isNaN), "\(set) σ(\(z[i])), row of \(n)")
                #expect(th[i].bitPattern == t.bitPattern || (th[i].isNaN && t.isNaN), "\(set) tanh(\(z[i])), row of \(n)")
            }
        }
        var e = [-1.0, 2, 800, -800, .nan]
        e.withUnsafeMutableBufferPointer { VectorMath.map(VectorMath.Exp.self, 5, $0.baseAddress!, $0.baseAddress!) }
        #expect(e[0] == VectorMath.exp(-1) && e[1] == VectorMath.exp(2) && e[2] == .infinity && e[3] == 0 && e[4].isNaN)
    }

    @Test func sigmoidOfTheEngineIsTheActivationsToTheBit() {
        // The trainer's sigmoid rows and Activation.sigmoid (used by Network.forward) are the same function.
        let z = stride(from: -60.0, through: 60, by: 0.0731).map { $0 } + [800, -800, .infinity, -.infinity]
        var out = [Double](repeating: 0, count: z.count)
        z.withUnsafeBufferPointer { zp in
            out.withUnsafeMutableBufferPointer { Kernels.activate(.sigmoid, zp.baseAddress!, $0.baseAddress!, rows: 1, cols: z.count) }
        }
        for (i, v) in z.enumerated() { #expect(out[i].bitPattern == Activation.sigmoid.value(v).bitPattern, "σ(\(v))") }
        #expect(Activation.sigmoid.value(-800) == 0 && Activation.sigmoid.value(800) == 1)
        #expect(Activation.sigmoid.value(.nan).isNaN)
        // σ(z) against 1/(1+e^(−z)) with the C library's exp: a few ulp at most.
        for v in stride(from: -30.0, through: 30, by: 0.01) {
            let ref = 1 / (1 + Foundation.exp(-v))
            #expect(abs(Activation.sigmoid.value(v) - ref) <= 4 * ref.ulp, "σ(\(v))")
        }
    }

    @Test func softmaxRowsAgreeWithTheBatchPath() throws {
        let z: [Double] = [2.5, -1, 0.3, 7, 7, -30, 0.001, 4, 1, -2, 3]
        let one = Activation.softmax(row: z)
        let batch = Activation.softmax.apply(try Matrix([z]))
        #expect(one == batch.storage)
        #expect(abs(one.reduce(0, +) - 1) < 1e-15)
        // e^(zᵢ − zⱼ) = sᵢ / sⱼ, independently of the exp used: 7 and 4 are 3 apart.
        #expect(abs(one[3] / one[7] - Foundation.exp(3)) < 1e-14)
    }
}
