import Foundation
import NeuroEngine
import NeuroUnits

/// The functions every program can call.
enum Builtins {
  /// Every built-in function by name.
  static let all: [String: Builtin] = Dictionary(
    uniqueKeysWithValues: ([spikes, spikeCount, rate, abs, sqrt, exp, log] + statistics + rounding + lists + randomness
                           + simulation + analysis + currents + connectivity + stimuli + plots)
      .map { ($0.name, $0) })

  /// The plotting functions, each giving a figure (their files are in `Plots/`).
  static let plots = [plot, raster, hist, heatmap]

  static let spikes = Builtin(
    name: "spikes", signature: "neuron or population", summary: "the times at which a neuron (or any neuron of a population) fired, as a list"
  ) { c in
    try c.expectPositional(1, "spikes", "spikes(n)")
    let n = try c.neuron(0, for: "spikes")
    return .list(c.interpreter.spikeTimes(of: n).map { .quantity(Quantity($0, .time)) })
  }

  static let spikeCount = Builtin(
    name: "spike_count", signature: "neuron", summary: "how many times a neuron has fired"
  ) { c in
    try c.expectPositional(1, "spike_count", "spike_count(n)")
    let n = try c.neuron(0, for: "spike_count")
    return .quantity(Quantity(Double(c.interpreter.spikeTimes(of: n).count)))
  }

  static let rate = Builtin(
    name: "rate", signature: "neuron or population", summary: "the mean firing rate (per neuron, for a population) over the time simulated"
  ) { c in
    try c.expectPositional(1, "rate", "rate(n)")
    let n = try c.neuron(0, for: "rate")
    let duration = c.interpreter.world.simulation.recordedDuration(n.group)
    guard duration > 0 else {
      throw c.failure("\(n.name) has not been simulated yet, so it has no rate", hint: "run the simulation first: run 100ms")
    }
    return .quantity(Quantity(Double(c.interpreter.spikeTimes(of: n).count) / duration / Double(n.range.count), .frequency))
  }

  static let abs = Builtin(name: "abs", signature: "x", summary: "the magnitude of a number, keeping its unit") { c in
    try c.expectPositional(1, "abs", "abs(x)")
    let q = try c.quantity(0, for: "abs")
    return .quantity(Quantity(Swift.abs(q.value), q.dimension))
  }

  static let sqrt = Builtin(name: "sqrt", signature: "x", summary: "the square root; units must have even powers (sqrt(4mV^2) is 2 mV)") { c in
    try c.expectPositional(1, "sqrt", "sqrt(x)")
    let q = try c.quantity(0, for: "sqrt")
    let halves = q.dimension.exponents / 2
    guard halves &* 2 == q.dimension.exponents else {
      throw c.failure("cannot take the square root of \(q.describedKind)", at: c.arguments[0].value.span)
    }
    guard q.value >= 0 else { throw c.failure("cannot take the square root of a negative number", at: c.arguments[0].value.span) }
    return .quantity(Quantity(Foundation.sqrt(q.value), Dimension(exponents: halves)))
  }

  static let exp = plainFunction("exp", "e to the power x (x a plain number)", Foundation.exp)
  static let log = plainFunction("log", "the natural logarithm (x a positive plain number)", Foundation.log)

  static func plainFunction(_ name: String, _ summary: String, _ f: @escaping @Sendable (Double) -> Double) -> Builtin {
    Builtin(name: name, signature: "x", summary: summary) { c in
      try c.expectPositional(1, name, "\(name)(x)")
      let q = try c.quantity(0, for: name)
      guard q.dimension.isDimensionless else {
        throw c.failure("\(name) needs a plain number, found \(q.describedKind)", at: c.arguments[0].value.span,
                        hint: "divide by a unit first, e.g. \(name)(t / 10ms)")
      }
      let result = f(q.value)
      guard result.isFinite else {
        throw c.failure("\(name)(\(formatNumber(q.value))) has no finite value", at: c.arguments[0].value.span)
      }
      return .quantity(Quantity(result))
    }
  }

  /// The constructor of a model kind: `lif(tau: 10ms, …)` checks every parameter's unit;
  /// `izhikevich(preset: chattering)` starts from a paper's values.
  static func modelConstructor(_ kind: ModelKind) -> Builtin {
    var signature = kind.parameters.map { "\($0.name): \($0.dimension.isDimensionless ? "number" : $0.dimension.word)" }
      .joined(separator: ", ")
    if !kind.presets.isEmpty { signature += ", preset: name" }
    signature += ", method: " + kind.methods.map(\.rawValue).joined(separator: "|")
    return Builtin(name: kind.name, signature: signature, summary: kind.summary,
                   parameterNames: kind.parameters.map(\.name) + (kind.presets.isEmpty ? [] : ["preset"]) + ["method"]) { c in
      try buildModel(kind, c)
    }
  }

  private static func buildModel(_ kind: ModelKind, _ c: CallContext) throws -> Value {
    var values: [String: Double] = [:]
    var method = kind.methods[0]
    var seen: Set<String> = []
    for argument in c.arguments {
      guard let label = argument.label, let labelSpan = argument.labelSpan else {
        let first = kind.parameters[0]
        let example = "e.g. \(kind.name)(\(first.name): \(Quantity(first.defaultValue, first.dimension).formatted.replacingOccurrences(of: " ", with: "")))"
        let rewrite = c.interpreter.labelledArguments(kind, c.arguments).map { "\(kind.name)(\($0.joined(separator: ", ")))" }
        throw c.failure("\(kind.name) takes named parameters", at: argument.value.span, hint: "write \(rewrite ?? example)")
      }
      guard seen.insert(label).inserted else {
        throw c.failure("'\(label)' is given twice", at: labelSpan)
      }
      if label == "method" {
        method = try integrationMethod(argument.value, kind, c)
        continue
      }
      if label == "preset", !kind.presets.isEmpty {
        let preset = try chosenPreset(argument.value, kind, c)
        for (name, value) in preset.values where !c.arguments.contains(where: { $0.label == name }) { values[name] = value }
        continue
      }
      guard let parameter = kind.parameter(label) else {
        let names = kind.parameters.map(\.name) + (kind.presets.isEmpty ? [] : ["preset"]) + ["method"]
        throw c.failure("\(kind.name) has no parameter '\(label)'", at: labelSpan,
                        hint: closestName(to: label, among: names).map { "did you mean '\($0)'?" }
                          ?? "its parameters are \(names.joined(separator: ", "))")
      }
      let value = try c.interpreter.evaluate(argument.value)
      values[label] = try checkParameter(parameter, value, argument.value.span, c)
    }
    for parameter in kind.parameters where values[parameter.name] == nil {
      values[parameter.name] = parameter.defaultValue
    }
    if let problem = kind.validate(values) { throw c.failure(problem) }
    return .model(NeuronModel(kind: kind, values: values, method: method))
  }

  /// A parameter value in SI units, after checking its dimension; a value far outside its usual range is a warning.
  static func checkParameter(_ parameter: ModelParameter, _ value: Value, _ span: Span, _ c: CallContext) throws -> Double {
    let wanted = parameter.dimension.isDimensionless ? "a plain number" : "a \(parameter.dimension.word) (\(parameter.dimension.naturalSymbol))"
    guard case .quantity(let q) = value else {
      throw c.failure("\(parameter.name) needs \(wanted), found \(value.describedKind)", at: span)
    }
    guard q.dimension == parameter.dimension else {
      let found = q.dimension.isDimensionless ? "the plain number \(formatNumber(q.value))" : q.describedKind
      throw c.failure("\(parameter.name) needs \(wanted), found \(found)", at: span,
                      hint: q.dimension.isDimensionless ? parameter.unitHint(forPlainNumber: q.value) : "\(parameter.name) is the \(parameter.meaning)")
    }
    if let warning = parameter.rangeWarning(for: q.value) {
      c.interpreter.warn(warning.message, at: span, hint: warning.hint)
    }
    return q.value
  }

  private static func chosenPreset(_ expr: Expr, _ kind: ModelKind, _ c: CallContext) throws -> ModelPreset {
    var name: String? = nil
    if case .name(let n) = expr.kind { name = n }
    if case .string(let s) = expr.kind { name = s }
    let names = kind.presets.map(\.name)
    guard let name, let preset = kind.preset(name) else {
      throw c.failure("\(kind.name) has no such preset", at: expr.span,
                      hint: name.flatMap { closestName(to: $0, among: names) }.map { "did you mean '\($0)'?" }
                        ?? "its presets are \(names.joined(separator: ", "))")
    }
    return preset
  }

  private static func integrationMethod(_ expr: Expr, _ kind: ModelKind, _ c: CallContext) throws -> IntegrationMethod {
    var name: String? = nil
    if case .name(let n) = expr.kind { name = n }
    if case .string(let s) = expr.kind { name = s }
    let options = kind.methods.map(\.rawValue)
    guard let name, let method = IntegrationMethod(rawValue: name), kind.methods.contains(method) else {
      throw c.failure(IntegrationMethod(rawValue: name ?? "") == nil ? "unknown integration method" : "\(kind.name) does not use \(name ?? "")",
                      at: expr.span, hint: "\(kind.name) integrates with: \(options.joined(separator: ", "))")
    }
    return method
  }

}
