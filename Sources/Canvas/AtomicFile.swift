#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes a file all at once: into a temporary file in the same folder, renamed over `path` only when
/// complete. A failed write leaves the previous file as it was and no temporary behind. On Linux the
/// temporary has no name at all while it is written (O_TMPFILE, reached as /proc/self/fd/N): it is linked
/// as "path.tmp-…" and renamed only once complete, so a process killed mid-write (SIGKILL) leaves nothing
/// behind, except when killed in the microseconds between that link and the rename (Linux cannot link a
/// file over an existing name): then a complete "path.tmp-…" is left, which `removeLeftovers(of:)` (run by
/// the next write of `path` through the build) deletes. Where O_TMPFILE is not supported the temporary is
/// a named "path.tmp-XXXXXX" from the start.
public enum AtomicFile {
    /// Writes `data` to `path` atomically.
    public static func write(_ data: Data, to path: String) throws {
        try write(to: path) { tmp in
            let fd = open(tmp, O_WRONLY | O_TRUNC | O_CLOEXEC)
            guard fd >= 0 else { throw CanvasError.file(path: path, reason: "cannot write the file: \(errnoText())") }
            defer { close(fd) }
            var written = 0
            try data.withUnsafeBytes { (buf: UnsafeRawBufferPointer) in
                while written < buf.count {
                    let n = Glibc.write(fd, buf.baseAddress! + written, buf.count - written)
                    guard n > 0 else { throw CanvasError.file(path: path, reason: "cannot write the file: \(errnoText())") }
                    written += n
                }
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
            try commit(tmp, to: path)
        } catch {
            discard(tmp)
            throw error
        }
    }

    static let unnamedPrefix = "/proc/self/fd/"

    /// Gives the finished temporary its name `path` (replacing the previous file in one step).
    public static func commit(_ tmp: String, to path: String) throws {
        var named = tmp
        if tmp.hasPrefix(unnamedPrefix), let fd = Int32(tmp.dropFirst(unnamedPrefix.count)) {
            defer { close(fd) }
            var n = 0
            while true {
                named = path + ".tmp-\(getpid())-\(n)"
                #if os(Linux)
                if linkat(AT_FDCWD, tmp, AT_FDCWD, named, AT_SYMLINK_FOLLOW) == 0 { break }
                #endif
                guard errno == EEXIST, n < 1000 else {
                    throw CanvasError.file(path: path, reason: "cannot write in folder \((path as NSString).deletingLastPathComponent): \(errnoText())")
                }
                n += 1
            }
        }
        guard rename(named, path) == 0 else {
            let reason = errnoText()
            unlink(named)
            throw CanvasError.file(path: path, reason: "cannot replace the file: \(reason)")
        }
    }

    /// Deletes temporaries "path.tmp-…" that a killed process left beside `path`.
    public static func removeLeftovers(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".tmp-"
        let fm = FileManager.default
        for f in (try? fm.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? [] where f.hasPrefix(prefix) {
            try? fm.removeItem(atPath: (folder as NSString).appendingPathComponent(f))
        }
    }

    /// Drops an unfinished temporary.
    public static func discard(_ tmp: String) {
        if tmp.hasPrefix(unnamedPrefix), let fd = Int32(tmp.dropFirst(unnamedPrefix.count)) { close(fd) } else { unlink(tmp) }
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
        #if os(Linux)
        let unnamed = open(shownFolder, 0o20000000 | O_DIRECTORY | O_WRONLY | O_CLOEXEC, 0o644)  // O_TMPFILE
        if unnamed >= 0 { return unnamedPrefix + String(unnamed) }
        if errno == EACCES || errno == EROFS || errno == EPERM {
            throw CanvasError.file(path: path, reason: "cannot write in folder \(shownFolder): \(errnoText())")
        }
        #endif
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
