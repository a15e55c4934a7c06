/// A physical dimension: integer exponents of the seven SI base units.
///
/// Lanes: metre, kilogram, second, ampere, kelvin, mole, candela. Arithmetic
/// wraps rather than traps, so no user expression can crash the program.
public struct Dimension: Hashable, Sendable {
  public var exponents: SIMD8<Int32>

  public init(metre: Int32 = 0, kilogram: Int32 = 0, second: Int32 = 0, ampere: Int32 = 0) {
    exponents = SIMD8(metre, kilogram, second, ampere, 0, 0, 0, 0)
  }

  public init(exponents: SIMD8<Int32>) { self.exponents = exponents }

  /// True for plain numbers.
  public var isDimensionless: Bool { exponents == .zero }

  /// The largest absolute exponent (used to refuse absurd powers).
  public var largestExponent: Int32 {
    var m: Int32 = 0
    for i in 0..<8 { m = Swift.max(m, exponents[i] == .min ? .max : abs(exponents[i])) }
    return m
  }

  public static func * (a: Dimension, b: Dimension) -> Dimension {
    Dimension(exponents: a.exponents &+ b.exponents)
  }

  public static func / (a: Dimension, b: Dimension) -> Dimension {
    Dimension(exponents: a.exponents &- b.exponents)
  }

  /// The dimension raised to an integer power.
  public func power(_ n: Int32) -> Dimension {
    Dimension(exponents: exponents &* SIMD8(repeating: n))
  }

  public static let none = Dimension()
  public static let time = Dimension(second: 1)
  public static let current = Dimension(ampere: 1)
  public static let voltage = Dimension(metre: 2, kilogram: 1, second: -3, ampere: -1)
  public static let resistance = Dimension(metre: 2, kilogram: 1, second: -3, ampere: -2)
  public static let conductance = Dimension(metre: -2, kilogram: -1, second: 3, ampere: 2)
  public static let capacitance = Dimension(metre: -2, kilogram: -1, second: 4, ampere: 2)
  public static let frequency = Dimension(second: -1)
  public static let charge = Dimension(second: 1, ampere: 1)
}
