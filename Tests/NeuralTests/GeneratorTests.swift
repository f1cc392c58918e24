import Foundation
import Testing
@testable import Neural

/// The seeded 2-D generators (TensorFlow Playground's four and scikit-learn's moons).
@Suite struct GeneratorTests {
    @Test func generatorsAreReproducibleAndSeeded() throws {
        for g in DataGenerator.allCases {
            let a = try g.generate(n: 101, noise: 0.2, seed: 7)
            let b = try g.generate(n: 101, noise: 0.2, seed: 7)
            let c = try g.generate(n: 101, noise: 0.2, seed: 8)
            #expect(a == b, "\(g)")
            #expect(a.x != c.x, "\(g)")
            #expect(a.count == 101 && a.featureCount == 2 && a.classCount == 2, "\(g)")
            #expect(a.x.isFinite, "\(g)")
            #expect(a.y.cols == 1 && Set(a.labels).isSubset(of: [0, 1]))
        }
        #expect(throws: DataError.self) { try Dataset.circle(n: 1, seed: 1) }
        #expect(throws: DataError.self) { try Dataset.moons(n: 10, noise: -0.1, seed: 1) }
        #expect(throws: DataError.self) { try Dataset.spiral(n: 10, noise: .nan, seed: 1) }
    }

    @Test func circleWithoutNoise() throws {
        // Class 1 (first ⌈n/2⌉ points) has radius < 2.5; class 0 lies in the ring 3.5 ≤ r < 5.
        let d = try Dataset.circle(n: 200, noise: 0, seed: 3)
        #expect(d.classCounts == [100, 100])
        for i in 0..<d.count {
            let r = (d.x[i, 0] * d.x[i, 0] + d.x[i, 1] * d.x[i, 1]).squareRoot()
            if d.labels[i] == 1 { #expect(r < 2.5) } else { #expect(r >= 3.5 - 1e-12 && r < 5) }
        }
        // With noise, labels come from the moved point, so some points carry the other class's label.
        let noisy = try Dataset.circle(n: 400, noise: 0.5, seed: 3)
        let wrong = (0..<noisy.count).filter { i in
            let r = (noisy.x[i, 0] * noisy.x[i, 0] + noisy.x[i, 1] * noisy.x[i, 1]).squareRoot()
            return (r < 2.5 ? 1 : 0) != noisy.labels[i]
        }.count
        #expect(wrong > 0 && wrong < 200)
    }

    @Test func xorQuadrantsWithoutNoise() throws {
        let d = try Dataset.xorQuadrants(n: 300, noise: 0, seed: 11)
        for i in 0..<d.count {
            let x = d.x[i, 0], y = d.x[i, 1]
            #expect(abs(x) >= 0.3 && abs(x) <= 5.3 && abs(y) >= 0.3 && abs(y) <= 5.3)
            #expect(d.labels[i] == (x * y >= 0 ? 1 : 0))
        }
        #expect(d.classCounts.allSatisfy { $0 > 100 })
    }

    @Test func gaussiansCentresAndVariance() throws {
        // noise 0 → variance 0.5 (Playground); with 2000 points per class the sample mean is within
        // 4·σ/√2000 = 4·0.707/44.7 ≈ 0.063 of the centre, the sample variance within ~0.05 of 0.5.
        let d = try Dataset.gaussians(n: 4000, noise: 0, seed: 5)
        for (label, centre) in [(1, 2.0), (0, -2.0)] {
            let rows = (0..<d.count).filter { d.labels[$0] == label }
            #expect(rows.count == 2000)
            for j in 0..<2 {
                let v = rows.map { d.x[$0, j] }
                let mean = v.reduce(0, +) / Double(v.count)
                let variance = v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(v.count)
                #expect(abs(mean - centre) < 0.063)
                #expect(abs(variance - 0.5) < 0.05)
            }
        }
    }

    @Test func spiralWithoutNoise() throws {
        // Arm point i of the k = n/2 points of an arm: r = 5i/k, t = 1.75·(i/k)·2π (+π for class 0),
        // x = r sin t, y = r cos t.
        let d = try Dataset.spiral(n: 100, noise: 0, seed: 1)
        // Point 10 of arm 1 (k = 50): r = 5·10/50 = 1, t = 1.75·0.2·2π = 0.7π
        //   → (sin 0.7π, cos 0.7π) = (0.80902, −0.58779).
        expectClose(d.x.row(10), [sin(0.7 * Double.pi), cos(0.7 * Double.pi)], tol: 1e-12)
        #expect(abs(d.x[10, 0] - 0.80902) < 1e-5 && abs(d.x[10, 1] + 0.58779) < 1e-5)
        expectClose(d.x.row(0), [0, 0], tol: 0)
        // The second arm is the first turned by π: point 50 + i = −(point i).
        for i in 0..<50 { expectClose(d.x.row(50 + i), d.x.row(i).map { -$0 }, tol: 1e-12) }
        #expect(d.labels[0] == 1 && d.labels[50] == 0)
    }

    @Test func moreClassesFromSpiralAndGaussians() throws {
        // Three arms of 10 points each (n = 30), made in the order class 2, 1, 0; arm c turned by
        // 2π(k − 1 − c)/k: class 2 by 0, class 1 by 2π/3, class 0 by 4π/3. Point 5 of class 1:
        // r = 5·5/10 = 2.5, t = 1.75·0.5·2π + 2π/3 = 1.75π + 2π/3 → (2.5 sin t, 2.5 cos t).
        let s = try Dataset.spiral(n: 30, noise: 0, seed: 1, classes: 3)
        #expect(s.classNames == ["0", "1", "2"] && s.classCounts == [10, 10, 10])
        #expect(s.y.cols == 3)
        #expect(s.labels[0] == 2 && s.labels[10] == 1 && s.labels[20] == 0)
        let t = 1.75 * Double.pi + 2 * Double.pi / 3
        expectClose(s.x.row(15), [2.5 * sin(t), 2.5 * cos(t)], tol: 1e-12)
        // Gaussians: k = 4 centres on the circle of radius 2√2 at π/4 + π(2c/4 − 1):
        // c = 0 → −3π/4 → (−2, −2); c = 1 → −π/4 → (2, −2); c = 2 → π/4 → (2, 2); c = 3 → 3π/4 → (−2, 2).
        // n = 4002: classes 3 and 2 (made first) get 1001, classes 1 and 0 get 1000.
        let g = try Dataset.gaussians(n: 4002, noise: 0, seed: 2, classes: 4)
        #expect(g.classCounts == [1000, 1000, 1001, 1001])
        let centres: [(Double, Double)] = [(-2, -2), (2, -2), (2, 2), (-2, 2)]
        for c in 0..<4 {
            let rows = (0..<g.count).filter { g.labels[$0] == c }
            let mx = rows.map { g.x[$0, 0] }.reduce(0, +) / Double(rows.count)
            let my = rows.map { g.x[$0, 1] }.reduce(0, +) / Double(rows.count)
            #expect(abs(mx - centres[c].0) < 0.09 && abs(my - centres[c].1) < 0.09, "class \(c): (\(mx), \(my))")
        }
        #expect(throws: DataError.self) { try DataGenerator.circle.generate(n: 30, noise: 0, seed: 1, classes: 3) }
        #expect(throws: DataError.self) { try Dataset.spiral(n: 2, seed: 1, classes: 3) }
    }

    @Test func moonsWithoutNoise() throws {
        // Class 0 on the upper unit half circle, class 1 on the lower one centred at (1, 0.5).
        let d = try Dataset.moons(n: 100, noise: 0, seed: 1)
        #expect(d.classCounts == [50, 50])
        for i in 0..<d.count {
            let x = d.x[i, 0], y = d.x[i, 1]
            if d.labels[i] == 0 {
                #expect(abs(x * x + y * y - 1) < 1e-12 && y >= -1e-12)
            } else {
                #expect(abs((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5) - 1) < 1e-12 && y <= 0.5 + 1e-12)
            }
        }
        // Evenly spaced angles: the first and last outer points are (1, 0) and (−1, 0).
        expectClose(d.x.row(0), [1, 0], tol: 1e-12)
        expectClose(d.x.row(49), [-1, 0], tol: 1e-12)
    }
}
