/// A small CSV reader (RFC 4180): comma-separated fields, fields in double quotes may hold commas,
/// line breaks and doubled quotes (""), lines end in LF, CRLF or CR, a UTF-8 byte-order mark is
/// ignored. Blank lines are skipped. Each record keeps the line it starts on, for error messages.
public enum CSV {
    public struct Record: Sendable, Equatable {
        /// 1-based line of the text where the record starts.
        public let line: Int
        public let fields: [String]
    }

    public static func parse(_ text: String) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var afterQuote = false          // just closed a quoted field: only , or a line break may follow
        var line = 1, recordLine = 1
        var quoteLine = 1
        var chars = text.makeIterator()
        var pending: Character? = nil
        var first = true

        func endRecord() {
            fields.append(field)
            // A record that is one empty unquoted field is a blank line: skip it.
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []; field = ""; fieldWasQuoted = false; afterQuote = false
        }

        while let c = pending ?? chars.next() {
            pending = nil
            if first { first = false; if c == "\u{FEFF}" { continue } }
            let isBreak = c == "\n" || c == "\r\n" || c == "\r"
            if inQuotes {
                if c == "\"" {
                    if let n = chars.next() {
                        if n == "\"" { field.append("\"") } else { inQuotes = false; afterQuote = true; pending = n }
                    } else { inQuotes = false; afterQuote = true }
                } else {
                    field.append(c)
                    if isBreak { line += 1 }
                }
                continue
            }
            if c == "," {
                fields.append(field); field = ""; fieldWasQuoted = false; afterQuote = false
            } else if isBreak {
                endRecord()
                line += 1
                recordLine = line
            } else if afterQuote {
                throw DataError("unexpected “\(c)” after a closing quote; a quoted field must end at a comma or the end of the line",
                                line: line, column: fields.count + 1)
            } else if c == "\"" && field.isEmpty {
                inQuotes = true; fieldWasQuoted = true; quoteLine = line
            } else {
                field.append(c)
            }
        }
        if inQuotes {
            throw DataError("a quoted field opened here is never closed", line: quoteLine, column: fields.count + 1)
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}
