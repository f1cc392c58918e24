import Foundation
import Testing
@testable import Neural

@Suite struct DatasetTests {
    // MARK: the logic-gate tables

    @Test func gateTablesAsInTheSlides() throws {
        // HUFLIT 004: x1 x2 | & | ^ in counting order 00, 01, 10, 11.
        let and = Dataset.and
        #expect(and.x == (try Matrix([[0, 0], [0, 1], [1, 0], [1, 1]])))
        #expect(and.labels == [0, 0, 0, 1])
        #expect(and.y == Matrix(column: [0, 0, 0, 1]))
        #expect(and.featureNames == ["x1", "x2"] && and.classNames == ["0", "1"])
        #expect(Dataset.or.labels == [0, 1, 1, 1])
        #expect(Dataset.xor.labels == [0, 1, 1, 0])
        #expect(Dataset.nand.labels == [1, 1, 1, 0])
        #expect(Dataset.not.x == Matrix(column: [0, 1]) && Dataset.not.labels == [1, 0])
        #expect(Dataset.builtin(named: "XOR") == Dataset.xor)
        #expect(Dataset.builtin(named: "digits") == nil)
    }

    @Test func targetsAreAColumnForTwoClassesAndOneHotForMore() throws {
        let x = Matrix(rows: 3, cols: 1)
        let three = try Dataset(name: "t", x: x, labels: [2, 0, 1])
        #expect(three.y == (try Matrix([[0, 0, 1], [1, 0, 0], [0, 1, 0]])))
        #expect(three.classNames == ["0", "1", "2"] && three.classCounts == [1, 1, 1])
        let xorOneHot = try Dataset(name: "xor", x: Dataset.xor.x, labels: Dataset.xor.labels, encoding: .oneHot)
        #expect(xorOneHot.y == (try Matrix([[1, 0], [0, 1], [0, 1], [1, 0]])))
        #expect(throws: DataError.self) { try Dataset(name: "t", x: x, labels: [0, 1, 3], classNames: ["a", "b", "c"]) }
        #expect(throws: ShapeError.self) { try Dataset(name: "t", x: x, labels: [0, 1]) }
        #expect(throws: ShapeError.self) { try Dataset(name: "t", x: x, labels: [0, 1, 0], featureNames: ["a", "b"]) }
    }

    // MARK: digits

    static func digitsText() throws -> String {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Lessons/data/digits.csv")
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test func digitsFile() throws {
        let d = try Digits.parse(csv: Self.digitsText())
        #expect(d.count == 1797 && d.featureCount == 64 && d.classCount == 10)
        #expect(d.y.cols == 10)
        #expect(d.imageShape == ImageShape(width: 8, height: 8))
        // Counted independently with awk on the file: samples per digit 0…9.
        #expect(d.classCounts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
        // The first line of the file: 0,0,5,13,9,1,0,0, 0,0,13,15,10,15,5,0, … label 0.
        #expect(Array(d.x.row(0).prefix(16)) == [0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0])
        #expect(d.labels[0] == 0)
        // awk: the last row is an 8 whose pixels sum to 392; all pixels sum to 561 718.
        #expect(d.labels[1796] == 8 && d.x.row(1796).reduce(0, +) == 392)
        #expect(d.x.sum == 561_718)
        let n = try Digits.parse(csv: Self.digitsText(), normalize: true)
        #expect(n.x.storage.max() == 1 && n.x[0, 2] == 5.0 / 16.0)
    }

    @Test func digitsErrorsNameTheLine() throws {
        let good = Array(repeating: "0", count: 64).joined(separator: ",") + ",3"
        let short = Array(repeating: "0", count: 63).joined(separator: ",") + ",3"
        func message(_ text: String) -> String {
            do { _ = try Digits.parse(csv: text); return "no error" } catch { return "\(error)" }
        }
        #expect(message(good + "\n" + short + "\n").hasPrefix("line 2: expected 65"))
        #expect(message(good + "\r\n" + good.replacingOccurrences(of: ",3", with: ",x")).hasPrefix("line 2, column 65: expected an integer"))
        #expect(message("17," + good.dropFirst(2)).hasPrefix("line 1, column 1: pixel value 17"))
        #expect(message(good.dropLast() + "10").hasPrefix("line 1, column 65: the label 10"))
        #expect(message("").contains("no rows"))
        // Blank lines and CRLF are fine.
        #expect(try Digits.parse(csv: good + "\r\n\r\n" + good + "\r\n").count == 2)
    }

    // MARK: split

    @Test func splitSizesDisjointAndReproducible() throws {
        // x holds the sample's index, so the parts can be checked against each other.
        let m = 1797
        let labels = (0..<m).map { $0 % 10 }
        let d = try Dataset(name: "ids", x: Matrix(column: (0..<m).map(Double.init)), labels: labels)
        let (train, test) = try d.split(testFraction: 0.25, seed: 42)
        // ⌈1797·0.25⌉ = ⌈449.25⌉ = 450 test samples, 1347 train.
        #expect(test.count == 450 && train.count == 1347)
        let ids = Set(train.x.storage + test.x.storage)
        #expect(ids.count == m)
        // Every sample keeps its own label and target row.
        for part in [train, test] {
            for i in 0..<part.count {
                #expect(part.labels[i] == Int(part.x[i, 0]) % 10)
                #expect(part.y[i, part.labels[i]] == 1)
            }
        }
        let again = try d.split(testFraction: 0.25, seed: 42)
        #expect(again.train == train && again.test == test)
        let other = try d.split(testFraction: 0.25, seed: 43)
        #expect(other.test.x != test.x)
        // 0.2·100 is 20 exactly, not 21.
        let hundred = try Dataset(name: "h", x: Matrix(rows: 100, cols: 1), labels: (0..<100).map { $0 % 2 })
        #expect(try hundred.split(testFraction: 0.2, seed: 1).test.count == 20)
        #expect(throws: DataError.self) { try d.split(testFraction: 1, seed: 1) }
        #expect(throws: DataError.self) { try d.split(testFraction: 0, seed: 1) }
        #expect(throws: DataError.self) { try Dataset.not.subset([0]).split(testFraction: 0.5, seed: 1) }
    }

    @Test func stratifiedSplitKeepsClassProportions() throws {
        // Digits: per class ⌈mₖ·0.25⌉: 178 → 45, 182 → 46, 177 → 45, 183 → 46, 181 → 46, 182 → 46,
        // 181 → 46, 179 → 45, 174 → 44, 180 → 45; total 454.
        let d = try Digits.parse(csv: Self.digitsText())
        let (train, test) = try d.split(testFraction: 0.25, seed: 42, stratified: true)
        #expect(test.classCounts == [45, 46, 45, 46, 46, 46, 46, 45, 44, 45])
        #expect(test.count == 454 && train.count == 1797 - 454)
        #expect(zip(train.classCounts, test.classCounts).map(+) == d.classCounts)
        #expect(train.imageShape == d.imageShape && test.classNames == d.classNames)
        #expect(try d.split(testFraction: 0.25, seed: 42, stratified: true).test == test)
    }
}

extension DatasetTests {
    @Test func digitsFastAndCSVPathsAgree() throws {
        // The byte-level reader and the CSV reader must give the same data set: a quoted field forces
        // the CSV path on otherwise identical text.
        let text = try Self.digitsText()
        let lines = text.split(separator: "\n").prefix(50)
        let plain = lines.joined(separator: "\n")
        let quoted = lines.map { "\"" + $0.prefix(1) + "\"" + $0.dropFirst() }.joined(separator: "\r\n")
        let a = try Digits.parse(csv: plain), b = try Digits.parse(csv: quoted)
        #expect(Digits.fastParse(plain, normalize: false) != nil)
        #expect(Digits.fastParse(quoted, normalize: false) == nil)
        #expect(a == b && a.count == 50)
        #expect(try Digits.parse(csv: plain, normalize: true) == Digits.parse(csv: quoted, normalize: true))
        // A lone CR is not a line end for the fast path; the CSV reader treats it as one.
        #expect(Digits.fastParse("1\r2", normalize: false) == nil)
    }
}
