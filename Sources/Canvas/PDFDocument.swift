#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCairo

/// A multi-page PDF written atomically: pages go to "path.tmp-XXXXXX", renamed to `path` by `finish()`.
/// Metadata is fixed (title, author, creator "nnbook", a constant creation and modification date), so the
/// same drawing gives a byte-identical file. If the document is dropped unfinished, or `finish()` fails,
/// the previous file at `path` is untouched and no temporary file stays behind.
public final class PDFDocument {
    /// The date written into every PDF, so that runs do not differ.
    public static let fixedDate = "2025-01-01T00:00:00Z"

    public let path: String
    public let defaultPageSize: Size
    public private(set) var pageCount = 0
    let temporaryPath: String
    let surface: OpaquePointer
    var currentPage: Canvas?
    var pageError: CanvasError?
    var finished = false
    /// Link targets on pages not begun yet: page → y positions.
    var pendingDestinations: [Int: Set<Double>] = [:]

    public init(path: String, title: String = "", author: String? = nil, subject: String? = nil,
                pageSize: Size = .a4) throws {
        try PDFDocument.validate(pageSize)
        self.path = path
        self.defaultPageSize = pageSize
        self.temporaryPath = try AtomicFile.makeTemporary(for: path)
        let s = cairo_pdf_surface_create(temporaryPath, pageSize.width, pageSize.height)!
        let status = cairo_surface_status(s)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(s)
            AtomicFile.discard(temporaryPath)
            throw CanvasError.file(path: path, reason: String(cString: cairo_status_to_string(status)))
        }
        surface = s
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title)
        if let author { cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, author) }
        if let subject { cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, subject) }
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "nnbook")
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, PDFDocument.fixedDate)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, PDFDocument.fixedDate)
    }

    deinit {
        currentPage = nil
        cairo_surface_destroy(surface)   // finishes an unfinished PDF into the temporary file…
        if !finished { AtomicFile.discard(temporaryPath) }   // …which is then dropped
    }

    static func validate(_ size: Size) throws {
        guard size.width.isFinite, size.height.isFinite, size.width > 0, size.height > 0,
              size.width <= 14400, size.height <= 14400 else {
            throw CanvasError.invalidArgument("page size \(size) must be positive and at most 14400 pt (200 in) each way")
        }
    }

    /// Starts a new page of `size` (the document's default when nil) and returns its canvas. A page still
    /// open is ended first. Errors (an invalid size, a finished document) surface in `endPage()`.
    public func beginPage(size: Size? = nil) -> Canvas {
        if currentPage != nil {
            do { try endPage() } catch let e as CanvasError { pageError = pageError ?? e } catch {}
        }
        var size = size ?? defaultPageSize
        do { try PDFDocument.validate(size) } catch let e as CanvasError {
            pageError = pageError ?? e
            size = defaultPageSize
        } catch {}
        if finished { pageError = pageError ?? .invalidArgument("\(path): page begun after finish()") }
        cairo_pdf_surface_set_size(surface, size.width, size.height)
        let canvas = Canvas(surface: surface, size: size)
        canvas.document = self
        canvas.pageNumber = pageCount + 1
        currentPage = canvas
        placePendingDestinations(on: canvas, page: canvas.pageNumber)
        return canvas
    }

    /// Ends the current page; throws the first error met while drawing it.
    public func endPage() throws {
        if let e = pageError { pageError = nil; throw e }
        guard let canvas = currentPage else {
            throw CanvasError.invalidArgument("\(path): endPage() without beginPage()")
        }
        currentPage = nil
        pageCount += 1
        try canvas.check("drawing page \(pageCount) of \(path)")
        cairo_show_page(canvas.cr)
        try canvas.check("ending page \(pageCount) of \(path)")
        canvas.detach(reason: "\(path): drawing on page \(pageCount) after endPage()")
        try CanvasError.check(cairo_surface_status(surface), "writing page \(pageCount) of \(path)")
    }

    /// Ends any open page, finishes the PDF and renames it into place.
    public func finish() throws {
        guard !finished else { return }
        if currentPage != nil { try endPage() }
        if let e = pageError { throw e }
        guard pageCount > 0 else { throw CanvasError.invalidArgument("\(path): a PDF needs at least one page") }
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        finished = true
        guard status == CAIRO_STATUS_SUCCESS else {
            AtomicFile.discard(temporaryPath)
            throw CanvasError.cairo(status: String(cString: cairo_status_to_string(status)), during: "writing \(path)")
        }
        try AtomicFile.commit(temporaryPath, to: path)
    }
}
