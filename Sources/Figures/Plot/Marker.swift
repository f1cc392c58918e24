import Canvas
import Foundation

/// Point markers. Classes take both a colour and a shape, so they differ in grey print too.
public enum Marker: Sendable, CaseIterable {
    case circle, square, triangle, diamond, triangleDown

    public static func forClass(_ k: Int) -> Marker {
        let all = Marker.allCases
        return all[((k % all.count) + all.count) % all.count]
    }

    /// Adds the marker's outline (of about `size` points across, equal area for every shape) to the path.
    func path(at c: Point, size: Double, on canvas: Canvas) {
        let r = size / 2
        switch self {
        case .circle:
            canvas.circle(center: c, radius: r)
        case .square:
            let h = r * 0.886   // same area as the circle: (πr²)^½ / 2
            canvas.rect(Rect(x: c.x - h, y: c.y - h, width: 2 * h, height: 2 * h))
        case .diamond:
            let h = r * 1.25
            canvas.polyline([Point(c.x, c.y - h), Point(c.x + h, c.y), Point(c.x, c.y + h), Point(c.x - h, c.y)], closed: true)
        case .triangle, .triangleDown:
            let h = r * 1.35
            let s: Double = self == .triangle ? 1 : -1
            canvas.polyline([Point(c.x, c.y - s * h), Point(c.x + h * 0.866, c.y + s * h * 0.5),
                             Point(c.x - h * 0.866, c.y + s * h * 0.5)], closed: true)
        }
    }

    func draw(at c: Point, size: Double, fill: Color, stroke: Color, lineWidth: Double, on canvas: Canvas) {
        canvas.newPath()
        path(at: c, size: size, on: canvas)
        canvas.fillPreserve(fill)
        canvas.stroke(stroke, width: lineWidth, join: .round)
    }

    /// A marker with a white ring between its fill and its dark outline, so that it stands out on a
    /// heat map of its own class's colour.
    func drawRinged(at c: Point, size: Double, fill: Color, stroke: Color, on canvas: Canvas) {
        canvas.newPath()
        path(at: c, size: size + 2.2, on: canvas)
        canvas.fillPreserve(.white)
        canvas.stroke(stroke, width: 0.9, join: .round)
        canvas.newPath()
        path(at: c, size: size - 1.2, on: canvas)
        canvas.fill(fill)
    }
}
