import Foundation

/// Small loops over raw buffers for the training engine: contiguous, no allocation, written so the
/// compiler can vectorise them. Internal to Neural.
enum Kernels {
    /// y[0..<n] += a · x[0..<n]
    @inline(__always)
    static func axpy(_ n: Int, _ a: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>) {
        for j in 0..<n { y[j] += a * x[j] }
    }

    /// Σ x[j]·y[j] with four independent partial sums (so the loop vectorises without reassociation).
    @inline(__always)
    static func dot(_ n: Int, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var j = 0
        while j + 4 <= n {
            s0 += x[j] * y[j]
            s1 += x[j + 1] * y[j + 1]
            s2 += x[j + 2] * y[j + 2]
            s3 += x[j + 3] * y[j + 3]
            j += 4
        }
        while j < n {
            s0 += x[j] * y[j]
            j += 1
        }
        return (s0 + s2) + (s1 + s3)
    }

    /// out = f(z) over n values (element-wise activations), or softmax over each row of `cols`.
    static func activate(_ f: Activation, _ z: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>,
                         rows: Int, cols: Int) {
        let n = rows * cols
        switch f.kind {
        case .sigmoid:
            for i in 0..<n { out[i] = Activation.sigmoid(z[i]) }
        case .identity:
            for i in 0..<n { out[i] = z[i] }
        case .relu:
            for i in 0..<n { out[i] = z[i] > 0 ? z[i] : 0 }
        case .tanh:
            for i in 0..<n { out[i] = Foundation.tanh(z[i]) }
        case .softmax:
            for r in 0..<rows {
                let p = out + r * cols
                for j in 0..<cols { p[j] = z[r * cols + j] }
                Activation.softmaxInPlace(p, cols)
            }
        default:
            for i in 0..<n { out[i] = f.value(z[i]) }
        }
    }

    /// d[i] *= f′(z[i]) over n values (a = f(z) given, for the activations whose derivative reads it).
    static func multiplyDerivative(_ f: Activation, _ z: UnsafePointer<Double>, _ a: UnsafePointer<Double>,
                                   _ d: UnsafeMutablePointer<Double>, rows: Int, cols: Int) {
        let n = rows * cols
        switch f.kind {
        case .sigmoid:
            for i in 0..<n { d[i] *= a[i] * (1 - a[i]) }
        case .identity:
            return
        case .tanh:
            for i in 0..<n { d[i] *= 1 - a[i] * a[i] }
        case .relu:
            for i in 0..<n { d[i] = z[i] >= 0 ? d[i] : 0 }
        case .softmax:
            for r in 0..<rows {
                let dr = d + r * cols, ar = a + r * cols
                let s = dot(cols, dr, ar)
                for j in 0..<cols { dr[j] = ar[j] * (dr[j] - s) }
            }
        default:
            for i in 0..<n { d[i] *= f.derivative(z[i]) }
        }
    }
}
