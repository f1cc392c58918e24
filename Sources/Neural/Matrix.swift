/// A dense matrix of `Double` in contiguous row-major storage.
///
/// The course writes vectors as rows: a sample is a 1×n matrix, a batch of m samples is m×n,
/// and a layer computes z = a·W + b with W of shape (inputs × outputs).
public struct Matrix: Equatable, Sendable, CustomStringConvertible {
    public let rows: Int
    public let cols: Int
    /// Row-major storage: element (i, j) is `storage[i * cols + j]`.
    public var storage: [Double]

    public init(rows: Int, cols: Int, storage: [Double]) {
        precondition(rows >= 0 && cols >= 0 && storage.count == rows * cols,
                     "Matrix storage of \(storage.count) values does not fit \(rows)×\(cols)")
        self.rows = rows
        self.cols = cols
        self.storage = storage
    }

    public init(rows: Int, cols: Int, repeating value: Double = 0) {
        self.init(rows: rows, cols: cols, storage: [Double](repeating: value, count: rows * cols))
    }

    /// Builds a matrix from nested rows; throws when the rows have different lengths.
    public init(_ rowValues: [[Double]]) throws {
        let r = rowValues.count
        let c = rowValues.first?.count ?? 0
        for (i, row) in rowValues.enumerated() where row.count != c {
            throw ShapeError("row \(i + 1) has \(row.count) values, row 1 has \(c)")
        }
        self.init(rows: r, cols: c, storage: rowValues.flatMap { $0 })
    }

    /// A 1×n row vector.
    public init(row: [Double]) {
        self.init(rows: 1, cols: row.count, storage: row)
    }

    /// An n×1 column vector.
    public init(column: [Double]) {
        self.init(rows: column.count, cols: 1, storage: column)
    }

    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, cols: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    public var shape: (rows: Int, cols: Int) { (rows, cols) }
    public var shapeText: String { "\(rows)×\(cols)" }
    public var count: Int { storage.count }

    @inlinable
    public subscript(i: Int, j: Int) -> Double {
        get { storage[i * cols + j] }
        set { storage[i * cols + j] = newValue }
    }

    public func row(_ i: Int) -> [Double] { Array(storage[(i * cols)..<((i + 1) * cols)]) }
    public func column(_ j: Int) -> [Double] { (0..<rows).map { storage[$0 * cols + j] } }
    public var rowArrays: [[Double]] { (0..<rows).map(row) }

    /// Rows `indices` (in that order) as a new matrix.
    public func rows(_ indices: [Int]) -> Matrix {
        var out = [Double]()
        out.reserveCapacity(indices.count * cols)
        for i in indices { out.append(contentsOf: storage[(i * cols)..<((i + 1) * cols)]) }
        return Matrix(rows: indices.count, cols: cols, storage: out)
    }

    public var transposed: Matrix {
        var out = [Double](repeating: 0, count: storage.count)
        storage.withUnsafeBufferPointer { s in
            out.withUnsafeMutableBufferPointer { o in
                for i in 0..<rows {
                    for j in 0..<cols { o[j * rows + i] = s[i * cols + j] }
                }
            }
        }
        return Matrix(rows: cols, cols: rows, storage: out)
    }

    /// Matrix product self·other; throws naming both shapes when inner dimensions differ.
    public func dot(_ other: Matrix) throws -> Matrix {
        guard cols == other.rows else {
            throw ShapeError("cannot multiply \(shapeText) by \(other.shapeText): inner sizes \(cols) and \(other.rows) differ")
        }
        return Matrix.multiply(self, other)
    }

    /// Unchecked product (caller guarantees shapes). i-k-j loop order, contiguous inner loop.
    @usableFromInline
    static func multiply(_ a: Matrix, _ b: Matrix) -> Matrix {
        let n = a.rows, k = a.cols, m = b.cols
        var out = [Double](repeating: 0, count: n * m)
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { po in
                    for i in 0..<n {
                        let rowOut = i * m
                        for p in 0..<k {
                            let aip = pa[i * k + p]
                            if aip == 0 { continue }
                            let rowB = p * m
                            for j in 0..<m { po[rowOut + j] += aip * pb[rowB + j] }
                        }
                    }
                }
            }
        }
        return Matrix(rows: n, cols: m, storage: out)
    }

    /// Element-wise (Hadamard) product ⊙.
    public func hadamard(_ other: Matrix) throws -> Matrix {
        try sameShape(other, "take the Hadamard product of")
        var out = storage
        for i in 0..<out.count { out[i] *= other.storage[i] }
        return Matrix(rows: rows, cols: cols, storage: out)
    }

    public func adding(_ other: Matrix) throws -> Matrix {
        try sameShape(other, "add")
        var out = storage
        for i in 0..<out.count { out[i] += other.storage[i] }
        return Matrix(rows: rows, cols: cols, storage: out)
    }

    public func subtracting(_ other: Matrix) throws -> Matrix {
        try sameShape(other, "subtract")
        var out = storage
        for i in 0..<out.count { out[i] -= other.storage[i] }
        return Matrix(rows: rows, cols: cols, storage: out)
    }

    /// Adds the 1×cols row vector `row` to every row (the bias broadcast of z = aW + b).
    public func addingRow(_ row: Matrix) throws -> Matrix {
        guard row.rows == 1, row.cols == cols else {
            throw ShapeError("cannot add \(row.shapeText) to every row of \(shapeText): expected 1×\(cols)")
        }
        var out = storage
        for i in 0..<rows {
            for j in 0..<cols { out[i * cols + j] += row.storage[j] }
        }
        return Matrix(rows: rows, cols: cols, storage: out)
    }

    /// Sums of each column, as a 1×cols row (∂J/∂b of a batch).
    public var columnSums: Matrix {
        var out = [Double](repeating: 0, count: cols)
        for i in 0..<rows {
            for j in 0..<cols { out[j] += storage[i * cols + j] }
        }
        return Matrix(rows: 1, cols: cols, storage: out)
    }

    public var sum: Double { storage.reduce(0, +) }

    public func map(_ f: (Double) throws -> Double) rethrows -> Matrix {
        Matrix(rows: rows, cols: cols, storage: try storage.map(f))
    }

    public func scaled(by s: Double) -> Matrix { map { $0 * s } }

    /// True when every entry is finite (no NaN, no ±∞).
    public var isFinite: Bool { storage.allSatisfy { $0.isFinite } }

    /// Index of the largest entry of each row.
    public var argmaxPerRow: [Int] {
        (0..<rows).map { i in
            var best = 0
            for j in 1..<max(cols, 1) where storage[i * cols + j] > storage[i * cols + best] { best = j }
            return best
        }
    }

    private func sameShape(_ other: Matrix, _ verb: String) throws {
        guard rows == other.rows, cols == other.cols else {
            throw ShapeError("cannot \(verb) \(shapeText) and \(other.shapeText): shapes differ")
        }
    }

    public var description: String {
        rowArrays.map { "[" + $0.map { String($0) }.joined(separator: ", ") + "]" }.joined(separator: "\n")
    }
}

/// A shape mismatch, with both shapes named in the message.
public struct ShapeError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
