import NeuroEngine
import NeuroUnits

/// Populations and inputs: defining them, naming their neurons, recording their state.
extension Interpreter {
  /// The spike times (s) of the neurons a handle covers, in order.
  func spikeTimes(of handle: NeuronHandle) -> [Double] {
    let (times, neurons) = world.simulation.spikeEvents(handle.group)
    if handle.range == 0..<handle.groupSize { return times }
    return zip(times, neurons).filter { handle.range.contains($0.1) }.map(\.0)
  }

  /// `population exc[3200] = lif(…)`
  func definePopulation(_ name: String, _ nameSpan: Span, _ sizeExpr: Expr, _ modelExpr: Expr) throws {
    try refusePoissonOutsideInput(name, modelExpr)
    let sizeValue = try evaluate(sizeExpr)
    guard case .quantity(let q) = sizeValue, q.dimension.isDimensionless, q.value == q.value.rounded(), q.value >= 1
    else {
      throw failure(
        "a population's size must be a whole number of neurons, found \(sizeValue.describedKind)", at: sizeExpr.span)
    }
    guard q.value <= 10_000_000, let size = Int(checking: q.value) else {
      throw failure(
        "\(formatNumber(q.value)) neurons is more than this machine can simulate (10 million at most)",
        at: sizeExpr.span)
    }
    let value = try evaluate(modelExpr)
    guard case .model(let model) = value else {
      throw failure("a population needs a model such as lif(…), found \(value.describedKind)", at: modelExpr.span)
    }
    guard world.fits(Double(size) * MemoryBudget.bytesPerNeuron) else {
      throw failure(
        "\(size) more neurons would need about \(formatBytes(Double(size) * MemoryBudget.bytesPerNeuron)) next to "
          + "the \(formatBytes(world.bytesHeld)) the world holds",
        at: sizeExpr.span, hint: "\(MemoryBudget.described); reset, or use fewer neurons")
    }
    _ = try defineGroup(name, at: nameSpan, seeded(model).makeGroup(count: size), model: model)
  }

  /// The model with a seed of its own drawn from the world's, when its groups draw random numbers.
  func seeded(_ model: NeuronModel) -> NeuronModel {
    guard model.kind.usesSeed else { return model }
    var model = model
    model.values["seed"] = Double(world.random.next() >> 12)
    return model
  }

  /// `input noise = poisson(1000, rate: 10Hz)`: a population of Poisson sources, its size first.
  func defineInput(_ name: String, _ nameSpan: Span, _ source: Expr) throws {
    if case .call(let callee, let arguments) = source.kind, case .name("spike_times") = callee.kind {
      return try defineSpikeTimes(name, nameSpan, arguments, source)
    }
    if case .call(let callee, _) = source.kind, case .name(let kindName) = callee.kind, ModelKind.all[kindName] == nil,
      scope.lookup(kindName) == nil
    {
      let sources = ["poisson", "spike_times"]
      throw failure(
        "there is no source called '\(kindName)'", at: callee.span,
        hint: closestName(to: kindName, among: sources).map { "did you mean '\($0)'?" }
          ?? "input noise = poisson(1000, rate: 10Hz) or input stim = spike_times([10ms, 50ms])")
    }
    guard case .call(let callee, let arguments) = source.kind, let first = arguments.first, first.label == nil else {
      throw failure(
        "an input is a source with its size first", at: source.span, hint: "input noise = poisson(1000, rate: 10Hz)")
    }
    if let positional = arguments.dropFirst().first(where: { $0.label == nil }), case .name(let kindName) = callee.kind,
      let kind = ModelKind.all[kindName]
    {
      throw failure(
        "\(kindName) takes named parameters after the number of sources", at: positional.value.span,
        hint: inputRewrite(name, kind, arguments).map { "write \($0)" } ?? "input noise = poisson(1000, rate: 10Hz)")
    }
    let model = Expr(kind: .call(callee: callee, arguments: Array(arguments.dropFirst())), span: source.span)
    try definePopulation(name, nameSpan, first.value, model)
  }

  /// `input stim = spike_times([10ms, 50ms])`, or a list of lists for several sources.
  private func defineSpikeTimes(_ name: String, _ nameSpan: Span, _ arguments: [Argument], _ source: Expr) throws {
    guard arguments.count == 1, arguments[0].label == nil, case .list(let items) = try evaluate(arguments[0].value)
    else {
      throw failure(
        "spike_times needs a list of times, or a list of lists (one per source)", at: source.span,
        hint: "input stim = spike_times([10ms, 50ms])")
    }
    func times(_ list: some Collection<Value>) throws -> [Double] {
      try list.map { item in
        guard case .quantity(let q) = item, q.dimension == .time, q.value >= 0 else {
          throw failure(
            "spike times must be times that are not negative, found \(item.describedKind)", at: arguments[0].value.span)
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
    if let first = trains.flatMap({ $0 }).min() {
      try checkNotPast(
        first, "its first spike would come", at: arguments[0].value.span, fix: "add the clock (now) to each time")
    }
    _ = try defineGroup(
      name, at: nameSpan, SpikeTimesGroup(times: trains),
      model: NeuronModel(kind: .spikeTimes, values: [:], method: .exact))
  }

  /// The neurons an expression names (a neuron, a population, or a slice of one).
  func neurons(_ expr: Expr, _ role: String) throws -> NeuronHandle {
    try neurons(try evaluate(expr), at: expr.span, role)
  }

  /// A value that must be neurons that still exist, written at `span`.
  func neurons(_ value: Value, at span: Span, _ role: String) throws -> NeuronHandle {
    guard case .neuron(let handle) = value else {
      throw failure("\(role) needs neurons, found \(value.describedKind)", at: span)
    }
    try checkLive(handle, at: span)
    return handle
  }

  /// `record exc.v[0..9]`: from now on, keep that variable of those neurons (`record syn.w[0..9]`:
  /// those weights of a connection).
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
    let object = try evaluate(objectExpr)
    if case .connection(let connection) = object {
      guard variable == "w" else {
        throw failure("a connection records its weights: \(connection.name).w", at: variableSpan)
      }
      return try recordWeights(connection, indices: indices, variableSpan: variableSpan, at: targetExpr.span)
    }
    let handle = try neurons(object, at: objectExpr.span, "record")
    let chosen = indices.map { $0.clamped(to: 0..<handle.range.count) } ?? 0..<handle.range.count
    let neuronsToRecord = chosen.map { handle.range.lowerBound + $0 }
    guard neuronsToRecord.count <= 10_000 else {
      throw failure(
        "recording \(neuronsToRecord.count) neurons every step would take too much memory", at: targetExpr.span,
        hint: "record a slice: \(handle.name).\(variable)[0..99]")
    }
    guard world.simulation.record(handle.group, variable: variable, neurons: neuronsToRecord) else {
      throw failure("\(handle.name) has no state variable '\(variable)'", at: variableSpan)
    }
    world.built.recordings[handle.group, default: [:]][variable] = neuronsToRecord
  }

  /// A neuron index: a whole number that is not negative.
  private func neuronIndex(_ expr: Expr) throws -> Int {
    let i = try wholeIndex(try evaluate(expr), expr)
    guard i >= 0 else { throw failure("a neuron index cannot be negative", at: expr.span) }
    return i
  }

  /// `input x = poisson(200, rate: 15Hz)` for the student's call, the number first and the other
  /// values labelled; nil when a value fits no parameter.
  func inputRewrite(_ name: String, _ kind: ModelKind, _ arguments: [Argument]) -> String? {
    guard let count = arguments.first, count.label == nil,
      let rest = labelledArguments(kind, Array(arguments.dropFirst()))
    else { return nil }
    return "input \(name) = \(kind.name)(\(([source.text(count.value.span)] + rest).joined(separator: ", ")))"
  }

  /// The arguments of a model call written back with each positional value labelled by the first
  /// parameter not given yet that has its dimension (`rate: 15Hz` for `15Hz`; a plain number goes to
  /// the only such parameter, with its unit); nil when a value fits none.
  func labelledArguments(_ kind: ModelKind, _ arguments: [Argument]) -> [String]? {
    let rewriting = CallRewriting(source: source, callee: kind.name, arguments: arguments)
    var free = kind.parameters.filter { parameter in !arguments.contains { $0.label == parameter.name } }
    var parts: [String] = []
    for argument in arguments {
      guard argument.label == nil else {
        parts.append(rewriting.written(argument))
        continue
      }
      guard case .quantity(let q)? = try? evaluate(argument.value) else { return nil }
      if let i = free.firstIndex(where: { $0.dimension == q.dimension }) {
        parts.append("\(free[i].name): \(rewriting.valueText(argument))")
        free.remove(at: i)
      } else if free.count == 1, let written = Value.quantity(q).writtenWithUnit(free[0].dimension) {
        parts.append("\(free[0].name): \(written)")
        free.removeAll()
      } else {
        return nil
      }
    }
    return parts
  }

  /// Refuses Poisson sources made outside `input` (`let x = poisson(200, …)`, `neuron x = poisson(200, …)`):
  /// they are an input, their number first.
  func refusePoissonOutsideInput(_ name: String, _ expr: Expr) throws {
    guard case .call(let callee, let arguments) = expr.kind, case .name(let kindName) = callee.kind,
      kindName == ModelKind.poisson.name, let first = arguments.first, first.label == nil
    else { return }
    throw failure(
      "poisson sources are an input, made with 'input' and their number first", at: expr.span,
      hint: inputRewrite(name, ModelKind.poisson, arguments).map { "write \($0)" }
        ?? "input \(name) = poisson(100, rate: 10Hz)")
  }
}
