import Foundation

/// Finding lessons: `DIR/vi/*.md` and `DIR/en/*.md` (also `DIR/*.md`), in a fixed order.
public enum LessonCatalog {
    public static let languageFolders = ["vi", "en"]

    /// Lesson files under `dir`, sorted by folder then file name; paths are `dir` joined with the relative path.
    public static func lessons(in dir: String) throws -> [String] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw CatalogError(message: "\(dir): no such folder; expected a folder of lessons with vi/ and en/ inside")
        }
        var found: [String] = []
        for sub in [""] + languageFolders {
            let folder = sub.isEmpty ? dir : (dir as NSString).appendingPathComponent(sub)
            guard let names = try? fm.contentsOfDirectory(atPath: folder) else { continue }
            for n in names.sorted() where n.hasSuffix(".md") && n.lowercased() != "readme.md" && !n.hasPrefix(".") {
                found.append((folder as NSString).appendingPathComponent(n))
            }
        }
        return found
    }

    /// The file name without folder and extension ("06-backprop").
    public static func stem(_ path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// `Lessons/data` beside the language folders of a lesson file (`Lessons/vi/x.md` → `Lessons/data`).
    public static func dataDirectory(for lessonPath: String) -> String {
        let folder = (lessonPath as NSString).deletingLastPathComponent
        let parent = languageFolders.contains((folder as NSString).lastPathComponent)
            ? (folder as NSString).deletingLastPathComponent : folder
        return ((parent.isEmpty ? "." : parent) as NSString).appendingPathComponent("data")
    }
}

public struct CatalogError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
