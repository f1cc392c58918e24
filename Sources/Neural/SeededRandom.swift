import Foundation

/// SplitMix64: a small seeded generator that gives the same sequence on every platform.
///
/// Every random choice in nnbook (weight initialisation, shuffling, data generators, dropout)
/// draws from one of these, so a lesson built twice gives the same numbers.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 53 random bits (platform-independent, unlike `Double.random(in:using:)`).
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in [lo, hi).
    public mutating func uniform(_ lo: Double, _ hi: Double) -> Double {
        lo + (hi - lo) * nextUnit()
    }

    /// Standard normal by Box–Muller (uses two uniforms per call; deterministic).
    public mutating func normal(mean: Double = 0, sd: Double = 1) -> Double {
        var u1 = nextUnit()
        while u1 <= 0 { u1 = nextUnit() }
        let u2 = nextUnit()
        return mean + sd * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Integer in 0..<n without modulo bias (Lemire's method is platform-independent too).
    public mutating func int(below n: Int) -> Int {
        precondition(n > 0)
        let bound = UInt64(n)
        let threshold = (0 &- bound) % bound
        while true {
            let r = next()
            if r >= threshold { return Int(r % bound) }
        }
    }

    /// Fisher–Yates shuffle with this generator (the standard library's shuffle may change between versions).
    public mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = int(below: i + 1)
            if i != j { a.swapAt(i, j) }
        }
    }

    public mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        shuffle(&p)
        return p
    }
}
