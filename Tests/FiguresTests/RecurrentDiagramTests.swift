import Canvas
import Foundation
import Testing
@testable import Figures
import Neural

/// A recurrent layer's neurons each get a feedback loop with an arrowhead, drawn where it meets no
/// other node, no label, no caption and no other loop.
@Suite struct RecurrentDiagramTests {
    func diagram(_ sizes: [Int], recurrent: Set<Int>, weights: Bool) throws -> NetworkDiagram {
        let net = try Network(sizes: sizes, activations: [.tanh], biasMode: weights ? .perNeuron : .none,
                              initializer: .normal, seed: 3)
        var d = NetworkDiagram(network: net, showWeights: weights)
        d.recurrentLayers = recurrent
        d.layerCaptions = sizes.indices.map { "Layer \($0)" }
        return d
    }

    /// Points along the loop's curve (its arrowhead included).
    func trail(_ loop: NetworkGeometry.Loop) -> [XY] {
        (0...40).map { loop.point(at: Double($0) / 40) } + loop.arrow
    }

    @Test(arguments: [([3, 4, 2], [1]), ([2, 3, 4, 1], [1, 2]), ([2, 2, 1], [1]), ([64, 32, 16, 10], [1, 2])])
    func loopsSitOverTheirNeuronsClearOfEverythingElse(sizes: [Int], recurrent: [Int]) throws {
        for weights in [false, true] where sizes[0] < 10 || !weights {
            let d = try diagram(sizes, recurrent: Set(recurrent), weights: weights)
            let size = d.preferredSize
            let g = d.geometry(in: Rect(size), on: Canvas.measuring())
            let r = g.layout.radius
            // One loop per shown neuron of each recurrent layer.
            let expected = recurrent.map { g.layout.shownNeurons($0).count }.reduce(0, +)
            #expect(g.loops.count == expected, "\(sizes): \(g.loops.count) loops, expected \(expected)")
            #expect(g.unplaced == 0, "\(sizes): \(g.unplaced) weight labels found no place beside the loops")
            for (k, loop) in g.loops.enumerated() {
                // Inside the figure, above its own node, leaving and ending on its circle.
                #expect(Box(Rect(size)).contains(loop.box), "\(sizes): loop \(k) leaves the figure")
                #expect(loop.box.maxY < loop.node.y, "\(sizes): loop \(k) is not above its node")
                #expect(abs(loop.start.distance(to: loop.node) - r) < 1e-9 && abs(loop.end.distance(to: loop.node) - r) < 1e-9)
                #expect(loop.box.minY < loop.node.y - r - 0.5 * r, "\(sizes): loop \(k) barely rises over its node")
                for p in trail(loop) {
                    for n in g.nodes where n.center != loop.node {
                        #expect(p.distance(to: n.center) > r + 2, "\(sizes): loop \(k) touches node \(n.text)")
                    }
                    for e in g.ellipses { #expect(!Box(center: e, width: 8, height: 2 * r).contains(p), "\(sizes): loop \(k) runs into ⋮") }
                }
                for c in g.captions { #expect(!c.box.intersects(loop.box), "\(sizes): loop \(k) meets caption \(c.text)") }
                for l in g.labels { #expect(!l.box.intersects(loop.box), "\(sizes): loop \(k) meets weight label \(l.text)") }
                for v in g.values { #expect(!v.box.intersects(loop.box)) }
                for other in g.loops[(k + 1)...] { #expect(!other.box.intersects(loop.box), "\(sizes): two loops overlap") }
            }
            checkNoOverlaps(g, in: Box(Rect(size)))
            // Written out for looking at (FIGURES_OUT names a folder to keep them).
            let name = "recurrent-" + sizes.map(String.init).joined(separator: "-") + (weights ? "-weights" : "") + ".png"
            try d.render(to: (outputFolder() as NSString).appendingPathComponent(name), format: .png, dpi: 150)
        }
    }

    @Test func theArrowheadPointsIntoItsNeuron() throws {
        let d = try diagram([3, 4, 2], recurrent: [1], weights: false)
        let g = d.geometry(in: Rect(d.preferredSize), on: Canvas.measuring())
        for loop in g.loops {
            let tip = loop.arrow[0], base = loop.arrow[1].lerp(to: loop.arrow[2], 0.5)
            // The tip is on the circle, the base outside it: the arrow enters the neuron.
            #expect(abs(tip.distance(to: loop.node) - g.layout.radius) < 1e-9)
            #expect(base.distance(to: loop.node) > g.layout.radius + 2)
            // It comes back on the input side (left), having left on the output side (right).
            #expect(loop.end.x < loop.node.x && loop.start.x > loop.node.x)
        }
    }

    @Test func noRecurrentLayerNoLoopAndTheSameDiagramAsBefore() throws {
        let plain = try diagram([3, 4, 2], recurrent: [], weights: true)
        let g = plain.geometry(in: Rect(plain.preferredSize), on: Canvas.measuring())
        #expect(g.loops.isEmpty)
    }

    /// The loops are drawn: the loop colour shows at each loop's peak in a PNG, and nowhere in the same
    /// diagram without recurrent layers.
    @Test func loopsAppearInThePNG() throws {
        let dpi = 150.0
        let d = try diagram([3, 4, 2], recurrent: [1], weights: false)
        let size = d.preferredSize
        let g = d.geometry(in: Rect(size), on: Canvas.measuring())
        let withLoops = try Render.bitmap(size: size, dpi: dpi) { try d.draw(in: Rect(size), on: $0) }
        var plain = d
        plain.recurrentLayers = []
        let without = try Render.bitmap(size: size, dpi: dpi) { try plain.draw(in: Rect(size), on: $0) }
        func isLoopColour(_ px: (r: UInt8, g: UInt8, b: UInt8, a: UInt8)) -> Bool {
            // #009E73: green well above red, blue in between.
            Int(px.g) - Int(px.r) > 60 && Int(px.g) > Int(px.b)
        }
        #expect(g.loops.count == 4)
        for loop in g.loops {
            let peak = loop.point(at: 0.5)
            let hit = (-2...2).contains { dy in isLoopColour(withLoops.pixel(atPoint: Point(peak.x, peak.y + Double(dy) * 0.3), dpi: dpi)) }
            #expect(hit, "no loop drawn at \(peak)")
            #expect(!isLoopColour(without.pixel(atPoint: Point(peak.x, peak.y), dpi: dpi)))
        }
        var green = 0
        for y in 0..<without.height { for x in 0..<without.width where isLoopColour(without.pixel(x: x, y: y)) { green += 1 } }
        #expect(green == 0)
    }
}
