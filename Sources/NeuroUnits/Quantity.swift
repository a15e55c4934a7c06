/// A number with a physical dimension, its value held in SI base units.
public struct Quantity: Hashable, Sendable {
  public var value: Double
  public var dimension: Dimension
  /// The unit to print in (`x as mV`); nil chooses a prefix by size. Not part of equality.
  public var displayUnit: Unit? {
    get { displayUnitBox?.unit }
    set { displayUnitBox = newValue.map(UnitBox.init) }
  }
  /// Kept boxed: a list of a million numbers then holds a pointer each, not a whole unit.
  private var displayUnitBox: UnitBox? = nil

  public static func == (a: Quantity, b: Quantity) -> Bool { a.value == b.value && a.dimension == b.dimension }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(value)
    hasher.combine(dimension)
  }

  public init(_ value: Double, _ dimension: Dimension = .none) {
    self.value = value
    self.dimension = dimension
  }

  /// A quantity written with a unit, e.g. `Quantity(2.5, .nanoampere)`.
  public init(_ value: Double, unit: Unit) {
    self.value = value * unit.scale
    self.dimension = unit.dimension
  }

  /// The value expressed in `unit` (which must have the same dimension).
  public func value(in unit: Unit) -> Double { value / unit.scale }

  public static func * (a: Quantity, b: Quantity) -> Quantity {
    Quantity(a.value * b.value, a.dimension * b.dimension)
  }

  public static func / (a: Quantity, b: Quantity) -> Quantity {
    Quantity(a.value / b.value, a.dimension / b.dimension)
  }

  public static prefix func - (a: Quantity) -> Quantity { Quantity(-a.value, a.dimension) }
}

/// A unit on the heap, so that a quantity stays small.
private final class UnitBox: Sendable {
  let unit: Unit
  init(_ unit: Unit) { self.unit = unit }
}
