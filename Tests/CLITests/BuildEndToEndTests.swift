import Foundation
import Testing

/// The test's own arithmetic (not the engine's): σ(z) = 1/(1 + e^{−z}), rounded as the handout prints.
private func sigma(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
private func shown(_ x: Double, _ digits: Int = 4) -> String {
    var s = String(format: "%.\(digits)f", x)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s += "0" }
    return s
}

@Suite(.serialized) struct BuildEndToEndTests {
    /// A [2-2-1] network with biases, forward and one backward step; every worked number the test
    /// computes by itself must be in the PDF's text.
    @Test func workedNumbersAreInThePDF() throws {
        let body = [
            "# Mạng nhỏ",
            "",
            "```nn network",
            "name: n",
            "layers: [2, 2, 1]",
            "activation: sigmoid",
            "bias: per-neuron",
            "weights:",
            "  - [[0.15, -0.25], [0.2, 0.3]]",
            "  - [[0.4], [-0.5]]",
            "biases:",
            "  - [0.35, 0.1]",
            "  - [0.6]",
            "show: weights",
            "```",
            "",
            "```nn backward",
            "name: bp",
            "network: n",
            "input: [0.05, 0.1]",
            "target: [1]",
            "learning-rate: 0.5",
            "show: both",
            "```",
            "",
            "Mất mát trước khi cập nhật: $E = {{bp.loss:6}}$.",
        ]
        let dir = try CLI.folder(["L/vi/01-small.md": lesson("Mạng nhỏ", body)])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.nnbook(["build", "L", "--out", "out", "--format", "pdf"], in: dir)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        let text = try CLI.pdfText(dir + "/out/vi/01-small.pdf")

        // Forward, by hand: z1 = 0.05·0.15 + 0.1·0.2 + 0.35 = 0.3775; z2 = 0.05·(−0.25) + 0.1·0.3 + 0.1 = 0.1175
        let z1 = [0.05 * 0.15 + 0.1 * 0.2 + 0.35, 0.05 * -0.25 + 0.1 * 0.3 + 0.1]
        let a1 = z1.map(sigma)
        let z2 = a1[0] * 0.4 + a1[1] * -0.5 + 0.6
        let y = sigma(z2)
        let E = 0.5 * (y - 1) * (y - 1)
        // Backward: δ2 = (ŷ − y)ŷ(1 − ŷ); δ1_i = w2_i δ2 a_i(1 − a_i); w ← w − η a δ
        let d2 = (y - 1) * y * (1 - y)
        let d1 = [0.4 * d2 * a1[0] * (1 - a1[0]), -0.5 * d2 * a1[1] * (1 - a1[1])]
        let newW2 = [0.4 - 0.5 * a1[0] * d2, -0.5 - 0.5 * a1[1] * d2]
        let newW1_11 = 0.15 - 0.5 * 0.05 * d1[0]
        let newB2 = 0.6 - 0.5 * d2
        for (what, v) in [("z1", z1[0]), ("z2", z1[1]), ("a1", a1[0]), ("a2", a1[1]), ("z(2)", z2), ("ŷ", y),
                          ("E", E), ("δ2", d2), ("δ1_1", d1[0]), ("δ1_2", d1[1]), ("w2_1 new", newW2[0]),
                          ("w2_2 new", newW2[1]), ("w1_11 new", newW1_11), ("b2 new", newB2)] {
            let s = shown(v).replacingOccurrences(of: "-", with: "−")
            #expect(text.contains(s) || text.contains(shown(v)), "\(what) = \(shown(v)) not found in the PDF text")
        }
        #expect(text.contains(shown(E, 6)), "the inline reference {{bp.loss:6}} = \(shown(E, 6))")
        #expect(!text.lowercased().contains("nan"))
    }

    /// Each kind of error: the message at the right line and column, no PDF for that lesson, the good
    /// lesson still built, the failure in the summary, exit status 1.
    @Test func eachErrorIsReportedAtItsPlace() throws {
        let net = ["```nn network", "name: n", "layers: [2, 1]", "activation: sigmoid", "weights: [[[0.5], [0.5]]]", "show: none", "```"]
        let cases: [(file: String, body: [String], where: String, says: String)] = [
            ("02-kind.md", ["```nn forwrd", "network: n", "input: [1, 2]", "```"], ":8:7: error:", "did you mean 'forward'?"),
            ("03-key.md", net + ["```nn forward", "network: n", "inptu: [1, 2]", "```"], ":17:1: error:", "did you mean 'input'?"),
            ("04-yaml.md", net + ["```nn forward", "network: n", "input: [1, 2", "```"], ":17:", "malformed YAML"),
            ("05-name.md", ["```nn forward", "network: nn1", "input: [1, 2]", "```"], ":9:10: error:", "no result named 'nn1' is defined above"),
            ("06-shape.md", net + ["```nn forward", "network: n", "input: [1, 2, 3]", "```"], ":17:8: error:", "1×3"),
            ("07-activation.md", ["```nn network", "layers: [2, 1]", "activation: sigmod", "weights: [[[1], [1]]]", "```"], ":10:13: error:", "did you mean 'sigmoid'?"),
            ("08-nan.md", ["```nn network", "name: big", "layers: [1, 1]", "activation: relu", "weights: [[[1e308]]]", "show: none", "```",
                           "```nn forward", "network: big", "input: [10]", "```"], ":15:1: error:", "∞"),
            ("09-ref.md", net + ["Giá trị {{n.paramters}}."], ":15:9: error:", "did you mean 'parameters'?"),
        ]
        var files = ["L/vi/01-good.md": lesson("Tốt", net + ["Có {{n.parameters}} tham số."])]
        for c in cases { files["L/vi/" + c.file] = lesson("Lỗi", number: 2, c.body) }
        let dir = try CLI.folder(files)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.nnbook(["build", "L", "--out", "out", "--format", "pdf"], in: dir)
        #expect(r.status == 1)
        #expect(CLI.exists(dir + "/out/vi/01-good.pdf"))
        #expect(try CLI.pdfText(dir + "/out/vi/01-good.pdf").contains("Có 2 tham số."))
        for c in cases {
            let stem = (c.file as NSString).deletingPathExtension
            let line = r.stderr.split(separator: "\n").first { $0.hasPrefix("L/vi/\(c.file):") }.map(String.init) ?? ""
            #expect(line.contains(c.where) && line.contains(c.says), "\(c.file): got '\(line)'")
            #expect(!CLI.exists(dir + "/out/vi/\(stem).pdf"), "\(c.file) must not leave a PDF")
            #expect(r.stdout.contains("FAILED L/vi/\(c.file)"))
        }
        #expect(r.stdout.contains("1 lesson built"))
        #expect(r.stdout.contains("\(cases.count) failed"))
        // The handout still holds the good lesson.
        #expect(CLI.exists(dir + "/out/vi/handout.pdf"))
    }

    /// The same lessons built twice give byte-identical files (no dates, no absolute paths).
    @Test func outputIsByteIdenticalAcrossRuns() throws {
        let body = ["```nn network", "name: n", "layers: [2, 2, 1]", "activation: sigmoid", "init: xavier", "seed: 3", "```",
                    "```nn dataset", "name: x", "builtin: xor", "```",
                    "```nn train", "network: n", "data: x", "epochs: 30", "learning-rate: 0.5", "plot: [loss]", "```"]
        let dir = try CLI.folder(["L/vi/01-a.md": lesson("A", body), "L/en/01-a.md": lesson("A", lang: "en", body)])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try CLI.nnbook(["build", "L", "--out", "o1", "--format", "pdf,png,svg"], in: dir).status == 0)
        #expect(try CLI.nnbook(["build", "L", "--out", "o2", "--format", "pdf,png,svg", "--jobs", "1"], in: dir).status == 0)
        let fm = FileManager.default
        let files = try fm.subpathsOfDirectory(atPath: dir + "/o1").filter { !$0.hasSuffix("/") }.sorted()
        #expect(files.contains("vi/01-a.pdf") && files.contains("vi/handout.pdf") && files.contains("en/handout.pdf"))
        #expect(files.contains("vi/01-a/page-01.png") && files.contains("vi/01-a/fig-01.png") && files.contains("vi/01-a/fig-01.svg"))
        for f in files {
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: dir + "/o1/" + f, isDirectory: &isDir)
            if isDir.boolValue { continue }
            let a = fm.contents(atPath: dir + "/o1/" + f), b = fm.contents(atPath: dir + "/o2/" + f)
            #expect(a != nil && a == b, "\(f) differs between runs")
            if let a, f.hasSuffix(".pdf") || f.hasSuffix(".svg") {
                #expect(!String(decoding: a, as: UTF8.self).contains(dir), "\(f) contains an absolute path")
            }
        }
        // English engine words in the English lesson.
        let en = try CLI.pdfText(dir + "/o1/en/01-a.pdf")
        #expect(en.contains("Figure 1.1") && en.contains("Epoch"))
        let vi = try CLI.pdfText(dir + "/o1/vi/01-a.pdf")
        #expect(vi.contains("Hình 1.1"))
    }

    @Test func renderListAndHelp() throws {
        let body = ["```nn graph", "name: g", "x: 1", "w: 5", "b: 1", "y: 2", "```", "L = {{g.loss:0}}."]
        let dir = try CLI.folder(["L/vi/09-g.md": lesson("Đồ thị", number: 9, body)])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.nnbook(["render", "L/vi/09-g.md", "--out", "o"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(CLI.exists(dir + "/o/vi/09-g.pdf") && CLI.exists(dir + "/o/vi/09-g/page-01.png") && CLI.exists(dir + "/o/vi/09-g/fig-01.png"))
        // The blog's graph: ŷ = 5·1 + 1 = 6, e = 4, L = 16.
        #expect(try CLI.pdfText(dir + "/o/vi/09-g.pdf").contains("L = 16."))
        let list = try CLI.nnbook(["list", "L"], in: dir)
        #expect(list.status == 0 && list.stdout.contains("Đồ thị") && list.stdout.contains("1 cells: 1 graph"))
        for cmd in ["build", "render", "list"] {
            let h = try CLI.nnbook([cmd, "--help"])
            #expect(h.stdout.contains("Examples:"), "\(cmd) --help has examples")
        }
        let missing = try CLI.nnbook(["render", "nope.md"], in: dir)
        #expect(missing.status == 1 && missing.stderr.contains("nope.md"))
    }
}
