import Testing
@testable import Neural

@Suite struct MatrixTests {
    @Test func productMatchesHandComputation() throws {
        // [1 2; 3 4]·[5 6; 7 8] = [1·5+2·7, 1·6+2·8; 3·5+4·7, 3·6+4·8] = [19 22; 43 50]
        let a = try Matrix([[1, 2], [3, 4]])
        let b = try Matrix([[5, 6], [7, 8]])
        #expect(try a.dot(b) == Matrix([[19, 22], [43, 50]]))
    }

    @Test func shapeErrorNamesBothShapes() throws {
        let a = Matrix(rows: 2, cols: 3)
        let b = Matrix(rows: 2, cols: 3)
        #expect(throws: ShapeError.self) { try a.dot(b) }
        do { _ = try a.dot(b) } catch let e as ShapeError {
            #expect(e.message.contains("2×3") && e.message.contains("inner sizes 3 and 2"))
        }
    }

    @Test func transposeHadamardBroadcastColumnSums() throws {
        let a = try Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(a.transposed == (try Matrix([[1, 4], [2, 5], [3, 6]])))
        #expect(try a.hadamard(a) == Matrix([[1, 4, 9], [16, 25, 36]]))
        #expect(try a.addingRow(Matrix(row: [10, 20, 30])) == Matrix([[11, 22, 33], [14, 25, 36]]))
        #expect(a.columnSums == Matrix(row: [5, 7, 9]))
    }

    @Test func seededRandomIsReproducibleAndUniform() {
        var r1 = SeededRandom(seed: 42), r2 = SeededRandom(seed: 42)
        let s1 = (0..<1000).map { _ in r1.nextUnit() }
        let s2 = (0..<1000).map { _ in r2.nextUnit() }
        #expect(s1 == s2)
        #expect(s1.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = s1.reduce(0, +) / 1000
        #expect(abs(mean - 0.5) < 0.05)
        // SplitMix64 reference value for seed 0 (first output 0xE220A8397B1DCDAF).
        var r0 = SeededRandom(seed: 0)
        #expect(r0.next() == 0xE220_A839_7B1D_CDAF)
    }
}
