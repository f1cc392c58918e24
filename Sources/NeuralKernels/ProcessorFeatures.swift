#if os(Linux)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the processor (and the operating system, which must save the vector registers) can run,
/// for choosing a `KernelSet`. On Linux from glibc's own CPU feature table
/// (`__x86_get_cpuid_feature_leaf`, glibc 2.33 and later, which counts a feature as active only when
/// it is usable), on macOS from sysctl; on arm64 every processor has a fused multiply-add.
public enum ProcessorFeatures {
    /// AVX2 and FMA (x86-64 since Haswell, 2013, and AMD Zen), or arm64.
    public static let hasAVX2AndFMA: Bool = {
        #if arch(x86_64)
        return x86Features(leaf1ECX: [12, 28], leaf7EBX: [5])         // FMA, AVX; AVX2
        #else
        return true
        #endif
    }()

    /// AVX2, FMA and AVX-512F (512-bit vectors: Intel Skylake-SP and later server parts, AMD Zen 4 and 5).
    public static let hasAVX512: Bool = {
        #if arch(x86_64)
        return hasAVX2AndFMA && x86Features(leaf1ECX: [], leaf7EBX: [16])  // AVX512F
        #else
        return false
        #endif
    }()

    #if arch(x86_64)
    /// True when every listed bit of CPUID leaf 1's ECX and leaf 7's EBX is active.
    static func x86Features(leaf1ECX: [Int], leaf7EBX: [Int]) -> Bool {
        #if os(Linux)
        // struct cpuid_feature { unsigned cpuid_array[4]; unsigned active_array[4]; } (eax, ebx, ecx, edx),
        // for CPUID_INDEX_1 = 0 and CPUID_INDEX_7 = 1 (<bits/platform/x86.h>).
        typealias FeatureLeaf = @convention(c) (UInt32) -> UnsafeRawPointer?
        guard let symbol = dlsym(nil, "__x86_get_cpuid_feature_leaf") else { return false }
        let leaf = unsafeBitCast(symbol, to: FeatureLeaf.self)
        guard let leaf1 = leaf(0), let leaf7 = leaf(1) else { return false }
        let ecx1 = leaf1.load(fromByteOffset: 16 + 2 * 4, as: UInt32.self)
        let ebx7 = leaf7.load(fromByteOffset: 16 + 1 * 4, as: UInt32.self)
        return leaf1ECX.allSatisfy { ecx1 & (1 << UInt32($0)) != 0 } && leaf7EBX.allSatisfy { ebx7 & (1 << UInt32($0)) != 0 }
        #elseif canImport(Darwin)
        func has(_ name: String) -> Bool {
            var value: Int32 = 0
            var size = MemoryLayout<Int32>.size
            return sysctlbyname(name, &value, &size, nil, 0) == 0 && value != 0
        }
        let names = (leaf1ECX.contains(12) ? ["hw.optional.fma"] : []) + (leaf7EBX.contains(5) ? ["hw.optional.avx2_0"] : [])
            + (leaf7EBX.contains(16) ? ["hw.optional.avx512f"] : [])
        return names.allSatisfy(has)
        #else
        return false
        #endif
    }
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
