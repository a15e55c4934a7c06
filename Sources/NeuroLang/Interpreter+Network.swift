import NeuroEngine
import NeuroPlot
import NeuroUnits

/// Populations, connections, inputs and what is recorded of them.
extension Interpreter {
  /// The spike times (s) of the neurons a handle covers, in order.
  func spikeTimes(of handle: NeuronHandle) -> [Double] {
    let (steps, neurons) = simulation.spikes(handle.group)
    let dt = simulation.dt
    if handle.range == 0..<handle.groupSize { return steps.map { Double($0) * dt } }
    return zip(steps, neurons).filter { handle.range.contains($0.1) }.map { Double($0.0) * dt }
  }

  /// The longest synaptic delay: a spike waits in a queue of one slot per step.
  static let longestDelay = 10.0

  /// `population exc[3200] = lif(…)`
  func definePopulation(_ name: String, _ nameSpan: Span, _ sizeExpr: Expr, _ modelExpr: Expr) throws {
    let sizeValue = try evaluate(sizeExpr)
    guard case .quantity(let q) = sizeValue, q.dimension.isDimensionless, q.value == q.value.rounded(), q.value >= 1 else {
      throw failure("a population's size must be a whole number of neurons, found \(sizeValue.describedKind)", at: sizeExpr.span)
    }
    guard q.value <= 10_000_000, let size = Int(checking: q.value) else {
      throw failure("\(formatNumber(q.value)) neurons is more than this machine can simulate (10 million at most)", at: sizeExpr.span)
    }
    let value = try evaluate(modelExpr)
    guard case .model(var model) = value else {
      throw failure("a population needs a model such as lif(…), found \(value.describedKind)", at: modelExpr.span)
    }
    try checkNewGroupName(name, at: nameSpan)
    guard memoryFits(Double(size) * MemoryBudget.bytesPerNeuron) else {
      throw failure("\(size) more neurons would need about \(formatBytes(Double(size) * MemoryBudget.bytesPerNeuron)) next to the \(formatBytes(worldBytes)) the world holds",
                    at: sizeExpr.span, hint: "\(MemoryBudget.described); reset, or use fewer neurons")
    }
    if model.kind.name == ModelKind.poisson.name { model.values["seed"] = Double(random.next() >> 12) }
    let group = simulation.add(model.makeGroup(count: size))
    scope.define(name, .neuron(NeuronHandle(name: name, group: group, range: 0..<size, groupSize: size)))
    neuronOrder.append(group)
    neuronNames[group] = name
    neuronModels[group] = model
  }

  /// `input noise = poisson(1000, rate: 10Hz)`: a population of Poisson sources, its size first.
  func defineInput(_ name: String, _ nameSpan: Span, _ source: Expr) throws {
    if case .call(let callee, let arguments) = source.kind, case .name("spike_times") = callee.kind {
      return try defineSpikeTimes(name, nameSpan, arguments, source)
    }
    guard case .call(let callee, let arguments) = source.kind, let first = arguments.first, first.label == nil else {
      throw failure("an input is a source with its size first", at: source.span, hint: "input noise = poisson(1000, rate: 10Hz)")
    }
    let model = Expr(kind: .call(callee: callee, arguments: Array(arguments.dropFirst())), span: source.span)
    try definePopulation(name, nameSpan, first.value, model)
  }

  /// `input stim = spike_times([10ms, 50ms])`, or a list of lists for several sources.
  private func defineSpikeTimes(_ name: String, _ nameSpan: Span, _ arguments: [Argument], _ source: Expr) throws {
    guard arguments.count == 1, arguments[0].label == nil, case .list(let items) = try evaluate(arguments[0].value) else {
      throw failure("spike_times needs a list of times, or a list of lists (one per source)", at: source.span,
                    hint: "input stim = spike_times([10ms, 50ms])")
    }
    func times(_ list: [Value]) throws -> [Double] {
      try list.map { item in
        guard case .quantity(let q) = item, q.dimension == .time, q.value >= 0 else {
          throw failure("spike times must be times that are not negative, found \(item.describedKind)", at: arguments[0].value.span)
        }
        return q.value
      }.sorted()
    }
    let trains: [[Double]]
    if case .list? = items.first {
      trains = try items.map { item in
        guard case .list(let inner) = item else {
          throw failure("a list of lists needs every item to be a list", at: arguments[0].value.span)
        }
        return try times(inner)
      }
    } else {
      trains = [try times(items)]
    }
    try checkNewGroupName(name, at: nameSpan)
    let group = simulation.add(SpikeTimesGroup(times: trains))
    scope.define(name, .neuron(NeuronHandle(name: name, group: group, range: 0..<trains.count, groupSize: trains.count)))
    neuronOrder.append(group)
    neuronNames[group] = name
    neuronModels[group] = NeuronModel(kind: .spikeTimes, values: [:], method: .exact)
  }

  /// A population or input needs a name that is not a built-in and names no neurons yet.
  private func checkNewGroupName(_ name: String, at span: Span) throws {
    try checkDefinable(name, at: span)
    if case .neuron = scope.lookup(name) {
      throw failure("'\(name)' already names neurons of the simulation", at: span,
                    hint: "choose another name, or start afresh with :reset")
    }
  }

  /// `connect exc -> inh with p: 0.02, weight: 1.62mV, tau_syn: 5ms, delay: 1ms`
  func connect(_ preExpr: Expr, _ postExpr: Expr, _ arguments: [Argument], _ span: Span) throws {
    let pre = try neurons(preExpr, "connect")
    let post = try neurons(postExpr, "connect")
    var options: [String: (Value, Span)] = [:]
    var draws: [String: Draw] = [:]
    for argument in arguments {
      guard let label = argument.label, let labelSpan = argument.labelSpan else {
        throw failure("connect takes named options", at: argument.value.span, hint: "connect a -> b with p: 0.1, weight: 1mV")
      }
      let known = ["p", "weight", "delay", "tau_syn", "E_rev", "self", "rule", "in_degree", "out_degree"]
      guard known.contains(label) else {
        throw failure("connect has no option '\(label)'", at: labelSpan,
                      hint: closestName(to: label, among: known).map { "did you mean '\($0)'?" } ?? "its options are \(known.joined(separator: ", "))")
      }
      if label == "rule", case .name(let rule) = argument.value.kind {
        options[label] = (.string(rule), argument.value.span)
      } else if ["weight", "delay"].contains(label), let (draw, dimension) = try distribution(argument.value) {
        // weight: normal(1mV, 0.1mV) draws one value per synapse.
        draws[label] = draw
        options[label] = (.quantity(Quantity(draw.upperBound, dimension)), argument.value.span)
      } else {
        options[label] = (try evaluate(argument.value), argument.value.span)
      }
    }
    let rule = try connectionRule(options, pre: pre, post: post, at: span)
    let channel = try synapticChannel(options, at: span)
    var weight = Draw.constant(0)
    if let (value, _) = options["weight"], case .quantity(let q) = value { weight = draws["weight"] ?? .constant(q.value) }
    let delay = try options["delay"].map { value, delaySpan -> Draw in
      guard case .quantity(let q) = value, q.dimension == .time, q.value >= 0 else {
        throw failure("delay must be a time that is not negative", at: delaySpan, hint: "delay: 1ms")
      }
      guard q.value <= Self.longestDelay else {
        throw failure("a delay of \(q.formatted) is longer than the \(Quantity(Self.longestDelay, .time).formatted) a spike can wait",
                      at: delaySpan, hint: "delay: 1ms")
      }
      return draws["delay"] ?? .constant(q.value)
    } ?? .constant(0)
    var allowSelf = true
    if let (value, selfSpan) = options["self"] {
      guard case .bool(let b) = value else { throw failure("self must be true or false", at: selfSpan) }
      allowSelf = b
    }
    let expected = Projection.expectedSynapses(rule, pre: pre.range.count, post: post.range.count)
    let bytesEach = 4.0 + (draws["weight"] == nil ? 0 : 4) + (draws["delay"] == nil ? 0 : 2)
    let delayQueue = draws["delay"] == nil ? 0 : (min(65_536, delay.upperBound / simulation.dt) + 1) * Double(post.groupSize) * 8
    let bytes = expected * bytesEach + Double(pre.range.count) * 8 + delayQueue
    // While the rows are built the target list grows by doubling: twice its size at the peak.
    guard memoryFits(2 * bytes) else {
      throw failure("these synapses would need about \(formatBytes(bytes)) of memory (\(formatNumber(expected.rounded())) synapses)",
                    at: span, hint: "\(MemoryBudget.described); use a smaller connection probability or fewer neurons")
    }
    let clock = ContinuousClock.now
    guard let made = simulation.connect(
      pre: pre.group, preRange: pre.range, post: post.group, postRange: post.range, channel: channel, weight: weight,
      delay: delay, rule: rule, allowSelf: allowSelf, random: &random)
    else {
      let kind = neuronModels[post.group]?.kind.name ?? "this"
      throw failure("\(kind) neurons cannot receive synapses yet; connect onto lif neurons", at: postExpr.span)
    }
    let perSynapse = simulation.allProjections.last.map { formatNumber($0.bytesPerSynapse, significantDigits: 3) } ?? "0"
    let timing = host.showTiming ? " · \(seconds(ContinuousClock.now - clock)) of wall time · \(perSynapse) bytes per synapse" : ""
    host.write("connected \(pre.label) -> \(post.label): \(made) \(made == 1 ? "synapse" : "synapses")\(timing)\n")
  }

  /// `uniform(a, b)` or `normal(mean, sd)` written as a connect option: a draw per synapse.
  private func distribution(_ expr: Expr) throws -> (Draw, Dimension)? {
    guard case .call(let callee, let arguments) = expr.kind, case .name(let name) = callee.kind,
          ["uniform", "normal"].contains(name), arguments.count == 2, arguments.allSatisfy({ $0.label == nil }) else { return nil }
    let (a, b) = (try quantity(arguments[0].value, name), try quantity(arguments[1].value, name))
    guard a.dimension == b.dimension else {
      throw failure("\(name) needs two values of one kind, found \(a.describedKind) and \(b.describedKind)", at: expr.span)
    }
    return (name == "uniform" ? .uniform(a.value, b.value) : .normal(mean: a.value, sd: b.value), a.dimension)
  }

  /// The dimension of a projection's weights, from the kind of channel it feeds.
  func weightDimension(of projection: Projection) -> Dimension {
    guard let lif = simulation.group(projection.post) as? LIFGroup, projection.channel < lif.channels.count else { return .voltage }
    switch lif.channels[projection.channel].kind {
    case .voltage, .jump: return .voltage
    case .current: return .current
    case .conductance: return .conductance
    }
  }

  /// `heatmap weights(a, b)`: a matrix (a list of lists of numbers) as shaded cells.
  func heatmap(_ expr: Expr) throws {
    guard case .list(let rows) = try evaluate(expr), !rows.isEmpty else {
      throw failure("heatmap needs a matrix: a list of lists of numbers", at: expr.span, hint: "heatmap weights(exc[0..29], exc[0..29])")
    }
    var dimension: Dimension? = nil
    let matrix = try rows.map { row -> [Double] in
      guard case .list(let items) = row else { throw failure("heatmap needs a list of lists of numbers", at: expr.span) }
      return try items.map { item -> Double in
        guard case .quantity(let q) = item else { throw failure("heatmap needs numbers", at: expr.span) }
        if dimension == nil { dimension = q.dimension }
        guard q.dimension == dimension else { throw failure("heatmap needs numbers of one kind", at: expr.span) }
        return q.value
      }
    }
    let unit = Table.commonUnit(matrix.flatMap { $0 }.map { Quantity($0, dimension ?? .none) })
    let scaled = matrix.map { $0.map { $0 / unit.scale } }
    host.write(renderHeatmap(scaled, title: "\(matrix.count) × \(matrix.map(\.count).max() ?? 0)", rowLabel: "row", columnLabel: "column",
                             unit: unit.symbol, style: host.plot.style, width: host.plot.width))
  }

  /// The neurons an expression names (a neuron, a population, or a slice of one).
  func neurons(_ expr: Expr, _ role: String) throws -> NeuronHandle {
    let value = try evaluate(expr)
    guard case .neuron(let handle) = value else {
      throw failure("\(role) needs neurons, found \(value.describedKind)", at: expr.span)
    }
    return handle
  }

  private func connectionRule(_ options: [String: (Value, Span)], pre: NeuronHandle, post: NeuronHandle, at span: Span) throws
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
      guard case .quantity(let q) = value, q.dimension.isDimensionless, q.value == q.value.rounded(), q.value >= 0 else {
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
        throw failure("unknown connection rule", at: ruleSpan, hint: "rule: all_to_all or rule: one_to_one (or p:, in_degree:, out_degree:)")
      }
      rules.append(name == "all_to_all" ? .allToAll : .oneToOne)
    }
    guard rules.count == 1, let rule = rules.first else {
      throw failure(rules.isEmpty ? "connect needs a rule" : "connect takes one rule, found \(rules.count)", at: span,
                    hint: "p: 0.02 (probability), in_degree: 80, out_degree: 80, rule: all_to_all or rule: one_to_one")
    }
    return rule
  }

  /// The kind of synapse follows from the weight's unit: a voltage jumps v (or, with tau_syn, is a
  /// current in voltage units), a current decays with tau_syn, a conductance also needs E_rev.
  private func synapticChannel(_ options: [String: (Value, Span)], at span: Span) throws -> SynapticChannel {
    guard let (weightValue, weightSpan) = options["weight"] else {
      throw failure("connect needs a weight", at: span, hint: "weight: 1.62mV (a jump of v), 50pA (a current) or 5nS (a conductance)")
    }
    guard case .quantity(let weight) = weightValue else {
      throw failure("weight must be a number with a unit, found \(weightValue.describedKind)", at: weightSpan)
    }
    var tau: Double? = nil
    if let (value, tauSpan) = options["tau_syn"] {
      guard case .quantity(let q) = value, q.dimension == .time, q.value > 0 else {
        throw failure("tau_syn must be a positive time", at: tauSpan, hint: "tau_syn: 5ms")
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
        throw failure("a conductance synapse needs its reversal potential", at: weightSpan, hint: "E_rev: 0mV (excitatory) or E_rev: -80mV (inhibitory)")
      }
      guard case .quantity(let q) = value, q.dimension == .voltage else {
        throw failure("E_rev must be a voltage", at: reversalSpan)
      }
      return SynapticChannel(kind: .conductance(reversal: q.value), tau: tau ?? 5e-3)
    default:
      throw failure("a weight must be a voltage (mV), a current (pA) or a conductance (nS), not \(weight.describedKind)",
                    at: weightSpan)
    }
  }

  /// `record exc.v[0..9]`: from now on, keep that variable of those neurons.
  func record(_ targetExpr: Expr) throws {
    var target = targetExpr
    var indices: Range<Int>? = nil
    if case .slice(let inner, let from, let to) = target.kind {
      let lower = try from.map { try neuronIndex($0) } ?? 0
      let upper = try to.map { try neuronIndex($0) + 1 } ?? Int.max
      indices = lower..<max(lower, upper)
      target = inner
    } else if case .index(let inner, let index) = target.kind {
      let i = try neuronIndex(index)
      indices = i..<(i + 1)
      target = inner
    }
    guard case .member(let objectExpr, let variable, let variableSpan) = target.kind else {
      throw failure("record needs a state variable of neurons, such as exc.v[0..9]", at: targetExpr.span)
    }
    let handle = try neurons(objectExpr, "record")
    let chosen = indices.map { $0.clamped(to: 0..<handle.range.count) } ?? 0..<handle.range.count
    let neuronsToRecord = chosen.map { handle.range.lowerBound + $0 }
    guard neuronsToRecord.count <= 10_000 else {
      throw failure("recording \(neuronsToRecord.count) neurons every step would take too much memory", at: targetExpr.span,
                    hint: "record a slice: \(handle.name).\(variable)[0..99]")
    }
    guard simulation.record(handle.group, variable: variable, neurons: neuronsToRecord) else {
      throw failure("\(handle.name) has no state variable '\(variable)'", at: variableSpan)
    }
  }

  /// A neuron index: a whole number that is not negative.
  private func neuronIndex(_ expr: Expr) throws -> Int {
    let i = try wholeIndex(try evaluate(expr), expr)
    guard i >= 0 else { throw failure("a neuron index cannot be negative", at: expr.span) }
    return i
  }

  /// `raster exc from 0ms to 200ms`: a dot for every spike, time across, neuron down.
  func raster(_ targetExpr: Expr, from: Expr?, to: Expr?) throws {
    let handle = try neurons(targetExpr, "raster")
    let (steps, indices) = simulation.spikes(handle.group)
    let dt = simulation.dt
    let start = try from.map { try time($0, "'from'") } ?? 0
    let end = try to.map { try time($0, "'to'") } ?? simulation.time
    guard end > start else { throw failure("nothing has been simulated yet", at: targetExpr.span, hint: "run 100ms first") }
    var points: [(Double, Double)] = []
    for (step, neuron) in zip(steps, indices) where handle.range.contains(neuron) {
      let t = Double(step) * dt
      if t >= start && t <= end { points.append((t * 1e3, Double(neuron))) }
    }
    var options = RasterOptions()
    options.width = host.plot.width
    options.height = host.plot.height
    options.style = host.plot.style
    options.color = host.plot.color
    options.title = "\(handle.label): \(points.count) spikes"
    options.timeRange = (start * 1e3)...(end * 1e3)
    options.neuronRange = Double(handle.range.lowerBound)...Double(max(handle.range.lowerBound, handle.range.upperBound - 1))
    host.write(renderRaster(points, options: options))
  }
}
