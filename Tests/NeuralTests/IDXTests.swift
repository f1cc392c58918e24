import Testing
@testable import Neural

@Suite struct IDXTests {
    /// Header 00 00 type n, then n big-endian UInt32 sizes.
    func header(_ type: UInt8, _ dims: [UInt32]) -> [UInt8] {
        var b: [UInt8] = [0, 0, type, UInt8(dims.count)]
        for d in dims { b += [UInt8(d >> 24), UInt8((d >> 16) & 0xFF), UInt8((d >> 8) & 0xFF), UInt8(d & 0xFF)] }
        return b
    }

    @Test func unsignedBytesLikeMNIST() throws {
        // Two 2×3 images, pixels 0…11 and 255; MNIST's magic numbers are 0x00000803 and 0x00000801.
        let images = header(0x08, [2, 2, 3]) + [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255]
        #expect(Array(images.prefix(4)) == [0, 0, 8, 3])
        let labels = header(0x08, [2]) + [7, 2]
        let t = try IDX.parse(bytes: images)
        #expect(t.type == .uint8 && t.dimensions == [2, 2, 3])
        #expect(t.values == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255])
        let d = try IDX.dataset(images: images, labels: labels)
        #expect(d.count == 2 && d.featureCount == 6 && d.imageShape == ImageShape(width: 3, height: 2))
        #expect(d.labels == [7, 2] && d.classCount == 8)
        // Normalized by 255: 255 → 1, 10 → 10/255.
        #expect(d.x[1, 5] == 1 && d.x[1, 4] == 10.0 / 255.0)
        #expect(d.y.cols == 8 && d.y[0, 7] == 1 && d.y[1, 2] == 1)
        let raw = try IDX.dataset(images: images, labels: labels, normalize: false)
        #expect(raw.x.row(0) == [0, 1, 2, 3, 4, 5])
    }

    @Test func widerBigEndianTypes() throws {
        // int16 −2 = 0xFFFE, 258 = 0x0102; int32 −1 = FF FF FF FF, 65536 = 00 01 00 00;
        // float32 1.5 = 0x3FC00000; float64 −0.25 = 0xBFD0000000000000.
        #expect(try IDX.parse(bytes: header(0x0B, [2]) + [0xFF, 0xFE, 0x01, 0x02]).values == [-2, 258])
        #expect(try IDX.parse(bytes: header(0x0C, [2]) + [0xFF, 0xFF, 0xFF, 0xFF, 0, 1, 0, 0]).values == [-1, 65536])
        #expect(try IDX.parse(bytes: header(0x0D, [1]) + [0x3F, 0xC0, 0, 0]).values == [1.5])
        #expect(try IDX.parse(bytes: header(0x0E, [1]) + [0xBF, 0xD0, 0, 0, 0, 0, 0, 0]).values == [-0.25])
        #expect(try IDX.parse(bytes: header(0x09, [2]) + [0xFF, 0x7F]).values == [-1, 127])
    }

    func message(_ bytes: [UInt8]) -> String {
        do { _ = try IDX.parse(bytes: bytes); return "no error" } catch { return "\(error)" }
    }

    @Test func clearErrorsOnBadData() {
        #expect(message([0, 0]).contains("header alone needs 4"))
        #expect(message([0x1F, 0x8B, 8, 0]).contains("gzip"))
        #expect(message([1, 0, 8, 1]).contains("first two bytes must be 0"))
        #expect(message([0, 0, 0x07, 1, 0, 0, 0, 1, 0]).contains("unknown IDX element type 0x07"))
        #expect(message([0, 0, 8, 3, 0, 0]).contains("need a 16-byte header, found 6"))
        // 2×2×3 bytes announced, 5 given.
        #expect(message(header(0x08, [2, 2, 3]) + [1, 2, 3, 4, 5]).contains("need 12 bytes after the 16-byte header, found 5"))
        #expect(message(header(0x0E, [1]) + [0, 0, 0]).contains("truncated"))
        #expect(message(header(0x08, [1]) + [1, 2]).contains("1 byte(s) after"))
        #expect(message(header(0x08, [0xFFFF_FFFF, 0xFFFF_FFFF])).contains("too large"))
    }

    @Test func datasetChecksImagesAgainstLabels() {
        let images = header(0x08, [2, 1, 1]) + [3, 4]
        func message(_ i: [UInt8], _ l: [UInt8]) -> String {
            do { _ = try IDX.dataset(images: i, labels: l); return "no error" } catch { return "\(error)" }
        }
        #expect(message(images, header(0x08, [3]) + [1, 2, 3]) == "there are 2 images but 3 labels")
        #expect(message(header(0x08, [2]) + [1, 2], header(0x08, [2]) + [1, 2]).hasPrefix("images: expected 3 dimensions"))
        #expect(message(images, [0, 0]).hasPrefix("labels: IDX data is 2 byte(s)"))
        #expect(message(images, header(0x0B, [2]) + [0xFF, 0xFF, 0, 1]).contains("label 1 is -1.0"))
        // Ten classes even when the labels seen stop at 3; a label beyond the classes is an error.
        #expect((try? IDX.dataset(images: images, labels: header(0x08, [2]) + [3, 1], classCount: 10))?.y.cols == 10)
        #expect(throws: DataError.self) { try IDX.dataset(images: images, labels: header(0x08, [2]) + [3, 1], classCount: 3) }
    }
}
