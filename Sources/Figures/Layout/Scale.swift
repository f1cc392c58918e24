import Foundation

/// How an axis maps data to length.
public enum AxisScale: Sendable, Equatable {
    case linear
    /// Base-10 logarithmic; only positive values are drawn.
    case log
}

/// A map from a data interval to a length interval (for an axis: data → points on the page).
struct Scale: Sendable {
    var kind: AxisScale
    var domain: ClosedRange<Double>
    var range: (Double, Double)

    init(_ kind: AxisScale = .linear, domain: ClosedRange<Double>, range: (Double, Double)) {
        self.kind = kind
        self.domain = domain
        self.range = range
    }

    private func forward(_ v: Double) -> Double { kind == .log ? log10(v) : v }

    /// The position of `v`; for a log scale, a non-positive `v` maps to nil.
    func position(_ v: Double) -> Double? {
        guard v.isFinite, kind == .linear || v > 0 else { return nil }
        let d0 = forward(domain.lowerBound), d1 = forward(domain.upperBound)
        let span = d1 - d0
        let t = span == 0 ? 0.5 : (forward(v) - d0) / span
        return range.0 + t * (range.1 - range.0)
    }

    /// The data value at position `p` (the inverse of `position`).
    func value(at p: Double) -> Double {
        let d0 = forward(domain.lowerBound), d1 = forward(domain.upperBound)
        let span = range.1 - range.0
        let t = span == 0 ? 0 : (p - range.0) / span
        let f = d0 + t * (d1 - d0)
        return kind == .log ? pow(10, f) : f
    }
}

/// Tick marks at "nice" values (1, 2, 2.5 or 5 times a power of ten) for a linear axis, and at
/// decades (with 2 and 5 between when the range is short) for a log axis.
struct Ticks: Equatable, Sendable {
    var values: [Double]
    /// The step between linear ticks (used to choose how many decimals the labels show);
    /// for log ticks, the smallest tick.
    var step: Double

    /// Ticks covering `lo…hi` with at most `maxCount` ticks, all inside `lo…hi`.
    static func linear(_ lo: Double, _ hi: Double, maxCount: Int = 7) -> Ticks {
        guard lo.isFinite, hi.isFinite else { return Ticks(values: [], step: 1) }
        if lo == hi { return Ticks(values: [lo], step: Swift.max(abs(lo), 1)) }
        let (a, b) = lo < hi ? (lo, hi) : (hi, lo)
        let step = niceStep(span: b - a, maxCount: Swift.max(2, maxCount))
        let first = (a / step - 1e-9).rounded(.up)
        let last = (b / step + 1e-9).rounded(.down)
        var values: [Double] = []
        if first <= last {
            for k in Int(first)...Int(last) { values.append(clean(Double(k) * step, step: step)) }
        }
        return Ticks(values: values, step: step)
    }

    /// The smallest interval with nice ends that contains `lo…hi`, and its ticks.
    static func niceDomain(_ lo: Double, _ hi: Double, maxCount: Int = 7) -> (ClosedRange<Double>, Ticks) {
        var (a, b) = lo <= hi ? (lo, hi) : (hi, lo)
        if !a.isFinite || !b.isFinite { (a, b) = (0, 1) }
        if a == b { let pad = a == 0 ? 1 : abs(a) * 0.1; (a, b) = (a - pad, b + pad) }
        let step = niceStep(span: b - a, maxCount: Swift.max(2, maxCount))
        let lo2 = clean((a / step + 1e-9).rounded(.down) * step, step: step)
        let hi2 = clean((b / step - 1e-9).rounded(.up) * step, step: step)
        // The ticks are the multiples of `step` from end to end (one more than maxCount at most, once
        // the ends are rounded). Not `linear(lo2, hi2)`: it may pick a finer step than `step`, and
        // labels printed with the decimals of `step` would then repeat (0, 1, 1, 2, 2 for 0…2 by 0.5).
        let n = Int(((hi2 - lo2) / step).rounded())
        let values = (0...max(n, 0)).map { clean(lo2 + Double($0) * step, step: step) }
        return (lo2...hi2, Ticks(values: values, step: step))
    }

    static func log(_ lo: Double, _ hi: Double) -> Ticks {
        guard lo > 0, hi > 0, lo.isFinite, hi.isFinite else { return Ticks(values: [], step: 1) }
        let (a, b) = lo < hi ? (lo, hi) : (hi, lo)
        let e0 = Int((log10(a) - 1e-9).rounded(.down)), e1 = Int((log10(b) + 1e-9).rounded(.up))
        let decades = e1 - e0
        let mantissas: [Double] = decades <= 2 ? [1, 2, 5] : [1]
        let every = Swift.max(1, Int((Double(decades) / 6).rounded(.up)))
        var values: [Double] = []
        for e in e0...e1 where (e - e0) % every == 0 {
            for m in mantissas {
                let v = m * pow(10, Double(e))
                if v >= a * (1 - 1e-9) && v <= b * (1 + 1e-9) { values.append(v) }
            }
        }
        return Ticks(values: values, step: values.first ?? a)
    }

    /// The smallest step of the form {1, 2, 2.5, 5}·10ᵏ that needs at most `maxCount` ticks.
    static func niceStep(span: Double, maxCount: Int) -> Double {
        let raw = span / Double(maxCount - 1)
        let p = pow(10, (log10(raw)).rounded(.down))
        for m in [1.0, 2, 2.5, 5, 10] where m * p >= raw * (1 - 1e-12) { return m * p }
        return 10 * p
    }

    /// `v` rounded to the precision of `step` (so 0.1 + 0.2 prints as 0.3 and −0 as 0).
    static func clean(_ v: Double, step: Double) -> Double {
        let decimals = NumberFormat.decimals(forStep: step)
        let f = pow(10, Double(decimals))
        let r = (v * f).rounded() / f
        return r == 0 ? 0 : r
    }
}
