import Foundation
import Testing

/// `nnbook bench` on lessons that do not build: it names what failed, exits non-zero and prints no
/// time (it used to print the time of the build that failed, as if it were a figure).
@Suite struct BenchTests {
    static let net = ["```nn network", "name: n", "layers: [2, 1]", "activation: sigmoid", "weights: [[[0.5], [0.5]]]", "show: none", "```"]

    @Test func aBrokenLessonFailsTheBuildBenchmark() throws {
        let dir = try CLI.folder([
            "L/vi/01-good.md": lesson("Tốt", Self.net + ["Có {{n.parameters}} tham số."]),
            "L/vi/02-broken.md": lesson("Hỏng", number: 2, ["```nn network", "layers: [2, 100000, 1]", "init: xavier", "```"]),
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for json in [false, true] {
            let r = try CLI.nnbook(["bench", "--only", "build_all", "--lessons", "L"] + (json ? ["--json"] : []), in: dir)
            #expect(r.status != 0, "json \(json): \(r.stdout)")
            #expect(r.stderr.contains("L/vi/02-broken.md"), "\(r.stderr)")
            #expect(r.stderr.contains("exceeds the limit of 4096"), "\(r.stderr)")
            #expect(r.stderr.contains("1 of 2 lessons"), "\(r.stderr)")
            #expect(!r.stdout.contains("build_all_s"), "a time was reported: \(r.stdout)")
        }
    }

    @Test func aMissingLessonFolderFailsClearly() throws {
        let dir = try CLI.folder(["x.txt": ""])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let all = try CLI.nnbook(["bench", "--only", "build_all", "--lessons", "Nowhere"], in: dir)
        #expect(all.status != 0)
        #expect(all.stderr.contains("Nowhere: no such folder"), "\(all.stderr)")
        #expect(!all.stdout.contains("build_all_s"))
        let sample = try CLI.nnbook(["bench", "--only", "build_sample", "--lessons", "Nowhere"], in: dir)
        #expect(sample.status != 0)
        #expect(sample.stderr.contains("Nowhere/vi/06-backprop.md: no such lesson"), "\(sample.stderr)")
        #expect(!sample.stdout.contains("nan"))
    }

    @Test func lessonsThatBuildGetATime() throws {
        let dir = try CLI.folder(["L/vi/01-good.md": lesson("Tốt", Self.net + ["Có {{n.parameters}} tham số."])])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.nnbook(["bench", "--only", "build_all", "--lessons", "L", "--json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let line = r.stdout.split(separator: "\n").first { $0.contains("\"build_all_s\"") }.map(String.init) ?? ""
        let value = Double(line.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "")
        #expect(value.map { $0 > 0 && $0 < 60 } ?? false, "\(r.stdout)")
    }
}
