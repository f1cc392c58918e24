enum TypesetBenchmarks {
    static var all: [Benchmark] { [] }
}
