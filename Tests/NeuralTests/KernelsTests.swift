import Foundation
import Testing
@testable import Neural

@Suite struct KernelsTests {
    @Test func vectorActivationsMatchScalarOnes() {
        let z = stride(from: -40.0, through: 40, by: 0.173).map { $0 }
        for f in [Activation.sigmoid, .tanh] {
            var out = [Double](repeating: 0, count: z.count)
            z.withUnsafeBufferPointer { zp in
                out.withUnsafeMutableBufferPointer { op in
                    Kernels.activate(f, zp.baseAddress!, op.baseAddress!, rows: 1, cols: z.count)
                }
            }
            for (i, v) in z.enumerated() { #expect(abs(out[i] - f.value(v)) < 1e-15, "\(f.name)(\(v))") }
        }
    }

    @Test func dotAndAxpy() {
        let a: [Double] = (0..<11).map { Double($0) }, b: [Double] = (0..<11).map { Double(2 * $0 + 1) }
        // Σ i(2i+1) for i = 0…10 = 2·385 + 55 = 825
        let d = a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in Kernels.dot(11, pa.baseAddress!, pb.baseAddress!) } }
        #expect(d == 825)
        var y = b
        a.withUnsafeBufferPointer { pa in y.withUnsafeMutableBufferPointer { Kernels.axpy(11, -2, pa.baseAddress!, $0.baseAddress!) } }
        #expect(y == [Double](repeating: 1, count: 11))
    }
}

@Suite struct MatrixKernelTests {
    @Test(arguments: [(1, 3, 5), (1, 64, 32), (2, 64, 32), (3, 7, 10), (5, 16, 17), (4, 2, 1), (3, 9, 12), (1, 5, 28)])
    func batchProductMatchesMatrixDot(shape: (Int, Int, Int)) throws {
        let (m, k, n) = shape
        var rng = SeededRandom(seed: UInt64(m * 100 + k * 10 + n))
        // Inputs with exact zeros (as digit pixels have) to exercise the skipping.
        let x = Matrix(rows: m, cols: k, storage: (0..<(m * k)).map { _ in rng.nextUnit() < 0.4 ? 0 : rng.uniform(-1, 1) })
        let w = Matrix(rows: k, cols: n, storage: (0..<(k * n)).map { _ in rng.uniform(-1, 1) })
        let bias = (0..<n).map { _ in rng.uniform(-1, 1) }
        var z = [Double](repeating: 0, count: m * n)
        for r in 0..<m { for j in 0..<n { z[r * n + j] = bias[j] } }
        var idx = [Int](repeating: 0, count: k)
        x.storage.withUnsafeBufferPointer { xp in
            w.storage.withUnsafeBufferPointer { wp in
                z.withUnsafeMutableBufferPointer { zp in
                    idx.withUnsafeMutableBufferPointer { ip in
                        Kernels.matrixTimesMatrix(xp.baseAddress!, rows: m, k, wp.baseAddress!, n, zp.baseAddress!, ip.baseAddress!)
                    }
                }
            }
        }
        let expected = try x.dot(w).addingRow(Matrix(row: bias))
        for i in 0..<(m * n) { #expect(abs(z[i] - expected.storage[i]) < 1e-13) }
    }
}
