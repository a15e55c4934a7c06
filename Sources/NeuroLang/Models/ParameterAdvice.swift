import NeuroUnits

/// Advice on a built-in model's parameter values, from its table entry: the unit to add to a
/// plain number (in the unit the literature uses), and a warning for a value far outside the
/// usual range, with the unit slip that most likely caused it.
extension ModelParameter {
  /// How far outside the usual range (as a factor) a value must be for a warning: about 100.
  static let implausibleFactor = 99.0

  /// The literature's unit as a scale factor to SI (`/ms` is 1000).
  private var unitScale: Double {
    if unit.hasPrefix("/") { return 1 / (UnitTable.unit(named: String(unit.dropFirst()))?.scale ?? 1) }
    return UnitTable.unit(named: unit)?.scale ?? 1
  }

  /// A SI value written as a literal in the literature's unit: `10ms`, `0.02/ms`, `120mS`.
  func literal(_ value: Double) -> String { formatNumber(value / unitScale) + unit }

  /// The hint for a plain number given to this parameter: the number in the literature's unit,
  /// and, when only the number read in SI base units lies in the usual range, both readings.
  func unitHint(forPlainNumber x: Double) -> String {
    let written = "\(name): \(formatNumber(x))\(unit)"
    if typical != nil, unitScale != 1, factorOutside(x * unitScale) > 1, factorOutside(x) == 1,
      let base = UnitTable.baseUnit(for: dimension)
    {
      return "add a unit: \(name): \(literal(x)) if \(formatNumber(x)) was in \(base.symbol), or \(written)"
    }
    let note = unitNote.map { " (\($0))" } ?? ""
    if unit.hasPrefix("/") {
      return
        "add a unit: \(written)\(note); \(formatNumber(x))\(unit) is \(Quantity(x * unitScale, dimension).formatted)"
    }
    return "add a unit: \(written)\(note)"
  }

  /// Whether a SI value is within the usual range widened by the implausibility factor (true without a range).
  func isPlausible(_ value: Double) -> Bool { factorOutside(value) < Self.implausibleFactor }

  /// How many times a value's magnitude lies beyond the magnitudes of the usual range (1 inside it).
  /// Signs are not judged (a negative adaptation is legitimate), nor a zero.
  func factorOutside(_ value: Double) -> Double {
    guard let typical, value != 0, value.isFinite else { return 1 }
    let magnitude = abs(value)
    let high = max(abs(typical.lowerBound), abs(typical.upperBound))
    let low = typical.contains(0) ? 0 : min(abs(typical.lowerBound), abs(typical.upperBound))
    if magnitude > high { return magnitude / high }
    if low > 0, magnitude < low { return low / magnitude }
    return 1
  }

  /// A warning (message, hint) for a value far outside the usual range, naming the range and,
  /// when a power of a thousand brings it inside, the likely slip of unit prefix.
  func rangeWarning(for value: Double) -> (message: String, hint: String)? {
    guard let typical, !isPlausible(value) else { return nil }
    let range =
      "\(Quantity(typical.lowerBound, dimension).formatted) to \(Quantity(typical.upperBound, dimension).formatted)"
    let message = "\(name) is \(Quantity(value, dimension).formatted), far outside its usual range (\(range))"
    let slips =
      dimension.isDimensionless
      ? [] : [1e3, 1e-3, 1e6, 1e-6, 1e9, 1e-9, 1e12, 1e-12].map { value * $0 }.filter { factorOutside($0) == 1 }
    if let likely = slips.first {
      return (message, "a slip of unit prefix? did you mean \(name): \(literal(likely))?")
    }
    return (message, "the usual \(name) is \(range)")
  }
}
