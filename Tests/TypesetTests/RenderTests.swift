import Foundation
import Testing
import Canvas
@testable import Typeset

@Suite struct RenderTests {
    func run(_ tool: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + args
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func everyConstructRendersToAPDFWhoseTextIsFound() throws {
        let doc = try SampleDocument.document()
        let pages = try Typesetter().layout(doc)
        #expect(pages.count >= 2)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("typeset-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let pdf = dir.appendingPathComponent("sample.pdf").path
        try PageRenderer.pdf(pages, to: pdf, title: doc.title)
        if let keep = ProcessInfo.processInfo.environment["TYPESET_SAMPLE_OUT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(atPath: pdf, toPath: keep)
        }
        let text = try run("pdftotext", ["-layout", pdf, "-"])
        for needle in ["Lan truyền ngược", "mạng nơ-ron nhiều tầng", "ắ ằ ẳ ẵ ặ", "Hình 7.1", "Bảng 7.1",
                       "Trang 1/\(pages.count)", "0.574443", "Tóm tắt lan truyền ngược", "Mạng nơ-ron nhân tạo"] {
            #expect(text.contains(needle), "pdftotext did not find \(needle)")
        }
        let png = dir.appendingPathComponent("p1.png").path
        try PageRenderer.png(pages[0], dpi: 60, to: png)
        #expect(FileManager.default.fileExists(atPath: png))
        try? FileManager.default.removeItem(at: dir)
    }
}

@Suite struct SlidesRenderTests {
    @Test func slidesAndEnglishRender() throws {
        var doc = try SampleDocument.document(lesson: 2, language: .en)
        doc.course = "Neural networks"
        let pages = try Typesetter(style: .slides16x9).layout(doc)
        #expect(pages.allSatisfy { $0.size == Size(720, 405) })
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slides-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("slides.pdf").path
        try PageRenderer.pdf(pages, to: pdf, title: doc.title)
        if let keep = ProcessInfo.processInfo.environment["TYPESET_SLIDES_OUT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(atPath: pdf, toPath: keep)
        }
        let text = try RenderTests().run("pdftotext", [pdf, "-"])
        #expect(text.contains("Figure 2.1") && text.contains("Table 2.1") && text.contains("Page 1 of \(pages.count)"))
    }
}

@Suite struct HandoutRenderTests {
    @Test func handoutWithTitlePageAndContentsRenders() throws {
        let docs = [try SampleDocument.document(lesson: 6), try SampleDocument.document(lesson: 7)]
        let pages = try Typesetter().layout(handout: docs, title: "Mạng nơ-ron nhân tạo",
                                            subtitle: "Tài liệu học tập", author: "Nhóm nnbook")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("handout-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("handout.pdf").path
        try PageRenderer.pdf(pages, to: pdf, title: "Mạng nơ-ron nhân tạo")
        if let keep = ProcessInfo.processInfo.environment["TYPESET_HANDOUT_OUT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(atPath: pdf, toPath: keep)
        }
        let text = try RenderTests().run("pdftotext", [pdf, "-"])
        #expect(text.contains("Mục lục"))
        #expect(text.contains("Bài 6. Lan truyền ngược"))
        #expect(text.contains("Trang \(pages.count)/\(pages.count)"))
        // Byte-identical output for the same input.
        let again = dir.appendingPathComponent("again.pdf").path
        try PageRenderer.pdf(try Typesetter().layout(handout: docs, title: "Mạng nơ-ron nhân tạo",
                                                     subtitle: "Tài liệu học tập", author: "Nhóm nnbook"),
                             to: again, title: "Mạng nơ-ron nhân tạo")
        #expect(FileManager.default.contents(atPath: pdf) == FileManager.default.contents(atPath: again))
    }
}

@Suite struct FormulaTests {
    @Test func formulaDrawsInkAroundItsCentre() throws {
        let f = try Formula("\\frac{\\partial E}{\\partial w} = \\delta \\cdot a", size: 14)
        let size = f.preferredSize
        #expect(size.width > 40 && size.height > 20)
        let bitmap = try Render.bitmap(size: size, dpi: 144) { canvas in try f.draw(in: Rect(size), on: canvas) }
        var dark = 0
        for y in 0..<bitmap.height { for x in 0..<bitmap.width where bitmap.pixel(x: x, y: y).r < 128 { dark += 1 } }
        #expect(dark > 200)
        #expect(throws: MathError.self) { try Formula("\\unknown") }
    }
}
