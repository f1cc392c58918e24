import Foundation
import Testing
@testable import Canvas

@Suite struct TextTests {
    let paragraph = String(repeating: "Lan truyền ngược tính đạo hàm riêng của hàm mất mát theo từng trọng số. ", count: 3)

    @Test func wrappedParagraphGrowsDownAndStaysInItsWidth() throws {
        let c = Canvas.measuring()
        let style = TextStyle(family: .serif, size: 10, width: 200)
        let short = try c.layout("Mạng nơ-ron", style: style)
        let long = try c.layout(paragraph, style: style)
        let longer = try c.layout(paragraph + paragraph, style: style)
        #expect(short.lineCount == 1)
        #expect(long.lineCount > 3)
        #expect(longer.lineCount > long.lineCount)
        #expect(long.size.height > short.size.height && longer.size.height > long.size.height)
        for l in [short, long, longer] {
            #expect(l.size.width <= 200 + 1e-9)
            for line in l.lines { #expect(line.logicalRect.maxX <= 200 + 1e-9) }
        }
        // Baselines go down by the same line pitch; DejaVu Serif's line height is ≈ 1.164 em.
        let pitch = long.lineBaselines[1] - long.lineBaselines[0]
        #expect(abs(pitch - 11.64) < 0.1, "pitch \(pitch)")
        for i in 1..<long.lineCount { #expect(abs(long.lineBaselines[i] - long.lineBaselines[i - 1] - pitch) < 1e-6) }
        #expect(abs(long.size.height - pitch * Double(long.lineCount)) < 0.01)
    }

    @Test func fontSizeIsInPoints() throws {
        // DejaVu Sans: ascent 0.928 em, descent 0.236 em; at 20 pt the first baseline is at 18.56 pt
        // (it would be 24.7 at Pango's default 96 dpi), the line height 23.28 pt.
        let l = try Canvas.measuring().layout("Hxg", style: TextStyle(size: 20))
        #expect(abs(l.baseline - 18.56) < 0.05, "baseline \(l.baseline)")
        #expect(abs(l.size.height - 23.28) < 0.05, "height \(l.size.height)")
        // Ink of "H" starts above the baseline by the cap height (0.729 em = 14.6 pt).
        #expect(abs((l.baseline - l.inkRect.minY) - 14.58) < 0.3, "ink top \(l.inkRect.minY)")
    }

    @Test func lineSpacingMultipliesThePitch() throws {
        let c = Canvas.measuring()
        var style = TextStyle(family: .sans, size: 10, width: 100)
        let single = try c.layout(paragraph, style: style)
        style.lineSpacing = 1.5
        let loose = try c.layout(paragraph, style: style)
        let p1 = single.lineBaselines[1] - single.lineBaselines[0]
        let p2 = loose.lineBaselines[1] - loose.lineBaselines[0]
        #expect(abs(p2 / p1 - 1.5) < 0.02, "pitches \(p1) \(p2)")
    }

    @Test func justifiedLinesFillTheWidth() throws {
        let l = try Canvas.measuring().layout(paragraph, style: TextStyle(family: .serif, size: 10, alignment: .justify, width: 180))
        #expect(l.lineCount >= 3)
        for line in l.lines.dropLast() { #expect(abs(line.logicalRect.width - 180) < 0.5, "\(line.logicalRect)") }
        #expect(l.lines.last!.logicalRect.width < 179)
    }

    @Test func centredAndRightAlignedLinesSitInTheWidth() throws {
        let c = Canvas.measuring()
        let centred = try c.layout("ab", style: TextStyle(alignment: .center, width: 100))
        let right = try c.layout("ab", style: TextStyle(alignment: .right, width: 100))
        #expect(abs(centred.logicalRect.midX - 50) < 0.01)
        #expect(abs(right.logicalRect.maxX - 100) < 0.01)
    }

    @Test func badMarkupThrowsAndPlainTextIsLiteral() throws {
        let c = Canvas.measuring()
        for bad in ["<b>unclosed", "a < b", "<nonsense>x</nonsense>", "&bogus;", "<span foreground=\"nocolour\">x</span>"] {
            #expect(throws: CanvasError.self, "\(bad)") { try c.layout(bad, style: TextStyle(), markup: true) }
        }
        do {
            _ = try c.layout("<b>x", style: TextStyle(), markup: true)
        } catch let e as CanvasError {
            #expect(e.description.hasPrefix("invalid text markup: "), "\(e)")
        }
        // The same characters as plain text are fine and shown literally.
        let plain = try c.layout("a < b & <b>c</b>", style: TextStyle())
        let escaped = try c.layout(Markup.escape("a < b & <b>c</b>"), style: TextStyle(), markup: true)
        #expect(plain.size == escaped.size)
        #expect(Markup.escape("<a href='x'>&\"") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;")
        // Valid markup lays out: bold text is wider than regular.
        let bold = try c.layout("<b>Trọng số</b>", style: TextStyle(), markup: true)
        let regular = try c.layout("Trọng số", style: TextStyle())
        #expect(bold.size.width > regular.size.width)
        #expect(try c.layout("W<sub>1</sub><sup>(2)</sup>", style: TextStyle(), markup: true).lineCount == 1)
    }

    @Test func badSizesAreErrors() throws {
        let c = Canvas.measuring()
        #expect(throws: CanvasError.self) { try c.layout("x", style: TextStyle(size: 0)) }
        #expect(throws: CanvasError.self) { try c.layout("x", style: TextStyle(size: .nan)) }
        #expect(throws: CanvasError.self) { try c.layout("x", style: TextStyle(width: -3)) }
    }

    @Test func nfdRendersLikeNfc() throws {
        let nfc = vietnameseSample.precomposedStringWithCanonicalMapping
        let nfd = vietnameseSample.decomposedStringWithCanonicalMapping
        #expect(Array(nfc.unicodeScalars) != Array(nfd.unicodeScalars))
        let style = TextStyle(family: .serif, size: 12, width: 300)
        let draw: (String) throws -> Data = { s in
            try Render.pngData(size: Size(320, 60), dpi: 144) { c in try c.drawText(s, at: Point(10, 10), style: style) }
        }
        #expect(try draw(nfc) == draw(nfd))
        let c = Canvas.measuring()
        #expect(try c.layout(nfd, style: style).size == c.layout(nfc, style: style).size)
    }

    @Test func measuringMetricsEqualPdfAndPngMetrics() throws {
        let style = TextStyle(family: .serif, size: 10.5, alignment: .justify, width: 233)
        let text = paragraph + vietnameseSample
        let measured = try Canvas.measuring().layout(text, style: style)
        var onPage: [TextLayout] = []
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        try Render.pdf(size: .a4, to: dir + "/m.pdf") { c in onPage.append(try c.layout(text, style: style)) }
        for dpi in [72.0, 96, 150, 300] {
            _ = try Render.pngData(size: Size(300, 300), dpi: dpi) { c in
                c.scale(1.7, 1.7)   // a user transform must not change metrics either
                onPage.append(try c.layout(text, style: style))
            }
        }
        _ = try Render.svgData(size: Size(300, 300)) { c in onPage.append(try c.layout(text, style: style)) }
        for l in onPage {
            #expect(l.size == measured.size)
            #expect(l.lineBaselines == measured.lineBaselines)
            #expect(l.lines.map(\.logicalRect) == measured.lines.map(\.logicalRect))
        }
    }

    @Test func anchorsPlaceTheBox() throws {
        // A black 20 pt "█" (full block) centred at (50, 50): its ink must cover the centre and be
        // roughly symmetric left/right of it.
        let b = try Render.bitmap(size: Size(100, 100), dpi: 72) { c in
            try c.drawText("██", at: Point(50, 50), style: TextStyle(size: 20), anchor: .center)
        }
        #expect(b.pixel(x: 50, y: 50) == (0, 0, 0, 255))
        var left = 50, right = 50
        while left > 0 && b.pixel(x: left - 1, y: 50).r < 128 { left -= 1 }
        while right < 99 && b.pixel(x: right + 1, y: 50).r < 128 { right += 1 }
        #expect(abs((50 - left) - (right - 50)) <= 1, "ink \(left)…\(right)")
        // Baseline anchor: nothing of "x" below the baseline (y = 60).
        let base = try Render.bitmap(size: Size(100, 100), dpi: 72) { c in
            try c.drawText("xxx", at: Point(10, 60), style: TextStyle(size: 20), anchor: .baselineLeft)
        }
        #expect(count(base) { r, _, _, _ in r < 128 } > 50)
        for y in 61..<100 { for x in 0..<100 { #expect(base.pixel(x: x, y: y).r > 128) } }
    }

    @Test func vietnameseRendersWithEveryDiacritic() throws {
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        let styles: [(String, TextStyle)] = [
            ("sans", TextStyle(family: .sans, size: 12)), ("serif", TextStyle(family: .serif, size: 12)),
            ("serif bold", TextStyle(family: .serif, size: 12, bold: true)),
            ("serif italic", TextStyle(family: .serif, size: 12, italic: true)),
            ("mono", TextStyle(family: .mono, size: 10)), ("math", TextStyle(family: .math, size: 12)),
        ]
        let size = Size(560, 40 + 34 * Double(styles.count) + 90)
        let draw: (Canvas) throws -> Void = { c in
            var y = 12.0
            for (name, style) in styles {
                try c.drawText(name, at: Point(10, y), style: TextStyle(size: 7, color: .gray(0.4)))
                let l = try c.drawText(vietnameseSample, at: Point(10, y + 9), style: style.with(width: 540))
                y += 14 + l.size.height + 6
            }
            let para = try c.layout("<b>Định lý.</b> Với hàm kích hoạt <i>σ</i>, ta có σ′(z) = σ(z)(1 − σ(z)); "
                + "W<sub>ij</sub><sup>(2)</sup> được cập nhật bằng <span foreground=\"#D55E00\">W − η·∂J/∂W</span>. "
                + "Ước lượng: ỹ, ẵ, ặ, ẳ, ỡ, ự, ữ, ỷ.",
                style: TextStyle(family: .serif, size: 11, alignment: .justify, width: 540, lineSpacing: 1.2), markup: true)
            c.draw(para, at: Point(10, y))
            c.rect(Rect(x: 10, y: y, width: 540, height: para.size.height))
            c.stroke(Color(hex: "#0072B2"), width: 0.3, dash: [2, 2])
        }
        try Render.png(size: size, dpi: 150, to: dir + "/vi.png", draw: draw)
        try Render.pdf(size: size, title: "Tiếng Việt", to: dir + "/vi.pdf", draw: draw)
        keepSample(dir + "/vi.png", as: "vietnamese.png")
        keepSample(dir + "/vi.pdf", as: "vietnamese.pdf")
        let text = try run("pdftotext", ["-enc", "UTF-8", dir + "/vi.pdf", "-"]).output
        for w in ["ngược,", "đạo", "ỹ,", "ẵ,", "ặ,", "ẳ,", "ỡ,", "ự,", "ữ,", "ỷ.", "Định"] {
            #expect(text.contains(w), "pdftotext lost \(w)")
        }
        // Diacritics above the letters: with the same box, ink starts higher for "Ấ" than for "A".
        let c = Canvas.measuring()
        let plainA = try c.layout("A", style: TextStyle(size: 40)), stacked = try c.layout("Ấ", style: TextStyle(size: 40))
        #expect(stacked.inkRect.minY < plainA.inkRect.minY - 5)
        let dotBelow = try c.layout("ạ", style: TextStyle(size: 40)), a = try c.layout("a", style: TextStyle(size: 40))
        #expect(dotBelow.inkRect.maxY > a.inkRect.maxY + 3)
    }

    @Test func linesOfALayoutCanBeDrawnSeparately() throws {
        let style = TextStyle(family: .serif, size: 10, width: 150)
        let l = try Canvas.measuring().layout(paragraph, style: style)
        #expect(l.lineCount >= 4)
        let ext = l.verticalExtent(ofLines: 2..<l.lineCount)
        #expect(abs(ext.bottom - l.size.height) < 1e-9 && ext.top > 0)
        // Drawing lines 2… at y = 0 puts ink only above the height of those lines.
        let b = try Render.bitmap(size: Size(160, 200), dpi: 72) { c in c.draw(l, lines: 2..<l.lineCount, at: Point(5, 0)) }
        let h = Int((ext.bottom - ext.top).rounded(.up))
        #expect(count(b) { r, _, _, _ in r < 128 } > 100)
        for y in (h + 1)..<200 { for x in 0..<160 { #expect(b.pixel(x: x, y: y).r > 128) } }
    }
}

@Suite struct MathFontTableTests {
    @Test func readsDejaVuMathConstants() throws {
        let t = try MathFontTable()
        #expect(t.unitsPerEm == 1000)
        #expect(t.constants.count == 56)
        // Expected values read independently from the font file's raw MATH table (a short Python
        // struct parse of DejaVuMathTeXGyre.ttf; font units, upem 1000).
        #expect(t["scriptPercentScaleDown"] == 0.8)           // 80 %
        #expect(t["scriptScriptPercentScaleDown"] == 0.65)    // 65 %
        #expect(t["delimitedSubFormulaMinHeight"] == 1.333)   // 1333
        #expect(t["displayOperatorMinHeight"] == 1.333)       // 1333
        #expect(t["mathLeading"] == 0.12)                     // 120
        #expect(t["axisHeight"] == 0.275)                     // 275
        #expect(t["accentBaseHeight"] == 0.539)               // 539
        #expect(t["flattenedAccentBaseHeight"] == 0.709)      // 709
        #expect(t["subscriptShiftDown"] == 0.277)             // 277
        #expect(t["subscriptTopMax"] == 0.33)                 // 330
        #expect(t["fractionRuleThickness"] == 0.064)          // 64
        #expect(t["radicalDegreeBottomRaisePercent"] == 0.55) // 55 %
        #expect(t["no such constant"] == nil)
        // MathItalicsCorrectionInfo: glyph of U+0066 'f' → 88, U+222B '∫' → 153, none for U+1D453 '𝑓'.
        #expect(t.italicCorrection("f") == 0.088)
        #expect(t.italicCorrection("∫") == 0.153)
        #expect(t.italicCorrection("𝑓") == 0)
        #expect(t.hasGlyph("∑") && t.hasGlyph("∂") && t.hasGlyph("𝑓") && !t.hasGlyph("\u{E000}"))
        #expect(t.advance("x") > 0.3 && t.advance("x") < 0.7)
    }

    @Test func fontWithoutMathTableIsAnError() {
        // DejaVu Sans and Serif carry a MATH table too; DejaVu Sans Mono does not.
        #expect(throws: CanvasError.self) { try MathFontTable(family: .mono) }
    }
}

@Suite struct HaloTests {
    @Test func haloClearsAroundTheTextAndKeepsItText() throws {
        // A label with a white halo over a black line: pixels just beside the glyphs on the line turn
        // white; without the halo they stay black.
        func render(halo: Color?) throws -> Bitmap {
            try Render.bitmap(size: Size(100, 40), dpi: 144) { c in
                c.fill(Rect(x: 0, y: 18, width: 100, height: 4), .black)
                try c.drawText("0.35", at: Point(50, 20), style: TextStyle(size: 14, color: Color(hex: "#D55E00")),
                               anchor: .center, halo: halo, haloWidth: 2)
            }
        }
        let plain = try render(halo: nil), haloed = try render(halo: .white)
        let blackPlain = count(plain) { r, g, b, _ in r < 40 && g < 40 && b < 40 }
        let blackHalo = count(haloed) { r, g, b, _ in r < 40 && g < 40 && b < 40 }
        #expect(blackHalo < blackPlain - 200, "black pixels \(blackPlain) → \(blackHalo)")
        // Line visible far from the label in both.
        #expect(haloed.pixel(x: 4, y: 40) == (0, 0, 0, 255))
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        try Render.pdf(size: Size(100, 40), to: dir + "/h.pdf") { c in
            try c.drawText("0.35", at: Point(50, 20), style: TextStyle(size: 14), anchor: .center, halo: .white)
        }
        #expect(try run("pdftotext", [dir + "/h.pdf", "-"]).output.contains("0.35"))
        try AtomicFile.write(haloed.pngData(), to: dir + "/h.png")
        keepSample(dir + "/h.png", as: "halo.png")
    }
}

@Suite struct TextFuzzTests {
    /// Random strings built from markup-significant pieces: as markup they either lay out or throw
    /// CanvasError.markup (never crash, never draw nothing silently); as plain text they always lay out.
    @Test func randomMarkupNeverCrashes() throws {
        let pieces = ["<b>", "</b>", "<i>", "</i>", "<sub>", "</sub>", "<sup>", "</sup>", "<span foreground=\"#D55E00\">",
                      "</span>", "&amp;", "&", "<", ">", "&#x1EA1;", "&#0;", "ạ", "\u{0323}", "\n", "\t", "\0", "∂", "x", " ",
                      "<span size=\"-5\">", "<span font_family=\"", "\"", "'", "&lt;", "<br/>", "😀", "\u{202E}"]
        var random = SplitMix64(seed: 42)   // the same strings every run
        let c = Canvas.measuring()
        var valid = 0, invalid = 0
        for _ in 0..<400 {
            let s = (0..<Int.random(in: 1...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            do {
                let l = try c.layout(s, style: TextStyle(width: 120), markup: true)
                #expect(l.lineCount >= 1)
                valid += 1
            } catch let e as CanvasError {
                if case .markup = e { invalid += 1 } else { Issue.record("unexpected \(e) for \(s.debugDescription)") }
            }
            let plain = try c.layout(s, style: TextStyle(width: 120))
            #expect(plain.lineCount >= 1)
        }
        #expect(valid > 20 && invalid > 20, "valid \(valid), invalid \(invalid)")
    }
}

/// SplitMix64, for a fuzz test that is the same every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
