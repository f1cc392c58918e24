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

    @inline(__always)
    static func load4(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
    }

    @inline(__always)
    static func store4(_ v: SIMD4<Double>, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Double>.self)
    }

    /// Writes the indices k with x[k] ≠ 0 into `idx` and returns their count, without branches
    /// (half of a digit's pixels are 0, in no pattern a branch predictor could learn).
    @inline(__always)
    static func nonzeros(_ x: UnsafePointer<Double>, _ n: Int, _ idx: UnsafeMutablePointer<Int>) -> Int {
        var c = 0
        for k in 0..<n {
            idx[c] = k
            c &+= x[k] != 0 ? 1 : 0
        }
        return c
    }

    /// z[0..<nout] += x[0..<nin]·W (W is nin×nout, row-major), with z held in registers 16 columns
    /// at a time; only the nonzero inputs are visited (`idx` is scratch space for nin indices).
    static func rowTimesMatrix(_ x: UnsafePointer<Double>, _ nin: Int, _ w: UnsafePointer<Double>, _ nout: Int,
                               _ z: UnsafeMutablePointer<Double>, _ idx: UnsafeMutablePointer<Int>) {
        let n = nonzeros(x, nin, idx)
        var j = 0
        while j + 16 <= nout {
            var a0 = load4(z + j), a1 = load4(z + j + 4), a2 = load4(z + j + 8), a3 = load4(z + j + 12)
            for t in 0..<n {
                let k = idx[t]
                let vv = SIMD4<Double>(repeating: x[k]), r = w + k * nout + j
                a0 += vv * load4(r)
                a1 += vv * load4(r + 4)
                a2 += vv * load4(r + 8)
                a3 += vv * load4(r + 12)
            }
            store4(a0, z + j); store4(a1, z + j + 4); store4(a2, z + j + 8); store4(a3, z + j + 12)
            j += 16
        }
        while j + 8 <= nout {
            var a0 = load4(z + j), a1 = load4(z + j + 4)
            for t in 0..<n {
                let k = idx[t]
                let vv = SIMD4<Double>(repeating: x[k]), r = w + k * nout + j
                a0 += vv * load4(r)
                a1 += vv * load4(r + 4)
            }
            store4(a0, z + j); store4(a1, z + j + 4)
            j += 8
        }
        while j + 4 <= nout {
            var a0 = load4(z + j)
            for t in 0..<n {
                let k = idx[t]
                a0 += SIMD4<Double>(repeating: x[k]) * load4(w + k * nout + j)
            }
            store4(a0, z + j)
            j += 4
        }
        while j < nout {
            var a = z[j]
            for t in 0..<n { a += x[idx[t]] * w[idx[t] * nout + j] }
            z[j] = a
            j += 1
        }
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
                var a0 = load4(z0 + j), a1 = load4(z0 + j + 4), b0 = load4(z1 + j), b1 = load4(z1 + j + 4)
                for t in 0..<n {
                    let k = idx[t]
                    let u = x0[k], v = x1[k]
                    let p = w + k * nout + j
                    let w0 = load4(p), w1 = load4(p + 4)
                    let uu = SIMD4<Double>(repeating: u), vv = SIMD4<Double>(repeating: v)
                    a0 += uu * w0
                    a1 += uu * w1
                    b0 += vv * w0
                    b1 += vv * w1
                }
                store4(a0, z0 + j); store4(a1, z0 + j + 4); store4(b0, z1 + j); store4(b1, z1 + j + 4)
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

    /// Returns row·δ (over n values) and then sets row ← row − c·δ, in one pass (the fused BP2 + BP4
    /// of per-sample SGD: the dot product sees the old weights).
    @inline(__always)
    static func dotThenAxpy(_ n: Int, _ row: UnsafeMutablePointer<Double>, _ delta: UnsafePointer<Double>, _ c: Double) -> Double {
        var s0 = SIMD4<Double>(repeating: 0), s1 = SIMD4<Double>(repeating: 0)
        let cc = SIMD4<Double>(repeating: c)
        var j = 0
        while j + 8 <= n {
            let w0 = load4(row + j), w1 = load4(row + j + 4), d0 = load4(delta + j), d1 = load4(delta + j + 4)
            s0 += w0 * d0
            s1 += w1 * d1
            store4(w0 - cc * d0, row + j)
            store4(w1 - cc * d1, row + j + 4)
            j += 8
        }
        var s = (s0 + s1).sum()
        while j < n {
            s += row[j] * delta[j]
            row[j] -= c * delta[j]
            j += 1
        }
        return s
    }

    /// e^x to within about 2 ulp, written as straight-line arithmetic (no calls, no branches) so a
    /// loop over it vectorises: x = k·ln 2 + r with |r| ≤ ln 2 / 2 (Cody–Waite, two-part ln 2),
    /// e^r by its Taylor polynomial to r¹³ (truncation < 1e-17, Estrin's scheme), times 2^k built in the exponent bits.
    /// x is clamped to [−708, 709]: below, the result is 3e-308 instead of a subnormal or 0.
    /// Same bits on every platform, unlike the C library's exp.
    @inline(__always)
    static func exp(_ v: Double) -> Double {
        let x = min(max(v, -708), 709)
        let shifter = 6755399441055744.0                 // 1.5·2⁵², rounds to the nearest integer
        let t = x * 1.4426950408889634 + shifter          // x·log₂e + shifter
        let k = t - shifter
        let r = (x - k * 0.6931471803691238) - k * 1.9082149292705877e-10
        // Estrin's scheme: the same polynomial in four dependent steps instead of thirteen.
        let r2 = r * r, r4 = r2 * r2, r8 = r4 * r4
        let q0 = 1 + r, q1 = 0.5 + r * (1.0 / 6.0), q2 = 1.0 / 24.0 + r * (1.0 / 120.0)
        let q3 = 1.0 / 720.0 + r * (1.0 / 5040.0), q4 = 1.0 / 40320.0 + r * (1.0 / 362880.0)
        let q5 = 1.0 / 3628800.0 + r * (1.0 / 39916800.0), q6 = 1.0 / 479001600.0 + r * (1.0 / 6227020800.0)
        let s0 = q0 + q1 * r2, s1 = q2 + q3 * r2, s2 = q4 + q5 * r2
        let p = (s0 + s1 * r4) + (s2 + q6 * r4) * r8
        let ki = Int64(bitPattern: t.bitPattern) &- Int64(bitPattern: shifter.bitPattern)   // k as an integer
        let scale = Double(bitPattern: UInt64(bitPattern: (ki &+ 1023) << 52))
        return p * scale
    }

    /// out = f(z) over n values (element-wise activations), or softmax over each row of `cols`.
    static func activate(_ f: Activation, _ z: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>,
                         rows: Int, cols: Int) {
        let n = rows * cols
        switch f.kind {
        case .sigmoid:
            for i in 0..<n { out[i] = 1 / (1 + exp(-z[i])) }
        case .identity:
            for i in 0..<n { out[i] = z[i] }
        case .relu:
            for i in 0..<n { out[i] = z[i] > 0 ? z[i] : 0 }
        case .tanh:
            // tanh z = 1 − 2/(e^{2z} + 1); |error| < 3e-16, the same for ±z up to rounding.
            for i in 0..<n { out[i] = 1 - 2 / (exp(2 * z[i]) + 1) }
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
