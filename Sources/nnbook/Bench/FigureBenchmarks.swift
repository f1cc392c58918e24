enum FigureBenchmarks {
    static var all: [Benchmark] { [] }
}
