import NeuroEngine
import NeuroUnits

/// What drives neurons: `inject` currents and `event` jumps, never scheduled into the past.
extension Interpreter {
  /// `inject n 2.5nA from 20ms to 60ms`, `inject n 1nA for 30ms` (from now), `inject n 1nA` (from now on).
  func inject(_ targetExpr: Expr, _ amountExpr: Expr, window: TimeWindow) throws {
    let target = try evaluate(targetExpr)
    guard case .neuron(let handle) = target, world.models[handle.group] != nil else {
      throw failure(
        "inject needs a neuron, found \(target.describedKind)", at: targetExpr.span,
        hint: "make one first: neuron n = lif()")
    }
    if let kind = world.models[handle.group]?.kind, !kind.usesInput {
      let sources = [ModelKind.poisson.name, ModelKind.spikeTimes.name]
      let what = sources.contains(kind.name) ? "a source" : "a \(kind.name) model"
      throw failure(
        "\(handle.label) is \(what) that takes no injected input", at: targetExpr.span,
        hint: Self.injectionAdvice(kind))
    }
    let amount = try evaluate(amountExpr)
    var shape = StepCurrent.Shape.constant
    var amplitude = 0.0
    if world.models[handle.group]?.kind.inputDimension == .frequency {
      // Rate units take a drive in Hz.
      guard case .quantity(let q) = amount, q.dimension == .frequency else {
        let hint = amount.writtenWithUnit(.frequency).map { "add a unit: \($0)" } ?? "inject \(handle.label) 20Hz"
        throw failure(
          "\(handle.label) holds rate units: inject needs a drive in Hz, found \(amount.describedKind)",
          at: amountExpr.span, hint: hint)
      }
      amplitude = q.value
    } else {
      switch amount {
      case .waveform(let w):
        shape = w.shape
        amplitude = w.amplitude
      case .quantity(let q) where q.dimension == .current:
        amplitude = q.value
      default:
        var hint = "inject n 2.5nA"
        if case .quantity(let q) = amount, q.dimension.isDimensionless {
          hint = "add a unit: \(formatNumber(q.value))nA"
        }
        if case .quantity(let q) = amount, q.dimension == .voltage {
          hint = "a voltage over a resistance is a current: V / R"
        }
        throw failure("inject needs a current (nA), found \(amount.describedKind)", at: amountExpr.span, hint: hint)
      }
    }
    // Rate units are given a drive, neurons a current: the messages below name which.
    let input = world.models[handle.group]?.kind.inputDimension == .frequency ? "drive" : "current"
    // Without 'from' a current starts now, and says so, so that after 'reset' it replays from then.
    let start = try window.from.map { try time($0, "'from'") } ?? (world.now > 0 ? world.now : nil)
    var end = try window.to.map { try time($0, "'to'") }
    if let lengthExpr = window.length {
      let length = try time(lengthExpr, "'for'")
      guard length > 0 else {
        throw failure("'for' needs a positive duration, not \(Quantity(length, .time).formatted)", at: lengthExpr.span)
      }
      end = (start ?? 0) + length
    }
    if let start, let from = window.from {
      let length = end.map { Quantity($0 - start, .time).typed }
      try checkNotPast(
        start, "this \(input) would start", at: from.span,
        fix: length.map { "'for \($0)' starts it now" } ?? "leave out 'from' to start it now")
    } else if let end, let to = window.to {
      try checkNotPast(end, "this \(input) would end", at: to.span, fix: "'for' a duration starts it now")
    }
    if let start, let end, !(start < end) {
      throw failure(
        "the \(input) must end after it starts (from \(Quantity(start, .time).formatted) to "
          + "\(Quantity(end, .time).formatted))",
        at: (window.to ?? window.length ?? amountExpr).span)
    }
    if case .ramp = shape, end == nil {
      throw failure("a ramp needs the time it ends", at: amountExpr.span, hint: "inject n ramp(0nA, 2nA) for 100ms")
    }
    let neurons = handle.range == 0..<handle.groupSize ? nil : handle.range
    let current = StepCurrent(amplitude: amplitude, start: start, end: end, neurons: neurons, shape: shape)
    let isRepeat = world.simulation.currents(of: handle.group).contains(current)
    world.simulation.inject(current, into: handle.group)
    noteRepeatedStimulus(on: handle, isRepeat: isRepeat)
  }

  /// What drives a model that takes no injected input instead.
  private static func injectionAdvice(_ kind: ModelKind) -> String {
    switch kind.name {
    case ModelKind.wongWang.name: return "its stimulus is its coherence: d.coherence = 12.8"
    case ModelKind.tuned.name: return "its rates follow its stimulus: v1.stimulus = 45"
    case ModelKind.poisson.name: return "its rate sets when it fires: change it with p.rate = 20Hz"
    case ModelKind.spikeTimes.name: return "it fires at the times it was given"
    default: return "its equations never read I; use I in one of them to take a current"
    }
  }

  /// `event n.g_exc += 5nS at 20ms, 60ms` or `… in 10ms` (from now): jumps of a state variable.
  func scheduleEvent(_ targetExpr: Expr, _ amountExpr: Expr, _ timeExprs: [Expr], delay: Expr?) throws {
    guard case .member(let objectExpr, let variable, let variableSpan) = targetExpr.kind else {
      throw failure("an event needs a neuron's state variable, such as n.g_exc", at: targetExpr.span)
    }
    let object = try evaluate(objectExpr)
    guard case .neuron(let handle) = object, let model = world.models[handle.group] else {
      throw failure("an event needs a neuron, found \(object.describedKind)", at: objectExpr.span)
    }
    guard let state = model.kind.variable(variable) else {
      let names = model.kind.variables.map(\.name)
      throw failure(
        "a \(model.kind.name) neuron has no state variable '\(variable)'", at: variableSpan,
        hint: closestName(to: variable, among: names).map { "did you mean '\($0)'?" }
          ?? "its state variables are \(names.joined(separator: ", "))")
    }
    let amount = try quantity(amountExpr, "an event")
    guard amount.dimension == state.dimension else {
      throw failure(
        "\(variable) is \(state.dimension.isDimensionless ? "a plain number" : "a \(state.dimension.word)"), but the "
          + "event adds \(amount.describedKind)",
        at: amountExpr.span)
    }
    var times: [Double] = []
    if let delay {
      let wait = try time(delay, "'in'")
      guard wait >= 0 else {
        throw failure(
          "'in' needs a time from now that is not negative, not \(Quantity(wait, .time).formatted)", at: delay.span)
      }
      times.append(world.now + wait)
    }
    for expr in timeExprs {
      var here: [Double] = []
      switch try evaluate(expr) {
      case .list(let items):
        for item in items {
          guard case .quantity(let q) = item, q.dimension == .time else {
            throw failure("event times must be times, found \(item.describedKind)", at: expr.span)
          }
          here.append(q.value)
        }
      default: here.append(try time(expr, "an event time"))
      }
      for time in here {
        let ahead = Quantity(time, .time).formatted
        try checkNotPast(
          time, "this event would happen", at: expr.span,
          fix: "'in \(ahead.replacing(" ", with: ""))' schedules it \(ahead) from now")
      }
      times += here
    }
    let event = StateEvent(variable: variable, amount: amount.value, times: times)
    let isRepeat = world.simulation.events(of: handle.group).contains(event)
    _ = world.simulation.schedule(event, in: handle.group)
    noteRepeatedStimulus(on: handle, isRepeat: isRepeat)
  }

  /// The value of an expression that must be a time (seconds).
  func time(_ expr: Expr, _ role: String) throws -> Double {
    try time(try evaluate(expr), at: expr.span, role)
  }

  /// A value that must be a time, written at `span`, in seconds.
  func time(_ value: Value, at span: Span, _ role: String) throws -> Double {
    guard case .quantity(let q) = value, q.dimension == .time else {
      var hint: String? = nil
      if case .quantity(let q) = value, q.dimension.isDimensionless { hint = "add a unit: \(formatNumber(q.value))ms" }
      throw failure("\(role) needs a time (ms), found \(value.describedKind)", at: span, hint: hint)
    }
    return q.value
  }
}
