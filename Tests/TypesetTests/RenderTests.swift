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
