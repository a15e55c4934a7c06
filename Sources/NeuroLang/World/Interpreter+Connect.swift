import NeuroEngine
import NeuroUnits

/// `connect`: synapses between groups of neurons, their rule, kind, weights and delays.
extension Interpreter {
  /// The options `connect … with` takes.
  public static let connectOptions = [
    "p", "weight", "weights", "delay", "tau_syn", "E_rev", "self", "rule", "in_degree", "out_degree", "plasticity",
  ]

  /// The longest synaptic delay: a spike waits in a queue of one slot per step.
  static let longestDelay = 10.0

  /// `connect exc -> inh with p: 0.02, weight: 1.62mV, tau_syn: 5ms, delay: 1ms`; with a name
  /// (`let syn = connect …`), the connection is also a value under that name.
  func connect(
    _ preExpr: Expr, _ postExpr: Expr, _ arguments: [ConnectOption], name: (String, Span)?, _ span: Span
  ) throws {
    if let (name, nameSpan) = name {
      try checkDefinable(name, at: nameSpan)
      if case .neuron(let held) = scope.lookup(name), world.models[held.group] != nil {
        throw failure(
          "'\(name)' is \(held.isPopulation ? "a population" : "a neuron"); a connection needs a name of its own",
          at: nameSpan, hint: "let syn = connect …")
      }
    }
    let pre = try neurons(preExpr, "connect")
    let post = try neurons(postExpr, "connect")
    var options: [String: (Value, Span)] = [:]
    var draws: [String: Draw] = [:]
    for argument in arguments {
      let label = try optionLabel(
        argument, of: "connect", among: Self.connectOptions, unnamed: "connect takes named options",
        example: "connect a -> b with p: 0.1, weight: 1mV")
      switch argument.form {
      case .word(let rule):
        options[label] = (.string(rule), argument.value.span)
      case .draw(let distribution, let first, let second):
        // weight: normal(1mV, 0.1mV) draws one value per synapse.
        let (draw, dimension) = try synapseDraw(distribution, first, second, argument.value.span)
        draws[label] = draw
        options[label] = (.quantity(Quantity(draw.upperBound, dimension)), argument.value.span)
      case .value:
        options[label] = (try evaluate(argument.value), argument.value.span)
      }
    }
    if let (value, matrixSpan) = options["weights"] {
      let (matrix, dimension) = try weightMatrix(value, pre: pre, post: post, options: options, at: matrixSpan)
      draws["weight"] = .matrix(matrix, columns: post.range.count)
      options["weight"] = (.quantity(Quantity(matrix.first ?? 0, dimension)), matrixSpan)
      options["rule"] = (.string("all_to_all"), matrixSpan)
    }
    let rule = try connectionRule(options, pre: pre, post: post, at: span)
    let channel = try rateChannel(options, pre: pre, post: post, at: span) ?? synapticChannel(options, at: span)
    var weight = Draw.constant(0)
    if let (value, _) = options["weight"], case .quantity(let q) = value {
      weight = draws["weight"] ?? .constant(q.value)
    }
    let delay =
      try options["delay"].map { value, delaySpan -> Draw in
        let checked = try synapticDelay(value, at: delaySpan)
        return draws["delay"] ?? .constant(checked)
      } ?? .constant(0)
    var allowSelf = true
    if let (value, selfSpan) = options["self"] {
      guard case .bool(let b) = value else { throw failure("self must be true or false", at: selfSpan) }
      allowSelf = b
    }
    let plasticity = try options["plasticity"].map { value, ruleSpan in
      try connectionPlasticity(value, at: ruleSpan, channel: channel, weight: weight, delayDrawn: draws["delay"] != nil)
    }
    let expected = Projection.expectedSynapses(rule, pre: pre.range.count, post: post.range.count)
    let weightBytes = plasticity.map { Double($0.bytesPerSynapse) } ?? (draws["weight"] == nil ? 0 : 4)
    let bytesEach = 4.0 + weightBytes + (draws["delay"] == nil ? 0 : 2)
    let delayQueue =
      draws["delay"] == nil ? 0 : (min(65_536, delay.upperBound / world.simulation.dt) + 1) * Double(post.groupSize) * 8
    let plasticBytes = Double(plasticity?.bytesPerProjection(pre: pre.range.count, post: post.range.count) ?? 0)
    let bytes = expected * bytesEach + Double(pre.range.count) * 8 + delayQueue + plasticBytes
    // While the rows are built the target list grows by doubling: twice its size at the peak.
    guard world.fits(2 * bytes) else {
      throw failure(
        "these synapses would need about \(formatBytes(bytes)) of memory (\(formatNumber(expected.rounded())) "
          + "synapses)",
        at: span, hint: "\(MemoryBudget.described); use a smaller connection probability or fewer neurons")
    }
    let started = host.wallClock?()
    let outcome = world.simulation.connect(
      pre: pre.group, preRange: pre.range, post: post.group, postRange: post.range, channel: channel, weight: weight,
      delay: delay, rule: rule, allowSelf: allowSelf, plasticity: plasticity, random: &world.random,
      shouldStop: host.shouldStop)
    let made: Int
    var replacedNote = ""
    switch outcome {
    case .made(let id, let count):
      made = count
      world.built.connections[id] = ConnectionSpec(
        rule: rule, weight: weight, delay: delay, allowSelf: allowSelf, channel: channel,
        plasticity: plasticity, written: source.text(span))
      if let (name, _) = name {
        // The name's earlier connection gives way to this one, as a redefined neuron does.
        if case .connection(let old) = scope.lookup(name), let replaced = world.simulation.projection(old.id) {
          world.simulation.removeConnection(old.id)
          let synapses = replaced.synapseCount == 1 ? "1 synapse" : "\(replaced.synapseCount) synapses"
          replacedNote = "\(name) replaced; its old connection (\(old.label), \(synapses)) went\n"
        }
        scope.define(
          name,
          .connection(
            ConnectionHandle(
              name: name, id: id, label: "\(pre.label) -> \(post.label)",
              weightDimension: Self.weightDimension(of: channel.kind))))
      }
    case .cannotReceive:
      let kind = world.models[post.group]?.kind.name ?? "this"
      throw failure("\(kind) neurons cannot receive synapses yet; connect onto lif neurons", at: postExpr.span)
    case .interrupted:
      throw failure(
        "connect interrupted: no synapses were made", at: span, hint: "a smaller p or fewer neurons draws faster")
    }
    let perSynapse =
      world.simulation.allProjections.last.map { formatNumber($0.bytesPerSynapse, significantDigits: 3) } ?? "0"
    let elapsed = started.flatMap { start in host.wallClock.map { $0() - start } }
    let timing = elapsed.map { " · \(seconds($0)) of wall time · \(perSynapse) bytes per synapse" } ?? ""
    let learning = [plasticity?.stdp.map { _ in "stdp" }, plasticity?.shortTerm.map { _ in "stp" }].compactMap { $0 }
    let plastic = learning.isEmpty ? "" : ", plastic (\(learning.joined(separator: ", ")))"
    host.note(
      "connected \(pre.label) -> \(post.label): \(made) \(made == 1 ? "synapse" : "synapses")\(plastic)\(timing)\n"
        + replacedNote)
  }

  /// `uniform(a, b)` or `normal(mean, sd)` written as a connect option: a draw per synapse.
  private func synapseDraw(_ distribution: ConnectOption.Distribution, _ first: Expr, _ second: Expr, _ span: Span)
    throws
    -> (Draw, Dimension)
  {
    let name = distribution.rawValue
    let (a, b) = (try quantity(first, name), try quantity(second, name))
    guard a.dimension == b.dimension else {
      throw failure("\(name) needs two values of one kind, found \(a.describedKind) and \(b.describedKind)", at: span)
    }
    switch distribution {
    case .uniform: return (.uniform(a.value, b.value), a.dimension)
    case .normal: return (.normal(mean: a.value, sd: b.value), a.dimension)
    }
  }

  /// The dimension of a projection's weights, from the kind of channel it feeds (a voltage when unknown).
  static func weightDimension(of kind: SynapticChannel.Kind?) -> Dimension {
    switch kind {
    case .voltage, .jump, nil: return .voltage
    case .rate: return .none
    case .current: return .current
    case .conductance: return .conductance
    }
  }

  private func connectionRule(_ options: [String: (Value, Span)], pre: NeuronHandle, post: NeuronHandle, at span: Span)
    throws
    -> Projection.Rule
  {
    var rules: [Projection.Rule] = []
    if let (value, ruleSpan) = options["p"] {
      guard case .quantity(let q) = value, q.dimension.isDimensionless, q.value >= 0, q.value <= 1 else {
        throw failure("p is a probability from 0 to 1", at: ruleSpan, hint: "p: 0.02")
      }
      rules.append(.probability(q.value))
    }
    for key in ["in_degree", "out_degree"] {
      guard let (value, degreeSpan) = options[key] else { continue }
      guard case .quantity(let q) = value, q.dimension.isDimensionless, q.value == q.value.rounded(), q.value >= 0
      else {
        throw failure("\(key) is a whole number of synapses", at: degreeSpan)
      }
      let limit = key == "in_degree" ? pre.range.count : post.range.count
      guard let degree = Int(checking: q.value), degree <= limit else {
        throw failure("\(key) \(formatNumber(q.value)) is more than the \(limit) neurons there are", at: degreeSpan)
      }
      rules.append(key == "in_degree" ? .inDegree(degree) : .outDegree(degree))
    }
    if let (value, ruleSpan) = options["rule"] {
      guard case .string(let name) = value, ["all_to_all", "one_to_one"].contains(name) else {
        throw failure(
          "unknown connection rule", at: ruleSpan,
          hint: "rule: all_to_all or rule: one_to_one (or p:, in_degree:, out_degree:)")
      }
      rules.append(name == "all_to_all" ? .allToAll : .oneToOne)
    }
    guard rules.count == 1, let rule = rules.first else {
      throw failure(
        rules.isEmpty ? "connect needs a rule" : "connect takes one rule, found \(rules.count)", at: span,
        hint: "p: 0.02 (probability), in_degree: 80, out_degree: 80, rule: all_to_all or rule: one_to_one")
    }
    return rule
  }

  /// The label of a `connect` or `drive` option, which must be one of `known`.
  func optionLabel(
    _ argument: ConnectOption, of statement: String, among known: [String], unnamed: String, example: String
  ) throws -> String {
    guard let label = argument.label, let labelSpan = argument.labelSpan else {
      throw failure(unnamed, at: argument.value.span, hint: example)
    }
    guard known.contains(label) else {
      throw failure(
        "\(statement) has no option '\(label)'", at: labelSpan,
        hint: closestName(to: label, among: known).map { "did you mean '\($0)'?" }
          ?? "its options are \(known.joined(separator: ", "))")
    }
    return label
  }

  /// A delay option's value (s): a time from 0 to the longest a spike can wait.
  func synapticDelay(_ value: Value, at delaySpan: Span) throws -> Double {
    guard case .quantity(let q) = value, q.dimension == .time, q.value >= 0 else {
      throw failure(
        "delay must be a time that is not negative", at: delaySpan,
        hint: optionHint(value, .time, "delay", or: "delay: 1ms"))
    }
    guard q.value <= Self.longestDelay else {
      throw failure(
        "a delay of \(q.formatted) is longer than the \(Quantity(Self.longestDelay, .time).formatted) a spike "
          + "can wait",
        at: delaySpan, hint: "delay: 1ms")
    }
    return q.value
  }

  /// The kind of synapse follows from the weight's unit: a voltage jumps v (or, with tau_syn, is a
  /// current in voltage units), a current decays with tau_syn, a conductance also needs E_rev.
  func synapticChannel(_ options: [String: (Value, Span)], at span: Span, for statement: String = "connect") throws
    -> SynapticChannel
  {
    guard let (weightValue, weightSpan) = options["weight"] else {
      throw failure(
        "\(statement) needs a weight", at: span,
        hint: "weight: 1.62mV (a jump of v), 50pA (a current) or 5nS (a conductance)")
    }
    guard case .quantity(let weight) = weightValue else {
      throw failure("weight must be a number with a unit, found \(weightValue.describedKind)", at: weightSpan)
    }
    var tau: Double? = nil
    if let (value, tauSpan) = options["tau_syn"] {
      guard case .quantity(let q) = value, q.dimension == .time, q.value > 0 else {
        throw failure(
          "tau_syn must be a positive time", at: tauSpan, hint: optionHint(value, .time, "tau_syn", or: "tau_syn: 5ms"))
      }
      tau = q.value
    }
    switch weight.dimension {
    case .voltage:
      return SynapticChannel(kind: tau == nil ? .jump : .voltage, tau: tau ?? 1)
    case .current:
      return SynapticChannel(kind: .current, tau: tau ?? 5e-3)
    case .conductance:
      guard let (value, reversalSpan) = options["E_rev"] else {
        throw failure(
          "a conductance synapse needs its reversal potential", at: weightSpan,
          hint: "E_rev: 0mV (excitatory) or E_rev: -80mV (inhibitory)")
      }
      guard case .quantity(let q) = value, q.dimension == .voltage else {
        throw failure(
          "E_rev must be a voltage", at: reversalSpan, hint: optionHint(value, .voltage, "E_rev", or: "E_rev: 0mV"))
      }
      return SynapticChannel(kind: .conductance(reversal: q.value), tau: tau ?? 5e-3)
    default:
      throw failure(
        "a weight must be a voltage (mV), a current (pA) or a conductance (nS), not \(weight.describedKind)",
        at: weightSpan)
    }
  }

  /// The hint for a bad `label: value` option: the student's plain number with the unit, else an example.
  func optionHint(_ value: Value, _ dimension: Dimension, _ label: String, or example: String) -> String {
    value.writtenWithUnit(dimension).map { "add a unit: \(label): \($0)" } ?? example
  }
}
