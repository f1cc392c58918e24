import Foundation
import Testing

/// The HUFLIT exercise's [2-3-2] network (sigmoid, no bias), input (0.5, 1.0), target (1, 0).
let w232: [[[Double]]] = [[[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]], [[0.7, 0.8], [0.9, 0.1], [0.2, 0.3]]]
let x232 = [0.5, 1.0], t232 = [1.0, 0.0]

extension Handout {
    /// Neuron by neuron: z_j = Σᵢ aᵢ·wᵢⱼ (+ b_j) with every product written out, then a_j = f(z_j).
    func expectPerNeuron(_ input: [Double], _ w: [[Double]], _ b: [Double]? = nil, z: [Double], a: [Double], inputs: (Double) -> String = { printed($0) },
                         _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for j in z.indices {
            var row: [String] = []
            for i in input.indices { row += [inputs(input[i]), printed(w[i][j])] }
            if let b { row.append(printed(b[j])) }
            expectRow(row + [printed(z[j])], "\(what) z\(j + 1)", sourceLocation: sourceLocation)
            expectRow([printed(z[j]), printed(a[j])], "\(what) a\(j + 1)", sourceLocation: sourceLocation)
        }
    }

    /// The per-weight backward pass as lesson 6 prints it: δ of the output layer, δ of the hidden layer,
    /// each ∂E/∂w = aᵢ·δⱼ, each bias gradient, each update old − η·gradient = new.
    func expectPerWeight(_ bp: HandBackprop, target: [Double], w: [[[Double]]], b: [[Double]]? = nil, eta: String,
                         inputs: (Double) -> String = { printed($0) }, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let out = bp.a[2]
        for k in out.indices {
            expectRow([printed(out[k]), printed(Int(target[k])), printed(out[k]), "1", printed(out[k]), printed(bp.delta[1][k])],
                      "\(what) δ⁽²⁾\(k + 1)", sourceLocation: sourceLocation)
        }
        for (l, input) in [(0, bp.a[0]), (1, bp.a[1])] {
            let show = l == 0 ? inputs : { printed($0) }
            for i in input.indices {
                for j in bp.delta[l].indices {
                    expectRow([show(input[i]), printed(bp.delta[l][j]), printed(bp.gradW[l][i][j])], "\(what) ∂E/∂w⁽\(l + 1)⁾\(i + 1)\(j + 1)", sourceLocation: sourceLocation)
                    expectRow([printed(w[l][i][j]), eta, printed(bp.gradW[l][i][j]), printed(bp.newW[l][i][j])], "\(what) new w⁽\(l + 1)⁾\(i + 1)\(j + 1)", sourceLocation: sourceLocation)
                }
            }
            if let b {
                for j in b[l].indices {
                    expectRow([printed(b[l][j]), eta, printed(bp.delta[l][j]), printed(bp.newB[l][j])], "\(what) new b⁽\(l + 1)⁾\(j + 1)", sourceLocation: sourceLocation)
                }
            }
        }
    }

    /// The matrix form of one backward step: δ rows, gradient rows and updated weight rows.
    func expectMatrixStep(delta: [[[Double]]], gradW: [[[Double]]], newW: [[[Double]]], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for l in delta.indices { for row in delta[l] { expectRow(row.map { printed($0) }, "\(what) δ⁽\(l + 1)⁾", sourceLocation: sourceLocation) } }
        for l in gradW.indices {
            for row in gradW[l] { expectRow(row.map { printed($0) }, "\(what) ∂E/∂W⁽\(l + 1)⁾", sourceLocation: sourceLocation) }
            for row in newW[l] { expectRow(row.map { printed($0) }, "\(what) new W⁽\(l + 1)⁾", sourceLocation: sourceLocation) }
        }
    }
}

/// Lessons 5 and 6: forward passes per neuron and in matrix form, shapes, and the backward passes,
/// all recomputed with the plain loops of `layer` and `HandBackprop`.
@Suite(.serialized) struct CourseNumbersNetworkTests {
    @Test(arguments: ["vi/05-mlp-forward", "en/05-mlp-forward"])
    func forward(_ lesson: String) throws {
        let h = try Handout.render(lesson)
        // Shapes of [2-3-4-1] for a batch of 6 and of [4-5-3] for a batch of 10: W n₋₁×n, b 1×n, Z and A m×n.
        for (sizes, m, parameters) in [([2, 3, 4, 1], 6, 30), ([4, 5, 3], 10, 43)] {
            var count = 0
            for l in 1..<sizes.count {
                let (p, n) = (sizes[l - 1], sizes[l])
                h.expectWords(["\(l)", "\(p)×\(n)", "1×\(n)", "\(m)×\(n)", "\(m)×\(n)"], "shape of layer \(l) of \(sizes)")
                count += p * n + n
            }
            #expect(count == parameters)  // 2·3+3 + 3·4+4 + 4·1+1 = 30; 4·5+5 + 5·3+3 = 43
            h.expectRow(["\(count)"], "parameters of \(sizes)")
        }
        // Learn, Sleep → Is_Pass: the six students through the untrained 2-4-1 network, Z⁽¹⁾ and A⁽¹⁾ row by row.
        let students: [[Double]] = [[8, 7], [2, 5], [6, 8], [1, 9], [5, 4], [9, 6]]
        let pw1: [[Double]] = [[0.2, -0.3, 0.4, 0.1], [-0.1, 0.2, -0.2, 0.3]], pb1 = [0.15, 0, -0.2, 0.1]
        let pw2: [[Double]] = [[0.5], [-0.4], [0.3], [0.2]], pb2 = [-0.1]
        var z2: [String] = [], a2: [String] = []
        for x in students {
            let z = layer(x, pw1, pb1), a = z.map(sigmoid)
            h.expectRow(z.map { printed($0) }, "students Z⁽¹⁾")
            h.expectRow(a.map { printed($0) }, "students A⁽¹⁾")
            let o = layer(a, pw2, pb2)[0]
            z2.append(printed(o))
            a2.append(printed(sigmoid(o)))
        }
        // Hand check of the first student: 8·0.2 + 7·(−0.1) + 0.15 = 1.05.
        #expect(printed(layer(students[0], pw1, pb1)[0]) == "1.0500")
        h.expectInOrder(z2, "students Z⁽²⁾", gap: 12)
        h.expectInOrder(a2, "students A⁽²⁾", gap: 4)
        h.expectAccuraciesCount(students.count, atLeast: 1)

        // The [2-3-2] forward pass neuron by neuron (0.5·0.1 + 1·0.2 = 0.25, σ(0.25) = 0.5622, …) and in matrix form.
        let z1 = layer(x232, w232[0]), a1 = z1.map(sigmoid), zo = layer(a1, w232[1]), ao = zo.map(sigmoid)
        #expect(printed(z1[0]) == "0.2500" && printed(a1[0]) == "0.5622")
        h.expectPerNeuron(x232, w232[0], z: z1, a: a1, "[2-3-2] layer 1")
        h.expectPerNeuron(a1, w232[1], z: zo, a: ao, "[2-3-2] layer 2")
        for row in [z1, a1, zo, ao] { h.expectRow(row.map { printed($0) }, "[2-3-2] matrix form") }
        h.expectRow(ao.map { printed($0) }, "ŷ")

        // Exercise 2: a 2-2-1 with biases at x = (1, 0): z⁽¹⁾ = (0.6, −0.6), then 0.6457 − 0.3543 + 0.2.
        let ew1: [[Double]] = [[0.5, -0.5], [0.3, 0.8]], eb1 = [0.1, -0.1], ew2: [[Double]] = [[1], [-1]], eb2 = [0.2]
        let ez1 = layer([1, 0], ew1, eb1), ea1 = ez1.map(sigmoid), ez2 = layer(ea1, ew2, eb2)
        let whole: (Double) -> String = { printed(Int($0)) }
        h.expectPerNeuron([1, 0], ew1, eb1, z: ez1, a: ea1, inputs: whole, "exercise 2 layer 1")
        h.expectPerNeuron(ea1, ew2, eb2, z: ez2, a: ez2.map(sigmoid), "exercise 2 layer 2")
        // Rounded at every step, as by hand: 0.6457·1 + 0.3543·(−1) + 0.2 = 0.4914 (0.4913 unrounded).
        func r4(_ x: Double) -> Double { (x * 10_000).rounded(.toNearestOrAwayFromZero) / 10_000 }
        let ra1 = ez1.map { r4(sigmoid(r4($0))) }, rz2 = r4(layer(ra1, ew2, eb2)[0])
        #expect(printed(rz2) == "0.4914" && printed(ez2[0]) == "0.4913")
        h.expectRow([printed(ra1[0]), "1.0000", printed(ra1[1]), printed(-1.0), "0.2000", printed(rz2)], "exercise 2 rounded")
        h.expectRow([printed(rz2), printed(r4(sigmoid(rz2)))], "exercise 2 rounded output")
    }

    @Test(arguments: ["vi/06-backprop", "en/06-backprop"])
    func backprop(_ lesson: String) throws {
        let h = try Handout.render(lesson)
        let bp = HandBackprop(x: x232, target: t232, w: w232, eta: 0.5)
        // Hand check: δ⁽²⁾₁ = (0.7511 − 1)·0.7511·(1 − 0.7511) = −0.0465; new w⁽²⁾₁₁ = 0.7 − 0.5·(0.5622·−0.0465) = 0.7131.
        #expect(printed(bp.delta[1][0]) == "\u{2212}0.0465" && printed(bp.newW[1][0][0]) == "0.7131" && printed(bp.loss) == "0.2577")
        h.expectInOrder([printed(bp.a[2][0]), printed(bp.a[2][1]), printed(bp.loss)], "loss E", gap: 4)
        for j in 0..<3 {
            h.expectRow([printed(w232[1][j][0]), printed(bp.delta[1][0]), printed(w232[1][j][1]), printed(bp.delta[1][1]),
                         printed(bp.a[1][j]), "1", printed(bp.a[1][j]), printed(bp.delta[0][j])], "δ⁽¹⁾\(j + 1)")
        }
        h.expectPerWeight(bp, target: t232, w: w232, eta: "0.5", "[2-3-2]")

        // The gradient check: central differences (J(w + ε) − J(w − ε)) / 2ε with ε = 10⁻⁵ beside backprop.
        func loss(_ w: [[[Double]]]) -> Double {
            let o = layer(layer(x232, w[0]).map(sigmoid), w[1]).map(sigmoid)
            return 0.5 * zip(o, t232).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
        }
        for l in w232.indices {
            for i in w232[l].indices {
                for j in w232[l][i].indices {
                    var up = w232, down = w232
                    up[l][i][j] += 1e-5
                    down[l][i][j] -= 1e-5
                    let fd = (loss(up) - loss(down)) / 2e-5
                    #expect(abs(fd - bp.gradW[l][i][j]) < 1e-8)
                    h.expectRow([printed(bp.gradW[l][i][j]), printed(fd)], "gradient check w⁽\(l + 1)⁾\(i + 1)\(j + 1)")
                }
            }
        }
        // The relative errors of the table (2.4×10⁻¹⁰ …): their largest is the one stated under the table
        // ("2.3 × 10−9") and in the prose ("2.3×10⁻⁹"), and it is tiny.
        let sup = Dictionary(uniqueKeysWithValues: zip("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))
        let errors = h.text.matches(of: /([0-9.]+)×10⁻([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/).map { m in
            (text: String(m.0), value: Double(m.1)! * pow(10, -Double(String(m.2.map { sup[$0]! }))!), mantissa: String(m.1), exponent: String(m.2.map { sup[$0]! }))
        }
        #expect(errors.count == 13, "\(lesson): \(errors.count) relative errors, expected 12 in the table and 1 in the prose")
        if let largest = errors.dropLast().max(by: { $0.value < $1.value }) {
            #expect(errors.last?.text == largest.text, "\(lesson): the prose's largest relative error is not the table's largest")
            #expect(h.text.contains("\(largest.mantissa) × 10\u{2212}\(largest.exponent)"), "\(lesson): the table's stated largest relative error is not \(largest.text)")
            #expect(largest.value < 1e-6)
        }
        // The matrix form, and the loss after the update: 0.2577 → 0.2428.
        h.expectMatrixStep(delta: bp.delta.map { [$0] }, gradW: bp.gradW, newW: bp.newW, "[2-3-2] matrix form")
        let second = HandBackprop(x: x232, target: t232, w: bp.newW, eta: 0.5)
        h.expectRun([printed(bp.loss), printed(second.loss)], "loss before and after")
        // Exercise 1: the second update from the updated weights.
        h.expectMatrixStep(delta: second.delta.map { [$0] }, gradW: second.gradW, newW: second.newW, "exercise 1")

        // The 2-2-1 with biases: x = (0.05, 0.1), y = 0.01, η = 0.5 (z⁽¹⁾₁ = 0.05·0.15 + 0.1·0.2 + 0.35 = 0.3775).
        let nw: [[[Double]]] = [[[0.15, 0.25], [0.2, 0.3]], [[0.4], [0.45]]], nb: [[Double]] = [[0.35, 0.35], [0.6]]
        let b221 = HandBackprop(x: [0.05, 0.1], target: [0.01], w: nw, b: nb, eta: 0.5)
        #expect(printed(b221.z[0][0]) == "0.3775")
        h.expectPerNeuron([0.05, 0.1], nw[0], nb[0], z: b221.z[0], a: b221.a[1], "2-2-1 layer 1")
        h.expectPerNeuron(b221.a[1], nw[1], nb[1], z: b221.z[1], a: b221.a[2], "2-2-1 layer 2")
        h.expectRow([printed(b221.a[2][0]), "0.0100", printed(b221.a[2][0]), "1", printed(b221.a[2][0]), printed(b221.delta[1][0])], "2-2-1 δ⁽²⁾")
        for j in 0..<2 {
            h.expectRow([printed(nw[1][j][0]), printed(b221.delta[1][0]), printed(b221.a[1][j]), "1", printed(b221.a[1][j]), printed(b221.delta[0][j])], "2-2-1 δ⁽¹⁾")
        }
        // (The output δ row above has target 0.01, so only the hidden and update rows use the helper.)
        for (l, input) in [(0, [0.05, 0.1]), (1, b221.a[1])] {
            for i in input.indices {
                for j in b221.delta[l].indices {
                    h.expectRow([printed(input[i]), printed(b221.delta[l][j]), printed(b221.gradW[l][i][j])], "2-2-1 ∂E/∂w")
                    h.expectRow([printed(nw[l][i][j]), "0.5", printed(b221.gradW[l][i][j]), printed(b221.newW[l][i][j])], "2-2-1 new w")
                }
            }
            for j in nb[l].indices { h.expectRow([printed(nb[l][j]), "0.5", printed(b221.delta[l][j]), printed(b221.newB[l][j])], "2-2-1 new b") }
        }
        // Exercise 2: the same with tanh in the hidden layer: δ⁽¹⁾ⱼ = w⁽²⁾ⱼ₁·δ⁽²⁾·(1 − a²).
        let t221 = HandBackprop(x: [0.05, 0.1], target: [0.01], w: nw, b: nb, eta: 0.5, tanhHidden: true)
        h.expectPerNeuron(t221.a[1], nw[1], nb[1], z: t221.z[1], a: t221.a[2], "tanh 2-2-1 layer 2")
        for j in 0..<2 {
            h.expectRow([printed(t221.z[0][j]), printed(t221.a[1][j])], "tanh a⁽¹⁾")
            h.expectRow([printed(nw[1][j][0]), printed(t221.delta[1][0]), "1"], "tanh δ⁽¹⁾")
            h.expectRow([printed(nb[0][j]), "0.5", printed(t221.delta[0][j]), printed(t221.newB[0][j])], "tanh new b⁽¹⁾")
        }
        // The prose compares δ⁽¹⁾ with tanh (0.0500, 0.0557) and with the sigmoid (0.0134, 0.0150).
        h.expectRun((t221.delta[0] + b221.delta[0]).map { printed($0) }, "δ⁽¹⁾ tanh against sigmoid")

        // The mini-batch of two samples: the loss and gradients are sums over the samples.
        let other = HandBackprop(x: [1, 0], target: [0, 1], w: w232, eta: 0.5)
        #expect(printed(bp.loss + other.loss) == "0.5839")
        h.expectRow([printed(bp.loss + other.loss)], "mini-batch loss")
        let sumW = w232.indices.map { l in w232[l].indices.map { i in w232[l][i].indices.map { j in bp.gradW[l][i][j] + other.gradW[l][i][j] } } }
        let newW = w232.indices.map { l in w232[l].indices.map { i in w232[l][i].indices.map { j in w232[l][i][j] - 0.5 * sumW[l][i][j] } } }
        h.expectMatrixStep(delta: [[bp.delta[0], other.delta[0]], [bp.delta[1], other.delta[1]]], gradW: sumW, newW: newW, "mini-batch")
        // Exercise 3: the second sample alone, and the sum for W⁽²⁾₁₁: −0.0262 + 0.0753 = 0.0492.
        h.expectMatrixStep(delta: other.delta.map { [$0] }, gradW: other.gradW, newW: other.newW, "exercise 3 second sample")
        h.expectRow([printed(bp.gradW[1][0][0]), printed(other.gradW[1][0][0]), printed(sumW[1][0][0])], "exercise 3 sum")
    }
}
