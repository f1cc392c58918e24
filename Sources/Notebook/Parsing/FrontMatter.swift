/// The language a lesson is written in; it also decides the engine's own words (table headers, axis titles).
public enum LessonLanguage: String, CaseIterable, Sendable {
    case vi, en
}

/// The YAML block between the two `---` lines at the top of a lesson.
public struct FrontMatter: Equatable, Sendable {
    public var title: String
    public var lesson: Int?
    public var lang: LessonLanguage
    public var course: String?
    public var author: String?
    public var subtitle: String?

    public static let keys = ["title", "lesson", "lang", "course", "author", "subtitle"]

    public init(title: String, lesson: Int? = nil, lang: LessonLanguage, course: String? = nil,
                author: String? = nil, subtitle: String? = nil) {
        self.title = title
        self.lesson = lesson
        self.lang = lang
        self.course = course
        self.author = author
        self.subtitle = subtitle
    }

    /// Reads the front matter's fields; every problem points at the key or value in the file.
    init(_ fields: CellFields) throws {
        try fields.checkKeys(allowed: Self.keys)
        title = try fields.requiredString("title")
        lesson = try fields.int("lesson", in: 0...999)
        let langName = try fields.choice("lang", LessonLanguage.allCases.map(\.rawValue))
        guard let langName else {
            throw fields.error("missing key 'lang' (vi or en)", at: fields.location)
        }
        lang = LessonLanguage(rawValue: langName)!
        course = try fields.string("course")
        author = try fields.string("author")
        subtitle = try fields.string("subtitle")
    }
}
