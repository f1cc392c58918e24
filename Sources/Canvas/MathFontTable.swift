import CPangoCairo

/// The OpenType MATH table of a font (DejaVu Math TeX Gyre by default), read through HarfBuzz: the
/// constants TeX-style math layout needs (script shifts, fraction gaps, axis height, …) and per-glyph
/// italic corrections. Values are in ems (multiply by the font size in points); the two
/// `…PercentScaleDown` constants and `radicalDegreeBottomRaisePercent` are fractions (80 % → 0.8).
public final class MathFontTable {
    /// The constant names of the OpenType specification, in the table's order.
    public static let constantNames: [String] = [
        "scriptPercentScaleDown",
        "scriptScriptPercentScaleDown",
        "delimitedSubFormulaMinHeight",
        "displayOperatorMinHeight",
        "mathLeading",
        "axisHeight",
        "accentBaseHeight",
        "flattenedAccentBaseHeight",
        "subscriptShiftDown",
        "subscriptTopMax",
        "subscriptBaselineDropMin",
        "superscriptShiftUp",
        "superscriptShiftUpCramped",
        "superscriptBottomMin",
        "superscriptBaselineDropMax",
        "subSuperscriptGapMin",
        "superscriptBottomMaxWithSubscript",
        "spaceAfterScript",
        "upperLimitGapMin",
        "upperLimitBaselineRiseMin",
        "lowerLimitGapMin",
        "lowerLimitBaselineDropMin",
        "stackTopShiftUp",
        "stackTopDisplayStyleShiftUp",
        "stackBottomShiftDown",
        "stackBottomDisplayStyleShiftDown",
        "stackGapMin",
        "stackDisplayStyleGapMin",
        "stretchStackTopShiftUp",
        "stretchStackBottomShiftDown",
        "stretchStackGapAboveMin",
        "stretchStackGapBelowMin",
        "fractionNumeratorShiftUp",
        "fractionNumeratorDisplayStyleShiftUp",
        "fractionDenominatorShiftDown",
        "fractionDenominatorDisplayStyleShiftDown",
        "fractionNumeratorGapMin",
        "fractionNumDisplayStyleGapMin",
        "fractionRuleThickness",
        "fractionDenominatorGapMin",
        "fractionDenomDisplayStyleGapMin",
        "skewedFractionHorizontalGap",
        "skewedFractionVerticalGap",
        "overbarVerticalGap",
        "overbarRuleThickness",
        "overbarExtraAscender",
        "underbarVerticalGap",
        "underbarRuleThickness",
        "underbarExtraDescender",
        "radicalVerticalGap",
        "radicalDisplayStyleVerticalGap",
        "radicalRuleThickness",
        "radicalExtraAscender",
        "radicalKernBeforeDegree",
        "radicalKernAfterDegree",
        "radicalDegreeBottomRaisePercent"
    ]

    public let family: FontFamily
    public let unitsPerEm: Double
    /// Every constant by its OpenType name, in ems (or as a fraction for the percentages).
    public let constants: [String: Double]
    let font: OpaquePointer   // hb_font_t at a scale of one unit per font unit

    /// Loads the font through fontconfig and Pango; throws when it has no MATH table (e.g. not installed,
    /// so fontconfig substituted another font).
    public init(family: FontFamily = .math) throws {
        self.family = family
        let fontMap = pango_cairo_font_map_new()!
        defer { g_object_unref(UnsafeMutableRawPointer(fontMap)) }
        let context = pango_font_map_create_context(fontMap)!
        defer { g_object_unref(UnsafeMutableRawPointer(context)) }
        let desc = pango_font_description_new()!
        defer { pango_font_description_free(desc) }
        pango_font_description_set_family(desc, family.familyName)
        pango_font_description_set_absolute_size(desc, 10 * pangoScale)
        guard let pangoFont = pango_font_map_load_font(fontMap, context, desc) else {
            throw CanvasError.invalidArgument("font \(family.familyName) cannot be loaded")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(pangoFont)) }
        guard let hbFont = pango_font_get_hb_font(pangoFont), let face = hb_font_get_face(hbFont),
              hb_ot_math_has_data(face) != 0 else {
            throw CanvasError.invalidArgument("font \(family.familyName) has no OpenType MATH table (is fonts-dejavu-extra installed?)")
        }
        let upem = Double(hb_face_get_upem(face))
        let font = hb_font_create(face)!
        hb_font_set_scale(font, Int32(upem), Int32(upem))
        self.font = font
        self.unitsPerEm = upem
        var constants: [String: Double] = [:]
        for (i, name) in MathFontTable.constantNames.enumerated() {
            let v = Double(hb_ot_math_get_constant(font, hb_ot_math_constant_t(rawValue: UInt32(i))))
            constants[name] = name.hasSuffix("Percent") || name.hasSuffix("PercentScaleDown") ? v / 100 : v / upem
        }
        self.constants = constants
    }

    deinit { hb_font_destroy(font) }

    /// A constant by its OpenType name ("axisHeight", "fractionRuleThickness", …); nil for an unknown name.
    public subscript(_ name: String) -> Double? { constants[name] }

    /// Whether the font has a glyph for `scalar`.
    public func hasGlyph(_ scalar: Unicode.Scalar) -> Bool { glyph(scalar) != nil }

    /// The italic correction of `scalar`'s glyph in ems (0 when the table gives none).
    public func italicCorrection(_ scalar: Unicode.Scalar) -> Double {
        guard let g = glyph(scalar) else { return 0 }
        return Double(hb_ot_math_get_glyph_italics_correction(font, g)) / unitsPerEm
    }

    /// Where an accent centres over `scalar`'s glyph, in ems from its left edge (half the advance when
    /// the table gives none).
    public func topAccentAttachment(_ scalar: Unicode.Scalar) -> Double {
        guard let g = glyph(scalar) else { return 0 }
        return Double(hb_ot_math_get_glyph_top_accent_attachment(font, g)) / unitsPerEm
    }

    /// The horizontal advance of `scalar`'s glyph in ems.
    public func advance(_ scalar: Unicode.Scalar) -> Double {
        guard let g = glyph(scalar) else { return 0 }
        return Double(hb_font_get_glyph_h_advance(font, g)) / unitsPerEm
    }

    func glyph(_ scalar: Unicode.Scalar) -> hb_codepoint_t? {
        var g: hb_codepoint_t = 0
        return hb_font_get_nominal_glyph(font, scalar.value, &g) != 0 ? g : nil
    }
}
