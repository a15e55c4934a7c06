import NeuroEngine
import NeuroUnits

/// `drive`: independent Poisson events into each neuron of a group, as if each had sources of its own.
extension Interpreter {
  /// The options `drive … with poisson(…), …` takes.
  static let driveOptions = ["weight", "delay", "tau_syn", "E_rev"]

  /// `drive net with poisson(1000, rate: 20Hz), weight: 0.1mV, delay: 1.5ms`: each neuron of `net` gets
  /// 1000 Poisson sources of its own at 20 Hz, their events acting as a connection's spikes would.
  func drive(_ targetExpr: Expr, _ source: Expr, _ arguments: [ConnectOption], _ span: Span) throws {
    let example = "drive net with poisson(1000, rate: 20Hz), weight: 0.1mV"
    let target = try neurons(targetExpr, "drive")
    guard case .call(let callee, let callArguments) = source.kind, case .name("poisson") = callee.kind else {
      throw failure(
        "a drive's source is poisson(N, rate: R): N independent Poisson sources for each neuron", at: source.span,
        hint: example)
    }
    guard let first = callArguments.first, first.label == nil else {
      throw failure("poisson takes the number of sources for each neuron first", at: source.span, hint: example)
    }
    if let positional = callArguments.dropFirst().first(where: { $0.label == nil }) {
      throw failure(
        "poisson takes named parameters after the number of sources", at: positional.value.span, hint: example)
    }
    if let correlated = callArguments.first(where: { $0.label == "correlation" }), let labelSpan = correlated.labelSpan
    {
      throw failure(
        "a drive's sources are independent: each neuron has its own", at: labelSpan,
        hint: "for shared spikes make an input and connect it: input x = poisson(100, rate: 10Hz, correlation: 0.1)")
    }
    let sources = try sourceCount(first.value)
    let modelExpr = Expr(kind: .call(callee: callee, arguments: Array(callArguments.dropFirst())), span: source.span)
    guard case .model(let model) = try evaluate(modelExpr), model.kind.name == "poisson" else {
      throw failure("a drive's source is poisson(N, rate: R)", at: source.span, hint: example)
    }
    let rate = model.values["rate"] ?? 0
    var options: [String: (Value, Span)] = [:]
    for argument in arguments {
      let label = try optionLabel(
        argument, of: "drive", among: Self.driveOptions, unnamed: "drive takes named options after the source",
        example: example)
      if case .draw = argument.form {
        throw failure(
          "a drive's \(label) is one value for every event", at: argument.value.span, hint: "\(label): a single value")
      }
      options[label] = (try evaluate(argument.value), argument.value.span)
    }
    let channel = try synapticChannel(options, at: span, for: "drive")
    guard case .quantity(let weight)? = options["weight"]?.0 else { return }
    let delay = try options["delay"].map { try synapticDelay($0.0, at: $0.1) } ?? 0
    let isRepeat = world.simulation.allDrives.contains {
      $0.target == target.group && $0.range == target.range && $0.sources == sources && $0.rate == rate
        && $0.weight == weight.value && $0.delay == delay
    }
    guard
      world.simulation.addDrive(
        target: target.group, range: target.range, channel: channel, sources: sources, rate: rate,
        weight: weight.value, delay: delay, seed: world.random.next()) != nil
    else {
      let kind = world.models[target.group]?.kind.name ?? "these"
      throw failure("\(kind) neurons cannot receive a drive; drive lif neurons", at: targetExpr.span)
    }
    let total = Quantity(Double(sources) * rate, .frequency).formatted
    let perStep = formatNumber(Double(sources) * rate * world.simulation.dt, significantDigits: 3)
    host.note(
      "drove \(target.label): \(sources) Poisson \(sources == 1 ? "source" : "sources") a neuron at "
        + "\(Quantity(rate, .frequency).formatted) (\(total) of events, \(perStep) a step), \(weight.formatted) each\n")
    noteRepeatedStimulus(on: target, isRepeat: isRepeat)
  }

  /// The number of sources for each neuron: a whole number from 0 to ten million.
  private func sourceCount(_ expr: Expr) throws -> Int {
    let value = try evaluate(expr)
    guard case .quantity(let q) = value, q.dimension.isDimensionless, q.value == q.value.rounded(), q.value >= 0
    else {
      var found = value.describedKind
      if case .quantity(let q) = value, q.dimension.isDimensionless { found = formatNumber(q.value) }
      throw failure(
        "the number of sources for each neuron must be a whole number from 0 up, found \(found)", at: expr.span,
        hint: "drive net with poisson(1000, rate: 20Hz), weight: 0.1mV")
    }
    guard q.value <= 10_000_000, let count = Int(checking: q.value) else {
      throw failure("\(formatNumber(q.value)) sources a neuron is more than ten million", at: expr.span)
    }
    return count
  }
}
