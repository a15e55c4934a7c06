/// A named unit: a symbol with its SI scale and dimension, e.g. `mV` = 1e-3 V.
public struct Unit: Hashable, Sendable {
  public var symbol: String
  public var scale: Double
  public var dimension: Dimension

  public init(symbol: String, scale: Double, dimension: Dimension) {
    self.symbol = symbol
    self.scale = scale
    self.dimension = dimension
  }
}

/// An SI prefix such as `m` (1e-3) or `M` (1e6).
public struct UnitPrefix: Hashable, Sendable {
  public var symbol: String
  public var scale: Double
  /// Other spellings accepted in source (`u` for `µ`).
  public var aliases: [String]

  public static let giga = UnitPrefix(symbol: "G", scale: 1e9, aliases: [])
  public static let mega = UnitPrefix(symbol: "M", scale: 1e6, aliases: [])
  public static let kilo = UnitPrefix(symbol: "k", scale: 1e3, aliases: [])
  public static let one = UnitPrefix(symbol: "", scale: 1, aliases: [])
  public static let milli = UnitPrefix(symbol: "m", scale: 1e-3, aliases: [])
  public static let micro = UnitPrefix(symbol: "µ", scale: 1e-6, aliases: ["u", "\u{03BC}"])
  public static let nano = UnitPrefix(symbol: "n", scale: 1e-9, aliases: [])
  public static let pico = UnitPrefix(symbol: "p", scale: 1e-12, aliases: [])
  public static let femto = UnitPrefix(symbol: "f", scale: 1e-15, aliases: [])

  public static let all: [UnitPrefix] = [giga, mega, kilo, one, milli, micro, nano, pico, femto]
}

/// A base unit with the prefixes it is printed with, and what students call its dimension.
public struct BaseUnit: Sendable {
  public var symbol: String
  /// Other spellings accepted in source (`ohm` for `Ω`).
  public var aliases: [String]
  public var dimension: Dimension
  /// The dimension in words a student knows: "voltage", "current".
  public var word: String
  /// Prefixes used when printing, largest first.
  public var displayPrefixes: [UnitPrefix]
  /// The prefix used to print zero and as a denominator (`mV`, `ms`).
  public var naturalPrefix: UnitPrefix
  /// The smallest value still printed with the natural prefix (0.1 ms, not 100 µs).
  public var naturalFloor: Double = 1

  /// The unit `prefix` + this base unit.
  public func unit(_ prefix: UnitPrefix) -> Unit {
    Unit(symbol: prefix.symbol + symbol, scale: prefix.scale, dimension: dimension)
  }

  public static let second = BaseUnit(
    symbol: "s", aliases: [], dimension: .time, word: "time",
    displayPrefixes: [.one, .milli, .micro, .nano], naturalPrefix: .milli, naturalFloor: 0.01)
  public static let volt = BaseUnit(
    symbol: "V", aliases: [], dimension: .voltage, word: "voltage",
    displayPrefixes: [.kilo, .one, .milli, .micro, .nano], naturalPrefix: .milli, naturalFloor: 0.1)
  public static let ampere = BaseUnit(
    symbol: "A", aliases: [], dimension: .current, word: "current",
    displayPrefixes: [.one, .milli, .micro, .nano, .pico, .femto], naturalPrefix: .nano)
  public static let ohm = BaseUnit(
    symbol: "Ω", aliases: ["ohm", "\u{2126}"], dimension: .resistance, word: "resistance",
    displayPrefixes: [.giga, .mega, .kilo, .one, .milli], naturalPrefix: .mega)
  public static let farad = BaseUnit(
    symbol: "F", aliases: [], dimension: .capacitance, word: "capacitance",
    displayPrefixes: [.one, .milli, .micro, .nano, .pico, .femto], naturalPrefix: .nano)
  public static let siemens = BaseUnit(
    symbol: "S", aliases: [], dimension: .conductance, word: "conductance",
    displayPrefixes: [.one, .milli, .micro, .nano, .pico], naturalPrefix: .nano)
  public static let hertz = BaseUnit(
    symbol: "Hz", aliases: [], dimension: .frequency, word: "frequency",
    displayPrefixes: [.mega, .kilo, .one, .milli], naturalPrefix: .one)
  public static let coulomb = BaseUnit(
    symbol: "C", aliases: [], dimension: .charge, word: "charge",
    displayPrefixes: [.one, .milli, .micro, .nano, .pico, .femto], naturalPrefix: .pico)

  public static let all: [BaseUnit] = [second, volt, ampere, ohm, farad, siemens, hertz, coulomb]
}
