import Foundation

/// The output folder of a build, checked before any lesson runs: it is created if missing, and a
/// folder that cannot be created or written in is one clear error naming it and why.
public enum OutputFolder {
    public struct Unwritable: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): error: cannot write the output here: \(reason)" }
    }

    public static func prepare(_ path: String) throws {
        let fm = FileManager.default
        // The nearest existing ancestor says why a folder cannot be made (a file in the way, read-only).
        var probe = path
        var st = stat()
        while stat(probe, &st) != 0 {
            // The parent folder ("a/b" → "a", "/a" → "/", "a" → stop: the current folder exists).
            guard let slash = probe.lastIndex(of: "/") else { break }
            let parent = slash == probe.startIndex ? "/" : String(probe[..<slash])
            if parent == probe { break }
            probe = parent
        }
        if stat(probe, &st) == 0, (st.st_mode & S_IFMT) != S_IFDIR {
            throw Unwritable(path: path, reason: "'\(probe)' is a file, not a folder")
        }
        do {
            try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            let posix = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError).map { String(cString: strerror(Int32($0.code))) }
            throw Unwritable(path: path, reason: posix ?? "the folder cannot be created")
        }
        guard access(path, W_OK) == 0 else { throw Unwritable(path: path, reason: String(cString: strerror(errno))) }
        // access() says yes to root everywhere; /proc and read-only mounts still refuse a new file.
        let probeFile = (path as NSString).appendingPathComponent(".nnbook-write-test-\(getpid())")
        let fd = open(probeFile, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Unwritable(path: path, reason: String(cString: strerror(errno))) }
        close(fd)
        unlink(probeFile)
    }
}
