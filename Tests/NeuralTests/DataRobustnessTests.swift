import Testing
@testable import Neural

/// Damaged input never traps: every reader either returns data or throws a `DataError`/`ShapeError`.
/// Inputs are valid files with seeded random damage (bytes flipped, cut short, stuck together).
@Suite struct DataRobustnessTests {
    func damaged(_ valid: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
        var b = valid
        switch rng.int(below: 4) {
        case 0: if !b.isEmpty { b.removeLast(rng.int(below: b.count)) }                // cut short
        case 1: for _ in 0..<1 + rng.int(below: 4) where !b.isEmpty {                   // bytes changed
                    b[rng.int(below: b.count)] = UInt8(truncatingIfNeeded: rng.next())
                }
        case 2: b += (0..<rng.int(below: 8)).map { _ in UInt8(truncatingIfNeeded: rng.next()) } // trailing junk
        default: if b.count > 2 { b.insert(UInt8(truncatingIfNeeded: rng.next()), at: rng.int(below: b.count)) }
        }
        return b
    }

    func isReadableError(_ e: any Error) -> Bool { e is DataError || e is ShapeError }

    @Test func idxSurvivesDamage() {
        let images: [UInt8] = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2] + [1, 2, 3, 4, 5, 6, 7, 8]
        let labels: [UInt8] = [0, 0, 8, 1, 0, 0, 0, 2, 4, 9]
        var rng = SeededRandom(seed: 2026)
        var errors = 0
        for _ in 0..<3000 {
            do {
                _ = try IDX.dataset(images: damaged(images, &rng), labels: damaged(labels, &rng))
            } catch {
                #expect(isReadableError(error), "\(error)")
                #expect(!"\(error)".isEmpty)
                errors += 1
            }
        }
        #expect(errors > 0)      // the damage was real
    }

    @Test func digitsAndCSVSurviveDamage() throws {
        let row = (0..<64).map { String($0 % 17) }.joined(separator: ",") + ",7"
        let digits = Array((row + "\n" + row + "\n").utf8)
        let csv = Array("a,b,c,y\n1,2,\"x, y\",yes\n3,4,z,no\n5.5,-6e2,z,yes\n".utf8)
        var rng = SeededRandom(seed: 7)
        var errors = 0
        for _ in 0..<2000 {
            let d = String(decoding: damaged(digits, &rng), as: UTF8.self)
            do { _ = try Digits.parse(csv: d) } catch { #expect(isReadableError(error), "\(error)"); errors += 1 }
            let c = String(decoding: damaged(csv, &rng), as: UTF8.self)
            do { _ = try Dataset.parse(csv: c, target: "y", oneHot: ["c"]) } catch {
                #expect(isReadableError(error), "\(error)"); errors += 1
            }
        }
        #expect(errors > 0)
    }

    @Test func datasetsFromDamagedTextKeepTheirShape() throws {
        // Whatever is accepted is consistent: m rows of x, m labels, y rows m, labels in range.
        let base = Array("a,b,y\n1,2,p\n3,4,q\n5,6,r\n".utf8)
        var rng = SeededRandom(seed: 99)
        for _ in 0..<2000 {
            guard let d = try? Dataset.parse(csv: String(decoding: damaged(base, &rng), as: UTF8.self)) else { continue }
            #expect(d.x.rows == d.labels.count && d.y.rows == d.x.rows && d.x.isFinite)
            #expect(d.labels.allSatisfy { $0 >= 0 && $0 < d.classCount })
        }
    }
}
