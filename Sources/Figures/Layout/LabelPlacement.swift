/// Places text labels along line segments (weights on a network's edges) so that no label
/// overlaps another label or a node, and each sits on its own edge.
///
/// Each label is centred on a point of its edge, a fraction t of the way from the source; the
/// candidates run from near the source to near the target. Labels are placed greedily in the given
/// order; a candidate is allowed when its box (grown by `padding`, the white halo) meets no placed
/// box, no obstacle disc and stays in `bounds`. Among the allowed ones the cheapest wins: fewest
/// other edges passing through the label (so the reader can tell which edge it belongs to), then
/// fewest labels crowding it, then closest to the preferred t. A label with no allowed candidate is left out (nil) rather than
/// drawn over something: the diagram's preferred size is chosen so that this does not happen.
struct LabelPlacer: Sendable {
    struct Request: Sendable {
        var from: XY
        var to: XY
        var width: Double
        var height: Double
        /// Where along the edge the label would ideally sit (0 = source, 1 = target).
        var preferredT: Double = 0.25
    }

    struct Disc: Sendable {
        var center: XY
        var radius: Double
    }

    var obstacles: [Disc] = []
    /// Boxes that labels must not cover (node values, captions).
    var blocked: [Box] = []
    var bounds: Box? = nil
    /// The halo around each label: two labels are at least 2 × padding apart.
    var padding: Double = 1.0
    /// The range of t tried, and how many candidates in it.
    var tRange: ClosedRange<Double> = 0.12...0.88
    var candidates: Int = 39
    /// Distance under which a neighbouring label counts as crowding this one (a soft cost).
    var crowding: Double = 3.5
    /// Distance under which another edge passing a label makes it ambiguous (a soft cost).
    var nearEdge: Double = 3.0

    /// Label boxes (without padding) in the order of `requests`; nil where no place was found.
    func place(_ requests: [Request]) -> [Box?] {
        var placed: [Box] = []          // padded boxes already placed
        var result: [Box?] = []
        result.reserveCapacity(requests.count)
        let segments = requests.map { ($0.from, $0.to) }
        let ts = (0..<candidates).map {
            tRange.lowerBound + (tRange.upperBound - tRange.lowerBound) * Double($0) / Double(max(1, candidates - 1))
        }
        for (k, r) in requests.enumerated() {
            var best: (cost: Double, box: Box)? = nil
            for t in ts {
                let c = r.from.lerp(to: r.to, t)
                let box = Box(center: c, width: r.width, height: r.height)
                let padded = box.insetBy(-padding, -padding)
                if let b = bounds, !b.contains(box) { continue }
                if placed.contains(where: { $0.intersects(padded) }) { continue }
                if blocked.contains(where: { $0.intersects(padded) }) { continue }
                if obstacles.contains(where: { padded.intersects(circle: $0.center, radius: $0.radius) }) { continue }
                var crossings = 0.0
                let near = box.insetBy(-nearEdge, -nearEdge)
                for (j, s) in segments.enumerated() where j != k {
                    // An edge sharing this label's source or target touches the box near that node
                    // anyway; it still counts, as it is what makes a label ambiguous. One that only
                    // grazes the label (within `nearEdge`) counts half: the label could be read as its.
                    if box.intersects(segmentFrom: s.0, to: s.1) { crossings += 1 }
                    else if near.intersects(segmentFrom: s.0, to: s.1) { crossings += 0.5 }
                }
                // Labels packed edge to edge read as a table rather than as the edges' labels:
                // a little room around each one is worth moving a bit along the edge.
                let roomy = box.insetBy(-crowding, -crowding)
                let crowded = placed.reduce(0) { $0 + ($1.intersects(roomy) ? 1 : 0) }
                let cost = crossings + 0.35 * Double(crowded) + abs(t - r.preferredT) * 0.9
                if best == nil || cost < best!.cost { best = (cost, box) }
            }
            if let b = best {
                placed.append(b.box.insetBy(-padding, -padding))
                result.append(b.box)
            } else {
                result.append(nil)
            }
        }
        return result
    }
}
