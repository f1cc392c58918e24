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

    // MARK: generators

    @Test func generatorsAreReproducibleAndSeeded() throws {
        for g in DataGenerator.allCases {
            let a = try g.generate(n: 101, noise: 0.2, seed: 7)
            let b = try g.generate(n: 101, noise: 0.2, seed: 7)
            let c = try g.generate(n: 101, noise: 0.2, seed: 8)
            #expect(a == b, "\(g)")
            #expect(a.x != c.x, "\(g)")
            #expect(a.count == 101 && a.featureCount == 2 && a.classCount == 2, "\(g)")
            #expect(a.x.isFinite, "\(g)")
            #expect(a.y.cols == 1 && Set(a.labels).isSubset(of: [0, 1]))
        }
        #expect(throws: DataError.self) { try Dataset.circle(n: 1, seed: 1) }
        #expect(throws: DataError.self) { try Dataset.moons(n: 10, noise: -0.1, seed: 1) }
        #expect(throws: DataError.self) { try Dataset.spiral(n: 10, noise: .nan, seed: 1) }
    }

    @Test func circleWithoutNoise() throws {
        // Class 1 (first ⌈n/2⌉ points) has radius < 2.5; class 0 lies in the ring 3.5 ≤ r < 5.
        let d = try Dataset.circle(n: 200, noise: 0, seed: 3)
        #expect(d.classCounts == [100, 100])
        for i in 0..<d.count {
            let r = (d.x[i, 0] * d.x[i, 0] + d.x[i, 1] * d.x[i, 1]).squareRoot()
            if d.labels[i] == 1 { #expect(r < 2.5) } else { #expect(r >= 3.5 - 1e-12 && r < 5) }
        }
        // With noise, labels come from the moved point, so some points carry the other class's label.
        let noisy = try Dataset.circle(n: 400, noise: 0.5, seed: 3)
        let wrong = (0..<noisy.count).filter { i in
            let r = (noisy.x[i, 0] * noisy.x[i, 0] + noisy.x[i, 1] * noisy.x[i, 1]).squareRoot()
            return (r < 2.5 ? 1 : 0) != noisy.labels[i]
        }.count
        #expect(wrong > 0 && wrong < 200)
    }

    @Test func xorQuadrantsWithoutNoise() throws {
        let d = try Dataset.xorQuadrants(n: 300, noise: 0, seed: 11)
        for i in 0..<d.count {
            let x = d.x[i, 0], y = d.x[i, 1]
            #expect(abs(x) >= 0.3 && abs(x) <= 5.3 && abs(y) >= 0.3 && abs(y) <= 5.3)
            #expect(d.labels[i] == (x * y >= 0 ? 1 : 0))
        }
        #expect(d.classCounts.allSatisfy { $0 > 100 })
    }

    @Test func gaussiansCentresAndVariance() throws {
        // noise 0 → variance 0.5 (Playground); with 2000 points per class the sample mean is within
        // 4·σ/√2000 = 4·0.707/44.7 ≈ 0.063 of the centre, the sample variance within ~0.05 of 0.5.
        let d = try Dataset.gaussians(n: 4000, noise: 0, seed: 5)
        for (label, centre) in [(1, 2.0), (0, -2.0)] {
            let rows = (0..<d.count).filter { d.labels[$0] == label }
            #expect(rows.count == 2000)
            for j in 0..<2 {
                let v = rows.map { d.x[$0, j] }
                let mean = v.reduce(0, +) / Double(v.count)
                let variance = v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(v.count)
                #expect(abs(mean - centre) < 0.063)
                #expect(abs(variance - 0.5) < 0.05)
            }
        }
    }

    @Test func spiralWithoutNoise() throws {
        // Arm point i of the k = n/2 points of an arm: r = 5i/k, t = 1.75·(i/k)·2π (+π for class 0),
        // x = r sin t, y = r cos t.
        let d = try Dataset.spiral(n: 100, noise: 0, seed: 1)
        // Point 10 of arm 1 (k = 50): r = 5·10/50 = 1, t = 1.75·0.2·2π = 0.7π
        //   → (sin 0.7π, cos 0.7π) = (0.80902, −0.58779).
        expectClose(d.x.row(10), [sin(0.7 * Double.pi), cos(0.7 * Double.pi)], tol: 1e-12)
        #expect(abs(d.x[10, 0] - 0.80902) < 1e-5 && abs(d.x[10, 1] + 0.58779) < 1e-5)
        expectClose(d.x.row(0), [0, 0], tol: 0)
        // The second arm is the first turned by π: point 50 + i = −(point i).
        for i in 0..<50 { expectClose(d.x.row(50 + i), d.x.row(i).map { -$0 }, tol: 1e-12) }
        #expect(d.labels[0] == 1 && d.labels[50] == 0)
    }

    @Test func moreClassesFromSpiralAndGaussians() throws {
        // Three arms of 10 points each (n = 30), made in the order class 2, 1, 0; arm c turned by
        // 2π(k − 1 − c)/k: class 2 by 0, class 1 by 2π/3, class 0 by 4π/3. Point 5 of class 1:
        // r = 5·5/10 = 2.5, t = 1.75·0.5·2π + 2π/3 = 1.75π + 2π/3 → (2.5 sin t, 2.5 cos t).
        let s = try Dataset.spiral(n: 30, noise: 0, seed: 1, classes: 3)
        #expect(s.classNames == ["0", "1", "2"] && s.classCounts == [10, 10, 10])
        #expect(s.y.cols == 3)
        #expect(s.labels[0] == 2 && s.labels[10] == 1 && s.labels[20] == 0)
        let t = 1.75 * Double.pi + 2 * Double.pi / 3
        expectClose(s.x.row(15), [2.5 * sin(t), 2.5 * cos(t)], tol: 1e-12)
        // Gaussians: k = 4 centres on the circle of radius 2√2 at π/4 + π(2c/4 − 1):
        // c = 0 → −3π/4 → (−2, −2); c = 1 → −π/4 → (2, −2); c = 2 → π/4 → (2, 2); c = 3 → 3π/4 → (−2, 2).
        // n = 4002: classes 3 and 2 (made first) get 1001, classes 1 and 0 get 1000.
        let g = try Dataset.gaussians(n: 4002, noise: 0, seed: 2, classes: 4)
        #expect(g.classCounts == [1000, 1000, 1001, 1001])
        let centres: [(Double, Double)] = [(-2, -2), (2, -2), (2, 2), (-2, 2)]
        for c in 0..<4 {
            let rows = (0..<g.count).filter { g.labels[$0] == c }
            let mx = rows.map { g.x[$0, 0] }.reduce(0, +) / Double(rows.count)
            let my = rows.map { g.x[$0, 1] }.reduce(0, +) / Double(rows.count)
            #expect(abs(mx - centres[c].0) < 0.09 && abs(my - centres[c].1) < 0.09, "class \(c): (\(mx), \(my))")
        }
        #expect(throws: DataError.self) { try DataGenerator.circle.generate(n: 30, noise: 0, seed: 1, classes: 3) }
        #expect(throws: DataError.self) { try Dataset.spiral(n: 2, seed: 1, classes: 3) }
    }

    @Test func moonsWithoutNoise() throws {
        // Class 0 on the upper unit half circle, class 1 on the lower one centred at (1, 0.5).
        let d = try Dataset.moons(n: 100, noise: 0, seed: 1)
        #expect(d.classCounts == [50, 50])
        for i in 0..<d.count {
            let x = d.x[i, 0], y = d.x[i, 1]
            if d.labels[i] == 0 {
                #expect(abs(x * x + y * y - 1) < 1e-12 && y >= -1e-12)
            } else {
                #expect(abs((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5) - 1) < 1e-12 && y <= 0.5 + 1e-12)
            }
        }
        // Evenly spaced angles: the first and last outer points are (1, 0) and (−1, 0).
        expectClose(d.x.row(0), [1, 0], tol: 1e-12)
        expectClose(d.x.row(49), [-1, 0], tol: 1e-12)
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

    // MARK: CSV

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
