#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroEngine
import NeuroUnits

/// The functions every program can call.
enum Builtins {
  /// Names written like calls that are forms of their own (`append(xs, v)` names the list it changes):
  /// not values, never redefined, offered by completion and "did you mean" like the built-ins.
  static let forms: Set<String> = ["append"]

  /// Every name the language defines itself (functions, models, forms): never redefined by a user.
  static let reservedNames: Set<String> = Set(all.keys).union(ModelKind.all.keys).union(forms)

  /// Every built-in function by name.
  static let all: [String: Builtin] = Dictionary(
    uniqueKeysWithValues: ([spikes, spikeCount, rate, abs, sqrt, exp, log] + statistics + rounding + lists + randomness
      + simulation + analysis + currents + connectivity + stimuli + plots + plasticity + learning + dynamics
      + memory + coding + receptiveFields + populationAnalysis + fitting + [estimate, wallClock, cores, why, explain])
      .map { ($0.name, $0) })

  /// Built-ins that take only named values: completion inside their calls offers only their labels.
  static let takingOnlyNamedValues: Set<String> = ["estimate"]

  /// Built-ins that print a report of what they give: called on a line of their own, the value is not echoed.
  static let reporting: Set<String> = ["estimate", "why", "explain"]

  /// Built-ins whose text is printed as it is (not quoted) when called on a line of their own.
  static let printingText: Set<String> = ["describe"]

  /// The plotting functions, each giving a figure (their files are in `Plots/`).
  static let plots = [plot, raster, hist, heatmap, image, images, describe]

  static let spikes = Builtin(
    name: "spikes", signature: "neuron or population",
    summary: "the times at which a neuron (or any neuron of a population) fired, as a list"
  ) { c in
    try c.expectPositional(1, "spikes", "spikes(n)")
    let n = try c.neuron(0, for: "spikes")
    return try c.interpreter.numberList(c.interpreter.spikeTimes(of: n), .time, at: c.span.span)
  }

  static let spikeCount = Builtin(
    name: "spike_count", signature: "neuron", summary: "how many times a neuron has fired"
  ) { c in
    try c.expectPositional(1, "spike_count", "spike_count(n)")
    let n = try c.neuron(0, for: "spike_count")
    return .quantity(Quantity(Double(c.interpreter.spikeTimes(of: n).count)))
  }

  static let rate = Builtin(
    name: "rate", signature: "neuron or population",
    summary: "the mean firing rate (per neuron, for a population) over the time simulated"
  ) { c in
    try c.expectPositional(1, "rate", "rate(n)")
    let n = try c.neuron(0, for: "rate")
    let duration = c.interpreter.world.simulation.recordedDuration(n.group)
    guard duration > 0 else {
      throw c.failure(
        "\(n.name) has not been simulated yet, so it has no rate", hint: "run the simulation first: run 100ms")
    }
    return .quantity(
      Quantity(Double(c.interpreter.spikeTimes(of: n).count) / duration / Double(n.range.count), .frequency))
  }

  static let abs = Builtin(name: "abs", signature: "x", summary: "the magnitude of a number, keeping its unit") { c in
    try c.expectPositional(1, "abs", "abs(x)")
    let q = try c.quantity(0, for: "abs")
    return .quantity(Quantity(Swift.abs(q.value), q.dimension))
  }

  static let sqrt = Builtin(
    name: "sqrt", signature: "x", summary: "the square root; units must have even powers (sqrt(4mV^2) is 2 mV)"
  ) { c in
    try c.expectPositional(1, "sqrt", "sqrt(x)")
    let q = try c.quantity(0, for: "sqrt")
    let halves = q.dimension.exponents / 2
    guard halves &* 2 == q.dimension.exponents else {
      throw c.failure("cannot take the square root of \(q.describedKind)", at: c.arguments[0].span)
    }
    guard q.value >= 0 else {
      throw c.failure("cannot take the square root of a negative number", at: c.arguments[0].span)
    }
    return .quantity(Quantity(Glibc.sqrt(q.value), Dimension(exponents: halves)))
  }

  static let exp = plainFunction("exp", "e to the power x (x a plain number)", Glibc.exp)
  static let log = plainFunction("log", "the natural logarithm (x a positive plain number)", Glibc.log)

  static func plainFunction(_ name: String, _ summary: String, _ f: @escaping @Sendable (Double) -> Double) -> Builtin {
    Builtin(name: name, signature: "x", summary: summary) { c in
      try c.expectPositional(1, name, "\(name)(x)")
      let q = try c.quantity(0, for: name)
      guard q.dimension.isDimensionless else {
        throw c.failure(
          "\(name) needs a plain number, found \(q.describedKind)", at: c.arguments[0].span,
          hint: "divide by a unit first, e.g. \(name)(t / 10ms)")
      }
      let result = f(q.value)
      guard result.isFinite else {
        throw c.failure("\(name)(\(formatNumber(q.value))) has no finite value", at: c.arguments[0].span)
      }
      return .quantity(Quantity(result))
    }
  }

  /// The constructor of a model kind: `lif(tau: 10ms, …)` checks every parameter's unit;
  /// `izhikevich(preset: chattering)` starts from a paper's values.
  static func modelConstructor(_ kind: ModelKind) -> Builtin {
    var signature = kind.parameters.map { "\($0.name): \($0.dimension.isDimensionless ? "number" : $0.dimension.word)" }
      .joined(separator: ", ")
    for choice in kind.choices { signature += ", \(choice.name): " + choice.words.joined(separator: "|") }
    if !kind.presets.isEmpty { signature += ", preset: name" }
    signature += ", method: " + kind.methods.map(\.rawValue).joined(separator: "|")
    return Builtin(
      name: kind.name, signature: signature, summary: kind.summary,
      parameterNames: kind.callParameterNames,
      wordParameters: ["method": kind.methods.map(\.rawValue)].merging(
        (kind.presets.isEmpty ? [:] : ["preset": kind.presets.map(\.name)])
          .merging(kind.choices.map { ($0.name, $0.words) }) { a, _ in a }
      ) { a, _ in a },
      checkShape: { arguments, interpreter in try requireNamed(kind, arguments, interpreter) }
    ) { c in
      try buildModel(kind, c)
    }
  }

  private static func buildModel(_ kind: ModelKind, _ c: CallContext) throws -> Value {
    var values: [String: Double] = [:]
    var method = kind.methods[0]
    for argument in c.arguments {
      guard let label = argument.label else { continue }
      if label == "method" {
        method = try integrationMethod(argument, kind, c)
        continue
      }
      if label == "preset", !kind.presets.isEmpty {
        let preset = try chosenPreset(argument, kind, c)
        for (name, value) in preset.values where !c.arguments.contains(where: { $0.label == name }) {
          values[name] = value
        }
        continue
      }
      if let choice = kind.choice(label) {
        values[label] = try chosenWord(argument, choice, kind, c)
        continue
      }
      guard let parameter = kind.parameter(label) else { continue }  // refused by requireNamed
      values[label] = try checkParameter(parameter, argument.value, argument.span, c)
    }
    for parameter in kind.parameters where values[parameter.name] == nil {
      values[parameter.name] = parameter.defaultValue
    }
    if kind.name == ModelKind.lif.name && method == .euler {
      // Euler finds no crossing inside the step: its spikes are on the grid, and the model says so.
      if values["timing"] == 0 {
        throw c.failure(
          "lif by Euler steps sees a spike only at the end of a step: timing: precise needs method: exact",
          hint: "lif(method: euler) or lif(timing: precise)")
      }
      values["timing"] = 1
    }
    if let problem = kind.validate(values) { throw c.failure(problem) }
    return .model(NeuronModel(kind: kind, values: values, method: method))
  }

  /// A model takes named values only, each of its own parameters once: `lif(10ms)`, `lif(foo: 1)` and
  /// `lif(tau: 1ms, tau: 2ms)` are refused before anything is evaluated, with the call written back
  /// labelled (`lif(tau: 10ms)`), `izhikevich(preset: chattering)` for a preset's name, or the closest name.
  private static func requireNamed(_ kind: ModelKind, _ arguments: [Argument], _ interpreter: Interpreter) throws {
    var seen: Set<String> = []
    let names = kind.callParameterNames
    for argument in arguments {
      guard let label = argument.label, let labelSpan = argument.labelSpan else { continue }
      guard seen.insert(label).inserted else {
        throw interpreter.failure("'\(label)' is given twice", at: labelSpan)
      }
      guard names.contains(label) else {
        throw interpreter.failure(
          "\(kind.name) has no parameter '\(label)'", at: labelSpan,
          hint: label == "preset"
            ? "\(kind.name) has no presets; give its parameters: \(names.joined(separator: ", "))"
            : closestName(to: label, among: names).map { "did you mean '\($0)'?" }
              ?? "its parameters are \(names.joined(separator: ", "))")
      }
    }
    guard let argument = arguments.first(where: { $0.label == nil }) else { return }
    var hint: String
    if case .name(let word) = argument.value.kind, kind.preset(word) != nil {
      let rewriting = CallRewriting(source: interpreter.source, callee: kind.name, arguments: arguments)
      hint = "write " + rewriting.rewritten { _, other in other.label == nil ? "preset: \(word)" : nil }
    } else if let rewrite = interpreter.labelledArguments(kind, arguments) {
      hint = "write \(kind.name)(\(rewrite.joined(separator: ", ")))"
    } else {
      let first = kind.parameters[0]
      let value = Quantity(first.defaultValue, first.dimension).typed
      hint = "write e.g. \(kind.name)(\(first.name): \(value))"
    }
    throw interpreter.failure("\(kind.name) takes named parameters", at: argument.value.span, hint: hint)
  }

  /// A parameter value in SI units, after checking its dimension; a value far outside its usual range is a warning.
  static func checkParameter(_ parameter: ModelParameter, _ value: Value, _ span: Span, _ c: CallContext) throws
    -> Double
  {
    let wanted =
      parameter.dimension.isDimensionless
      ? "a plain number" : "a \(parameter.dimension.word) (\(parameter.dimension.naturalSymbol))"
    guard case .quantity(let q) = value else {
      throw c.failure("\(parameter.name) needs \(wanted), found \(value.describedKind)", at: span)
    }
    guard q.dimension == parameter.dimension else {
      let found = q.dimension.isDimensionless ? "the plain number \(formatNumber(q.value))" : q.describedKind
      throw c.failure(
        "\(parameter.name) needs \(wanted), found \(found)", at: span,
        hint: q.dimension.isDimensionless
          ? parameter.unitHint(forPlainNumber: q.value)
          : "\(parameter.name) is \(parameter.meaning.hasPrefix("the ") ? "" : "the ")\(parameter.meaning)")
    }
    if let warning = parameter.rangeWarning(for: q.value) {
      c.interpreter.warn(warning.message, at: span, hint: warning.hint)
    }
    return q.value
  }

  /// The index of the word given to a choice parameter (`f: sigmoid`).
  private static func chosenWord(_ argument: CallArgument, _ choice: ModelChoice, _ kind: ModelKind, _ c: CallContext)
    throws -> Double
  {
    if case .string(let word) = argument.value, let index = choice.words.firstIndex(of: word) { return Double(index) }
    let given: String? = if case .string(let word) = argument.value { word } else { nil }
    throw c.failure(
      "\(kind.name)'s \(choice.name) is one of \(choice.words.joined(separator: ", "))", at: argument.span,
      hint: given.flatMap { closestName(to: $0, among: choice.words) }.map { "did you mean '\($0)'?" }
        ?? "\(choice.name): \(choice.words[0])")
  }

  private static func chosenPreset(_ argument: CallArgument, _ kind: ModelKind, _ c: CallContext) throws -> ModelPreset
  {
    var name: String? = nil
    if case .string(let s) = argument.value { name = s }
    let names = kind.presets.map(\.name)
    guard let name, let preset = kind.preset(name) else {
      throw c.failure(
        "\(kind.name) has no such preset", at: argument.span,
        hint: name.flatMap { closestName(to: $0, among: names) }.map { "did you mean '\($0)'?" }
          ?? "its presets are \(names.joined(separator: ", "))")
    }
    return preset
  }

  private static func integrationMethod(_ argument: CallArgument, _ kind: ModelKind, _ c: CallContext) throws
    -> IntegrationMethod
  {
    var name: String? = nil
    if case .string(let s) = argument.value { name = s }
    let options = kind.methods.map(\.rawValue)
    guard let name, let method = IntegrationMethod(rawValue: name), kind.methods.contains(method) else {
      throw c.failure(
        IntegrationMethod(rawValue: name ?? "") == nil
          ? "unknown integration method" : "\(kind.name) does not use \(name ?? "")",
        at: argument.span, hint: "\(kind.name) integrates with: \(options.joined(separator: ", "))")
    }
    return method
  }

}
