import Foundation
@testable import Canvas

/// The course's Vietnamese sample line (every diacritic class: dot below, hook, horn, breve, circumflex).
let vietnameseSample = "Mạng nơ-ron nhân tạo: lan truyền ngược, hàm kích hoạt, đạo hàm riêng ∂J/∂W, σ(z) = 1/(1+e⁻ᶻ)"

/// A fresh empty folder under the system temp folder, removed by the caller with `cleanup`.
func makeTempFolder(_ name: String = #function) throws -> String {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let dir = NSTemporaryDirectory() + "canvas-tests-\(safe)-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

func cleanup(_ dir: String) { try? FileManager.default.removeItem(atPath: dir) }

func files(in dir: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
}

/// Runs a command-line tool and returns its standard output.
func run(_ tool: String, _ args: [String]) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [tool] + args
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// When NNBOOK_CANVAS_SAMPLES names a folder, tests copy their renders there for a person to look at.
func keepSample(_ path: String, as name: String) {
    guard let dir = ProcessInfo.processInfo.environment["NNBOOK_CANVAS_SAMPLES"] else { return }
    let dest = dir + "/" + name
    try? FileManager.default.removeItem(atPath: dest)
    try? FileManager.default.copyItem(atPath: path, toPath: dest)
}

/// Counts pixels for which `predicate` holds.
func count(_ b: Bitmap, where predicate: (UInt8, UInt8, UInt8, UInt8) -> Bool) -> Int {
    var n = 0
    for y in 0..<b.height { for x in 0..<b.width { let p = b.pixel(x: x, y: y); if predicate(p.r, p.g, p.b, p.a) { n += 1 } } }
    return n
}
