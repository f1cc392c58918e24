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

    /// (v₀ + v₂) + (v₁ + v₃): the sum of a vector's lanes in a fixed order (two vector halves, then one add).
    @inline(__always)
    static func hsum(_ v: SIMD4<Double>) -> Double {
        let h = v.lowHalf + v.highHalf
        return h.x + h.y
    }

    @inline(__always)
    static func load4(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
    }

    @inline(__always)
    static func store4(_ v: SIMD4<Double>, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Double>.self)
    }

    @inline(__always)
    static func load2(_ p: UnsafePointer<Double>) -> SIMD2<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD2<Double>.self)
    }

    @inline(__always)
    static func store2(_ v: SIMD2<Double>, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD2<Double>.self)
    }

    /// Writes the indices k with x[k] ≠ 0 into `idx` and returns their count, without branches
    /// (half of a digit's pixels are 0, in no pattern a branch predictor could learn): the test is
    /// integer arithmetic on the bits, |x| ≠ 0 ⇔ (b | −b) has its top bit set, b = bits without the sign.
    @inline(__always)
    static func nonzeros(_ x: UnsafePointer<Double>, _ n: Int, _ idx: UnsafeMutablePointer<Int>) -> Int {
        var c = 0
        for k in 0..<n {
            idx[c] = k
            let b = x[k].bitPattern &<< 1
            c &+= Int(truncatingIfNeeded: (b | (0 &- b)) &>> 63)
        }
        return c
    }

    /// z[0..<nout] += Σₜ x[k]·W[k, ·] over k = at(0), …, at(count − 1) in that order (W is nin×nout,
    /// row-major), with z held in registers 16 columns at a time (then 8, 4, 2, 1).
    @inline(__always)
    static func accumulateRows(_ count: Int, _ at: (Int) -> Int, _ x: UnsafePointer<Double>, _ w: UnsafePointer<Double>,
                               _ nout: Int, _ z: UnsafeMutablePointer<Double>) {
        var j = 0
        while j &+ 16 <= nout {
            var a0 = load4(z + j), a1 = load4(z + j + 4), a2 = load4(z + j + 8), a3 = load4(z + j + 12)
            for t in 0..<count {
                let k = at(t)
                let vv = SIMD4<Double>(repeating: x[k]), r = w + (k &* nout &+ j)
                a0 += vv * load4(r)
                a1 += vv * load4(r + 4)
                a2 += vv * load4(r + 8)
                a3 += vv * load4(r + 12)
            }
            store4(a0, z + j); store4(a1, z + j + 4); store4(a2, z + j + 8); store4(a3, z + j + 12)
            j &+= 16
        }
        if j &+ 8 <= nout {
            var a0 = load4(z + j), a1 = load4(z + j + 4)
            for t in 0..<count {
                let k = at(t)
                let vv = SIMD4<Double>(repeating: x[k]), r = w + (k &* nout &+ j)
                a0 += vv * load4(r)
                a1 += vv * load4(r + 4)
            }
            store4(a0, z + j); store4(a1, z + j + 4)
            j &+= 8
        }
        if j &+ 4 <= nout {
            var a0 = load4(z + j)
            for t in 0..<count {
                let k = at(t)
                a0 += SIMD4<Double>(repeating: x[k]) * load4(w + (k &* nout &+ j))
            }
            store4(a0, z + j)
            j &+= 4
        }
        if j &+ 2 <= nout {
            var a0 = load2(z + j)
            for t in 0..<count {
                let k = at(t)
                a0 += SIMD2<Double>(repeating: x[k]) * load2(w + (k &* nout &+ j))
            }
            store2(a0, z + j)
            j &+= 2
        }
        if j < nout {
            var a = z[j]
            for t in 0..<count {
                let k = at(t)
                a += x[k] * w[k &* nout &+ j]
            }
            z[j] = a
        }
    }

    /// z[0..<nout] += x[0..<nin]·W (W is nin×nout, row-major), visiting only the nonzero inputs
    /// (`idx` is scratch space for nin indices).
    static func rowTimesMatrix(_ x: UnsafePointer<Double>, _ nin: Int, _ w: UnsafePointer<Double>, _ nout: Int,
                               _ z: UnsafeMutablePointer<Double>, _ idx: UnsafeMutablePointer<Int>) {
        let n = nonzeros(x, nin, idx)
        accumulateRows(n, { idx[$0] }, x, w, nout, z)
    }

    /// z[0..<nout] += x[0..<nin]·W over the inputs listed in idx[0..<count] (the others are 0).
    static func sparseRowTimesMatrix(_ x: UnsafePointer<Double>, _ idx: UnsafePointer<Int>, _ count: Int,
                                     _ w: UnsafePointer<Double>, _ nout: Int, _ z: UnsafeMutablePointer<Double>) {
        accumulateRows(count, { idx[$0] }, x, w, nout, z)
    }

    /// z[0..<nout] += x[0..<nin]·W over every input (for activations, which are rarely exactly 0).
    static func denseRowTimesMatrix(_ x: UnsafePointer<Double>, _ nin: Int, _ w: UnsafePointer<Double>, _ nout: Int,
                                    _ z: UnsafeMutablePointer<Double>) {
        accumulateRows(nin, { $0 }, x, w, nout, z)
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
        var s = hsum(s0 + s1)
        while j < n {
            s += row[j] * delta[j]
            row[j] -= c * delta[j]
            j += 1
        }
        return s
    }

    /// W[k, ·] += (a·x[k])·δ for k = idx[0], …, idx[count − 1] (W is nin×nout, row-major): the first
    /// layer's update of per-sample SGD (a = −η) over the nonzero inputs, δ held in registers 16
    /// columns at a time. Each weight gets the same single rounding as `axpy`.
    static func sparseOuterUpdate(_ idx: UnsafePointer<Int>, _ count: Int, _ x: UnsafePointer<Double>, _ a: Double,
                                  _ delta: UnsafePointer<Double>, _ nout: Int, _ w: UnsafeMutablePointer<Double>) {
        var j = 0
        while j &+ 16 <= nout {
            let d0 = load4(delta + j), d1 = load4(delta + j + 4), d2 = load4(delta + j + 8), d3 = load4(delta + j + 12)
            for t in 0..<count {
                let k = idx[t]
                let c = SIMD4<Double>(repeating: a * x[k]), r = w + (k &* nout &+ j)
                let w0 = load4(r), w1 = load4(r + 4), w2 = load4(r + 8), w3 = load4(r + 12)
                store4(w0 + c * d0, r); store4(w1 + c * d1, r + 4); store4(w2 + c * d2, r + 8); store4(w3 + c * d3, r + 12)
            }
            j &+= 16
        }
        if j &+ 8 <= nout {
            let d0 = load4(delta + j), d1 = load4(delta + j + 4)
            for t in 0..<count {
                let k = idx[t]
                let c = SIMD4<Double>(repeating: a * x[k]), r = w + (k &* nout &+ j)
                let w0 = load4(r), w1 = load4(r + 4)
                store4(w0 + c * d0, r); store4(w1 + c * d1, r + 4)
            }
            j &+= 8
        }
        if j &+ 4 <= nout {
            let d0 = load4(delta + j)
            for t in 0..<count {
                let k = idx[t]
                let r = w + (k &* nout &+ j)
                store4(load4(r) + SIMD4<Double>(repeating: a * x[k]) * d0, r)
            }
            j &+= 4
        }
        if j &+ 2 <= nout {
            let d0 = load2(delta + j)
            for t in 0..<count {
                let k = idx[t]
                let r = w + (k &* nout &+ j)
                store2(load2(r) + SIMD2<Double>(repeating: a * x[k]) * d0, r)
            }
            j &+= 2
        }
        if j < nout {
            let d0 = delta[j]
            for t in 0..<count {
                let k = idx[t]
                w[k &* nout &+ j] += a * x[k] * d0
            }
        }
    }

    /// The fused BP2 + BP4 of per-sample SGD over a whole layer: for every row k of W (nin×nout),
    /// prev[k] = W[k, ·]·δ with the old weights, then W[k, ·] ← W[k, ·] − (η·a[k])·δ. Same sums and
    /// roundings as `dotThenAxpy` row by row; when nout ≤ 16 the δ stays in registers.
    static func dotThenUpdateRows(_ nin: Int, _ w: UnsafeMutablePointer<Double>, _ nout: Int, _ delta: UnsafePointer<Double>,
                                  _ a: UnsafePointer<Double>, _ eta: Double, _ prev: UnsafeMutablePointer<Double>) {
        guard nout <= 16 else {
            for k in 0..<nin { prev[k] = dotThenAxpy(nout, w + k &* nout, delta, eta * a[k]) }
            return
        }
        let blocks = nout &>> 3                     // 0, 1 or 2 blocks of 8 columns
        let zero = SIMD4<Double>(repeating: 0)
        let d0 = blocks >= 1 ? load4(delta) : zero, d1 = blocks >= 1 ? load4(delta + 4) : zero
        let d2 = blocks >= 2 ? load4(delta + 8) : zero, d3 = blocks >= 2 ? load4(delta + 12) : zero
        let tail = blocks &<< 3
        for k in 0..<nin {
            let row = w + k &* nout
            let c = eta * a[k], cc = SIMD4<Double>(repeating: c)
            var s = 0.0
            if blocks == 2 {
                let w0 = load4(row), w1 = load4(row + 4), w2 = load4(row + 8), w3 = load4(row + 12)
                s = hsum((w0 * d0 + w2 * d2) + (w1 * d1 + w3 * d3))
                store4(w0 - cc * d0, row); store4(w1 - cc * d1, row + 4)
                store4(w2 - cc * d2, row + 8); store4(w3 - cc * d3, row + 12)
            } else if blocks == 1 {
                let w0 = load4(row), w1 = load4(row + 4)
                s = hsum(w0 * d0 + w1 * d1)
                store4(w0 - cc * d0, row); store4(w1 - cc * d1, row + 4)
            }
            var j = tail
            while j < nout {
                s += row[j] * delta[j]
                row[j] -= c * delta[j]
                j &+= 1
            }
            prev[k] = s
        }
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
