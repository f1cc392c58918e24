#if os(Linux)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the processor (and the operating system, which must save the vector registers) can run,
/// for choosing a `KernelSet`. On Linux from glibc's own CPU feature table
/// (`__x86_get_cpuid_feature_leaf`, glibc 2.33 and later, which counts a feature as active only when
/// it is usable), else from the flags of /proc/cpuinfo (some virtual machines leave avx2 and avx512f
/// out of that list although the processor runs them, so it comes second); on macOS from sysctl; on
/// arm64 every processor has a fused multiply-add.
public enum ProcessorFeatures {
    /// AVX2 and FMA (x86-64 since Haswell, 2013, and AMD Zen), or arm64.
    public static let hasAVX2AndFMA: Bool = {
        #if arch(x86_64)
        return has([.avx, .fma, .avx2])
        #else
        return true
        #endif
    }()

    /// AVX2, FMA and AVX-512F (512-bit vectors: Intel Skylake-SP and later server parts, AMD Zen 4 and 5).
    public static let hasAVX512: Bool = {
        #if arch(x86_64)
        return has([.avx, .fma, .avx2, .avx512f])
        #else
        return false
        #endif
    }()

    #if arch(x86_64)
    /// A feature the kernel sets need: its bit in CPUID leaf 1's ECX or leaf 7's EBX, and its names
    /// in /proc/cpuinfo and in macOS's sysctl.
    struct Feature {
        let leaf: Int, bit: Int, cpuinfo: String, sysctl: String
        static let fma = Feature(leaf: 1, bit: 12, cpuinfo: "fma", sysctl: "hw.optional.fma")
        static let avx = Feature(leaf: 1, bit: 28, cpuinfo: "avx", sysctl: "hw.optional.avx1_0")
        static let avx2 = Feature(leaf: 7, bit: 5, cpuinfo: "avx2", sysctl: "hw.optional.avx2_0")
        static let avx512f = Feature(leaf: 7, bit: 16, cpuinfo: "avx512f", sysctl: "hw.optional.avx512f")
    }

    static func has(_ features: [Feature]) -> Bool {
        #if os(Linux)
        if let active = glibcActive(features) { return active }
        guard let flags = cpuinfoFlags() else { return false }
        return features.allSatisfy { flags.contains($0.cpuinfo) }
        #elseif canImport(Darwin)
        return features.allSatisfy { f in
            var value: Int32 = 0
            var size = MemoryLayout<Int32>.size
            return sysctlbyname(f.sysctl, &value, &size, nil, 0) == 0 && value != 0
        }
        #else
        return false
        #endif
    }

    #if os(Linux)
    /// Whether glibc counts every feature active, or nil when this glibc has no feature table.
    static func glibcActive(_ features: [Feature]) -> Bool? {
        // struct cpuid_feature { unsigned cpuid_array[4]; unsigned active_array[4]; } (eax, ebx, ecx, edx),
        // for CPUID_INDEX_1 = 0 and CPUID_INDEX_7 = 1 (<bits/platform/x86.h>).
        typealias FeatureLeaf = @convention(c) (UInt32) -> UnsafeRawPointer?
        guard let symbol = dlsym(nil, "__x86_get_cpuid_feature_leaf") else { return nil }
        let leaf = unsafeBitCast(symbol, to: FeatureLeaf.self)
        guard let leaf1 = leaf(0), let leaf7 = leaf(1) else { return nil }
        let ecx1 = leaf1.load(fromByteOffset: 16 + 2 * 4, as: UInt32.self)
        let ebx7 = leaf7.load(fromByteOffset: 16 + 1 * 4, as: UInt32.self)
        return features.allSatisfy { ($0.leaf == 1 ? ecx1 : ebx7) & (1 << UInt32($0.bit)) != 0 }
    }

    /// The words of the first "flags" line of /proc/cpuinfo, or nil when it cannot be read.
    static func cpuinfoFlags() -> Set<String>? {
        guard let file = fopen("/proc/cpuinfo", "r") else { return nil }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0, let line {
            let text = String(cString: line)
            guard text.hasPrefix("flags"), let colon = text.firstIndex(of: ":") else { continue }
            return Set(text[text.index(after: colon)...].split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init))
        }
        return nil
    }
    #endif
    #endif
}

/// Which kernel set runs the per-sample SGD step. All give the same bits; `fastest` is the widest the
/// processor runs. NNBOOK_KERNELS=portable, fused or wide in the environment asks for one (to compare
/// them; a set the processor cannot run is never chosen).
public enum KernelChoice: String, Sendable, CaseIterable {
    /// `PortableKernels`: any processor.
    case portable
    /// `FusedKernels`: four lanes with FMA (AVX2).
    case fused
    /// `WideKernels`: eight lanes with FMA (AVX-512).
    case wide

    /// Whether this processor runs the set.
    public var isUsable: Bool {
        switch self {
        case .portable: return true
        case .fused: return ProcessorFeatures.hasAVX2AndFMA
        case .wide: return ProcessorFeatures.hasAVX512
        }
    }

    public static let fastest: KernelChoice = {
        if let asked = getenv("NNBOOK_KERNELS"), let choice = KernelChoice(rawValue: String(cString: asked)), choice.isUsable {
            return choice
        }
        #if arch(x86_64)
        return ProcessorFeatures.hasAVX512 ? .wide : ProcessorFeatures.hasAVX2AndFMA ? .fused : .portable
        #else
        return .fused
        #endif
    }()
}
