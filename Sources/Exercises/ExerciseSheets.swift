// exercises.pdf and answers.pdf for a set of variants.

import Foundation

public enum SheetLanguage: Sendable { case vi, en }

public enum ExerciseSheets {
    /// Writes exercises.pdf and answers.pdf into `folder` (not available until Typeset lands).
    public static func write(_ variants: [ExerciseVariant], language: SheetLanguage, seed: UInt64, to folder: String) throws {
    }
}
