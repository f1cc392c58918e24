import Foundation
import Testing
@testable import Canvas

@Suite struct AtomicFileTests {
    struct Boom: Error {}

    @Test func unwritableFolderIsAClearErrorAndLeavesNothing() throws {
        let dir = try makeTempFolder(); defer { chmod(dir, 0o755); cleanup(dir) }
        // A folder this process cannot write in: a read-only one, or /proc when running as root
        // (root ignores permission bits).
        var locked = dir + "/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
        chmod(locked, 0o555)
        if access(locked, W_OK) == 0 { locked = "/proc" }
        for ext in ["pdf", "png", "svg"] {
            let path = locked + "/out." + ext
            do {
                switch ext {
                case "pdf": try Render.pdf(size: Size(100, 100), to: path) { _ in }
                case "png": try Render.png(size: Size(100, 100), to: path) { _ in }
                default: try Render.svg(size: Size(100, 100), to: path) { _ in }
                }
                Issue.record("writing into \(locked) did not fail")
            } catch let e as CanvasError {
                #expect(e.description.contains(path), "error does not name the path: \(e)")
            }
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(!files(in: locked).contains { $0.hasPrefix("out.") })
        }
    }

    @Test func missingFolderNamesIt() throws {
        do {
            try Render.png(size: Size(10, 10), to: "/nonexistent-nnbook/x/out.png") { _ in }
            Issue.record("no error")
        } catch let e as CanvasError {
            #expect(e.description == "/nonexistent-nnbook/x/out.png: folder /nonexistent-nnbook/x does not exist")
        }
    }

    @Test func failedRenderKeepsThePreviousFileAndNoTemporary() throws {
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        for ext in ["pdf", "png", "svg"] {
            let path = dir + "/keep." + ext
            try AtomicFile.write("previous", to: path)
            let draw: (Canvas) throws -> Void = { c in
                c.fill(Rect(x: 0, y: 0, width: 10, height: 10), .black)
                throw Boom()
            }
            #expect(throws: Boom.self) {
                switch ext {
                case "pdf": try Render.pdf(size: Size(100, 100), to: path, draw: draw)
                case "png": try Render.png(size: Size(100, 100), to: path, draw: draw)
                default: try Render.svg(size: Size(100, 100), to: path, draw: draw)
                }
            }
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous")
        }
        #expect(files(in: dir) == ["keep.pdf", "keep.png", "keep.svg"])
    }

    @Test func cairoErrorDuringDrawingFailsTheRender() throws {
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        let path = dir + "/bad.pdf"
        try AtomicFile.write("previous", to: path)
        do {
            try Render.pdf(size: Size(100, 100), to: path) { c in
                c.scale(0, 0)            // a singular matrix: Cairo's sticky "invalid matrix"
                c.fill(Rect(x: 0, y: 0, width: 10, height: 10), .black)
            }
            Issue.record("no error")
        } catch let e as CanvasError {
            #expect(e.description.contains("invalid matrix"), "\(e)")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous")
        #expect(files(in: dir) == ["bad.pdf"])
    }

    @Test func leftoverTemporariesOfOneFileAreRemoved() throws {
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        for f in ["a.pdf", "a.pdf.tmp-123-0", "a.pdf.tmp-Xy12Zq", "b.pdf.tmp-9-0", "a.pdf.tmpl", "aa.pdf.tmp-1-0"] {
            try AtomicFile.write("x", to: dir + "/" + f)
        }
        AtomicFile.removeLeftovers(of: dir + "/a.pdf")
        #expect(files(in: dir) == ["a.pdf", "a.pdf.tmpl", "aa.pdf.tmp-1-0", "b.pdf.tmp-9-0"])
    }

    @Test func unfinishedPdfLeavesNoTemporary() throws {
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        do {
            let doc = try PDFDocument(path: dir + "/half.pdf")
            _ = doc.beginPage()
            // While it is written the temporary has no name (O_TMPFILE), or is "half.pdf.tmp-XXXXXX".
            #expect(files(in: dir).isEmpty || (files(in: dir).count == 1 && files(in: dir)[0].hasPrefix("half.pdf.tmp-")))
        }
        #expect(files(in: dir).isEmpty)
    }

    @Test func successfulRenderReplacesTheFile() throws {
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        let path = dir + "/r.png"
        try AtomicFile.write("previous", to: path)
        try Render.png(size: Size(20, 10), dpi: 72, to: path) { c in c.fill(Rect(x: 0, y: 0, width: 20, height: 10), .black) }
        let b = try Bitmap(pngPath: path)
        #expect(b.width == 20 && b.pixel(x: 3, y: 3) == (0, 0, 0, 255))
        #expect(files(in: dir) == ["r.png"])
        var st = stat()
        stat(path, &st)
        #expect(st.st_mode & 0o777 == 0o644)
    }

    @Test func pathThatIsAFolderIsRefused() throws {
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        #expect(throws: CanvasError.file(path: dir, reason: "is a folder, not a file")) {
            try AtomicFile.write("x", to: dir)
        }
    }
}

@Suite struct PDFDocumentMisuseTests {
    @Test func pagesAfterFinishAreErrorsNotCrashes() throws {
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        let doc = try PDFDocument(path: dir + "/x.pdf")
        try doc.beginPage().drawText("một", at: Point(10, 10), style: TextStyle())
        try doc.finish()
        try doc.finish()                       // a second finish is harmless
        let late = doc.beginPage()
        late.fill(Rect(x: 0, y: 0, width: 5, height: 5), .black)
        #expect(throws: CanvasError.self) { try doc.endPage() }
        #expect(try run("pdfinfo", [dir + "/x.pdf"]).output.contains("Pages:           1"))
    }

    @Test func emptyDocumentAndStrayEndPageAreErrors() throws {
        let dir = try makeTempFolder(); defer { cleanup(dir) }
        let doc = try PDFDocument(path: dir + "/e.pdf")
        #expect(throws: CanvasError.self) { try doc.endPage() }
        #expect(throws: CanvasError.self) { try doc.finish() }
        #expect(throws: CanvasError.self) { try PDFDocument(path: dir + "/z.pdf", pageSize: Size(0, 100)) }
    }
}
