// The one-page feedback sheet of `nnbook verify --pdf`.

import Foundation

/// A one-page PDF: the network diagram and every checked value. Needs Figures and Typeset.
public struct FeedbackSheet {
    public var result: CheckResult
    public var file: String

    public init(result: CheckResult, file: String) {
        self.result = result
        self.file = file
    }

    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String { "the PDF feedback sheet is not available in this build yet" }
    }

    public func write(to path: String) throws {
        throw Unavailable()
    }
}
