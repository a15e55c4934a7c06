import NeuroEngine
import NeuroUnits

/// The statements that build and run the simulation: neuron, inject, run, plot.
extension Interpreter {
  func defineNeuron(_ name: String, at nameSpan: Span, _ modelExpr: Expr) throws {
    let value = try evaluate(modelExpr)
    guard case .model(let model) = value else {
      throw failure("a neuron needs a model such as lif(…), found \(value.describedKind)", at: modelExpr.span,
                    hint: "neuron \(name) = lif(tau: 10ms)")
    }
    if name == "dt" || Builtins.all[name] != nil || ModelKind.all[name] != nil {
      throw failure("'\(name)' is a built-in name and cannot name a neuron", at: nameSpan)
    }
    if case .neuron(let old) = scope.lookup(name) {
      if old.isPopulation {
        throw failure("'\(name)' is a population of \(old.groupSize) neurons", at: nameSpan, hint: "give the neuron another name")
      }
      simulation.replace(old.group, with: model.makeGroup(count: 1))
      neuronModels[old.group] = model
    } else {
      let group = simulation.add(model.makeGroup(count: 1))
      scope.define(name, .neuron(NeuronHandle(name: name, group: group)))
      neuronOrder.append(group)
      neuronNames[group] = name
      neuronModels[group] = model
    }
  }

  func inject(_ targetExpr: Expr, _ amountExpr: Expr, from: Expr?, to: Expr?) throws {
    let target = try evaluate(targetExpr)
    guard case .neuron(let handle) = target else {
      throw failure("inject needs a neuron, found \(target.describedKind)", at: targetExpr.span,
                    hint: "make one first: neuron n = lif()")
    }
    let amount = try evaluate(amountExpr)
    var shape = StepCurrent.Shape.constant
    var amplitude = 0.0
    switch amount {
    case .waveform(let w):
      shape = w.shape
      amplitude = w.amplitude
    case .quantity(let q) where q.dimension == .current:
      amplitude = q.value
    default:
      var hint = "inject n 2.5nA"
      if case .quantity(let q) = amount, q.dimension.isDimensionless { hint = "add a unit: \(formatNumber(q.value))nA" }
      if case .quantity(let q) = amount, q.dimension == .voltage { hint = "a voltage over a resistance is a current: V / R" }
      throw failure("inject needs a current (nA), found \(amount.describedKind)", at: amountExpr.span, hint: hint)
    }
    let start = try from.map { try time($0, "'from'") }
    let end = try to.map { try time($0, "'to'") }
    if let start, let end, let to, !(start < end) {
      throw failure("the current must end after it starts (from \(Quantity(start, .time).formatted) to \(Quantity(end, .time).formatted))",
                    at: to.span)
    }
    if case .ramp = shape, end == nil {
      throw failure("a ramp needs the time it ends", at: amountExpr.span, hint: "inject n ramp(0nA, 2nA) from 0ms to 100ms")
    }
    let neurons = handle.range == 0..<handle.groupSize ? nil : handle.range
    simulation.inject(StepCurrent(amplitude: amplitude, start: start, end: end, neurons: neurons, shape: shape), into: handle.group)
  }

  /// `event n.g_exc += 5nS at 20ms, 60ms`: jumps of a state variable at given times.
  func scheduleEvent(_ targetExpr: Expr, _ amountExpr: Expr, _ timeExprs: [Expr]) throws {
    guard case .member(let objectExpr, let variable, let variableSpan) = targetExpr.kind else {
      throw failure("an event needs a neuron's state variable, such as n.g_exc", at: targetExpr.span)
    }
    let object = try evaluate(objectExpr)
    guard case .neuron(let handle) = object, let model = neuronModels[handle.group] else {
      throw failure("an event needs a neuron, found \(object.describedKind)", at: objectExpr.span)
    }
    guard let state = model.kind.variable(variable) else {
      let names = model.kind.variables.map(\.name)
      throw failure("a \(model.kind.name) neuron has no state variable '\(variable)'", at: variableSpan,
                    hint: closestName(to: variable, among: names).map { "did you mean '\($0)'?" }
                      ?? "its state variables are \(names.joined(separator: ", "))")
    }
    let amount = try quantity(amountExpr, "an event")
    guard amount.dimension == state.dimension else {
      throw failure("\(variable) is \(state.dimension.isDimensionless ? "a plain number" : "a \(state.dimension.word)"), but the event adds \(amount.describedKind)",
                    at: amountExpr.span)
    }
    var times: [Double] = []
    for expr in timeExprs {
      switch try evaluate(expr) {
      case .list(let items):
        for item in items {
          guard case .quantity(let q) = item, q.dimension == .time else {
            throw failure("event times must be times, found \(item.describedKind)", at: expr.span)
          }
          times.append(q.value)
        }
      default: times.append(try time(expr, "an event time"))
      }
    }
    _ = simulation.schedule(StateEvent(variable: variable, amount: amount.value, times: times), in: handle.group)
  }

  /// The value of an expression that must be a time (seconds).
  func time(_ expr: Expr, _ role: String) throws -> Double {
    let value = try evaluate(expr)
    guard case .quantity(let q) = value, q.dimension == .time else {
      var hint: String? = nil
      if case .quantity(let q) = value, q.dimension.isDimensionless { hint = "add a unit: \(formatNumber(q.value))ms" }
      throw failure("\(role) needs a time (ms), found \(value.describedKind)", at: expr.span, hint: hint)
    }
    return q.value
  }

  /// `run DURATION`: advances the simulation and prints what happened.
  func run(_ durationExpr: Expr) throws {
    let duration = try time(durationExpr, "run")
    guard duration > 0 else {
      throw failure("run needs a positive duration, not \(Quantity(duration, .time).formatted)", at: durationExpr.span)
    }
    let dt = simulation.dt
    let exactSteps = duration / dt
    guard exactSteps >= 0.5 else {
      throw failure("\(Quantity(duration, .time).formatted) is shorter than one time step (\(Quantity(dt, .time).formatted))",
                    at: durationExpr.span)
    }
    guard exactSteps <= 1e9 else {
      throw failure("\(Quantity(duration, .time).formatted) is \(formatNumber(exactSteps.rounded())) steps of \(Quantity(dt, .time).formatted); at most a billion in one run",
                    at: durationExpr.span, hint: "run a shorter time, or use a larger time step (dt = 1ms)")
    }
    let bytes = simulation.recordingBytes(forSteps: Int(clampingToSteps: exactSteps))
    guard memoryFits(bytes) else {
      throw failure("recording \(Quantity(duration, .time).formatted) would need about \(formatBytes(bytes)) of memory",
                    at: durationExpr.span, hint: "\(MemoryBudget.described); run a shorter time, or use a larger time step (dt = 1ms)")
    }
    let steps = Int(clampingToSteps: exactSteps)
    let spikesBefore = neuronOrder.map { simulation.spikes($0).steps.count }
    let startStep = simulation.stepIndex
    let clock = ContinuousClock.now
    let outcome = simulation.run(steps: steps, shouldStop: host.shouldStop)
    let elapsed = ContinuousClock.now - clock
    let ran = simulation.stepIndex - startStep
    var summary: String
    let ranTime = Quantity(Double(ran) * dt, .time).formatted
    switch outcome {
    case .completed:
      summary = "ran \(ranTime) (\(ran) \(ran == 1 ? "step" : "steps") of \(Quantity(dt, .time).formatted))"
    case .interrupted:
      summary = "interrupted at t = \(Quantity(simulation.time, .time).formatted) after \(ranTime) (\(ran) of \(steps) steps)"
    case .diverged(let group, let variable, let neuron, let time):
      let name = neuronNames[group] ?? "a neuron"
      let which = simulation.group(group).count > 1 ? "\(name)[\(neuron)]" : name
      throw divergence(variable, of: which, at: time, dt: dt, span: durationExpr.span)
    }
    let counts = zip(neuronOrder, spikesBefore).map { group, before in
      (neuronNames[group] ?? "?", simulation.spikes(group).steps.count - before)
    }
    if !counts.isEmpty {
      let shown = counts.prefix(8).map { "\($0.0): \($0.1) \($0.1 == 1 ? "spike" : "spikes")" }
      summary += " · " + shown.joined(separator: ", ") + (counts.count > 8 ? ", …" : "")
    }
    if host.showTiming { summary += " · \(seconds(elapsed)) of wall time" }
    host.write(summary + "\n")
  }

  /// A wall-clock duration in seconds, for --timing.
  func seconds(_ duration: Duration) -> String {
    let (whole, fraction) = duration.components
    return formatNumber(Double(whole) + Double(fraction) * 1e-18, significantDigits: 4) + " s"
  }

  func neuronMember(_ handle: NeuronHandle, _ name: String, _ nameSpan: Span) throws -> Value {
    guard let model = neuronModels[handle.group] else { throw failure("\(handle.name) is no longer a neuron", at: nameSpan) }
    if let variable = model.kind.variables.first(where: { $0.name == name }) {
      if !handle.isPopulation, let trace = simulation.trace(handle.group, variable: name) {
        return .trace(TraceValue(label: "\(handle.name).\(name)", trace: trace, dimension: variable.dimension,
                                 spikeTimes: spikeTimes(of: handle)))
      }
      // A population: the traces recorded of its neurons.
      let traces = handle.range.compactMap { i -> Value? in
        guard let trace = simulation.trace(handle.group, variable: name, neuron: i) else { return nil }
        var one = handle
        one.range = i..<(i + 1)
        return .trace(TraceValue(label: "\(handle.name)[\(i)].\(name)", trace: trace, dimension: variable.dimension,
                                 spikeTimes: spikeTimes(of: one)))
      }
      guard !traces.isEmpty else {
        throw failure("nothing is recorded of \(handle.label).\(name)", at: nameSpan,
                      hint: "record it before running: record \(handle.name).\(name)[0..9]")
      }
      return handle.range.count == 1 ? traces[0] : .list(traces)
    }
    if let parameter = model.kind.parameter(name) {
      return .quantity(Quantity(model.values[name] ?? parameter.defaultValue, parameter.dimension))
    }
    throw unknownMember(name, of: model.kind, at: nameSpan)
  }

  /// `exc.v = uniform(-60mV, -50mV, 3200)` or `exc.v = -65mV`: the state of each neuron, also its value after reset.
  private func setState(_ handle: NeuronHandle, _ variable: (name: String, dimension: Dimension, meaning: String),
                        _ value: Value, _ span: Span) throws {
    var values: [Double] = []
    func check(_ item: Value) throws -> Double {
      guard case .quantity(let q) = item, q.dimension == variable.dimension else {
        throw failure("\(variable.name) is \(variable.dimension.isDimensionless ? "a plain number" : "a \(variable.dimension.word)"), found \(item.describedKind)", at: span)
      }
      return q.value
    }
    switch value {
    case .list(let items):
      guard items.count == handle.range.count else {
        throw failure("\(handle.label) has \(handle.range.count) neurons but the list has \(items.count) values", at: span,
                      hint: "uniform(-60mV, -50mV, \(handle.range.count)) draws one value per neuron")
      }
      values = try items.map(check)
    default:
      values = Array(repeating: try check(value), count: handle.range.count)
    }
    guard simulation.setValues(handle.group, variable: variable.name, values: values, at: handle.range) else {
      throw failure("\(variable.name) of \(neuronModels[handle.group]?.kind.name ?? "this") neurons cannot be set yet", at: span)
    }
  }

  /// `n.tau = 20ms` on a neuron (kept state, new parameter) or on a model held in a name.
  func assignParameter(_ objectExpr: Expr, _ member: String, _ memberSpan: Span, _ valueExpr: Expr) throws {
    let object = try evaluate(objectExpr)
    var model: NeuronModel
    switch object {
    case .neuron(let handle):
      guard let m = neuronModels[handle.group] else { throw failure("\(handle.name) is no longer a neuron", at: objectExpr.span) }
      model = m
    case .model(let m):
      guard case .name = objectExpr.kind else {
        throw failure("only a named model can be changed", at: objectExpr.span, hint: "let m = lif(); m.tau = 20ms")
      }
      model = m
    default:
      throw failure("\(object.describedKind) has no parameters to set", at: objectExpr.span)
    }
    guard let parameter = model.kind.parameter(member) else {
      if let variable = model.kind.variable(member), case .neuron(let handle) = object {
        return try setState(handle, variable, try evaluate(valueExpr), valueExpr.span)
      }
      throw unknownMember(member, of: model.kind, at: memberSpan)
    }
    let context = CallContext(interpreter: self, arguments: [], span: valueExpr, calleeSpan: memberSpan)
    let value = try evaluate(valueExpr)
    if case .neuron(let handle) = object, handle.isPopulation {
      // A population: a list gives each neuron its own value; one value into a slice does too.
      let values: [Double]
      if case .list(let items) = value {
        guard items.count == handle.range.count else {
          throw failure("\(handle.label) has \(handle.range.count) neurons but the list has \(items.count) values", at: valueExpr.span)
        }
        values = try items.map { try Builtins.checkParameter(parameter, $0, valueExpr.span, context) }
      } else if handle.range != 0..<handle.groupSize {
        values = Array(repeating: try Builtins.checkParameter(parameter, value, valueExpr.span, context), count: handle.range.count)
      } else {
        values = []
      }
      if !values.isEmpty {
        var accepted = false
        simulation.modify(handle.group) { group in
          guard var lif = group as? LIFGroup else { return }
          accepted = lif.setParameterValues(values, of: member, at: handle.range)
          group = lif
        }
        guard accepted else {
          throw failure("\(member) cannot differ between neurons (only v_rest, v_th, v_reset and R of lif can)", at: memberSpan)
        }
        return
      }
    }
    model.values[member] = try Builtins.checkParameter(parameter, value, valueExpr.span, context)
    if let problem = model.kind.validate(model.values) {
      throw failure(problem, at: objectExpr.span.through(valueExpr.span))
    }
    switch object {
    case .neuron(let handle):
      neuronModels[handle.group] = model
      let updated = model
      simulation.modify(handle.group) { updated.kind.update(&$0, updated.values, updated.method) }
    default:
      if case .name(let name) = objectExpr.kind { _ = scope.assign(name, .model(model)) }
    }
  }
}

/// A byte count in words: `8.2 GB`.
func formatBytes(_ bytes: Double) -> String {
  let units = ["bytes", "kB", "MB", "GB", "TB", "PB"]
  var value = bytes, i = 0
  while value >= 1000, i < units.count - 1 { value /= 1000; i += 1 }
  return "\(formatNumber(value, significantDigits: 3)) \(units[i])"
}
