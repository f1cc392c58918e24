import Foundation
import NeuralKernels

/// Small loops over raw buffers for the training engine's batch path (mini-batch, full batch,
/// evaluation): contiguous, no allocation, written so the compiler can vectorise them, in plain
/// two-rounding arithmetic. The per-sample SGD step runs on a `KernelSet` instead. Internal to Neural.
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

    /// z[0..<nout] += x[0..<nin]·W (W is nin×nout, row-major), visiting only the nonzero inputs
    /// (`idx` is scratch space for nin indices).
    static func rowTimesMatrix(_ x: UnsafePointer<Double>, _ nin: Int, _ w: UnsafePointer<Double>, _ nout: Int,
                               _ z: UnsafeMutablePointer<Double>, _ idx: UnsafeMutablePointer<Int>) {
        let n = RowKernels.nonzeros(x, nin, idx)
        RowKernels.accumulateRows(TwoRoundings.self, n, { idx[$0] }, x, w, nout, z)
    }

    /// Z = X·W + Z for `rows` rows: pairs of rows share each load of W (8 columns at a time);
    /// an odd last row and any last columns go through `rowTimesMatrix`.
    static func matrixTimesMatrix(_ x: UnsafePointer<Double>, rows: Int, _ nin: Int, _ w: UnsafePointer<Double>, _ nout: Int,
                                  _ z: UnsafeMutablePointer<Double>, _ idx: UnsafeMutablePointer<Int>) {
        var r = 0
        let blocked = nout / 8 * 8
        while r + 2 <= rows {
            let x0 = x + r * nin, x1 = x0 + nin, z0 = z + r * nout, z1 = z0 + nout
            var n = 0
            for k in 0..<nin {                       // inputs nonzero in either row, without branches
                idx[n] = k
                n &+= (x0[k] != 0) || (x1[k] != 0) ? 1 : 0
            }
            var j = 0
            while j < blocked {
                var a0 = SIMD4<Double>.load(z0 + j), a1 = SIMD4<Double>.load(z0 + j + 4), b0 = SIMD4<Double>.load(z1 + j), b1 = SIMD4<Double>.load(z1 + j + 4)
                for t in 0..<n {
                    let k = idx[t]
                    let u = x0[k], v = x1[k]
                    let p = w + k * nout + j
                    let w0 = SIMD4<Double>.load(p), w1 = SIMD4<Double>.load(p + 4)
                    let uu = SIMD4<Double>(repeating: u), vv = SIMD4<Double>(repeating: v)
                    a0 += uu * w0
                    a1 += uu * w1
                    b0 += vv * w0
                    b1 += vv * w1
                }
                a0.store(z0 + j); a1.store(z0 + j + 4); b0.store(z1 + j); b1.store(z1 + j + 4)
                j += 8
            }
            for jj in blocked..<nout {
                var a = z0[jj], b = z1[jj]
                for k in 0..<nin {
                    a += x0[k] * w[k * nout + jj]
                    b += x1[k] * w[k * nout + jj]
                }
                z0[jj] = a
                z1[jj] = b
            }
            r += 2
        }
        if r < rows { rowTimesMatrix(x + r * nin, nin, w, nout, z + r * nout, idx) }
    }

    /// out = f(z) over n values (element-wise activations), or softmax over each row of `cols`.
    static func activate(_ f: Activation, _ z: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>,
                         rows: Int, cols: Int) {
        let n = rows * cols
        switch f.kind {
        case .sigmoid:
            VectorMath.map(VectorMath.Sigmoid.self, n, z, out)
        case .identity:
            for i in 0..<n { out[i] = z[i] }
        case .relu:
            for i in 0..<n { out[i] = z[i] > 0 ? z[i] : 0 }
        case .tanh:
            // tanh z = 1 − 2/(e^{2z} + 1); |error| < 3e-16, the same for ±z up to rounding.
            VectorMath.map(VectorMath.Tanh.self, n, z, out)
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
