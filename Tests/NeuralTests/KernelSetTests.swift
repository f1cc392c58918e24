import Foundation
import Testing
@testable import Neural
@testable import NeuralKernels
import NeuralKernelsFused
import NeuralKernelsWide

extension KernelChoice {
    /// The set's type, for calling its kernels directly.
    var rows: any KernelSet.Type {
        switch self {
        case .portable: return PortableKernels.self
        case .fused: return FusedKernels.self
        case .wide: return WideKernels.self
        }
    }
}

/// The per-sample SGD kernels: each set against arithmetic written out here (one rounding per
/// multiply-add, in the order the kernels document), and every set the processor runs against the
/// portable one, bit for bit, on whole training runs.
@Suite struct KernelSetTests {
    static let usable = KernelChoice.allCases.filter(\.isUsable)

    static func bits(_ n: Network) -> [UInt64] {
        n.layers.flatMap { ($0.weights.storage + $0.bias.storage).map(\.bitPattern) }
    }

    /// How many of the values differ in any bit (NaN = NaN).
    static func differing(_ a: [Double], _ b: [Double]) -> Int {
        a.count != b.count ? max(a.count, b.count) : zip(a, b).filter { $0.bitPattern != $1.bitPattern && !($0.isNaN && $1.isNaN) }.count
    }

    /// Per-sample SGD with `set`, from the same start, shuffled by the same seed.
    static func train(_ net: Network, _ x: Matrix, _ y: Matrix, loss: Loss, eta: Double, epochs: Int, set: KernelChoice) throws -> Network {
        var trainer = Trainer(TrainingConfig(loss: loss, learningRate: eta, epochs: epochs, seed: 5))
        trainer.kernels = set
        return try trainer.train(net, x: x, y: y).network
    }

    #if arch(x86_64) && os(Linux)
    /// The fallback for a glibc without its feature table: /proc/cpuinfo's flags, read as words (every
    /// x86-64 lists fpu and sse2; no word keeps the line's end), agreeing with glibc on the features
    /// the kernel lists anyway (fma, avx) where glibc has the table.
    @Test func processorFlagsFromProcCpuinfo() throws {
        let flags = try #require(ProcessorFeatures.cpuinfoFlags())
        #expect(flags.contains("fpu") && flags.contains("sse2"))
        #expect(!flags.contains { $0.contains("\n") || $0.isEmpty })
        if let glibc = ProcessorFeatures.glibcActive([.fma, .avx]) {
            #expect(glibc == (flags.contains("fma") && flags.contains("avx")))
        }
    }
    #endif

    @Test func thisMachineRunsMoreThanThePortableSet() {
        // The machine the suite runs on (x86-64 with AVX2 and FMA, or arm64) has a vector set, so the
        // comparisons below compare something; on an older x86-64 they compare the portable set alone.
        #expect(Self.usable.count >= 2, "usable sets: \(Self.usable)")
    }

    /// Digits with [64, 32, 16, 10] sigmoid (the benchmark's network: sparse inputs, 32, 16 and 10 wide
    /// layers) and odd shapes that reach every tail of the loops (37 > 16 columns, 13 = 8 + 4 + 1,
    /// 3 = 2 + 1), tanh and ReLU layers, every bias mode.
    @Test(arguments: [0, 1, 2, 3])
    func everySetTrainsToTheSameBits(case index: Int) throws {
        let (train, _) = DigitsFixture.split
        let x = train.x.rows(Array(0..<240)), y = train.y.rows(Array(0..<240))
        var rng = SeededRandom(seed: 21)
        let xOdd = Matrix(rows: 50, cols: 9, storage: (0..<450).map { _ in rng.nextUnit() < 0.3 ? 0 : rng.uniform(-2, 2) })
        let yOdd = Matrix(rows: 50, cols: 3, storage: (0..<150).map { i in i % 3 == (i / 3) % 3 ? 1 : 0 })
        let cases: [(Network, Matrix, Matrix, Loss)] = [
            (try Network(sizes: [64, 32, 16, 10], activation: .sigmoid, initializer: .scaledNormal, seed: 42), x, y, .halfSSE),
            (try Network(sizes: [9, 37, 13, 3], activations: [.tanh, .sigmoid, .sigmoid], initializer: .xavier, seed: 4), xOdd, yOdd, .halfSSE),
            (try Network(sizes: [9, 16, 8, 3], activations: [.relu, .tanh, .softmax], biasMode: .shared, initializer: .he, seed: 6), xOdd, yOdd,
             .categoricalCrossEntropy),
            (try Network(sizes: [9, 5, 3], activations: [.sigmoid, .sigmoid], biasMode: .none, initializer: .xavier, seed: 8), xOdd, yOdd, .mse),
        ]
        let (net, cx, cy, loss) = cases[index]
        let reference = try Self.train(net, cx, cy, loss: loss, eta: 0.1, epochs: 3, set: .portable)
        #expect(Self.bits(reference) != Self.bits(net))
        for set in Self.usable where set != .portable {
            let other = try Self.train(net, cx, cy, loss: loss, eta: 0.1, epochs: 3, set: set)
            let differ = zip(Self.bits(other), Self.bits(reference)).filter { $0 != $1 }.count
            #expect(differ == 0, "\(set): \(differ) parameters differ from the portable set's")
        }
    }

    /// The forward layer: z_j = (b_j + Σ x·w over the 1st, 3rd, … listed inputs) + (Σ over the 2nd, 4th, …),
    /// each product-and-add one fused multiply-add (b_j = 0 without a bias), for widths reaching every
    /// block of the loops; then a = σ(z).
    @Test(arguments: [1, 2, 3, 5, 8, 10, 13, 16, 21, 32, 37, 48])
    func forwardRowsAreTwoChainsOfFusedMultiplyAdds(nout: Int) {
        let nin = 11
        var rng = SeededRandom(seed: UInt64(nout))
        let x = (0..<nin).map { _ in rng.nextUnit() < 0.3 ? 0 : rng.uniform(-1, 1) }
        let w = (0..<(nin * nout)).map { _ in rng.uniform(-1, 1) }
        let b = (0..<nout).map { _ in rng.uniform(-1, 1) }
        let listed = (0..<nin).filter { x[$0] != 0 }
        var expected = b
        for j in 0..<nout {
            var a = b[j], c = 0.0
            for (t, k) in listed.enumerated() {
                if t % 2 == 0 { a = fma(x[k], w[k * nout + j], a) } else { c = fma(x[k], w[k * nout + j], c) }
            }
            expected[j] = a + c
        }
        var dense = b, noBias = b
        for j in 0..<nout {
            var a = b[j], c = 0.0, a0 = 0.0
            for k in 0..<nin {
                if k % 2 == 0 {
                    a = fma(x[k], w[k * nout + j], a)
                    a0 = fma(x[k], w[k * nout + j], a0)
                } else {
                    c = fma(x[k], w[k * nout + j], c)
                }
            }
            dense[j] = a + c
            noBias[j] = a0 + c
        }
        for set in Self.usable {
            var z = b, zd = b, zn = b, a = b
            listed.withUnsafeBufferPointer { ip in
                set.rows.forwardLayer(x, ip.baseAddress!, listed.count, w, b, nout, &z, &a, .other)
            }
            set.rows.forwardLayer(x, nil, nin, w, b, nout, &zd, &a, .other)
            set.rows.forwardLayer(x, nil, nin, w, nil, nout, &zn, &a, .sigmoid)
            #expect(Self.differing(z, expected) == 0, "\(set) sparse, \(nout) columns")
            #expect(Self.differing(zd, dense) == 0, "\(set) dense, \(nout) columns")
            #expect(Self.differing(zn, noBias) == 0, "\(set) dense without a bias, \(nout) columns")
            #expect(Self.differing(a, noBias.map(VectorMath.sigmoid)) == 0, "\(set) σ of the layer, \(nout) columns")
        }
    }

    /// The first layer's update W[k, j] ← fma(a·x[k], δ_j, W[k, j]) over the listed inputs, and BP2 + BP4 rows:
    /// the weights get W ← fma(−η·a_k, δ_j, W) exactly; prev_k is W_k·δ (old weights) to rounding, the
    /// same bits in every set, times a_k(1 − a_k) when the layer below is sigmoid.
    @Test(arguments: [1, 3, 8, 10, 13, 16, 21, 32, 37])
    func updatesAreFusedAndEverySetAgrees(nout: Int) {
        let nin = 7, eta = 0.3
        var rng = SeededRandom(seed: UInt64(100 + nout))
        let x = (0..<nin).map { _ in rng.nextUnit() < 0.3 ? 0 : rng.uniform(-1, 1) }
        let a = (0..<nin).map { _ in rng.uniform(0.05, 0.95) }
        let delta = (0..<nout).map { _ in rng.uniform(-1, 1) }
        let w = (0..<(nin * nout)).map { _ in rng.uniform(-1, 1) }
        let listed = (0..<nin).filter { x[$0] != 0 }
        var outer = w
        for k in listed { for j in 0..<nout { outer[k * nout + j] = fma(-eta * x[k], delta[j], outer[k * nout + j]) } }
        var rows = w
        for k in 0..<nin { for j in 0..<nout { rows[k * nout + j] = fma(-(eta * a[k]), delta[j], rows[k * nout + j]) } }
        var firstPrev: [[UInt64]] = []
        for set in Self.usable {
            var w1 = w, w2 = w, w3 = w
            var prev = [Double](repeating: 0, count: nin), prevSig = prev
            var b1 = delta.map { $0 * 2 }, b2 = b1
            x.withUnsafeBufferPointer { xp in
                listed.withUnsafeBufferPointer { ip in
                    set.rows.firstLayerUpdate(ip.baseAddress!, listed.count, xp.baseAddress!, eta, delta, nout, &w1, bias: &b1)
                }
            }
            set.rows.backwardLayer(nin, &w2, nout, delta, a, eta, &prev, sigmoid: false, bias: &b2)
            set.rows.backwardLayer(nin, &w3, nout, delta, a, eta, &prevSig, sigmoid: true, bias: nil)
            #expect(Self.differing(w1, outer) == 0, "\(set) first-layer update, \(nout) columns")
            #expect(Self.differing(w2, rows) == 0, "\(set) row update, \(nout) columns")
            #expect(Self.differing(w3, w2) == 0)
            for k in 0..<nin {
                var dot = 0.0
                for j in 0..<nout { dot += w[k * nout + j] * delta[j] }
                #expect(abs(prev[k] - dot) < 1e-14, "\(set) prev[\(k)], \(nout) columns")
                #expect(prevSig[k].bitPattern == (prev[k] * (a[k] * (1 - a[k]))).bitPattern)
            }
            firstPrev.append(prev.map(\.bitPattern))
            let stepped = (0..<nout).map { fma(-eta, delta[$0], delta[$0] * 2) }
            #expect(Self.differing(b1, stepped) == 0 && Self.differing(b2, stepped) == 0, "\(set) bias step")
        }
        #expect(Set(firstPrev).count == 1, "the sets' BP2 sums differ")
    }
}
