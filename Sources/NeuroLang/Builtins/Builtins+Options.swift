import NeuroUnits

/// Checks shared by the named options of many built-ins: a positive quantity of one kind, a seed.
extension Builtins {
  /// A positive quantity of `dimension` given as an option, at most `limit` (SI), or `fallback` when it is absent.
  static func positiveOption(
    _ argument: CallArgument?, _ name: String, _ dimension: Dimension, default fallback: Double, atMost limit: Double,
    _ c: CallContext
  ) throws -> Double {
    guard let argument else { return fallback }
    guard case .quantity(let q) = argument.value, q.dimension == dimension, q.value > 0, q.value <= limit else {
      let written = Quantity(fallback, dimension).typed
      throw c.failure(
        "\(name) must be a positive \(dimension.isDimensionless ? "number" : dimension.word) of at most "
          + Quantity(limit, dimension).formatted,
        at: argument.span, hint: c.interpreter.optionHint(argument.value, dimension, name, or: "\(name): \(written)"))
    }
    return q.value
  }

  /// A plain-number option (positive when `positive`), or `fallback` when it is absent.
  static func plainOption(
    _ argument: CallArgument?, _ name: String, default fallback: Double, positive: Bool = false, _ c: CallContext
  ) throws -> Double {
    guard let argument else { return fallback }
    guard case .quantity(let q) = argument.value, q.dimension.isDimensionless, q.value.isFinite,
      !positive || q.value > 0
    else {
      throw c.failure(
        "\(name) is a \(positive ? "positive " : "")plain number", at: argument.span,
        hint: "\(name): \(formatNumber(fallback))")
    }
    return q.value
  }

  /// `seed: 7`: a whole number from 0 to 2³¹ − 1 (1 when absent).
  static func seedOption(_ argument: CallArgument?, _ c: CallContext) throws -> UInt64 {
    UInt64(try argument.map { try count($0, "seed", c, at: 0...Int(Int32.max)) } ?? 1)
  }
}
