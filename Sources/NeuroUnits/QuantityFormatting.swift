/// How a dimension is printed: a unit made of named base units, with the words
/// a student knows ("voltage", "voltage per time").
public struct DisplayUnit: Sendable {
  /// The leading base unit, whose prefix is chosen per value.
  public var lead: BaseUnit
  public var leadPower: Int32
  /// A fixed trailing part (`/ms`, `²`), with its SI scale.
  public var tailSymbol: String
  public var tailScale: Double
  public var word: String

  /// The display unit for a dimension; nil for plain numbers.
  public static func forDimension(_ d: Dimension) -> DisplayUnit? {
    if d.isDimensionless { return nil }
    if let base = UnitTable.baseUnit(for: d) {
      return DisplayUnit(lead: base, leadPower: 1, tailSymbol: "", tailScale: 1, word: base.word)
    }
    for base in BaseUnit.all {
      for power: Int32 in [2, 3, -1, -2] where base.dimension.power(power) == d {
        let word = power == -1 ? "1/\(base.word)" : "\(base.word) to the power \(power)"
        return DisplayUnit(lead: base, leadPower: power, tailSymbol: "", tailScale: 1, word: word)
      }
    }
    for num in BaseUnit.all {
      for den in BaseUnit.all where num.dimension / den.dimension == d {
        return DisplayUnit(
          lead: num, leadPower: 1, tailSymbol: "/" + den.naturalPrefix.symbol + den.symbol,
          tailScale: 1 / den.naturalPrefix.scale, word: "\(num.word) per \(den.word)")
      }
    }
    for a in BaseUnit.all {
      for b in BaseUnit.all where a.dimension * b.dimension == d {
        return DisplayUnit(
          lead: a, leadPower: 1, tailSymbol: "·" + b.naturalPrefix.symbol + b.symbol,
          tailScale: b.naturalPrefix.scale, word: "\(a.word) × \(b.word)")
      }
    }
    return nil
  }

  /// The unit's symbol with a given prefix on the leading unit.
  public func symbol(_ prefix: UnitPrefix) -> String {
    prefix.symbol + lead.symbol + powerSuffix(leadPower) + tailSymbol
  }

  /// The SI scale of the unit with a given prefix on the leading unit.
  public func scale(_ prefix: UnitPrefix) -> Double {
    var s = 1.0
    for _ in 0..<abs(Int(leadPower)) { s *= prefix.scale }
    if leadPower < 0 { s = 1 / s }
    return s * tailScale
  }

  /// The prefix that puts `value` (in SI) between 1 and 1000 where possible.
  public func bestPrefix(for value: Double) -> UnitPrefix {
    let magnitude = abs(value)
    if magnitude == 0 || !magnitude.isFinite { return lead.naturalPrefix }
    let candidates = leadPower == 1 ? lead.displayPrefixes : [lead.naturalPrefix]
    for prefix in candidates {
      let floor = prefix == lead.naturalPrefix && leadPower == 1 ? lead.naturalFloor : 1
      if magnitude / scale(prefix) >= floor * 0.9999995 { return prefix }
    }
    // Far below the smallest prefix (a rate decaying to 1e-58 Hz) the natural unit reads best: 2.7e-58 Hz.
    guard let smallest = candidates.last, magnitude / scale(smallest) >= 1e-3 else { return lead.naturalPrefix }
    return smallest
  }
}

private func powerSuffix(_ p: Int32) -> String {
  switch p {
  case 1: return ""
  case 2: return "²"
  case 3: return "³"
  case -1: return "⁻¹"
  case -2: return "⁻²"
  default: return "^\(p)"
  }
}

extension Quantity {
  /// The value printed with a well-chosen prefix: `25 mV`, `5 µV`, `10 ms`.
  public var formatted: String {
    if let unit = displayUnit, unit.dimension == dimension {
      return formatNumber(value / unit.scale) + " " + unit.symbol
    }
    guard let display = DisplayUnit.forDimension(dimension) else {
      if dimension.isDimensionless { return formatNumber(value) }
      return formatNumber(value) + " " + dimension.siSymbol
    }
    let prefix = display.bestPrefix(for: value)
    return formatNumber(value / display.scale(prefix)) + " " + display.symbol(prefix)
  }

  /// The value as one types it in neuro, without the space: `25mV`, `10ms` (for hints that can be typed back).
  public var typed: String { formatted.replacing(" ", with: "") }

  /// The unit symbol this value prints with (`mV` for 10 mV), empty for numbers.
  public var displaySymbol: String {
    if let unit = displayUnit, unit.dimension == dimension { return unit.symbol }
    guard let display = DisplayUnit.forDimension(dimension) else {
      return dimension.isDimensionless ? "" : dimension.siSymbol
    }
    return display.symbol(display.bestPrefix(for: value))
  }

  /// The value's kind in words with its unit: `voltage (mV)`, `a plain number`.
  public var describedKind: String {
    if dimension.isDimensionless { return "a plain number" }
    return "\(dimension.word) (\(displaySymbol))"
  }
}

extension Dimension {
  /// What a student calls this dimension: "voltage", "voltage per time".
  public var word: String {
    if isDimensionless { return "number" }
    return DisplayUnit.forDimension(self)?.word ?? "quantity in \(siSymbol)"
  }

  /// The natural unit symbol for this dimension (`mV`, `nA`, `ms`), used in hints.
  public var naturalSymbol: String {
    guard let display = DisplayUnit.forDimension(self) else { return isDimensionless ? "" : siSymbol }
    return display.symbol(display.lead.naturalPrefix)
  }

  /// The dimension in SI base units, as a last resort: `m²·kg·s⁻³`.
  public var siSymbol: String {
    let names = ["m", "kg", "s", "A", "K", "mol", "cd"]
    var parts: [String] = []
    for i in 0..<7 where exponents[i] != 0 {
      parts.append(names[i] + (exponents[i] == 1 ? "" : "^\(exponents[i])"))
    }
    return parts.joined(separator: "·")
  }
}
