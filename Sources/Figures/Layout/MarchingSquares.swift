/// A scalar field sampled on a rectangular grid: `values[j * nx + i]` is the value at
/// (`xs[i]`, `ys[j]`). Row j = 0 is the lowest y.
struct Grid: Sendable {
    var xs: [Double]
    var ys: [Double]
    var values: [Double]
    var nx: Int { xs.count }
    var ny: Int { ys.count }

    init(xs: [Double], ys: [Double], values: [Double]) {
        precondition(values.count == xs.count * ys.count, "grid of \(xs.count)×\(ys.count) needs that many values")
        self.xs = xs; self.ys = ys; self.values = values
    }

    /// `n` evenly spaced values from `lo` to `hi` inclusive (pixel centres when n is the width).
    static func linspace(_ lo: Double, _ hi: Double, _ n: Int) -> [Double] {
        guard n > 1 else { return [(lo + hi) / 2] }
        return (0..<n).map { lo + (hi - lo) * Double($0) / Double(n - 1) }
    }

    @inline(__always) func value(_ i: Int, _ j: Int) -> Double { values[j * nx + i] }
}

/// Marching squares: the curves where a gridded field equals a level (the decision boundary is
/// the 0.5 level of the network's output). Saddle cells are resolved by the cell's mean value.
/// Segments are joined into polylines; a closed curve ends where it starts.
enum MarchingSquares {
    static func contour(_ g: Grid, level: Double) -> [[XY]] {
        let nx = g.nx, ny = g.ny
        guard nx >= 2, ny >= 2 else { return [] }
        let hCount = (nx - 1) * ny
        func hEdge(_ i: Int, _ j: Int) -> Int { j * (nx - 1) + i }          // (i,j)–(i+1,j)
        func vEdge(_ i: Int, _ j: Int) -> Int { hCount + j * nx + i }       // (i,j)–(i,j+1)
        let edgeCount = hCount + nx * (ny - 1)

        // The crossing point on each edge that the contour meets, computed once.
        func point(onEdge e: Int) -> XY {
            if e < hCount {
                let j = e / (nx - 1), i = e % (nx - 1)
                let a = g.value(i, j), b = g.value(i + 1, j)
                let t = a == b ? 0.5 : (level - a) / (b - a)
                return XY(g.xs[i] + (g.xs[i + 1] - g.xs[i]) * t, g.ys[j])
            } else {
                let k = e - hCount
                let j = k / nx, i = k % nx
                let a = g.value(i, j), b = g.value(i, j + 1)
                let t = a == b ? 0.5 : (level - a) / (b - a)
                return XY(g.xs[i], g.ys[j] + (g.ys[j + 1] - g.ys[j]) * t)
            }
        }

        var segments: [(Int, Int)] = []
        for j in 0..<(ny - 1) {
            for i in 0..<(nx - 1) {
                let bl = g.value(i, j), br = g.value(i + 1, j)
                let tr = g.value(i + 1, j + 1), tl = g.value(i, j + 1)
                if bl.isNaN || br.isNaN || tr.isNaN || tl.isNaN { continue }
                var c = 0
                if bl > level { c |= 1 }
                if br > level { c |= 2 }
                if tr > level { c |= 4 }
                if tl > level { c |= 8 }
                if c == 0 || c == 15 { continue }
                let bottom = hEdge(i, j), top = hEdge(i, j + 1)
                let left = vEdge(i, j), right = vEdge(i + 1, j)
                let centreAbove = (bl + br + tr + tl) / 4 > level
                switch c {
                case 1, 14: segments.append((left, bottom))
                case 2, 13: segments.append((bottom, right))
                case 3, 12: segments.append((left, right))
                case 4, 11: segments.append((right, top))
                case 6, 9: segments.append((bottom, top))
                case 7, 8: segments.append((left, top))
                case 5:
                    if centreAbove { segments.append((left, top)); segments.append((bottom, right)) }
                    else { segments.append((left, bottom)); segments.append((right, top)) }
                case 10:
                    if centreAbove { segments.append((left, bottom)); segments.append((right, top)) }
                    else { segments.append((bottom, right)); segments.append((left, top)) }
                default: break
                }
            }
        }
        return join(segments, edgeCount: edgeCount).map { $0.map(point(onEdge:)) }
    }

    /// Joins segments that share an edge crossing into chains of edge ids.
    static func join(_ segments: [(Int, Int)], edgeCount: Int) -> [[Int]] {
        // Each edge crossing belongs to at most two segments (one per neighbouring cell).
        var slot0 = [Int](repeating: -1, count: edgeCount)
        var slot1 = [Int](repeating: -1, count: edgeCount)
        for (s, seg) in segments.enumerated() {
            for e in [seg.0, seg.1] {
                if slot0[e] < 0 { slot0[e] = s } else { slot1[e] = s }
            }
        }
        var used = [Bool](repeating: false, count: segments.count)
        func other(_ s: Int, at e: Int) -> Int { slot0[e] == s ? slot1[e] : slot0[e] }
        func far(_ s: Int, from e: Int) -> Int { segments[s].0 == e ? segments[s].1 : segments[s].0 }

        var chains: [[Int]] = []
        for start in segments.indices where !used[start] {
            used[start] = true
            var forward = [segments[start].0, segments[start].1]
            // Extend from the end…
            var s = start
            while true {
                let e = forward[forward.count - 1]
                let n = other(s, at: e)
                if n < 0 || used[n] { break }
                used[n] = true
                forward.append(far(n, from: e))
                s = n
            }
            // …then from the start, unless the chain closed.
            if forward.first != forward.last {
                var backward: [Int] = []
                s = start
                var e = forward[0]
                while true {
                    let n = other(s, at: e)
                    if n < 0 || used[n] { break }
                    used[n] = true
                    e = far(n, from: e)
                    backward.append(e)
                    s = n
                }
                forward = backward.reversed() + forward
            }
            chains.append(forward)
        }
        return chains
    }
}
