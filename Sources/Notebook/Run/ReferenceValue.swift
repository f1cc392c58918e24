/// A value an inline reference prints: a computed number, a count, or a word.
public enum ReferenceValue: Equatable, Sendable {
    case number(Double)
    /// A value that may lie far below the last decimal (a relative error of 2.3×10⁻⁹): printed in
    /// scientific form when it would otherwise print as 0.0000.
    case small(Double)
    case integer(Int)
    case text(String)

    func formatted(_ fmt: NumberFormat) -> String {
        switch self {
        case .number(let v): return fmt.plain(v)
        case .small(let v): return fmt.plainSmall(v)
        case .integer(let n): return String(n).replacingOccurrences(of: "-", with: "−")
        case .text(let s): return s
        }
    }
}

/// Looking up `name.field[i][j]` in a result: what each result offers, with 1-based indices.
struct FieldPath {
    let reference: InlineReference
    let kind: String
    var steps: [InlineReference.Step] { reference.path }

    func error(_ message: String) -> LessonError {
        LessonError("\(reference.text): \(message)", at: reference.location)
    }

    var field: String {
        if case .field(let f) = steps.first { return f }
        return ""
    }

    /// The indices after the field (1-based as written).
    var indices: [Int] {
        steps.dropFirst().compactMap { if case .index(let i) = $0 { return i } else { return nil } }
    }

    func unknownField(_ fields: [String]) -> LessonError {
        error("a \(kind) result has no field '\(field)'" + Suggestion.hint(for: field, in: fields))
    }

    func expectNoIndex() throws {
        guard steps.count == 1 else { throw error("'\(field)' is a single value; remove the brackets") }
    }

    /// An entry of a vector: field[i].
    func entry(_ v: [Double], _ what: String) throws -> ReferenceValue {
        let ix = indices
        guard ix.count == 1 else { throw error("'\(field)' needs one index: \(field)[1] to \(field)[\(v.count)] (\(what))") }
        guard within(ix[0], v.count) else {
            throw error("index \(ix[0]) is out of range: \(field) has \(v.count) entries, numbered from 1")
        }
        return .number(v[ix[0] - 1])
    }

    /// field[l][j] (a row vector per layer, sample 1) or field[l][s][j] for a batch.
    func layerEntry(_ ms: [[[Double]]], _ what: String) throws -> ReferenceValue {
        let ix = indices
        let layers = ms.count
        guard let l = ix.first else {
            throw error("'\(field)' needs a layer and a neuron, like \(field)[1][2] (\(what))")
        }
        guard within(l, layers) else {
            throw error("layer \(l) is out of range: layers are numbered 1 to \(layers)")
        }
        let rows = ms[l - 1]
        let (s, j): (Int, Int)
        switch ix.count {
        case 2: (s, j) = (1, ix[1])
        case 3: (s, j) = (ix[1], ix[2])
        default: throw error("'\(field)' needs a layer and a neuron, like \(field)[\(l)][1], or a layer, sample and neuron")
        }
        guard within(s, rows.count) else { throw error("sample \(s) is out of range: there are \(rows.count)") }
        guard within(j, rows[s - 1].count) else {
            throw error("neuron \(j) is out of range: layer \(l) has \(rows[s - 1].count)")
        }
        return .number(rows[s - 1][j - 1])
    }

    /// field[l][i][j] of per-layer matrices (weights, gradients).
    func matrixEntry(_ ms: [[[Double]]], _ what: String) throws -> ReferenceValue {
        let ix = indices
        guard ix.count == 3 else { throw error("'\(field)' needs a layer, a row and a column, like \(field)[1][2][1] (\(what))") }
        let (l, i, j) = (ix[0], ix[1], ix[2])
        guard within(l, ms.count) else { throw error("layer \(l) is out of range: layers are numbered 1 to \(ms.count)") }
        let m = ms[l - 1]
        guard within(i, m.count), within(j, m[i - 1].count) else {
            throw error("entry [\(i)][\(j)] is out of range: \(field)[\(l)] is \(m.count)×\(m.first?.count ?? 0)")
        }
        return .number(m[i - 1][j - 1])
    }
}

/// 1-based index k is one of 1…n (false for any k when n is 0).
func within(_ k: Int, _ n: Int) -> Bool { k >= 1 && k <= n }
