/// The one way a floating-point number becomes an integer: checked, or saturating, never trapping.
/// Inlinable, so that the engine's loops get them specialised and as fast as a plain conversion.
extension FixedWidthInteger {
  /// `x` rounded by `rule`, or nil when it is NaN, infinite, or outside this type's range.
  @inlinable
  public init?(checking x: Double, rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) {
    let rounded = x.rounded(rule)
    // Double(Self.max) is exact for narrow types and rounds up to a power of two for 64-bit ones.
    guard rounded.isFinite, rounded >= Double(Self.min), rounded < Double(Self.max) + 1 else { return nil }
    // Through a concrete 64-bit type: the generic conversion from a floating-point value is many times slower.
    self.init(truncatingIfNeeded: rounded < 0x1p63 ? UInt64(bitPattern: Int64(rounded)) : UInt64(rounded))
  }

  /// `x` rounded by `rule` and held within this type's range (NaN becomes zero).
  @inlinable
  public init(saturating x: Double, rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) {
    if x.isNaN {
      self = 0
    } else if let value = Self(checking: x, rounding: rule) {
      self = value
    } else {
      self = x > 0 ? Self.max : Self.min
    }
  }
}
