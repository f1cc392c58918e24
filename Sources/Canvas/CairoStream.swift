import CCairo
import Foundation

/// Collects bytes that Cairo writes through a `cairo_write_func_t`.
final class ByteSink {
    var data = Data()

    /// Runs `body` with a write function and its closure argument pointing at this sink.
    func withWriter<T>(_ body: (cairo_write_func_t, UnsafeMutableRawPointer) throws -> T) rethrows -> T {
        let closure = Unmanaged.passUnretained(self).toOpaque()
        return try withExtendedLifetime(self) { try body(byteSinkWrite, closure) }
    }
}

private let byteSinkWrite: cairo_write_func_t = { closure, bytes, length in
    guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    if let bytes, length > 0 { sink.data.append(bytes, count: Int(length)) }
    return CAIRO_STATUS_SUCCESS
}

/// Feeds bytes to Cairo through a `cairo_read_func_t`.
final class ByteSource {
    let data: [UInt8]
    var offset = 0
    init(_ data: [UInt8]) { self.data = data }

    func withReader<T>(_ body: (cairo_read_func_t, UnsafeMutableRawPointer) throws -> T) rethrows -> T {
        let closure = Unmanaged.passUnretained(self).toOpaque()
        return try withExtendedLifetime(self) { try body(byteSourceRead, closure) }
    }
}

private let byteSourceRead: cairo_read_func_t = { closure, buffer, length in
    guard let closure, let buffer else { return CAIRO_STATUS_READ_ERROR }
    let source = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
    let n = Int(length)
    guard source.offset + n <= source.data.count else { return CAIRO_STATUS_READ_ERROR }
    source.data.withUnsafeBufferPointer { src in
        buffer.update(from: src.baseAddress! + source.offset, count: n)
    }
    source.offset += n
    return CAIRO_STATUS_SUCCESS
}
