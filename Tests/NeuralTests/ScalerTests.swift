import Foundation
import Testing
@testable import Neural

/// The car table of the HUFLIT slides (004): age x₁ (years), km x₂, colour x₃.
///   6  1200  Xanh
///   3  4000  Đỏ
///   8  8000  Vàng
@Suite struct ScalerTests {
    let cars = try! Matrix([[6, 1200], [3, 4000], [8, 8000]])

    @Test func minMaxOnTheCarTable() throws {
        let s = try MinMaxScaler(fitting: cars)
        #expect(s.min == [3, 1200] && s.max == [8, 8000] && s.range == [5, 6800])
        let t = try s.transform(cars)
        // Ages: (6 − 3)/5 = 0.6, (3 − 3)/5 = 0.0, (8 − 3)/5 = 1.0 (the slide prints 8 → 0.0: a slip).
        expectClose(t.column(0), [0.6, 0.0, 1.0])
        // Km: (1200 − 1200)/6800 = 0, (4000 − 1200)/6800 = 2800/6800 = 0.411764… (the slide: 0.4), 1.
        expectClose(t.column(1), [0, 2800.0 / 6800.0, 1])
        #expect(abs(t[1, 1] - 0.4117647058823529) < 1e-15)
        // Inverse gives the table back.
        expectClose(try s.inverse(t).storage, cars.storage, tol: 1e-9)
        // New data uses the learned statistics: age 10 → (10 − 3)/5 = 1.4 (outside [0, 1]).
        expectClose(try s.transform(Matrix([[10, 1200]])).storage, [1.4, 0])
    }

    @Test func zScoreOnTheCarTable() throws {
        let s = try ZScoreScaler(fitting: cars)
        // Age: μ = (6 + 3 + 8)/3 = 17/3 = 5.67; deviations 1/3, −8/3, 7/3;
        // σ² = (1/9 + 64/9 + 49/9)/3 = 114/27 = 38/9, σ = √38/3 = 2.0548 (the slides: 2.05).
        expectClose([s.mean[0], s.sigma[0]], [17.0 / 3.0, 38.0.squareRoot() / 3], tol: 1e-14)
        #expect(String(format: "%.2f %.2f", s.mean[0], s.sigma[0]) == "5.67 2.05")
        // Km: μ = 13200/3 = 4400; deviations −3200, −400, 3600;
        // σ² = (10 240 000 + 160 000 + 12 960 000)/3 = 23 360 000/3, σ = 2790.4600 (the slides: 2790.46).
        expectClose([s.mean[1], s.sigma[1]], [4400, (23_360_000.0 / 3).squareRoot()], tol: 1e-9)
        #expect(String(format: "%.2f", s.sigma[1]) == "2790.46")
        let z = try s.transform(cars)
        // z(age) = (1/3)/(√38/3) = 1/√38 = 0.1622, −8/√38 = −1.2978, 7/√38 = 1.1355 → 0.16, −1.30, 1.14.
        let r38 = 38.0.squareRoot()
        expectClose(z.column(0), [1 / r38, -8 / r38, 7 / r38], tol: 1e-14)
        #expect(z.column(0).map { String(format: "%.2f", $0) } == ["0.16", "-1.30", "1.14"])
        // z(km) = −3200/2790.46 = −1.1468, −400/2790.46 = −0.1433, 3600/2790.46 = 1.2901 → −1.15, −0.14, 1.29.
        #expect(z.column(1).map { String(format: "%.2f", $0) } == ["-1.15", "-0.14", "1.29"])
        // Standardized columns have mean 0 and population σ 1.
        let again = try ZScoreScaler(fitting: z)
        expectClose(again.mean, [0, 0], tol: 1e-14)
        expectClose(again.sigma, [1, 1], tol: 1e-14)
        expectClose(try s.inverse(z).storage, cars.storage, tol: 1e-9)
    }

    @Test func populationNotSampleSigma() throws {
        // [1, 3]: μ = 2, population σ = √((1 + 1)/2) = 1 (the sample σ would be √2).
        let s = try ZScoreScaler(fitting: Matrix(column: [1, 3]))
        #expect(s.sigma == [1])
        expectClose(try s.transform(Matrix(column: [1, 3])).storage, [-1, 1])
    }

    @Test func constantColumnsScaleToZeroNotNaN() throws {
        let x = try Matrix([[5, 1], [5, 2]])
        let mm = try MinMaxScaler(fitting: x)
        let t = try mm.transform(x)
        #expect(t.column(0) == [0, 0] && t.isFinite)
        #expect(try mm.inverse(t).column(0) == [5, 5])
        let z = try ZScoreScaler(fitting: x)
        #expect(z.sigma[0] == 0)
        #expect(try z.transform(x).column(0) == [0, 0])
        #expect(try z.inverse(z.transform(x)).column(0) == [5, 5])
    }

    @Test func scalersRejectBadInput() throws {
        #expect(throws: DataError.self) { try MinMaxScaler(fitting: Matrix(rows: 0, cols: 2)) }
        #expect(throws: DataError.self) { try ZScoreScaler(fitting: Matrix([[1, .nan]])) }
        do {
            _ = try ZScoreScaler(fitting: Matrix([[1, 2], [3, .infinity]]))
            Issue.record("expected an error")
        } catch let e as DataError {
            #expect(e.description.contains("sample 2, feature 2"))
        }
        let s = try MinMaxScaler(fitting: cars)
        #expect(throws: ShapeError.self) { try s.transform(Matrix(rows: 1, cols: 3)) }
        #expect(throws: DataError.self) { try MinMaxScaler(min: [2], max: [1]) }
        #expect(throws: DataError.self) { try ZScoreScaler(mean: [0], standardDeviation: [-1]) }
    }

    @Test func oneHotColoursAsInTheSlides() throws {
        // Xanh = (1, 0, 0), Đỏ = (0, 1, 0), Vàng = (0, 0, 1), in the order of the table.
        let colours = ["Xanh", "Đỏ", "Vàng"]
        let enc = try OneHotEncoder(fitting: colours)
        #expect(enc.categories == ["Xanh", "Đỏ", "Vàng"])
        let m = try enc.transform(colours)
        #expect(m == Matrix.identity(3))
        #expect(try enc.transform(["Vàng", "Xanh", "Vàng"]) == Matrix([[0, 0, 1], [1, 0, 0], [0, 0, 1]]))
        #expect(try enc.inverse(m) == colours)
        // Every two colours are at the same distance √2.
        let rows = m.rowArrays
        for i in 0..<3 {
            for j in (i + 1)..<3 {
                let d = zip(rows[i], rows[j]).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
                #expect(d == 2.0.squareRoot())
            }
        }
        // Probabilities decode to the most likely category.
        #expect(try enc.inverse(Matrix([[0.2, 0.7, 0.1]])) == ["Đỏ"])
        // Sorted order (by code point: "V" < "X" < "Đ").
        #expect(try OneHotEncoder(fitting: colours, order: .sorted).categories == ["Vàng", "Xanh", "Đỏ"])
    }

    @Test func oneHotErrorsNameTheValue() throws {
        let enc = try OneHotEncoder(fitting: ["Xanh", "Đỏ"])
        do {
            _ = try enc.transform(["Xanh", "Tím"])
            Issue.record("expected an error")
        } catch let e as DataError {
            #expect(e.description.contains("value 2") && e.description.contains("Tím"))
        }
        #expect(throws: DataError.self) { try OneHotEncoder(categories: ["a", "a"]) }
        #expect(throws: DataError.self) { try OneHotEncoder(fitting: []) }
        #expect(throws: ShapeError.self) { try enc.inverse(Matrix(rows: 1, cols: 3)) }
        #expect(OneHotEncoder.encode(labels: [2, 0], classes: 3) == (try Matrix([[0, 0, 1], [1, 0, 0]])))
    }
}
