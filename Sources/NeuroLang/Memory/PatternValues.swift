import NeuroEngine
import NeuroUnits

/// Patterns of ±1 as neuro values: lists of the numbers 1 and -1, checked where a call takes them.
extension CallContext {
  /// A value written at `span` as a pattern: a non-empty list of +1 and −1; `what` names it in errors.
  func pattern(_ value: Value, _ what: String, at span: Span) throws -> [Int8] {
    let hint = "a pattern is a list of 1 and -1, such as letter(\"A\") or random_pattern(100)"
    guard case .list(let items) = value else {
      throw failure("\(what) must be a pattern, found \(value.describedKind)", at: span, hint: hint)
    }
    guard !items.isEmpty else { throw failure("\(what) is an empty list", at: span, hint: hint) }
    return try items.enumerated().map { i, item in
      guard case .quantity(let q) = item, q.dimension.isDimensionless, q.value == 1 || q.value == -1 else {
        var found = item.describedKind
        if case .quantity(let q) = item, q.dimension.isDimensionless { found = formatNumber(q.value) }
        throw failure("\(what) holds \(found) at \(i), but a pattern holds only 1 and -1", at: span, hint: hint)
      }
      return q.value > 0 ? 1 : -1
    }
  }

  /// The argument as a pattern.
  func pattern(_ argument: CallArgument, _ what: String) throws -> [Int8] {
    try pattern(argument.value, what, at: argument.span)
  }

  /// The argument as a pattern of the size of `network`.
  func pattern(_ argument: CallArgument, _ what: String, for network: HopfieldNetwork) throws -> [Int8] {
    let pattern = try pattern(argument, what)
    guard pattern.count == network.units else {
      throw failure(
        "\(what) has \(pattern.count) units, the network \(network.units)", at: argument.span,
        hint: "a cue is a pattern of the network's size: corrupt(p, 0.1) of a stored p")
    }
    return pattern
  }
}

/// A pattern as a list of plain numbers.
func patternValue(_ pattern: [Int8]) -> Value {
  .list(ValueList(numbers: pattern.map(Double.init), dimension: .none))
}

extension HopfieldNetwork {
  /// `a Hopfield network of 100 units storing 3 patterns`.
  var described: String {
    "a Hopfield network of \(units) units storing \(patterns.count) \(patterns.count == 1 ? "pattern" : "patterns")"
  }
}
