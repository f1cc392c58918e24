#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes a file all at once: into a temporary file in the same folder ("path.tmp-XXXXXX"), renamed over
/// `path` only when complete. A failed write leaves the previous file as it was and no temporary behind.
public enum AtomicFile {
    /// Writes `data` to `path` atomically.
    public static func write(_ data: Data, to path: String) throws {
        try write(to: path) { tmp in
            guard FileManager.default.createFile(atPath: tmp, contents: data) else {
                throw CanvasError.file(path: path, reason: "cannot write the file")
            }
        }
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Creates an empty temporary file next to `path`, lets `body` fill it (by its path), then renames it
    /// to `path`. If `body` throws, the temporary file is removed and the error rethrown.
    public static func write(to path: String, _ body: (_ temporaryPath: String) throws -> Void) throws {
        let tmp = try makeTemporary(for: path)
        do {
            try body(tmp)
            guard rename(tmp, path) == 0 else {
                let reason = errnoText()
                throw CanvasError.file(path: path, reason: "cannot replace the file: \(reason)")
            }
        } catch {
            unlink(tmp)
            throw error
        }
    }

    /// Creates "path.tmp-XXXXXX" (mode 0644) and returns its path; the error names `path` and its folder.
    static func makeTemporary(for path: String) throws -> String {
        guard !path.isEmpty else { throw CanvasError.file(path: path, reason: "empty output path") }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw CanvasError.file(path: path, reason: "is a folder, not a file")
        }
        let folder = (path as NSString).deletingLastPathComponent
        let shownFolder = folder.isEmpty ? "." : folder
        if !FileManager.default.fileExists(atPath: shownFolder, isDirectory: &isDir) || !isDir.boolValue {
            throw CanvasError.file(path: path, reason: "folder \(shownFolder) does not exist")
        }
        var template = Array((path + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw CanvasError.file(path: path, reason: "cannot write in folder \(shownFolder): \(errnoText())")
        }
        fchmod(fd, 0o644)
        close(fd)
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
