enum NeuralBenchmarks {
    static var all: [Benchmark] { [] }
}
