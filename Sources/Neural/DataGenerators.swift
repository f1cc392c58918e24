import Foundation

/// Seeded two-dimensional data sets like TensorFlow Playground's (circle, XOR quadrants, two
/// Gaussians, spiral), plus scikit-learn's two moons. Every point comes from `SeededRandom`, so the
/// same (n, noise, seed) gives the same points on every machine.
///
/// Labels are 0/1 (Playground's −1 is our 0), features x1, x2, classes "0" and "1", y one 0/1
/// column. `noise` is Playground's slider as a fraction (0…0.5 there; any value ≥ 0 here) except for
/// the moons, where it is the standard deviation of the Gaussian noise, as in scikit-learn.
/// Points come class by class as Playground makes them; training shuffles them.
public enum DataGenerator: String, Sendable, CaseIterable {
    case circle, xor, gaussians, spiral, moons

    /// Generators that can make more than two classes (`classes:`); the others make exactly two.
    public var supportsManyClasses: Bool { self == .spiral || self == .gaussians }

    /// Generates n points; throws for n < classes, a negative or non-finite noise, or more than two
    /// classes from a two-class generator.
    ///
    /// With k classes, class c gets n/k points (the classes made first get the remainder), made in
    /// the order c = k − 1, …, 0, so that for two classes Playground's positives (class 1) come first.
    public func generate(n: Int, noise: Double, seed: UInt64, classes: Int = 2) throws -> Dataset {
        guard classes >= 2, classes <= 100 else { throw DataError("classes must be 2…100, got \(classes)") }
        guard classes == 2 || supportsManyClasses else {
            throw DataError("the \(rawValue) generator makes 2 classes, not \(classes); spiral and gaussians make more")
        }
        guard n >= classes else { throw DataError("\(classes) classes need at least \(classes) points, got n = \(n)") }
        guard noise.isFinite, noise >= 0 else { throw DataError("noise must be a number ≥ 0, got \(noise)") }
        var rng = SeededRandom(seed: seed)
        var points: [(Double, Double, Int)] = []
        points.reserveCapacity(n)
        // (class, count) in the order made: k − 1 first.
        let order: [(label: Int, count: Int)] = (0..<classes).map { i in
            (classes - 1 - i, n / classes + (i < n % classes ? 1 : 0))
        }
        let first = order[0].count, second = order[1].count   // the two-class generators
        switch self {
        case .circle:
            // Inside r ≤ 2.5 is class 1, the ring 3.5 ≤ r ≤ 5 is class 0; the label is that of the
            // point moved by noise·uniform(−5, 5) in each direction (Playground: label noise).
            let radius = 5.0
            func label(_ x: Double, _ y: Double) -> Int { (x * x + y * y).squareRoot() < radius * 0.5 ? 1 : 0 }
            for (count, lo, hi) in [(first, 0.0, radius * 0.5), (second, radius * 0.7, radius)] {
                for _ in 0..<count {
                    let r = rng.uniform(lo, hi)
                    let angle = rng.uniform(0, 2 * Double.pi)
                    let x = r * sin(angle), y = r * cos(angle)
                    let nx = rng.uniform(-radius, radius) * noise
                    let ny = rng.uniform(-radius, radius) * noise
                    points.append((x, y, label(x + nx, y + ny)))
                }
            }
        case .xor:
            // Uniform in [−5, 5]², pushed 0.3 away from the axes; class 1 where x·y ≥ 0 (after noise).
            for _ in 0..<n {
                var x = rng.uniform(-5, 5); x += x > 0 ? 0.3 : -0.3
                var y = rng.uniform(-5, 5); y += y > 0 ? 0.3 : -0.3
                let nx = rng.uniform(-5, 5) * noise
                let ny = rng.uniform(-5, 5) * noise
                points.append((x, y, (x + nx) * (y + ny) >= 0 ? 1 : 0))
            }
        case .gaussians:
            // Centres (2, 2) for class 1 and (−2, −2) for class 0; variance 0.5 + 7·noise
            // (Playground maps noise 0…0.5 linearly onto variance 0.5…4). With k classes the centres
            // lie on the circle of radius 2√2 at angles π/4 + π(2c/k − 1), which for k = 2 are those two.
            let variance = 0.5 + noise * 7
            let sd = variance.squareRoot()
            for (label, count) in order {
                let (cx, cy) = classes == 2
                    ? (label == 1 ? (2.0, 2.0) : (-2.0, -2.0))
                    : centre(angle: Double.pi / 4 + Double.pi * (2 * Double(label) / Double(classes) - 1),
                             radius: 2 * 2.0.squareRoot())
                for _ in 0..<count {
                    let x = rng.normal(mean: cx, sd: sd)
                    let y = rng.normal(mean: cy, sd: sd)
                    points.append((x, y, label))
                }
            }
        case .spiral:
            // Two arms of 1.75 turns, radius 0 to 5, the second turned by π; noise·uniform(−1, 1) added.
            // With k classes, arm c is turned by 2π(k − 1 − c)/k (for k = 2: class 1 by 0, class 0 by π).
            for (label, count) in order {
                let delta = 2 * Double.pi * Double(classes - 1 - label) / Double(classes)
                for i in 0..<count {
                    let f = Double(i) / Double(count)
                    let r = f * 5
                    let t = 1.75 * f * 2 * Double.pi + delta
                    let x = r * sin(t) + rng.uniform(-1, 1) * noise
                    let y = r * cos(t) + rng.uniform(-1, 1) * noise
                    points.append((x, y, label))
                }
            }
        case .moons:
            // scikit-learn's make_moons: an upper half circle (class 0) and a lower one shifted to
            // (1, 0.5) (class 1), angles evenly spaced in [0, π], then Gaussian noise of sd `noise`.
            for (count, label) in [(second, 0), (first, 1)] {
                for i in 0..<count {
                    let t = count == 1 ? 0 : Double.pi * Double(i) / Double(count - 1)
                    let (x, y) = label == 0 ? (cos(t), sin(t)) : (1 - cos(t), 0.5 - sin(t))
                    points.append((x + rng.normal(sd: noise), y + rng.normal(sd: noise), label))
                }
            }
        }
        let x = Matrix(rows: points.count, cols: 2, storage: points.flatMap { [$0.0, $0.1] })
        return try Dataset(name: rawValue, x: x, labels: points.map(\.2), featureNames: ["x1", "x2"],
                           classNames: (0..<classes).map(String.init))
    }

    private func centre(angle: Double, radius: Double) -> (Double, Double) {
        (radius * cos(angle), radius * sin(angle))
    }
}

extension Dataset {
    /// Playground's circle: class 1 inside radius 2.5, class 0 in the ring from 3.5 to 5.
    public static func circle(n: Int, noise: Double = 0, seed: UInt64) throws -> Dataset {
        try DataGenerator.circle.generate(n: n, noise: noise, seed: seed)
    }
    /// Playground's XOR quadrants: class 1 where x₁·x₂ ≥ 0.
    public static func xorQuadrants(n: Int, noise: Double = 0, seed: UInt64) throws -> Dataset {
        try DataGenerator.xor.generate(n: n, noise: noise, seed: seed)
    }
    /// Playground's two Gaussians at (2, 2) (class 1) and (−2, −2) (class 0).
    public static func gaussians(n: Int, noise: Double = 0, seed: UInt64, classes: Int = 2) throws -> Dataset {
        try DataGenerator.gaussians.generate(n: n, noise: noise, seed: seed, classes: classes)
    }
    /// Playground's two-armed spiral.
    public static func spiral(n: Int, noise: Double = 0, seed: UInt64, classes: Int = 2) throws -> Dataset {
        try DataGenerator.spiral.generate(n: n, noise: noise, seed: seed, classes: classes)
    }
    /// scikit-learn's two interleaving half circles; `noise` is the sd of Gaussian noise (0.1 is typical).
    public static func moons(n: Int, noise: Double = 0, seed: UInt64) throws -> Dataset {
        try DataGenerator.moons.generate(n: n, noise: noise, seed: seed)
    }
}
