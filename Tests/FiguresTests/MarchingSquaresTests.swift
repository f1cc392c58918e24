import Foundation
import Testing
@testable import Figures

@Suite struct MarchingSquaresTests {
    @Test func planeGivesOneStraightLine() {
        // f(x, y) = x on 0…4: the 1.5 level is the vertical line x = 1.5, crossing 5 grid rows.
        let xs = Grid.linspace(0, 4, 5), ys = Grid.linspace(0, 4, 5)
        let g = Grid(xs: xs, ys: ys, values: ys.flatMap { _ in xs })
        let lines = MarchingSquares.contour(g, level: 1.5)
        #expect(lines.count == 1)
        #expect(lines[0].count == 5)
        #expect(lines[0].allSatisfy { abs($0.x - 1.5) < 1e-12 })
        #expect(Set(lines[0].map(\.y)) == [0, 1, 2, 3, 4])
    }

    @Test func circleIsClosedAndRound() {
        // f = x² + y² on −2…2 (41 points): the level 1 is the unit circle; linear interpolation
        // along cell edges puts points within h²/8·f″ ≈ 0.01²… of it (h = 0.1): allow 0.01.
        let xs = Grid.linspace(-2, 2, 41), ys = xs
        let g = Grid(xs: xs, ys: ys, values: ys.flatMap { y in xs.map { x in x * x + y * y } })
        let lines = MarchingSquares.contour(g, level: 1)
        #expect(lines.count == 1)
        let c = lines[0]
        #expect(c.first == c.last)               // closed
        #expect(c.count > 40)
        #expect(c.allSatisfy { abs($0.length - 1) < 0.01 })
    }

    @Test func saddleIsResolvedByTheCentre() {
        // Corners bl = 1, br = 0, tr = 1, tl = 0 and level 0.4: the mean 0.5 is above, so the two
        // high corners join through the centre and the low corners are cut off: two segments,
        // one around br (bottom-right) and one around tl (top-left).
        let g = Grid(xs: [0, 1], ys: [0, 1], values: [1, 0, 0, 1])
        let lines = MarchingSquares.contour(g, level: 0.4)
        #expect(lines.count == 2)
        let mids = lines.map { XY(($0[0].x + $0[1].x) / 2, ($0[0].y + $0[1].y) / 2) }
        #expect(mids.contains { $0.x > 0.5 && $0.y < 0.5 })  // near br = (1, 0)
        #expect(mids.contains { $0.x < 0.5 && $0.y > 0.5 })  // near tl = (0, 1)
        // At level 0.6 the mean is below: the high corners are cut off instead.
        let mids2 = MarchingSquares.contour(g, level: 0.6).map { XY(($0[0].x + $0[1].x) / 2, ($0[0].y + $0[1].y) / 2) }
        #expect(mids2.contains { $0.x < 0.5 && $0.y < 0.5 })   // near bl
        #expect(mids2.contains { $0.x > 0.5 && $0.y > 0.5 })   // near tr
    }

    @Test func xorNetworkBoundaryIsTwoCurvesBetweenTheClasses() {
        // The fixed XOR network of the matplotlib peer: h = σ(x·W1 + b1), ŷ = σ(h·W2 + b2),
        // W1 = [[6, −6], [6, −6]], b1 = [−3, 9], W2 = [8, 8], b2 = −12, written out here by hand.
        func sigma(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
        func net(_ x: Double, _ y: Double) -> Double {
            let h1 = sigma(6 * x + 6 * y - 3), h2 = sigma(-6 * x - 6 * y + 9)
            return sigma(8 * h1 + 8 * h2 - 12)
        }
        let xs = Grid.linspace(-0.5, 1.5, 101), ys = xs
        let g = Grid(xs: xs, ys: ys, values: ys.flatMap { y in xs.map { x in net(x, y) } })
        let lines = MarchingSquares.contour(g, level: 0.5)
        // Output high on the band between the lines x + y ≈ 0.5 and x + y ≈ 1.5: two open curves.
        #expect(lines.count == 2)
        for line in lines {
            #expect(line.first != line.last)
            // Every contour point is where the network says 0.5 (to the grid's resolution).
            for p in line { #expect(abs(net(p.x, p.y) - 0.5) < 0.08) }
        }
        let sums = lines.map { l in l.map { $0.x + $0.y }.reduce(0, +) / Double(l.count) }.sorted()
        #expect(sums[0] > 0 && sums[0] < 1)     // between (0,0) and (0,1)/(1,0)
        #expect(sums[1] > 1 && sums[1] < 2)     // between (0,1)/(1,0) and (1,1)
    }

    @Test func nanCellsAreSkipped() {
        let g = Grid(xs: [0, 1, 2], ys: [0, 1], values: [0, .nan, 1, 0, .nan, 1])
        #expect(MarchingSquares.contour(g, level: 0.5).isEmpty)
    }
}
