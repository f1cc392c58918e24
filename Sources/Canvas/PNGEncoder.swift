import CCairo
import Foundation

/// Encodes a Cairo ARGB32 image surface as PNG with zlib directly. Cairo's writer (libpng: zlib level 6,
/// all five filters tried on every row) is the slowest step of a figure PNG; this one tries Sub and Up
/// per row and deflates at level 3. Measured on a 900×750 heat-map figure (swiftc -O, best of 7, a busy
/// 2-core machine): 19 ms and 33 KB against libpng's 43 ms and 23 KB. Opaque images are written as RGB,
/// others as non-premultiplied RGBA. The bytes depend only on the pixels.
enum PNGEncoder {
    static func encode(surface: OpaquePointer, level: Int32 = 3) throws -> Data {
        cairo_surface_flush(surface)
        guard cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32,
              let base = cairo_image_surface_get_data(surface) else {
            throw CanvasError.invalidArgument("PNG encoding needs an ARGB32 image surface")
        }
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        // Opaque?
        var opaque = true
        for y in 0..<height where opaque {
            let row = UnsafeRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width where row[x] >> 24 != 0xFF { opaque = false; break }
        }
        let channels = opaque ? 3 : 4
        let rowBytes = width * channels
        var raw = [UInt8](repeating: 0, count: (rowBytes + 1) * height)
        var current = [UInt8](repeating: 0, count: rowBytes)
        var previous = [UInt8](repeating: 0, count: rowBytes)
        raw.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let row = UnsafeRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
                current.withUnsafeMutableBufferPointer { cur in
                    var i = 0
                    for x in 0..<width {
                        let p = row[x]
                        let a = p >> 24
                        if opaque {
                            cur[i] = UInt8(p >> 16 & 0xFF); cur[i + 1] = UInt8(p >> 8 & 0xFF); cur[i + 2] = UInt8(p & 0xFF)
                            i += 3
                        } else {
                            if a == 0 {
                                cur[i] = 0; cur[i + 1] = 0; cur[i + 2] = 0
                            } else {
                                cur[i] = UInt8(min(255, ((p >> 16 & 0xFF) * 255 + a / 2) / a))
                                cur[i + 1] = UInt8(min(255, ((p >> 8 & 0xFF) * 255 + a / 2) / a))
                                cur[i + 2] = UInt8(min(255, ((p & 0xFF) * 255 + a / 2) / a))
                            }
                            cur[i + 3] = UInt8(a)
                            i += 4
                        }
                    }
                }
                let o = y * (rowBytes + 1)
                // Per row, the filter (Sub or Up) whose output has the smaller sum of |signed bytes|:
                // the usual heuristic, here over two filters instead of libpng's five.
                let dst = out.baseAddress! + o + 1
                var subCost = 0, upCost = 0
                current.withUnsafeBufferPointer { cur in
                    previous.withUnsafeBufferPointer { prev in
                        for i in 0..<rowBytes {
                            let sub = cur[i] &- (i >= channels ? cur[i - channels] : 0)
                            let up = cur[i] &- prev[i]
                            subCost += Int(min(sub, 0 &- sub)); upCost += Int(min(up, 0 &- up))
                        }
                        if subCost <= upCost {
                            out[o] = 1
                            for i in 0..<channels { dst[i] = cur[i] }
                            for i in channels..<rowBytes { dst[i] = cur[i] &- cur[i - channels] }
                        } else {
                            out[o] = 2
                            for i in 0..<rowBytes { dst[i] = cur[i] &- prev[i] }
                        }
                    }
                }
                swap(&previous, &current)
            }
        }
        var compressedLength = compressBound(uLong(raw.count))
        var compressed = [UInt8](repeating: 0, count: Int(compressedLength))
        let status = compress2(&compressed, &compressedLength, raw, uLong(raw.count), level)
        guard status == Z_OK else { throw CanvasError.invalidArgument("zlib could not compress a PNG (status \(status))") }

        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var ihdr = Data()
        ihdr.appendBigEndian(UInt32(width)); ihdr.appendBigEndian(UInt32(height))
        ihdr.append(contentsOf: [8, opaque ? 2 : 6, 0, 0, 0])   // 8 bits, RGB or RGBA, deflate, no interlace
        appendChunk("IHDR", ihdr, to: &png)
        appendChunk("IDAT", Data(compressed[0..<Int(compressedLength)]), to: &png)
        appendChunk("IEND", Data(), to: &png)
        return png
    }

    static func appendChunk(_ type: String, _ body: Data, to png: inout Data) {
        png.appendBigEndian(UInt32(body.count))
        var chunk = Data(type.utf8)
        chunk.append(body)
        png.append(chunk)
        let crc = chunk.withUnsafeBytes { crc32(0, $0.bindMemory(to: UInt8.self).baseAddress, uInt(chunk.count)) }
        png.appendBigEndian(UInt32(crc))
    }
}

extension Data {
    mutating func appendBigEndian(_ v: UInt32) {
        append(contentsOf: [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)])
    }
}
