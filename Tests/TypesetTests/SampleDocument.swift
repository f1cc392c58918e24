import Foundation
import Canvas
@testable import Typeset

/// A small figure for the test documents: a sigmoid curve on axes, drawn with Canvas.
struct SigmoidSketch: Drawable {
    var preferredSize: Size { Size(320, 170) }

    func draw(in rect: Rect, on canvas: Canvas) throws {
        let plot = rect.inset(top: 10, left: 30, bottom: 24, right: 10)
        canvas.newPath()
        canvas.rect(plot)
        canvas.stroke(.gray(0.6), width: 0.6)
        canvas.newPath()
        let n = 80
        for i in 0...n {
            let z = -6 + 12 * Double(i) / Double(n)
            let s = 1 / (1 + exp(-z))
            let p = Point(plot.minX + plot.width * Double(i) / Double(n), plot.maxY - plot.height * s)
            if i == 0 { canvas.move(to: p) } else { canvas.line(to: p) }
        }
        canvas.stroke(Color(hex: "#0072B2"), width: 1.6)
        let style = TextStyle(family: .sans, size: 8, color: .gray(0.3))
        try canvas.drawText("z", at: Point(plot.midX, plot.maxY + 4), style: style, anchor: .top)
        try canvas.drawText("σ(z)", at: Point(plot.minX - 4, plot.midY), style: style, anchor: .right)
    }
}

enum SampleDocument {
    /// The backprop summary of the HUFLIT slides (004, "Tóm tắt"), per neuron and in matrix form.
    static let backpropSummary = """
    ## Tóm tắt lan truyền ngược

    Ở tầng output:

    $$\\delta_j^{[L]} = \\frac{\\partial \\sigma\\left(z_j^{[L]}\\right)}{\\partial z_j^{[L]}}, \\qquad \\frac{\\partial Loss}{\\partial W_{i,j}^{[L]}} = \\delta_j^{[L]} \\cdot a_i^{[L-1]}, \\qquad \\frac{\\partial Loss}{\\partial b_j^{[L]}} = \\delta_j^{[L]}$$

    Ở tầng $l = L-1, L-2, \\dots, 1$:

    $$\\begin{aligned}
    \\delta_j^{[l]} &= \\left(\\sum_{k=1}^{n_{l+1}} \\delta_k^{[l+1]} \\cdot W_{j,k}^{[l+1]}\\right) \\cdot \\frac{\\partial \\sigma\\left(z_j^{[l]}\\right)}{\\partial z_j^{[l]}} \\\\
    \\frac{\\partial Loss}{\\partial W_{i,j}^{[l]}} &= \\delta_j^{[l]} \\cdot a_i^{[l-1]} \\\\
    \\frac{\\partial Loss}{\\partial b_j^{[l]}} &= \\delta_j^{[l]}
    \\end{aligned}$$

    Dạng ma trận, với $\\odot$ là phép nhân từng phần tử:

    $$\\delta^{[l]} = \\left(\\delta^{[l+1]} \\cdot \\left(\\mathbf{W}^{[l+1]}\\right)^{\\top}\\right) \\odot \\sigma'\\left(z^{[l]}\\right), \\qquad \\frac{\\partial Loss}{\\partial W^{[l]}} = \\left(a^{[l-1]}\\right)^{\\top} \\cdot \\delta^{[l]}$$
    """

    static let markdown = """
    Bài này nhắc lại **mạng nơ-ron nhiều tầng** (*multi-layer perceptron*) và cách huấn luyện nó bằng
    thuật toán `backprop`. Mỗi nơ-ron tính tổng có trọng số $z = \\sum_i w_i x_i + b$ rồi áp dụng hàm
    kích hoạt $a = \\sigma(z)$, với $\\sigma(z) = \\frac{1}{1 + e^{-z}}$ và đạo hàm
    $\\sigma'(z) = \\sigma(z)\\left(1 - \\sigma(z)\\right)$. Xem thêm [tài liệu của Nielsen](http://neuralnetworksanddeeplearning.com)
    về bốn phương trình của lan truyền ngược. Tiếng Việt có dấu: ắ ằ ẳ ẵ ặ, ổ ỗ ộ, ữ ự — được hiển thị đúng.

    ## Ký hiệu

    Ta dùng vectơ hàng: $z^{(l)} = a^{(l-1)} W^{(l)} + b^{(l)}$ với $W^{(l)} \\in \\mathbb{R}^{d_{l-1} \\times d_l}$,
    và $a^{(l)} = f^{(l)}\\left(z^{(l)}\\right)$. Hàm mất mát $E = \\frac{1}{2}\\sum_k (\\hat{y}_k - y_k)^2$.

    1. Lan truyền tiến: tính $z^{(l)}$ và $a^{(l)}$ cho $l = 1, \\dots, L$.
    2. Lan truyền ngược:
       - tầng cuối: $\\delta^{(L)} = (\\hat{y} - y) \\odot f'(z^{(L)})$;
       - các tầng ẩn: $\\delta^{(l)} = \\delta^{(l+1)} (W^{(l+1)})^\\top \\odot f'(z^{(l)})$.
    3. Cập nhật: $W \\leftarrow W - \\eta \\nabla_W E$.

    > Ghi chú: khi $\\eta$ quá lớn, $E$ có thể tăng thay vì giảm. Hãy thử $\\eta \\le 0.5$ trước.

    ### Các hàm kích hoạt

    $$\\operatorname{ReLU}(z) = \\max(0, z), \\qquad \\tanh(z) = \\frac{e^z - e^{-z}}{e^z + e^{-z}}, \\qquad f(z) = \\begin{cases} z & \\text{nếu } z > 0 \\\\ 0.01\\, z & \\text{ngược lại} \\end{cases}$$

    Ma trận trọng số của mạng [2-3-2] trong bài tập:

    $$W^{(1)} = \\begin{bmatrix} 0.1 & -0.2 & 0.35 \\\\ 0.4 & 0.25 & -0.15 \\end{bmatrix}, \\quad W^{(2)} = \\begin{pmatrix} 0.3 & -0.1 \\\\ 0.2 & 0.45 \\\\ -0.5 & 0.05 \\end{pmatrix}, \\quad \\sqrt{\\frac{1}{n}\\sum_{i=1}^{n} (x_i - \\bar{x})^2}$$

    Table: Kết quả lan truyền tiến của mạng [2-3-2] (đầu vào $x = (1, 0.5)$).

    | Tầng | Nơ-ron | $z$ | $a = \\sigma(z)$ | $\\delta$ |
    |:-----|:------:|----:|-----:|------:|
    | 1 | 1 | 0.3 | 0.574443 | -0.00123 |
    | 1 | 2 | -0.075 | 0.481259 | 0.0456 |
    | 1 | 3 | 0.275 | 0.568320 | -0.1 |
    | 2 | 1 | 12.5 | 0.999996 | 0.000001 |

    ```
    for epoch in 1...1000 {
        let trace = try net.forward(x)      // z, a của mọi tầng
        let back = try net.backward(trace, target: y, loss: .halfSSE, learningRate: 0.5)
    }
    ```

    Các ký hiệu khác: $\\nabla_{\\mathbf{W}} J$, $\\hat{y}$, $\\bar{x}$, $\\tilde{x}$, $\\vec{v}$, $\\log p$, $\\exp(x)$,
    $a \\ne b$, $a \\approx b$, $x \\ge 0$, $A \\Rightarrow B$, $a \\rightarrow b$, $a \\times b$, $u \\otimes v$,
    $\\prod_{i=1}^{n} p_i$ và $\\sum_{k} x_k$ đặt cạnh trong dòng; $\\text{Giá trị}(x) = x_1^2 + x_2^2$.

    #### Tối ưu hóa

    $$\\begin{aligned} m_t &= \\beta_1 m_{t-1} + (1 - \\beta_1) g_t \\\\ v_t &= \\beta_2 v_{t-1} + (1 - \\beta_2) g_t^2 \\\\ \\theta_t &= \\theta_{t-1} - \\eta \\frac{\\hat{m}_t}{\\sqrt{\\hat{v}_t} + \\epsilon} \\end{aligned}$$

    """ + "\n" + backpropSummary

    static func document(lesson: Int = 7, language: Language = .vi) throws -> Document {
        var blocks = try Markdown.parse(markdown)
        // a figure after the first table
        if let k = blocks.firstIndex(where: { if case .table = $0 { return true }; return false }) {
            blocks.insert(.figure(SigmoidSketch(), caption: "Hàm sigmoid $\\sigma(z) = 1/(1+e^{-z})$ nén mọi số thực vào khoảng $(0, 1)$."), at: k + 1)
        }
        return Document(title: "Lan truyền ngược trong mạng nơ-ron nhiều tầng", subtitle: "Từ bốn phương trình đến một bước cập nhật có số",
                        course: "Mạng nơ-ron nhân tạo", author: "Nhóm nnbook", lesson: lesson, language: language, blocks: blocks)
    }
}
