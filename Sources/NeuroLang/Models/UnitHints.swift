import NeuroUnits

/// Hints for mixing two dimensions: the physics that relates them.
enum UnitHints {
  static func hint(_ a: Dimension, _ b: Dimension) -> String? {
    let pair = Set([a, b])
    if pair == [.voltage, .current] { return "Ohm's law turns a current into a voltage: I * R" }
    if pair == [.time, .frequency] { return "a frequency is one over a time: 1 / 10ms is 100 Hz" }
    if pair == [.voltage, .resistance] { return "a voltage over a resistance is a current: V / R" }
    if pair == [.conductance, .resistance] { return "a conductance is one over a resistance: 1 / R" }
    if pair == [.current, .conductance] { return "a conductance times a voltage is a current: g * (V - E)" }
    if a.isDimensionless || b.isDimensionless {
      let unit = (a.isDimensionless ? b : a).naturalSymbol
      return "give the plain number a unit, e.g. 2\(unit)"
    }
    if pair == [.time, .capacitance] || pair == [.time, .resistance] {
      return "a time constant is R * C (or C / g)"
    }
    return nil
  }
}
