/// Z-score standardization of each feature column (HUFLIT 004):
///
///     x_scaled = (x − μ) / σ,   μ = Σx / m,   σ = √(Σ(x − μ)² / m)
///
/// σ is the population standard deviation (divided by m, as the slides do, not m − 1).
/// A constant column (σ = 0) scales to 0 and its inverse gives the constant back.
public struct ZScoreScaler: Sendable, Equatable {
    /// μ of each column.
    public let mean: [Double]
    /// σ of each column (population: divided by m).
    public let standardDeviation: [Double]

    /// A scaler with known statistics.
    public init(mean: [Double], standardDeviation: [Double]) throws {
        guard mean.count == standardDeviation.count else {
            throw ShapeError("mean has \(mean.count) value(s) but σ has \(standardDeviation.count)")
        }
        for j in 0..<mean.count where !(mean[j].isFinite && standardDeviation[j].isFinite && standardDeviation[j] >= 0) {
            throw DataError("column \(j + 1): mean \(mean[j]) and σ \(standardDeviation[j]) must be finite with σ ≥ 0")
        }
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// Learns μ and σ of every column of x (m×n, m ≥ 1, finite values).
    public init(fitting x: Matrix) throws {
        try FeatureStatistics.check(x, for: "z-score scaling")
        let m = Double(x.rows)
        var mu = [Double](repeating: 0, count: x.cols)
        for i in 0..<x.rows { for j in 0..<x.cols { mu[j] += x[i, j] } }
        mu = mu.map { $0 / m }
        // Two passes (mean first, then squared deviations): exact for the small tables of the slides
        // and stable for large values, unlike Σx² − mμ².
        var ss = [Double](repeating: 0, count: x.cols)
        for i in 0..<x.rows {
            for j in 0..<x.cols { let d = x[i, j] - mu[j]; ss[j] += d * d }
        }
        self.mean = mu
        self.standardDeviation = ss.map { ($0 / m).squareRoot() }
    }

    /// σ, by its symbol.
    public var sigma: [Double] { standardDeviation }
    public var featureCount: Int { mean.count }

    /// (x − μ) / σ, column by column.
    public func transform(_ x: Matrix) throws -> Matrix {
        try FeatureStatistics.checkColumns(x, featureCount, "z-score scaler")
        var out = x
        for i in 0..<x.rows {
            for j in 0..<x.cols {
                let s = standardDeviation[j]
                out[i, j] = s == 0 ? 0 : (x[i, j] - mean[j]) / s
            }
        }
        return out
    }

    /// x_scaled·σ + μ, column by column.
    public func inverse(_ scaled: Matrix) throws -> Matrix {
        try FeatureStatistics.checkColumns(scaled, featureCount, "z-score scaler")
        var out = scaled
        for i in 0..<scaled.rows {
            for j in 0..<scaled.cols { out[i, j] = scaled[i, j] * standardDeviation[j] + mean[j] }
        }
        return out
    }
}
