import Foundation
import FoundationXML
import Testing
@testable import Canvas

@Suite struct OutputTests {
    /// A small scene using paths, text and an image: the same for every format.
    static func scene(_ c: Canvas) throws {
        c.fill(Rect(x: 10, y: 10, width: 80, height: 40), Color(hex: "#0072B2"))
        c.circle(center: Point(150, 30), radius: 20)
        c.stroke(Color(hex: "#D55E00"), width: 2, dash: [4, 2])
        c.drawImage(rgba: [255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 128],
                    width: 2, height: 2, in: Rect(x: 200, y: 10, width: 40, height: 40))
        try c.drawText(vietnameseSample, at: Point(10, 70), style: TextStyle(family: .serif, size: 11, width: 260))
    }

    @Test func pdfWithVietnameseTextIsRecoveredByPdftotext() throws {
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        let path = dir + "/vi.pdf"
        try Render.pdf(size: Size(300, 140), title: "Mạng nơ-ron", to: path, draw: Self.scene)
        let r = try run("pdftotext", ["-enc", "UTF-8", path, "-"])
        #expect(r.status == 0)
        let words = r.output.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        // Every word with a diacritic must come back composed (NFC), as written.
        for w in ["Mạng", "nơ-ron", "nhân", "tạo:", "truyền", "ngược,", "hàm", "kích", "hoạt,", "đạo", "riêng", "∂J/∂W,", "σ(z)"] {
            #expect(words.contains(w), "pdftotext lost \(w): \(words)")
        }
        #expect(files(in: dir) == ["vi.pdf"])
    }

    @Test func pdfMetadataIsFixed() throws {
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        let path = dir + "/meta.pdf"
        try Render.pdf(size: .a4, title: "Bài 3", to: path, draw: Self.scene)
        let info = try run("pdfinfo", [path]).output
        #expect(info.contains("Title:           Bài 3"))
        #expect(info.contains("Creator:         nnbook"))
        #expect(info.contains("2025"))      // the fixed CreationDate, not today's
        #expect(info.contains("Page size:       595.276 x 841.89 pts (A4)"))
    }

    @Test func multiPagePdfKeepsEachPageSize() throws {
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        let path = dir + "/pages.pdf"
        let doc = try PDFDocument(path: path, title: "pages")
        for (i, size) in [Size.a4, Size.slides16x9, Size(200, 100)].enumerated() {
            let c = doc.beginPage(size: size)
            #expect(c.size == size)
            try c.drawText("Trang \(i + 1)", at: Point(20, 20), style: TextStyle(size: 14))
            try doc.endPage()
        }
        try doc.finish()
        #expect(doc.pageCount == 3)
        let info = try run("pdfinfo", ["-f", "1", "-l", "3", path]).output
        #expect(info.contains("Page    1 size:  595.276 x 841.89 pts"))
        #expect(info.contains("Page    2 size:  720 x 405 pts"))
        #expect(info.contains("Page    3 size:  200 x 100 pts"))
        let text = try run("pdftotext", ["-enc", "UTF-8", path, "-"]).output
        #expect(text.contains("Trang 1") && text.contains("Trang 2") && text.contains("Trang 3"))
    }

    @Test func twoRendersAreByteIdentical() throws {
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        for ext in ["pdf", "png", "svg"] {
            let a = dir + "/a." + ext, b = dir + "/b." + ext
            for p in [a, b] {
                switch ext {
                case "pdf": try Render.pdf(size: Size(300, 140), title: "t", to: p, draw: Self.scene)
                case "png": try Render.png(size: Size(300, 140), dpi: 150, to: p, draw: Self.scene)
                default: try Render.svg(size: Size(300, 140), to: p, draw: Self.scene)
                }
            }
            let da = try Data(contentsOf: URL(fileURLWithPath: a)), db = try Data(contentsOf: URL(fileURLWithPath: b))
            #expect(da.count > 500, "\(ext) is suspiciously small: \(da.count) bytes")
            #expect(da == db, "\(ext) renders differ")
            keepSample(a, as: "scene-a." + ext); keepSample(b, as: "scene-b." + ext)
        }
    }

    @Test func svgParsesAsXML() throws {
        let data = try Render.svgData(size: Size(300, 140), draw: Self.scene)
        final class Collector: NSObject, XMLParserDelegate {
            var elements: [String] = []
            var root: [String: String] = [:]
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                        qualifiedName: String?, attributes: [String: String] = [:]) {
                if elements.isEmpty { root = attributes }
                elements.append(name)
            }
        }
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "SVG does not parse: \(String(describing: parser.parserError))")
        #expect(collector.elements.first == "svg")
        #expect(collector.root["width"] == "300pt" && collector.root["height"] == "140pt")
        #expect(collector.elements.contains("path"))
        #expect(collector.elements.contains("image"))
    }

    @Test func pngHasTheSizeOfItsDPI() throws {
        let data = try Render.pngData(size: Size(72, 36), dpi: 300) { _ in }
        let b = try Bitmap(pngData: data)
        #expect(b.width == 300 && b.height == 150)   // 1 in × ½ in at 300 DPI
        #expect(b.pixel(x: 10, y: 10) == (255, 255, 255, 255))   // white background by default
        let clear = try Bitmap(pngData: Render.pngData(size: Size(10, 10), dpi: 72, background: .clear) { _ in })
        #expect(clear.pixel(x: 5, y: 5).a == 0)
    }

    @Test func drawableRendersToEveryFormat() throws {
        struct Badge: Drawable {
            var preferredSize: Size { Size(100, 50) }
            func draw(in rect: Rect, on canvas: Canvas) throws {
                canvas.fill(rect.insetBy(5), Color(hex: "#009E73"))
                try canvas.drawText("Đúng", at: rect.center, style: TextStyle(size: 14, bold: true, color: .white), anchor: .center)
            }
        }
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        for f in ImageFormat.allCases {
            let path = dir + "/badge." + f.rawValue
            #expect(ImageFormat(path: path) == f)
            try Badge().render(to: path, format: f, dpi: 144)
        }
        #expect(files(in: dir) == ["badge.pdf", "badge.png", "badge.svg"])
        let b = try Bitmap(pngPath: dir + "/badge.png")
        #expect(b.width == 200 && b.height == 100)
        #expect(b.pixel(x: 14, y: 14) == (0, 0x9E, 0x73, 255))
        #expect(try run("pdftotext", [dir + "/badge.pdf", "-"]).output.contains("Đúng"))
    }
}

@Suite struct ConcurrencyTests {
    /// Each Canvas has a Pango font session of its own while it lives (from a pool), so canvases on
    /// different threads do not share state.
    @Test func concurrentRendersMatchASerialOne() throws {
        let draw: @Sendable (Canvas) throws -> Void = { c in
            c.fill(Rect(x: 5, y: 5, width: 30, height: 10), Color(hex: "#CC79A7"))
            try c.drawText(vietnameseSample, at: Point(5, 20), style: TextStyle(family: .serif, size: 9, width: 190))
        }
        let expected = try Render.pngData(size: Size(200, 80), dpi: 150, draw: draw)
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var data: [Data?] = Array(repeating: nil, count: 8)
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let d = try? Render.pngData(size: Size(200, 80), dpi: 150, draw: draw)
            results.lock.lock(); results.data[i] = d; results.lock.unlock()
        }
        for d in results.data { #expect(d == expected) }
    }

    /// A pooled font session is reused by a later canvas only once the earlier canvas and every layout
    /// made on it are gone, and text measures the same on a fresh session as on a reused one.
    @Test func fontSessionsAreLentToOneCanvasAtATime() throws {
        let style = TextStyle(family: .serif, size: 9, width: 120)
        var first: Canvas? = Canvas.measuring()
        let kept = try first!.layout(vietnameseSample, style: style)
        let session = ObjectIdentifier(first!.textEngine.session)
        first = nil
        // The layout still holds the session: the next canvas gets another one.
        let second = Canvas.measuring()
        let other = try second.layout(vietnameseSample, style: style)
        #expect(ObjectIdentifier(second.textEngine.session) != session)
        #expect(other.size == kept.size && other.lines == kept.lines)
        // Both layouts are still usable (drawn after their canvases are gone or busy).
        let bitmap = try Render.bitmap(size: Size(140, 80), dpi: 72) { c in
            c.draw(kept, at: Point(5, 5))
            c.draw(other, at: Point(5, 40))
        }
        #expect(bitmap.width == 140)
    }

    @Test func drawingAfterEndPageDoesNotReachTheNextPage() throws {
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        let path = dir + "/two.pdf"
        let doc = try PDFDocument(path: path, pageSize: Size(200, 100))
        let first = doc.beginPage()
        try first.drawText("một", at: Point(10, 10), style: TextStyle())
        try doc.endPage()
        let second = doc.beginPage()
        try first.drawText("stale", at: Point(10, 40), style: TextStyle())   // a bug in a caller
        try second.drawText("hai", at: Point(10, 10), style: TextStyle())
        try doc.finish()
        #expect(throws: CanvasError.self) { try first.check() }
        let page2 = try run("pdftotext", ["-f", "2", "-l", "2", path, "-"]).output
        #expect(page2.contains("hai") && !page2.contains("stale"))
    }
}

@Suite struct PDFNavigationTests {
    @Test func bookmarksAndLinksReachThePdf() throws {
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        let path = dir + "/nav.pdf"
        let doc = try PDFDocument(path: path, title: "Mục lục")
        let c1 = doc.beginPage()
        try c1.drawText("Mục lục", at: Point(72, 72), style: TextStyle(size: 16))
        c1.link(toPage: 2, y: 100, rect: Rect(x: 72, y: 100, width: 200, height: 14))     // a later page
        c1.link(to: "https://example.org/a'b", rect: Rect(x: 72, y: 120, width: 200, height: 14))
        c1.link(toDestination: "sec-6.1", rect: Rect(x: 72, y: 140, width: 200, height: 14))
        let top = doc.addBookmark("Bài 6: Lan truyền ngược", page: 2, y: 100, open: true)  // before page 2 exists
        try doc.endPage()
        let c2 = doc.beginPage()
        try c2.drawText("Lan truyền ngược", at: Point(72, 100), style: TextStyle(size: 16))
        c2.addDestination("sec-6.1", at: Point(72, 300))
        c2.link(toPage: 1, y: 50, rect: Rect(x: 72, y: 400, width: 100, height: 14))      // an earlier page
        try doc.endPage()
        doc.addBookmark("6.1 Đạo hàm riêng", page: 2, y: 300, parent: top)
        try doc.finish()
        keepSample(path, as: "nav.pdf")
        // pdftohtml -xml lists the outline, nested, with the target pages.
        let xml = try run("pdftohtml", ["-xml", "-i", "-stdout", "-q", path]).output
        #expect(xml.contains("<outline>\n<item page=\"2\">Bài 6: Lan truyền ngược</item>\n<outline>\n<item page=\"2\">6.1 Đạo hàm riêng</item>"),
                "\(xml.suffix(400))")
        // Every link annotation has a target: page 2 is object `p2`, A4 is 841.8898 pt high, so y = 100
        // below the top is 741.8898 and y = 300 is 541.8898.
        let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        let links = raw.components(separatedBy: "/Subtype /Link").dropFirst().map { $0.prefix(400) }
        #expect(links.count == 4)
        for l in links { #expect(l.contains("/Dest") || l.contains("/URI"), "link without target: \(l)") }
        #expect(raw.contains("/URI (https://example.org/a'b)"))
        #expect(raw.contains("(nnbook-p2-100.000) [") && raw.contains("(sec-6.1) ["))
        #expect(raw.contains("/XYZ 72 541.8898 0]"))          // sec-6.1 at (72, 300)
        #expect(raw.contains("/XYZ 0 791.8898 0]"))          // page 1, y = 50
    }

    @Test func pdfWithLinksIsStillByteIdentical() throws {
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        var datas: [Data] = []
        for name in ["a.pdf", "b.pdf"] {
            let doc = try PDFDocument(path: dir + "/" + name, title: "x")
            let c = doc.beginPage()
            try c.drawText("Mục lục", at: Point(72, 72), style: TextStyle())
            c.link(toPage: 2, rect: Rect(x: 72, y: 72, width: 50, height: 12))
            try doc.endPage()
            try doc.beginPage().drawText("Trang 2", at: Point(72, 72), style: TextStyle())
            doc.addBookmark("Trang 2", page: 2)
            try doc.finish()
            datas.append(try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)))
        }
        #expect(datas[0] == datas[1])
    }
}

@Suite struct SVGImageTests {
    @Test func crispImagesStayCrispInSVGViewers() throws {
        let rgba: [UInt8] = [255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255]
        let data = try Render.svgData(size: Size(100, 50)) { c in
            c.drawImage(rgba: rgba, width: 2, height: 2, in: Rect(x: 5, y: 5, width: 40, height: 40), smooth: false)
            c.drawImage(rgba: rgba, width: 2, height: 2, in: Rect(x: 55, y: 5, width: 40, height: 40), smooth: true)
        }
        let svg = String(decoding: data, as: UTF8.self)
        let images = svg.components(separatedBy: "<image ").dropFirst()
        #expect(images.count == 2)
        // The crisp one: marked for browsers, and magnified 54× (40 pt shown per 2 px: 20 pt per pixel,
        // ×2×96/72 → 53.3, rounded up) for viewers that interpolate anyway.
        #expect(images.first!.hasPrefix("style=\"image-rendering:optimizeSpeed;image-rendering:pixelated\" id=\"nn-image1\" width=\"108\" height=\"108\""),
                "\(images.first!.prefix(120))")
        #expect(images.last!.hasPrefix("id=\"nn-image2\" width=\"2\" height=\"2\""))
        #expect(XMLParser(data: data).parse())
        // Rendered by librsvg when it is installed: the crisp image keeps a hard red/green edge.
        guard (try? run("rsvg-convert", ["--version"]))?.status == 0 else { return }
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        try AtomicFile.write(data, to: dir + "/i.svg")
        _ = try run("rsvg-convert", ["-w", "100", "-h", "50", "-o", dir + "/i.png", dir + "/i.svg"])
        let b = try Bitmap(pngPath: dir + "/i.png")
        // Crisp image (x 5…45): the pixels left and right of the middle (x = 25) are pure red and green.
        let left = b.pixel(x: 23, y: 10), right = b.pixel(x: 26, y: 10)
        #expect(left.r > 250 && left.g < 5 && right.g > 250 && right.r < 5, "crisp \(left) \(right)")
        // The smooth one (x 55…95) is interpolated there: red and green mixed.
        let smooth = b.pixel(x: 74, y: 10)
        #expect(smooth.r < 250 && smooth.g > 5, "smooth \(smooth)")
    }

    @Test func crispImagesInPDFAndPNGAreNotMagnified() throws {
        // Magnifying is for SVG only: the PDF keeps the 2×2 image with /Interpolate false.
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        try Render.pdf(size: Size(100, 50), to: dir + "/i.pdf") { c in
            c.drawImage(rgba: [UInt8](repeating: 200, count: 16), width: 2, height: 2, in: Rect(x: 5, y: 5, width: 40, height: 40))
        }
        let list = try run("pdfimages", ["-list", dir + "/i.pdf"]).output
        #expect(list.contains("image       2     2"), "\(list)")
        #expect(list.split(separator: "\n").last!.contains(" no "))   // interp: no
    }
}
