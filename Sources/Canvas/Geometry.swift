// Geometry value types. Units are PDF points (1/72 inch); y grows downwards, as in Cairo.

public struct Point: Sendable, Hashable, CustomStringConvertible {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
    public init(x: Double, y: Double) { self.x = x; self.y = y }
    public static let zero = Point(0, 0)
    public func offset(dx: Double = 0, dy: Double = 0) -> Point { Point(x + dx, y + dy) }
    public func distance(to p: Point) -> Double { ((p.x - x) * (p.x - x) + (p.y - y) * (p.y - y)).squareRoot() }
    public var description: String { "(\(x), \(y))" }
}

public struct Size: Sendable, Hashable, CustomStringConvertible {
    public var width: Double
    public var height: Double
    public init(_ width: Double, _ height: Double) { self.width = width; self.height = height }
    public init(width: Double, height: Double) { self.width = width; self.height = height }
    public static let zero = Size(0, 0)
    /// ISO A4 portrait, 210 × 297 mm.
    public static let a4 = Size(595.2756, 841.8898)
    /// US Letter portrait, 8.5 × 11 in.
    public static let letter = Size(612, 792)
    /// A 16:9 slide, 10 × 5.625 in.
    public static let slides16x9 = Size(720, 405)
    /// A size given in millimetres.
    public static func millimetres(_ w: Double, _ h: Double) -> Size { Size(w * 72 / 25.4, h * 72 / 25.4) }
    /// A size given in inches.
    public static func inches(_ w: Double, _ h: Double) -> Size { Size(w * 72, h * 72) }
    public var landscape: Size { Size(max(width, height), min(width, height)) }
    public var description: String { "\(width)×\(height)" }
}

public struct Rect: Sendable, Hashable, CustomStringConvertible {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public init(origin: Point, size: Size) {
        self.init(x: origin.x, y: origin.y, width: size.width, height: size.height)
    }
    public init(_ size: Size) { self.init(x: 0, y: 0, width: size.width, height: size.height) }
    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    public var origin: Point { Point(x, y) }
    public var size: Size { Size(width, height) }
    public var minX: Double { min(x, x + width) }
    public var maxX: Double { max(x, x + width) }
    public var minY: Double { min(y, y + height) }
    public var maxY: Double { max(y, y + height) }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }
    public var center: Point { Point(midX, midY) }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// Shrinks the rectangle by `d` on every side (negative grows it).
    public func insetBy(_ d: Double) -> Rect { insetBy(dx: d, dy: d) }
    public func insetBy(dx: Double, dy: Double) -> Rect {
        Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
    }
    public func inset(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }
    public func offsetBy(dx: Double = 0, dy: Double = 0) -> Rect {
        Rect(x: x + dx, y: y + dy, width: width, height: height)
    }
    public func contains(_ p: Point) -> Bool { p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY }
    public func intersects(_ r: Rect) -> Bool {
        minX < r.maxX && r.minX < maxX && minY < r.maxY && r.minY < maxY
    }
    /// The smallest rectangle holding both.
    public func union(_ r: Rect) -> Rect {
        let x0 = min(minX, r.minX), y0 = min(minY, r.minY)
        return Rect(x: x0, y: y0, width: max(maxX, r.maxX) - x0, height: max(maxY, r.maxY) - y0)
    }
    public var description: String { "(\(x), \(y), \(width)×\(height))" }
}
