/// Min-max scaling (normalization) of each feature column into [0, 1] (HUFLIT 004):
///
///     x_scaled = (x − min) / (max − min)
///
/// `fit` learns min and max of every column; `transform` applies them (to the same data or to new
/// data, which may fall outside [0, 1]); `inverse` undoes it: x = x_scaled·(max − min) + min.
/// A constant column (max = min) scales to 0 and its inverse gives the constant back.
public struct MinMaxScaler: Sendable, Equatable {
    /// min(xᵢ) of each column.
    public let min: [Double]
    /// max(xᵢ) of each column.
    public let max: [Double]

    /// A scaler with known statistics.
    public init(min: [Double], max: [Double]) throws {
        guard min.count == max.count else {
            throw ShapeError("min has \(min.count) value(s) but max has \(max.count)")
        }
        for j in 0..<min.count where !(min[j].isFinite && max[j].isFinite && min[j] <= max[j]) {
            throw DataError("column \(j + 1): min \(min[j]) and max \(max[j]) must be finite with min ≤ max")
        }
        self.min = min
        self.max = max
    }

    /// Learns min and max of every column of x (m×n, m ≥ 1, finite values).
    public init(fitting x: Matrix) throws {
        try FeatureStatistics.check(x, for: "min-max scaling")
        var lo = x.row(0), hi = x.row(0)
        for i in 1..<x.rows {
            for j in 0..<x.cols {
                let v = x[i, j]
                if v < lo[j] { lo[j] = v }
                if v > hi[j] { hi[j] = v }
            }
        }
        self.min = lo
        self.max = hi
    }

    /// max − min of each column (the denominator).
    public var range: [Double] { zip(max, min).map { $0 - $1 } }

    public var featureCount: Int { min.count }

    /// (x − min) / (max − min), column by column.
    public func transform(_ x: Matrix) throws -> Matrix {
        try FeatureStatistics.checkColumns(x, featureCount, "min-max scaler")
        let r = range
        var out = x
        for i in 0..<x.rows {
            for j in 0..<x.cols {
                out[i, j] = r[j] == 0 ? 0 : (x[i, j] - min[j]) / r[j]
            }
        }
        return out
    }

    /// x_scaled·(max − min) + min, column by column.
    public func inverse(_ scaled: Matrix) throws -> Matrix {
        try FeatureStatistics.checkColumns(scaled, featureCount, "min-max scaler")
        let r = range
        var out = scaled
        for i in 0..<scaled.rows {
            for j in 0..<scaled.cols { out[i, j] = scaled[i, j] * r[j] + min[j] }
        }
        return out
    }
}

/// Checks shared by the scalers.
enum FeatureStatistics {
    static func check(_ x: Matrix, for what: String) throws {
        guard x.rows >= 1, x.cols >= 1 else {
            throw DataError("\(what) needs at least one sample and one feature, got \(x.shapeText)")
        }
        for i in 0..<x.rows {
            for j in 0..<x.cols where !x[i, j].isFinite {
                throw DataError("\(what): sample \(i + 1), feature \(j + 1) is \(x[i, j]); expected a finite number")
            }
        }
    }

    static func checkColumns(_ x: Matrix, _ n: Int, _ what: String) throws {
        guard x.cols == n else {
            throw ShapeError("the \(what) was fitted on \(n) feature(s) but the data is \(x.shapeText)")
        }
    }
}
