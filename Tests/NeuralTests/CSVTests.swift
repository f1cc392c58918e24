import Foundation
import Testing
@testable import Neural

/// User data as CSV text or inline tables.
@Suite struct CSVTests {
    @Test func carTableFromCSV() throws {
        // The slides' car table, with the colour one-hot encoded and the price as a regression target.
        let text = "age,km,colour,price\n6,1200,Xanh,10\n3,4000,Đỏ,30\n8,8000,Vàng,20\n"
        let d = try Dataset.parse(csv: text, target: "price", kind: .regression, oneHot: ["colour"])
        #expect(d.featureNames == ["age", "km", "colour=Xanh", "colour=Đỏ", "colour=Vàng"])
        #expect(d.x == (try Matrix([[6, 1200, 1, 0, 0], [3, 4000, 0, 1, 0], [8, 8000, 0, 0, 1]])))
        #expect(d.y == Matrix(column: [10, 30, 20]))
        #expect(d.labels.isEmpty && !d.isClassification)
    }

    @Test func classificationCSV() throws {
        // Quoted fields, a comma inside quotes, a doubled quote, CRLF, a BOM, spaces around values.
        let text = "\u{FEFF}\"len, cm\",width,species\r\n1.5, 0.2 ,setosa\r\n4.7,1.4,\"versi\"\"color\"\r\n1.4,0.2,setosa\r\n"
        let d = try Dataset.parse(csv: text, target: "species")
        #expect(d.featureNames == ["len, cm", "width"])
        #expect(d.x == (try Matrix([[1.5, 0.2], [4.7, 1.4], [1.4, 0.2]])))
        // Classes sorted: "setosa" < "versi\"color".
        #expect(d.classNames == ["setosa", "versi\"color"] && d.labels == [0, 1, 0])
        #expect(d.y == Matrix(column: [0, 1, 0]))
        // Integer classes sort as numbers: 10 after 9.
        let n = try Dataset.parse(csv: "a,c\n1,10\n2,9\n3,10\n4,2\n", target: "c")
        #expect(n.classNames == ["2", "9", "10"] && n.labels == [2, 1, 2, 0])
        #expect(n.y.cols == 3)
    }

    @Test func csvErrorsNameLineAndColumn() throws {
        func message(_ text: String, target: String = "y") -> String {
            do { _ = try Dataset.parse(csv: text, target: target); return "no error" } catch { return "\(error)" }
        }
        #expect(message("a,b,y\n1,2,0\n1,abc,1\n") == "line 3, column 2: expected a number in column “b”, found “abc”")
        #expect(message("a,b,y\n1,2,0\n1,2\n") == "line 3: expected 3 values (one per column of the header), found 2")
        #expect(message("a,b,y\n1,,0\n") == "line 2, column 2: missing value in column “b”")
        #expect(message("a,b,y\n1,nan,0\n").hasPrefix("line 2, column 2: expected a number"))
        #expect(message("a,b,y\n1,2,0\n", target: "z") == "line 1: no column named “z”; the columns are a, b, y")
        #expect(message("a,a,y\n1,2,0\n").contains("column name “a” is used twice"))
        #expect(message("a,y\n1,0\n2,0\n").contains("only one class"))
        #expect(message("a,y\n\"1,0\n2,0\n") == "line 2, column 1: a quoted field opened here is never closed")
        #expect(message("a,y\n\"1\"x,0\n").hasPrefix("line 2, column 1: unexpected “x” after a closing quote"))
        #expect(message("").contains("empty"))
        #expect(message("a,y\n").contains("no data rows"))
        #expect(message("y\n0\n1\n") == "line 1: there are no feature columns besides the target “y”")
    }

    @Test func inlineTableAndDefaultTarget() throws {
        // The car table as a lesson writes it inline; the target defaults to the last column.
        let d = try Dataset.fromTable(columns: ["age", "km", "colour", "price"],
                                      rows: [["6", "1200", "Xanh", "10"], ["3", "4000", "Đỏ", "30"], ["8", "8000", "Vàng", "20"]],
                                      kind: .regression, oneHot: ["colour"])
        #expect(d.x.row(1) == [3, 4000, 0, 1, 0] && d.y.column(0) == [10, 30, 20])
        let csv = try Dataset.parse(csv: "a,b,label\n1,2,yes\n3,4,no\n")
        #expect(csv.classNames == ["no", "yes"] && csv.labels == [1, 0] && csv.featureNames == ["a", "b"])
        func message(_ rows: [[String]]) -> String {
            do { _ = try Dataset.fromTable(columns: ["a", "y"], rows: rows); return "no error" } catch { return "\(error)" }
        }
        #expect(message([["1", "0"], ["x", "1"]]) == "row 2, column 1: expected a number in column “a”, found “x”")
        #expect(message([["1", "0"], ["2"]]) == "row 2: expected 2 values (one per column of the header), found 1")
        do {
            _ = try Dataset.fromTable(columns: ["a", "a"], rows: [["1", "2"]])
            Issue.record("expected an error")
        } catch { #expect("\(error)" == "header, column 2: column name “a” is used twice (columns 1 and 2)") }
    }

    @Test func csvLineNumbersCountLineBreaksInsideQuotes() throws {
        // The quoted field spans lines 2–3, so the bad value is on line 4.
        let text = "note,x,y\n\"two\nlines\",1,0\nok,bad,1\n"
        do {
            _ = try Dataset.parse(csv: text, target: "y", oneHot: ["note"])
            Issue.record("expected an error")
        } catch let e as DataError {
            #expect(e.line == 4 && e.column == 2)
        }
    }
}
