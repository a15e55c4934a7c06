import NeuroUnits

/// `why(n)` and `explain(n, at: 42ms)`: what a neuron's membrane potential was made of, printed as a table with
/// bars and given as a record (`why n` and `explain n at 42ms` are the same calls written as statements).
extension Builtins {
  static let why = Builtin(
    name: "why", signature: "neuron, at: time",
    summary: "why a neuron fired: its membrane potential at its last spike (or at: a time) broken into parts in "
      + "mV, the resting level, each injected current, each connection and drive, and the presynaptic neurons "
      + "that did most; prints a table with bars and gives a record {neuron, time, v, threshold, spiked, since, "
      + "start, rest, parts, presynaptic, remainder, exact} (:help why)",
    parameterNames: ["at"]
  ) { c in try explanation(c, "why") }

  static let explain = Builtin(
    name: "explain", signature: "neuron, at: time",
    summary: "what a neuron's membrane potential was made of at a time (at:, or its last spike without one): the "
      + "same table and record as why (:help why)",
    parameterNames: ["at"]
  ) { c in try explanation(c, "explain") }

  /// The call of `why` or `explain`: one neuron, perhaps a time; prints the table and gives the record.
  private static func explanation(_ c: CallContext, _ name: String) throws -> Value {
    let usage = name == "why" ? "why(n)" : "explain(n, at: 42ms)"
    for argument in c.arguments where argument.label != nil && argument.label != "at" {
      throw c.failure(
        "\(name) has no parameter '\(argument.label ?? "")'", at: argument.labelSpan ?? argument.span,
        hint: "write \(name)(n) or \(name)(n, at: 42ms)")
    }
    let positions = c.arguments.indices.filter { c.arguments[$0].label == nil }
    guard let first = positions.first, positions.count == 1 else {
      throw c.failure("\(name) takes one neuron, found \(positions.count) values", hint: "write \(usage)")
    }
    let handle = try c.neuron(first, for: name)
    let times = c.arguments.filter { $0.label == "at" }
    if times.count > 1, let second = times.last {
      throw c.failure("at is given twice", at: second.labelSpan ?? second.span)
    }
    let written = c.interpreter.source.text(c.arguments[first].span)
    let time = try times.first.map { argument -> (Double, Span) in
      guard case .quantity(let q) = argument.value, q.dimension == .time else {
        var plain: Double? = nil
        if case .quantity(let q) = argument.value, q.dimension.isDimensionless { plain = q.value }
        throw c.failure(
          "at needs a time, found \(argument.value.describedKind)", at: argument.span,
          hint: plain.map { "add a unit: \(name) \(written) at \(formatNumber($0))ms" }
            ?? "\(name) \(written) at 42ms")
      }
      return (q.value, argument.span)
    }
    let report = try c.interpreter.explanation(
      of: handle, at: time, written: written, span: c.arguments[first].span,
      name: name)
    c.interpreter.host.write(report.wrapped(width: c.interpreter.host.plot.width))
    return .record(report.record)
  }
}
