/// Where the nodes of a layered network go in a box: one column per layer, nodes evenly spaced
/// and centred in each column, big layers shown as their first and last nodes with "⋮" between,
/// and (optionally) a bias node "1" at the foot of the column before each layer that has a bias.
struct NetworkLayout: Sendable {
    enum Slot: Equatable, Sendable {
        case node(Int)        // the neuron's index in its layer (0-based)
        case ellipsis         // the elided middle of a big layer
        case bias             // the constant 1 feeding the next layer's biases
    }

    struct Column: Sendable {
        var layer: Int
        var x: Double
        var slots: [Slot]
        var centers: [XY]
    }

    var columns: [Column]
    var radius: Double
    var box: Box

    /// The slots of a layer of `size` neurons when at most `maxShown` slots fit: the first
    /// ⌈(maxShown−1)/2⌉ neurons, "⋮", and the last ⌊(maxShown−1)/2⌋ (64 with 7 → 1 2 3 ⋮ 62 63 64).
    static func visibleSlots(size: Int, maxShown: Int) -> [Slot] {
        let m = max(3, maxShown)
        if size <= m { return (0..<size).map { .node($0) } }
        let head = (m - 1 + 1) / 2
        let tail = m - 1 - head
        return (0..<head).map { .node($0) } + [.ellipsis] + ((size - tail)..<size).map { .node($0) }
    }

    /// - Parameters:
    ///   - sizes: neurons per layer, input first.
    ///   - biasInto: `biasInto[l]` (l ≥ 1) says layer l has a bias, drawn as a node "1" in column l−1.
    ///   - box: where the node centres and circles go (captions and margins are outside it).
    ///   - radius: the node radius; shrunk if the nodes would touch.
    ///   - roomAbove: free height each node needs above its circle, in radii (a recurrent neuron's
    ///     loop); the radius shrinks so that it stays clear of the node above.
    init(sizes: [Int], biasInto: [Bool], maxShown: Int, in box: Box, radius: Double, roomAbove: Double = 0) {
        self.box = box
        let n = sizes.count
        var slotsPerColumn: [[Slot]] = sizes.map { NetworkLayout.visibleSlots(size: $0, maxShown: maxShown) }
        for l in 1..<max(1, n) where l < biasInto.count && biasInto[l] {
            slotsPerColumn[l - 1].append(.bias)
        }
        let tallest = max(1, slotsPerColumn.map(\.count).max() ?? 1)
        let spacing = tallest > 1 ? (box.height - 2 * radius) / Double(tallest - 1) : 0
        let gap = n > 1 ? (box.width - 2 * radius) / Double(n - 1) : 0
        var r = radius
        if tallest > 1 { r = min(r, spacing * 0.84 / (2 + roomAbove)) }
        if n > 1 { r = min(r, gap * 0.3) }
        self.radius = max(1, r)
        var columns: [Column] = []
        for (l, slots) in slotsPerColumn.enumerated() {
            let x = n > 1 ? box.minX + radius + gap * Double(l) : box.center.x
            let h = spacing * Double(slots.count - 1)
            let top = box.center.y - h / 2
            let centers = slots.indices.map { XY(x, top + spacing * Double($0)) }
            columns.append(Column(layer: l, x: x, slots: slots, centers: centers))
        }
        self.columns = columns
    }

    /// The centre of neuron `index` of `layer`, or nil if it is elided.
    func center(layer: Int, index: Int) -> XY? {
        guard layer >= 0, layer < columns.count else { return nil }
        let c = columns[layer]
        guard let k = c.slots.firstIndex(of: .node(index)) else { return nil }
        return c.centers[k]
    }

    /// The centre of the bias node feeding `layer` (it sits in column layer−1).
    func biasCenter(into layer: Int) -> XY? {
        guard layer >= 1, layer - 1 < columns.count else { return nil }
        let c = columns[layer - 1]
        guard let k = c.slots.firstIndex(of: .bias) else { return nil }
        return c.centers[k]
    }

    /// Every drawn node (neurons and bias nodes, not ellipses) as a disc.
    var nodeDiscs: [LabelPlacer.Disc] {
        columns.flatMap { c in
            zip(c.slots, c.centers).compactMap { s, p in s == .ellipsis ? nil : LabelPlacer.Disc(center: p, radius: radius) }
        }
    }

    /// Shown neuron indices of a layer, in drawing order.
    func shownNeurons(_ layer: Int) -> [Int] {
        columns[layer].slots.compactMap { if case .node(let i) = $0 { return i } else { return nil } }
    }
}
