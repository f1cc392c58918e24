/// The IDX format of MNIST's files (train-images-idx3-ubyte, train-labels-idx1-ubyte, …):
///
///     bytes 0–1   0x00 0x00
///     byte  2     element type: 0x08 unsigned byte, 0x09 signed byte, 0x0B int16, 0x0C int32,
///                 0x0D float32, 0x0E float64
///     byte  3     number of dimensions n
///     then n big-endian UInt32 sizes, then the elements, big-endian, last index fastest.
///
/// Neural does no I/O: the caller reads the (decompressed) file and passes its bytes.
public enum IDX {
    public enum ElementType: UInt8, Sendable {
        case uint8 = 0x08, int8 = 0x09, int16 = 0x0B, int32 = 0x0C, float32 = 0x0D, float64 = 0x0E

        public var size: Int {
            switch self {
            case .uint8, .int8: return 1
            case .int16: return 2
            case .int32, .float32: return 4
            case .float64: return 8
            }
        }
    }

    /// A parsed IDX file: its element type, its dimensions and its elements as Doubles.
    public struct Tensor: Sendable, Equatable {
        public let type: ElementType
        public let dimensions: [Int]
        public let values: [Double]
    }

    /// Parses IDX bytes; throws on a bad header, a size that does not match the data, or trailing bytes.
    public static func parse(bytes: [UInt8]) throws -> Tensor {
        try parse(bytes: bytes, byteDivisor: 1)
    }

    /// `byteDivisor` divides unsigned-byte elements as they are read (pixels / 255 in one pass over
    /// MNIST's 47 million values instead of two).
    static func parse(bytes: [UInt8], byteDivisor: Double) throws -> Tensor {
        guard bytes.count >= 4 else {
            throw DataError("IDX data is \(bytes.count) byte(s) long; the header alone needs 4")
        }
        guard bytes[0] == 0, bytes[1] == 0 else {
            let hint = bytes[0] == 0x1F && bytes[1] == 0x8B ? " (these are gzip bytes: decompress the .gz file first)" : ""
            throw DataError("not IDX data: the first two bytes must be 0, found 0x\(hex(bytes[0])) 0x\(hex(bytes[1]))\(hint)")
        }
        guard let type = ElementType(rawValue: bytes[2]) else {
            throw DataError("unknown IDX element type 0x\(hex(bytes[2])); expected 08, 09, 0B, 0C, 0D or 0E")
        }
        let n = Int(bytes[3])
        guard n >= 1 else { throw DataError("IDX data declares 0 dimensions") }
        let headerSize = 4 + 4 * n
        guard bytes.count >= headerSize else {
            throw DataError("IDX data is truncated: \(n) dimension(s) need a \(headerSize)-byte header, found \(bytes.count) byte(s)")
        }
        var dims: [Int] = []
        var count = 1
        for k in 0..<n {
            let d = Int(readUInt32(bytes, 4 + 4 * k))
            dims.append(d)
            let (product, overflow) = count.multipliedReportingOverflow(by: d)
            guard !overflow, product <= Int(Int32.max) else {
                throw DataError("IDX dimensions \(dims.map(String.init).joined(separator: "×")) are too large")
            }
            count = product
        }
        let expected = count * type.size
        let found = bytes.count - headerSize
        guard found >= expected else {
            throw DataError("IDX data is truncated: \(dims.map(String.init).joined(separator: "×")) elements of \(type.size) byte(s) need \(expected) bytes after the \(headerSize)-byte header, found \(found)")
        }
        guard found == expected else {
            throw DataError("IDX data has \(found - expected) byte(s) after the \(expected) bytes its header announces")
        }
        let values = [Double](unsafeUninitializedCapacity: count) { v, initialized in
            bytes.withUnsafeBufferPointer { b in
                let base = headerSize
                switch type {
                case .uint8:
                    if byteDivisor == 1 {
                        for i in 0..<count { v[i] = Double(b[base + i]) }
                    } else {
                        // 256 possible quotients, each computed once (exactly x / 255, not x · (1/255)).
                        let table = (0...255).map { Double($0) / byteDivisor }
                        for i in 0..<count { v[i] = table[Int(b[base + i])] }
                    }
                case .int8: for i in 0..<count { v[i] = Double(Int8(bitPattern: b[base + i])) }
                case .int16:
                    for i in 0..<count {
                        let p = base + 2 * i
                        v[i] = Double(Int16(bitPattern: UInt16(b[p]) << 8 | UInt16(b[p + 1])))
                    }
                case .int32: for i in 0..<count { v[i] = Double(Int32(bitPattern: readUInt32(b, base + 4 * i))) }
                case .float32: for i in 0..<count { v[i] = Double(Float(bitPattern: readUInt32(b, base + 4 * i))) }
                case .float64:
                    for i in 0..<count {
                        let p = base + 8 * i
                        v[i] = Double(bitPattern: UInt64(readUInt32(b, p)) << 32 | UInt64(readUInt32(b, p + 4)))
                    }
                }
            }
            initialized = count
        }
        return Tensor(type: type, dimensions: dims, values: values)
    }

    /// MNIST-style images (n×rows×cols) and labels (n) as a data set: x is n×(rows·cols), pixels
    /// divided by 255 into [0, 1] when `normalize` (the default, for unsigned-byte pixels), classes
    /// 0…`classCount` − 1 (default: 0 to the largest label found).
    public static func dataset(images: [UInt8], labels: [UInt8], normalize: Bool = true,
                               classCount: Int? = nil, name: String = "mnist") throws -> Dataset {
        let img: Tensor, lab: Tensor
        do { img = try parse(bytes: images, byteDivisor: normalize ? 255 : 1) } catch let e as DataError {
            throw DataError("images: \(e.message)")
        }
        do { lab = try parse(bytes: labels) } catch let e as DataError { throw DataError("labels: \(e.message)") }
        guard img.dimensions.count == 3 else {
            throw DataError("images: expected 3 dimensions (count × rows × columns), found \(img.dimensions.count)")
        }
        guard lab.dimensions.count == 1 else {
            throw DataError("labels: expected 1 dimension (count), found \(lab.dimensions.count)")
        }
        let n = img.dimensions[0], h = img.dimensions[1], w = img.dimensions[2]
        guard lab.dimensions[0] == n else {
            throw DataError("there are \(n) images but \(lab.dimensions[0]) labels")
        }
        guard n > 0, h > 0, w > 0 else { throw DataError("images: the file holds no pixels (\(n)×\(h)×\(w))") }
        var ints: [Int] = []
        ints.reserveCapacity(n)
        for (i, v) in lab.values.enumerated() {
            guard v >= 0, v <= 255, v == v.rounded() else {
                throw DataError("labels: label \(i + 1) is \(v); expected a whole number 0…255")
            }
            ints.append(Int(v))
        }
        let k = classCount ?? (ints.max() ?? 0) + 1
        if let bad = ints.firstIndex(where: { $0 >= k }) {
            throw DataError("labels: label \(bad + 1) is \(ints[bad]), but there are \(k) classes (0…\(k - 1))")
        }
        guard img.values.allSatisfy(\.isFinite) else { throw DataError("images: the pixels contain NaN or ∞") }
        let x = Matrix(rows: n, cols: h * w, storage: img.values)
        return try Dataset(name: name, x: x, labels: ints,
                           featureNames: (0..<(h * w)).map { "p\($0 / w + 1),\($0 % w + 1)" },
                           classNames: (0..<k).map(String.init), imageShape: ImageShape(width: w, height: h))
    }

    private static func hex(_ b: UInt8) -> String {
        let s = String(b, radix: 16, uppercase: true)
        return s.count == 1 ? "0" + s : s
    }

    @inline(__always)
    private static func readUInt32(_ b: [UInt8], _ p: Int) -> UInt32 {
        UInt32(b[p]) << 24 | UInt32(b[p + 1]) << 16 | UInt32(b[p + 2]) << 8 | UInt32(b[p + 3])
    }

    @inline(__always)
    private static func readUInt32(_ b: UnsafeBufferPointer<UInt8>, _ p: Int) -> UInt32 {
        UInt32(b[p]) << 24 | UInt32(b[p + 1]) << 16 | UInt32(b[p + 2]) << 8 | UInt32(b[p + 3])
    }
}
