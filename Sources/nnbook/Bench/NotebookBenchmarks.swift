enum NotebookBenchmarks {
    static var all: [Benchmark] { [] }
}
