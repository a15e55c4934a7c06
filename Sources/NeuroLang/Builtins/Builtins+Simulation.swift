import NeuroEngine
import NeuroUnits

/// Running a model on its own, outside the session's world.simulation.
extension Builtins {
  static let simulation: [Builtin] = [
    Builtin(
      name: "simulate", signature: "model, current, duration: 1s",
      summary:
        "runs one neuron of a model under a constant current in a simulation of its own; gives {rate, spikes, v}; "
        + "with a list of currents, a population of one neuron per current, giving {rate: [...]}"
    ) { c in
      var arguments = c.arguments
      var durationArgument: CallArgument? = nil
      if let i = arguments.firstIndex(where: { $0.label == "duration" }) {
        durationArgument = arguments.remove(at: i)
      }
      let inner = c.keeping(arguments)
      try inner.expectPositional(
        2, "simulate", c.usage(positional: 2, options: ["duration"], else: "simulate(lif(), 1nA, duration: 500ms)"))
      guard case .model(let model) = try inner.value(0) else {
        throw c.failure(
          "simulate needs a model such as lif(), found \(try inner.value(0).describedKind)", at: arguments[0].span)
      }
      let duration = try durationArgument.map { try c.interpreter.time($0.value, at: $0.span, "duration") } ?? 1
      if case .list(let items) = try inner.value(1) {
        return try simulatePopulation(model, items.values, duration: duration, c, arguments[1].span)
      }
      let current = try inner.quantity(1, for: "simulate")
      guard current.dimension == .current else {
        throw c.failure(
          "simulate needs a current (nA), found \(current.describedKind)", at: arguments[1].span,
          hint: c.arguments.firstIndex { $0.span == arguments[1].span }.flatMap {
            c.unitHint(at: $0, current, .current)
          })
      }
      let dt = c.interpreter.world.simulation.dt
      guard duration >= dt, duration / dt <= 1e8 else {
        throw c.failure(
          "the duration must be between one time step and \(Quantity(1e8 * dt, .time).formatted)",
          at: durationArgument?.span ?? c.span.span)
      }
      let world = Simulation()
      world.setTimeStep(dt)
      let group = world.add(model.makeGroup(count: 1))
      world.inject(StepCurrent(amplitude: current.value), into: group)
      try c.interpreter.checkOutcome(
        world.run(
          steps: Int(clampingToSteps: duration / dt), shouldStop: c.interpreter.host.shouldStop,
          spikeLimit: c.interpreter.world.spikeRoomForAnotherSimulation), of: model,
        naming: { _ in "the neuron simulated" }, dt: dt, span: c.span.span)
      let spikes = world.spikeTimes(group)
      let trace = world.trace(group, variable: "v") ?? Trace(start: 0, dt: dt, values: [])
      return .record(
        Record(fields: [
          ("rate", .quantity(Quantity(Double(spikes.count) / world.time, .frequency))),
          ("spikes", .list(spikes.map { .quantity(Quantity($0, .time)) })),
          ("v", .trace(TraceValue(label: "v", trace: trace, dimension: .voltage, spikeTimes: spikes))),
        ]))
    }
  ]

  /// One neuron per current, all in one population of a simulation of their own: the F–I curve in one run.
  private static func simulatePopulation(
    _ model: NeuronModel, _ items: [Value], duration: Double, _ c: CallContext,
    _ span: Span
  ) throws -> Value {
    let currents = try items.map { item -> Double in
      guard case .quantity(let q) = item, q.dimension == .current else {
        throw c.failure("simulate needs currents (nA), and the list holds \(item.describedKind)", at: span)
      }
      return q.value
    }
    guard !currents.isEmpty else { throw c.failure("the list of currents is empty", at: span) }
    let dt = c.interpreter.world.simulation.dt
    guard duration >= dt, duration / dt * Double(currents.count) <= 1e10 else {
      throw c.failure("the duration must be at least one time step, and the run not too long", at: c.span.span)
    }
    let world = Simulation()
    world.setTimeStep(dt)
    let group = world.add(model.makeGroup(count: currents.count))
    for (i, current) in currents.enumerated() where current != 0 {
      world.inject(StepCurrent(amplitude: current, neurons: i..<(i + 1)), into: group)
    }
    try c.interpreter.checkOutcome(
      world.run(
        steps: Int(clampingToSteps: duration / dt), shouldStop: c.interpreter.host.shouldStop,
        spikeLimit: c.interpreter.world.spikeRoomForAnotherSimulation), of: model,
      naming: { "the neuron simulated with \(Quantity(currents[$0], .current).formatted)" }, dt: dt, span: c.span.span)
    var counts = [Int](repeating: 0, count: currents.count)
    for neuron in world.spikes(group).neurons { counts[neuron] += 1 }
    return .record(
      Record(fields: [
        ("rate", .list(counts.map { .quantity(Quantity(Double($0) / world.time, .frequency)) }))
      ]))
  }
}
