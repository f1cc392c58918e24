import Foundation
import Testing
@testable import Canvas

@Suite struct DrawingTests {
    @Test func filledRectangleIsWhereItShouldBe() throws {
        // 100×50 pt at 144 DPI = 200×100 px; rect (20,10)–(60,30) pt = px (40,20)–(120,60).
        let b = try Bitmap(pngData: Render.pngData(size: Size(100, 50), dpi: 144) { c in
            c.fill(Rect(x: 20, y: 10, width: 40, height: 20), Color(hex: "#0072B2"))
        })
        #expect(b.width == 200 && b.height == 100)
        #expect(b.pixel(x: 40, y: 20) == (0x00, 0x72, 0xB2, 255))     // first pixel inside
        #expect(b.pixel(x: 119, y: 59) == (0x00, 0x72, 0xB2, 255))    // last pixel inside
        #expect(b.pixel(x: 39, y: 20) == (255, 255, 255, 255))        // just left
        #expect(b.pixel(x: 120, y: 59) == (255, 255, 255, 255))       // just right
        #expect(b.pixel(x: 80, y: 60) == (255, 255, 255, 255))        // just below
        #expect(count(b) { r, g, b, _ in (r, g, b) == (0x00, 0x72, 0xB2) } == 80 * 40)
    }

    @Test func transformsMoveScaleAndRotate() throws {
        let b = try Render.bitmap(size: Size(100, 100), dpi: 72) { c in
            c.withState {
                c.translate(50, 50)
                c.rotate(Double.pi / 2)          // +x now points down the page
                c.scale(2, 1)
                c.fill(Rect(x: 0, y: -2, width: 10, height: 4), .black)   // becomes x 48…52, y 50…70
            }
            c.fill(Rect(x: 0, y: 0, width: 5, height: 5), .red)        // restore undid the transform
        }
        #expect(b.pixel(x: 50, y: 65) == (0, 0, 0, 255))
        #expect(b.pixel(x: 65, y: 50) == (255, 255, 255, 255))
        #expect(b.pixel(x: 2, y: 2) == (255, 0, 0, 255))
    }

    @Test func clipLimitsPaintingUntilRestore() throws {
        let b = try Render.bitmap(size: Size(100, 100), dpi: 72) { c in
            c.save()
            c.clip(to: Rect(x: 0, y: 0, width: 50, height: 100))
            c.paint(.black)
            c.restore()
            c.fill(Rect(x: 90, y: 90, width: 10, height: 10), .blue)
        }
        #expect(b.pixel(x: 49, y: 10) == (0, 0, 0, 255))
        #expect(b.pixel(x: 50, y: 10) == (255, 255, 255, 255))
        #expect(b.pixel(x: 95, y: 95) == (0, 0, 255, 255))
    }

    @Test func dashedStrokeHasGaps() throws {
        // A 4 pt wide horizontal line at y = 10 with dash 10 on, 10 off, butt caps.
        let b = try Render.bitmap(size: Size(100, 20), dpi: 72) { c in
            c.line(from: Point(0, 10), to: Point(100, 10))
            c.stroke(.black, width: 4, dash: [10, 10])
        }
        for x in [1, 5, 9, 21, 29, 41] { #expect(b.pixel(x: x, y: 10) == (0, 0, 0, 255), "x=\(x)") }
        for x in [11, 15, 19, 31, 39] { #expect(b.pixel(x: x, y: 10) == (255, 255, 255, 255), "x=\(x)") }
        #expect(b.pixel(x: 5, y: 7) == (255, 255, 255, 255))   // 2 pt above the centre line: outside
    }

    @Test func invalidDashIsReported() throws {
        #expect(throws: CanvasError.self) {
            _ = try Render.bitmap(size: Size(10, 10)) { c in
                c.line(from: .zero, to: Point(10, 10)); c.stroke(.black, dash: [-1, 2])
            }
        }
    }

    @Test func circleCoversItsInsideOnly() throws {
        let b = try Render.bitmap(size: Size(100, 100), dpi: 72) { c in
            c.circle(center: Point(50, 50), radius: 20)
            c.fill(.black)
        }
        #expect(b.pixel(x: 50, y: 50) == (0, 0, 0, 255))
        #expect(b.pixel(x: 50, y: 32) == (0, 0, 0, 255))      // 18 from the centre
        #expect(b.pixel(x: 63, y: 63) == (0, 0, 0, 255))       // its far corner (64,64) is 14·√2 ≈ 19.8 away
        #expect(b.pixel(x: 66, y: 66) == (255, 255, 255, 255)) // 16·√2 ≈ 22.6: outside
        // Area πr² ≈ 1256.6 px; antialiased edge pixels count as partly covered.
        let dark = count(b) { r, _, _, _ in r < 128 }
        #expect(abs(Double(dark) - Double.pi * 400) < 40)
    }

    @Test func imageNearestNeighbourKeepsCellsSharp() throws {
        // 2×2 image: red green / blue half-transparent white, stretched to 40×40 pt at 72 DPI.
        let rgba: [UInt8] = [255, 0, 0, 255, 0, 255, 0, 255,
                             0, 0, 255, 255, 255, 255, 255, 128]
        let b = try Render.bitmap(size: Size(40, 40), dpi: 72, background: .black) { c in
            c.drawImage(rgba: rgba, width: 2, height: 2, in: Rect(x: 0, y: 0, width: 40, height: 40), smooth: false)
        }
        #expect(b.pixel(x: 19, y: 0) == (255, 0, 0, 255))
        #expect(b.pixel(x: 20, y: 0) == (0, 255, 0, 255))
        #expect(b.pixel(x: 0, y: 20) == (0, 0, 255, 255))
        // white at alpha 128/255 over black: 255·128/255 = 128 (±1 for premultiplied rounding)
        let p = b.pixel(x: 30, y: 30)
        #expect(abs(Int(p.r) - 128) <= 1 && p.r == p.g && p.g == p.b && p.a == 255)
    }

    @Test func imageBufferOfWrongLengthIsAnError() throws {
        #expect(throws: CanvasError.invalidArgument("image of 2×2 pixels needs 16 RGBA bytes, got 3")) {
            _ = try Render.bitmap(size: Size(10, 10)) { c in
                c.drawImage(rgba: [1, 2, 3], width: 2, height: 2, in: Rect(x: 0, y: 0, width: 10, height: 10))
            }
        }
    }

    @Test func bitmapRoundTripsThroughPNG() throws {
        var rgba: [UInt8] = []
        for i in 0..<12 { rgba += [UInt8(i * 20), UInt8(255 - i * 20), 7, 255] }
        let b = try Bitmap(width: 4, height: 3, rgba: rgba)
        let back = try Bitmap(pngData: b.pngData())
        #expect(back == b)
    }

    @Test func colourParsing() {
        #expect(Color(hex: "#0072B2").rgba8 == (0, 0x72, 0xB2, 255))
        #expect(Color(hex: "E69F00").hexString == "#E69F00")
        #expect(Color(hex: "#07B").hexString == "#0077BB")
        #expect(Color(hex: "#00000080").rgba8.a == 128)
        #expect(Color(parsing: "#12345") == nil && Color(parsing: "zzzzzz") == nil && Color(parsing: "+12345") == nil)
    }
}

@Suite struct GradientTests {
    @Test func verticalColourBarRunsFromBottomToTop() throws {
        // Black at the bottom (offset 0) to white at the top: a 100 pt bar, so the pixel row at
        // height h above the bottom has grey level ≈ 255·h/100.
        let b = try Render.bitmap(size: Size(20, 100), dpi: 72, background: .red) { c in
            c.fill(Rect(x: 0, y: 0, width: 20, height: 100), Gradient(colors: [.black, .white]), vertical: true)
        }
        for row in [5, 25, 50, 75, 95] {
            let p = b.pixel(x: 10, y: row)
            let expected = 255 * (100 - (Double(row) + 0.5)) / 100
            #expect(abs(Double(p.r) - expected) <= 2 && p.r == p.g && p.g == p.b, "row \(row): \(p)")
        }
    }

    @Test func emptyGradientIsAnError() {
        #expect(throws: CanvasError.self) {
            _ = try Render.bitmap(size: Size(10, 10)) { c in c.fill(Rect(x: 0, y: 0, width: 10, height: 10), Gradient([]), vertical: false) }
        }
    }
}

@Suite struct InvalidNumberTests {
    @Test func nonFiniteCoordinatesAreErrorsNotGarbage() {
        let cases: [(String, (Canvas) throws -> Void)] = [
            ("line", { c in c.move(to: Point(0, 0)); c.line(to: Point(.nan, 3)); c.stroke(.black) }),
            ("circle", { c in c.circle(center: Point(5, 5), radius: .infinity); c.fill(.black) }),
            ("rect", { c in c.fill(Rect(x: 0, y: .nan, width: 3, height: 3), .black) }),
            ("colour", { c in c.fill(Rect(x: 0, y: 0, width: 3, height: 3), Color(r: .nan, g: 0, b: 0)) }),
            ("translate", { c in c.translate(.nan, 0) }),
            ("stroke width", { c in c.line(from: .zero, to: Point(5, 5)); c.stroke(.black, width: -1) }),
            ("text", { c in try c.drawText("x", at: Point(.nan, 0), style: TextStyle()) }),
            ("image", { c in c.drawImage(rgba: [0, 0, 0, 255], width: 1, height: 1, in: Rect(x: 0, y: 0, width: .nan, height: 1)) }),
        ]
        for (name, draw) in cases {
            #expect(throws: CanvasError.self, "\(name)") { _ = try Render.bitmap(size: Size(10, 10), draw: draw) }
        }
        do {
            _ = try Render.bitmap(size: Size(10, 10)) { c in c.line(from: .zero, to: Point(.nan, 1)) }
        } catch {
            #expect("\(error)".contains("line(from:to:): not a finite number"), "\(error)")
        }
    }

    @Test func hugePngIsRefusedBeforeAllocating() {
        #expect(throws: CanvasError.self) { _ = try Render.pngData(size: Size(14000, 14000), dpi: 600) { _ in } }
        // 2000 pt at 600 DPI: 16667 px each way (under Cairo's 32767) but 278 million pixels.
        do {
            _ = try Render.pngData(size: Size(2000, 2000), dpi: 600) { _ in }
            Issue.record("no error")
        } catch {
            #expect("\(error)".contains("16667×16667 pixels; the limit is 150 million"), "\(error)")
        }
        #expect(throws: CanvasError.self) { _ = try Render.pngData(size: Size(100, 100), dpi: 0) { _ in } }
        #expect(throws: CanvasError.self) { _ = try Render.pngData(size: Size(-1, 100), dpi: 72) { _ in } }
    }
}

@Suite struct PNGEncoderTests {
    /// A scene with text, antialiased edges, an image and (optionally) transparency.
    static func scene(_ c: Canvas) throws {
        c.fill(Rect(x: 3, y: 3, width: 30, height: 12), Color(hex: "#56B4E9").withAlpha(0.6))
        c.circle(center: Point(60, 20), radius: 14); c.stroke(Color(hex: "#D55E00"), width: 1.3)
        try c.drawText("Đạo hàm ∂J/∂W", at: Point(4, 30), style: TextStyle(size: 9))
        c.drawImage(rgba: [0, 0, 0, 255, 255, 255, 255, 0, 30, 60, 90, 128, 200, 100, 50, 255],
                    width: 2, height: 2, in: Rect(x: 80, y: 4, width: 16, height: 16))
    }

    @Test func decodesToTheRenderedPixelsOpaqueAndTransparent() throws {
        for background in [Color.white, .clear] {
            let pixels = try Render.bitmap(size: Size(100, 50), dpi: 144, background: background, draw: Self.scene)
            let png = try Render.pngData(size: Size(100, 50), dpi: 144, background: background, draw: Self.scene)
            // libpng (through Cairo) checks the signature, chunk CRCs and the zlib stream.
            let decoded = try Bitmap(pngData: png)
            #expect(decoded == pixels, "background \(background)")
            // Colour type 2 (RGB) for an opaque image, 6 (RGBA) otherwise; 8 bits per channel.
            #expect(png[24] == 8 && png[25] == (background == .white ? 2 : 6))
            #expect((count(decoded) { _, _, _, a in a == 0 } > 0) == (background == .clear))
        }
    }

    @Test func fileRecognisesIt() throws {
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        try Render.png(size: Size(100, 50), dpi: 72, to: dir + "/s.png", draw: Self.scene)
        let out = try run("file", ["-b", dir + "/s.png"]).output
        #expect(out.hasPrefix("PNG image data, 100 x 50, 8-bit/color RGB, non-interlaced"), "\(out)")
    }
}
