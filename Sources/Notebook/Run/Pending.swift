import Neural

// Cell kinds whose Neural/Figures support has not landed yet say so plainly.
struct TrainingOutcome { var network: Network }
struct MetricsOutcome {}

extension Executor {
    func notYet(_ cell: Cell) -> LessonError { cell.error("`nn \(cell.kind.rawValue)` cells are not available in this build yet") }
    func runDataset(_ cell: Cell, _ s: DatasetSpec, _ fmt: NumberFormat) throws -> (CellResult?, [Shown]) { throw notYet(cell) }
    func runTrain(_ cell: Cell, _ s: TrainSpec, _ fmt: NumberFormat) throws -> (CellResult?, [Shown]) { throw notYet(cell) }
    func runPlot(_ cell: Cell, _ s: PlotSpec) throws -> (CellResult?, [Shown]) { throw notYet(cell) }
    func runMetrics(_ cell: Cell, _ s: MetricsSpec, _ fmt: NumberFormat) throws -> (CellResult?, [Shown]) { throw notYet(cell) }
}

extension Executor {
    func moreFields(of result: CellResult, _ p: FieldPath) throws -> ReferenceValue {
        throw p.error("fields of a \(result.kindName) result are not available in this build yet")
    }

    func tableOf(_ name: Located<String>, in cell: Cell, _ fmt: NumberFormat) throws -> ShownTable {
        switch try lookup(name, in: cell) {
        case .table(let t): return t
        case .perceptron(let t):
            return ShownTable(header: [words.epoch, words.sample, "net", "ŷ", "y", "ŷ − y"],
                              rows: t.steps.map { [String($0.epoch), String($0.sample + 1), fmt.plain($0.net), String($0.prediction), String($0.target), String($0.error)] },
                              caption: cell.options.caption)
        case .scaled(let s):
            return ShownTable(header: s.columns, rows: s.scaled.map { $0.map(fmt.plain) }, caption: cell.options.caption)
        case let other:
            throw cell.error("a table of a \(other.kindName) result is not available", at: name.location)
        }
    }
}
