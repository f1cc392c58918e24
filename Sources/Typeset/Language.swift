/// The language of a handout: it decides the words Typeset adds (captions, contents, page numbers).
public enum Language: String, Sendable, Equatable, CaseIterable {
    case vi, en

    public var figure: String { self == .vi ? "Hình" : "Figure" }
    public var table: String { self == .vi ? "Bảng" : "Table" }
    public var contents: String { self == .vi ? "Mục lục" : "Contents" }
    public var lesson: String { self == .vi ? "Bài" : "Lesson" }
    public var continued: String { self == .vi ? "tiếp theo" : "continued" }

    /// "Trang 3/12" or "Page 3 of 12".
    public func pageLabel(_ page: Int, of total: Int) -> String {
        self == .vi ? "Trang \(page)/\(total)" : "Page \(page) of \(total)"
    }

    /// "Hình 2.1" / "Figure 2.1" (or "Hình 1" without a lesson number).
    public func figureLabel(lesson: Int?, index: Int) -> String {
        "\(figure) \(Language.number(lesson, index))"
    }

    public func tableLabel(lesson: Int?, index: Int) -> String {
        "\(table) \(Language.number(lesson, index))"
    }

    static func number(_ lesson: Int?, _ index: Int) -> String {
        lesson.map { "\($0).\(index)" } ?? "\(index)"
    }
}
