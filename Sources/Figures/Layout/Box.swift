/// Layout arithmetic for figures, independent of any drawing surface (TeX's boxes and glue):
/// a point and an axis-aligned box in PDF points, y growing downwards as on a page.
struct XY: Equatable, Sendable {
    var x: Double
    var y: Double
    init(_ x: Double, _ y: Double) { self.x = x; self.y = y }

    static func + (a: XY, b: XY) -> XY { XY(a.x + b.x, a.y + b.y) }
    static func - (a: XY, b: XY) -> XY { XY(a.x - b.x, a.y - b.y) }
    static func * (a: XY, s: Double) -> XY { XY(a.x * s, a.y * s) }
    var length: Double { (x * x + y * y).squareRoot() }
    func distance(to p: XY) -> Double { (self - p).length }
    /// The point a fraction `t` of the way from `self` to `p`.
    func lerp(to p: XY, _ t: Double) -> XY { XY(x + (p.x - x) * t, y + (p.y - y) * t) }
}

struct Box: Equatable, Sendable {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }
    init(x: Double, y: Double, width: Double, height: Double) {
        self.init(minX: x, minY: y, maxX: x + width, maxY: y + height)
    }
    init(center c: XY, width: Double, height: Double) {
        self.init(minX: c.x - width / 2, minY: c.y - height / 2, maxX: c.x + width / 2, maxY: c.y + height / 2)
    }

    var width: Double { maxX - minX }
    var height: Double { maxY - minY }
    var center: XY { XY((minX + maxX) / 2, (minY + maxY) / 2) }
    var area: Double { max(0, width) * max(0, height) }

    func insetBy(_ dx: Double, _ dy: Double) -> Box {
        Box(minX: minX + dx, minY: minY + dy, maxX: maxX - dx, maxY: maxY - dy)
    }
    func contains(_ p: XY) -> Bool { p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY }
    func contains(_ b: Box) -> Bool {
        b.minX >= minX - 1e-9 && b.maxX <= maxX + 1e-9 && b.minY >= minY - 1e-9 && b.maxY <= maxY + 1e-9
    }

    /// True when the interiors overlap (touching edges do not count).
    func intersects(_ b: Box) -> Bool {
        minX < b.maxX && b.minX < maxX && minY < b.maxY && b.minY < maxY
    }
    func overlapArea(_ b: Box) -> Double {
        let w = min(maxX, b.maxX) - max(minX, b.minX)
        let h = min(maxY, b.maxY) - max(minY, b.minY)
        return w > 0 && h > 0 ? w * h : 0
    }
    /// True when the box's interior meets the open disc.
    func intersects(circle c: XY, radius r: Double) -> Bool {
        let nx = min(max(c.x, minX), maxX)
        let ny = min(max(c.y, minY), maxY)
        let dx = c.x - nx, dy = c.y - ny
        return dx * dx + dy * dy < r * r
    }

    /// True when the segment a–b passes through the box (Liang–Barsky clipping).
    func intersects(segmentFrom a: XY, to b: XY) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        let p = [-dx, dx, -dy, dy]
        let q = [a.x - minX, maxX - a.x, a.y - minY, maxY - a.y]
        for i in 0..<4 {
            if p[i] == 0 {
                if q[i] < 0 { return false }
            } else {
                let t = q[i] / p[i]
                if p[i] < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return false }
            }
        }
        return true
    }
}
