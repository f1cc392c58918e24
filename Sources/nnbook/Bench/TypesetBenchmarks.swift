import Canvas
import Foundation
import Typeset

/// `typeset_40_pages_s`: laying out a 40-page lesson (Markdown parse, math, tables, figures, line
/// breaking and page breaking, measured with Pango from a cold cache), without drawing.
enum TypesetBenchmarks {
    static var all: [Benchmark] {
        [Benchmark(key: "typeset_40_pages_s") { repeats in
            let blocks = try fortyPageBlocks()
            var pageCount = 0
            defer { FileHandle.standardError.write(Data("typeset_40_pages_s: \(pageCount) pages\n".utf8)) }
            return try Benchmarks.medianSeconds(repeats) {
                let doc = Document(title: "Lan truyền ngược", course: "Mạng nơ-ron nhân tạo", lesson: 6,
                                   language: .vi, blocks: try Markdown.parse(blocks.markdown) + blocks.figures)
                let pages = try Typesetter().layout(doc)
                pageCount = pages.count
                guard (40...44).contains(pages.count) else { throw BenchError("expected 40 pages, got \(pages.count)") }
            }
        }]
    }

    struct BenchError: Error, CustomStringConvertible {
        let description: String
        init(_ s: String) { description = s }
    }

    struct Plate: Drawable {
        var preferredSize: Size { Size(360, 200) }
        func draw(in rect: Rect, on canvas: Canvas) throws {}
    }

    /// One section of a lesson: prose with inline math, a derivation, a matrix, a table of numbers.
    static func section(_ n: Int) -> String {
        let rows = (1...14).map { k in
            "| \(k) | \(String(format: "%.6f", sin(Double(k * n)) / 3)) | \(String(format: "%.4f", cos(Double(k)) * 10)) | \(k % 2 == 0 ? "hội tụ" : "dao động") |"
        }.joined(separator: "\n")
        return """
        ## Mục \(n): lan truyền ngược qua tầng $l = \(n)$

        Với mỗi mẫu, mạng tính $z^{(l)} = a^{(l-1)} W^{(l)} + b^{(l)}$ và $a^{(l)} = \\sigma(z^{(l)})$ cho
        từng tầng, rồi so sánh đầu ra $\\hat{y}$ với nhãn $y$ bằng hàm mất mát $E = \\frac{1}{2}\\sum_k (\\hat{y}_k - y_k)^2$.
        Sai số được truyền ngược: **mỗi trọng số** nhận một phần trách nhiệm tỉ lệ với $\\delta_j^{(l)}$ và
        với kích hoạt $a_i^{(l-1)}$ của nơ-ron phía trước. Khi tốc độ học $\\eta$ quá lớn, *hàm mất mát dao động*;
        khi quá nhỏ, quá trình học chậm lại đáng kể. Ta kiểm tra gradient bằng sai phân hữu hạn
        $\\frac{E(w + \\epsilon) - E(w - \\epsilon)}{2\\epsilon}$ với $\\epsilon = 10^{-5}$.

        $$\\delta_j^{(l)} = \\left(\\sum_{k=1}^{n_{l+1}} \\delta_k^{(l+1)} w_{jk}^{(l+1)}\\right) \\sigma'\\left(z_j^{(l)}\\right), \\qquad \\frac{\\partial E}{\\partial w_{ij}^{(l)}} = a_i^{(l-1)} \\delta_j^{(l)}$$

        - Tầng ra: $\\delta^{(L)} = (\\hat{y} - y) \\odot \\sigma'(z^{(L)})$.
        - Tầng ẩn: $\\delta^{(l)} = \\delta^{(l+1)} (W^{(l+1)})^\\top \\odot \\sigma'(z^{(l)})$.
        - Cập nhật: $W^{(l)} \\leftarrow W^{(l)} - \\eta\\, (a^{(l-1)})^\\top \\delta^{(l)}$.

        $$W^{(\(n))} = \\begin{bmatrix} 0.15 & -0.25 & 0.30 \\\\ 0.45 & 0.05 & -0.35 \\\\ -0.10 & 0.20 & 0.55 \\end{bmatrix}, \\quad \\begin{aligned} z &= x W + b \\\\ a &= \\sigma(z) \\end{aligned}$$

        Table: Các giá trị trung gian ở mục \(n).

        | k | $\\delta_k$ | $\\partial E / \\partial w_k$ | ghi chú |
        |---|---:|---:|---|
        \(rows)

        Tóm lại, mỗi bước gồm một lần lan truyền tiến, một lần lan truyền ngược và một lần cập nhật;
        lặp lại nhiều epoch cho đến khi hàm mất mát đủ nhỏ hoặc không còn giảm. Bảng trên cho thấy các giá
        trị $\\delta_k$ nhỏ dần theo số bước, đúng như phân tích ở phần trước.

        """
    }

    static func fortyPageBlocks() throws -> (markdown: String, figures: [Block]) {
        let md = (1...37).map(section).joined(separator: "\n")
        let figures = (1...8).map { Block.figure(Plate(), caption: "Đường cong mất mát, lần chạy \($0).") }
        return (md, figures)
    }
}
