/// One-hot encoding of a categorical feature (HUFLIT 004): a vector with k entries, one per category,
/// 1 ("hot") at the category's place and 0 elsewhere, so every two categories are at the same distance.
///
/// The slides' colours, in the order of their table (Xanh, Đỏ, Vàng), encode as
/// Xanh = (1, 0, 0), Đỏ = (0, 1, 0), Vàng = (0, 0, 1).
public struct OneHotEncoder: Sendable, Equatable {
    /// How `fit` orders the categories it finds.
    public enum Order: String, Sendable {
        /// The order in which they first appear in the data (the slides' order).
        case firstAppearance
        /// Sorted by Unicode code points (scikit-learn's order).
        case sorted
    }

    /// The categories, in column order: category `categories[j]` is hot in column j.
    public let categories: [String]

    /// An encoder with a given list of categories (distinct, at least one).
    public init(categories: [String]) throws {
        guard !categories.isEmpty else { throw DataError("one-hot encoding needs at least one category") }
        var seen = Set<String>()
        for c in categories where !seen.insert(c).inserted {
            throw DataError("category “\(c)” is listed twice")
        }
        self.categories = categories
    }

    /// Learns the categories of `values`.
    public init(fitting values: [String], order: Order = .firstAppearance) throws {
        var seen = Set<String>(), found: [String] = []
        for v in values where seen.insert(v).inserted { found.append(v) }
        if order == .sorted { found.sort { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) } }
        try self.init(categories: found)
    }

    /// k, the length of each vector.
    public var count: Int { categories.count }

    /// Column of a category, nil if unknown.
    public func index(of category: String) -> Int? { categories.firstIndex(of: category) }

    /// An m×k matrix, a one-hot row per value; an unknown value is an error naming it and its place.
    public func transform(_ values: [String]) throws -> Matrix {
        var lookup: [String: Int] = [:]
        for (j, c) in categories.enumerated() { lookup[c] = j }
        var out = Matrix(rows: values.count, cols: count)
        for (i, v) in values.enumerated() {
            guard let j = lookup[v] else {
                throw DataError("value \(i + 1) is “\(v)”, which is not a known category (\(categories.joined(separator: ", ")))")
            }
            out[i, j] = 1
        }
        return out
    }

    /// The category of each row: the column holding the largest value (so a row of probabilities
    /// decodes to its most likely category; ties go to the first).
    public func inverse(_ encoded: Matrix) throws -> [String] {
        guard encoded.cols == count else {
            throw ShapeError("the encoder has \(count) categories but the rows are \(encoded.shapeText)")
        }
        guard encoded.isFinite else { throw DataError("the rows to decode contain NaN or an infinite value") }
        return encoded.argmaxPerRow.map { categories[$0] }
    }

    /// Class indices as one-hot rows: label l of k classes is the row with 1 in column l.
    /// Labels must be in 0..<classes (callers check; `Dataset` does).
    public static func encode(labels: [Int], classes: Int) -> Matrix {
        var out = Matrix(rows: labels.count, cols: classes)
        for (i, l) in labels.enumerated() where l >= 0 && l < classes { out[i, l] = 1 }
        return out
    }
}
