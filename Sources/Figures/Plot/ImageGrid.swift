import Canvas
import Foundation

/// Small grey-scale images in a grid (the 8×8 digits), each with its true label and, when given,
/// the network's prediction; wrong predictions are marked in vermillion and bold.
public struct ImageGrid: Drawable, Sendable {
    /// Each image as `imageWidth × imageHeight` values, row by row from the top.
    public var images: [[Double]]
    public var imageWidth = 8
    public var imageHeight = 8
    /// Value drawn as paper (low) and as ink (high): 0…16 for the UCI digits.
    public var valueRange: ClosedRange<Double> = 0...16
    public var trueLabels: [String]?
    public var predictedLabels: [String]?
    /// Caption of image k; nil: "y=t ŷ=p" (or just the true label).
    public var captions: [String]?
    public var columns = 10
    public var cellSize = 44.0
    public var title: String?
    public var theme = Theme.standard

    public init(images: [[Double]], trueLabels: [String]? = nil, predictedLabels: [String]? = nil) {
        self.images = images; self.trueLabels = trueLabels; self.predictedLabels = predictedLabels
    }

    var rows: Int { (images.count + max(1, columns) - 1) / max(1, columns) }
    var captionHeight: Double { (trueLabels != nil || predictedLabels != nil || captions != nil) ? theme.annotationSize * 1.3 + 2 : 0 }
    var titleHeight: Double { title?.isEmpty == false ? theme.titleSize * 1.3 + 6 : 0 }

    public var preferredSize: Size {
        let c = min(max(1, columns), max(1, images.count))
        return Size(Double(c) * cellSize + 8, Double(rows) * (cellSize + captionHeight) + titleHeight + 8)
    }

    func caption(_ k: Int) -> (String, wrong: Bool) {
        if let c = captions, k < c.count { return (c[k], false) }
        let t = trueLabels.flatMap { k < $0.count ? $0[k] : nil }
        let p = predictedLabels.flatMap { k < $0.count ? $0[k] : nil }
        switch (t, p) {
        case let (t?, p?): return ("y=\(t) ŷ=\(p)", t != p)
        case let (t?, nil): return (t, false)
        case let (nil, p?): return ("ŷ=\(p)", false)
        default: return ("", false)
        }
    }

    public func draw(in rect: Rect, on canvas: Canvas) throws {
        let n = imageWidth * imageHeight
        guard imageWidth > 0, imageHeight > 0, images.allSatisfy({ $0.count == n }) else {
            throw FigureError.invalid("every image needs \(imageWidth)×\(imageHeight) = \(n) values")
        }
        let cols = min(max(1, columns), max(1, images.count))
        let cellW = (rect.width - 8) / Double(cols)
        let cellH = (rect.height - titleHeight - 8) / Double(max(1, rows)) - captionHeight
        let side = max(4, min(cellW, cellH) - 6)
        if let t = title, !t.isEmpty {
            try canvas.drawText(t, at: Point(rect.midX, rect.minY + 4), style: theme.titleStyle, anchor: .top)
        }
        let lo = valueRange.lowerBound, span = max(1e-12, valueRange.upperBound - valueRange.lowerBound)
        for (k, img) in images.enumerated() {
            let r = k / cols, c = k % cols
            let cx = rect.minX + 4 + (Double(c) + 0.5) * cellW
            let top = rect.minY + titleHeight + 4 + Double(r) * (cellH + captionHeight) + 3
            var rgba = [UInt8](repeating: 255, count: n * 4)
            for i in 0..<n {
                let g = ColorMap.ink.color((img[i] - lo) / span)
                rgba[4 * i] = g.r; rgba[4 * i + 1] = g.g; rgba[4 * i + 2] = g.b
            }
            let box = Rect(x: cx - side / 2, y: top, width: side, height: side)
            canvas.drawImage(rgba: rgba, width: imageWidth, height: imageHeight, in: box, smooth: false)
            canvas.newPath()
            canvas.rect(box)
            canvas.stroke(theme.grid.mixed(with: theme.axis, 0.3), width: 0.5)
            let (text, wrong) = caption(k)
            if !text.isEmpty {
                let style = theme.style(theme.annotationSize, bold: wrong, color: wrong ? theme.negativeText : theme.text)
                try canvas.drawText(text, at: Point(cx, box.maxY + 1.5), style: style, anchor: .top)
            }
        }
        try canvas.check("drawing an image grid")
    }
}
