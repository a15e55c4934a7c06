import NeuroEngine
import NeuroUnits

/// Warnings around a run: a time step too coarse for a model (before it), and neurons that fired
/// on every step (after it, below the run summary).
extension Interpreter {
  /// A step should be at most this fraction of a model's smallest time constant: forward Euler's
  /// error per step is about (dt/tau)²/2 (2 % at a fifth), and it overshoots for dt > tau.
  static let largestStepPerTimeConstant = 0.2

  /// Warns, once per neuron and time step, when dt is above a fifth of a model's smallest time constant.
  func warnIfTimeStepTooCoarse(at span: Span) {
    for group in world.order {
      guard let model = world.models[group], let (message, hint, limit) = coarseStep(model, world.names[group])
      else { continue }
      guard warnedTimeSteps.insert("\(group.index) \(world.simulation.dt) \(limit)").inserted else { continue }
      warn(message, at: span, hint: hint)
    }
  }

  /// The warning, its hint and the largest step allowed, when dt is above a fifth of a model's smallest time
  /// constant; nil when it is not.
  func coarseStep(_ model: NeuronModel, _ name: String?) -> (String, String, Double)? {
    let dt = world.simulation.dt
    let scales = model.kind.timeScales(model.values, model.method).filter { $0.value > 0 }
    guard let smallest = scales.min(by: { $0.value < $1.value }) else { return nil }
    let limit = smallest.value * Self.largestStepPerTimeConstant
    guard dt > limit * (1 + 1e-9) else { return nil }
    var hint = "set dt = \(Self.roundStep(atMost: limit)) at t = 0"
    if model.kind.methods.contains(.exact), model.method != .exact { hint += ", or integrate exactly: method: exact" }
    let message =
      "dt = \(Quantity(dt, .time).formatted) is too coarse for \(name ?? model.kind.name): \(smallest.name) is "
      + "\(Quantity(smallest.value, .time).formatted), and a step should be at most a fifth of it"
    return (message, hint, limit)
  }

  /// Refuses a run in which Poisson sources would fire more spikes in one step than the memory left can record
  /// (at any rate a source fires a Poisson number of times a step: at 1 GHz, 100 000 in 0.1 ms).
  func refuseSourcesBeyondMemory(at span: Span) throws {
    let room = Double(world.spikeRoomForAnotherSimulation)
    for group in world.order {
      guard let sources = world.simulation.group(group) as? PoissonGroup else { continue }
      let perStep = Double(sources.count) * max(0, sources.rate) * world.simulation.dt
      guard perStep > room else { continue }
      throw failure(
        "\(world.names[group] ?? "the sources") would fire about \(formatNumber(perStep, significantDigits: 3)) spikes "
          + "in each step, more than the memory left can record",
        at: span,
        hint: "\(MemoryBudget.described), room for about \(formatNumber(room, significantDigits: 3)) more spikes; give "
          + "the sources a lower rate, or use fewer of them")
    }
  }

  /// The largest of 1, 2, 5 × a power of ten (in ms) not above `limit`, written as a literal: `0.2ms`.
  static func roundStep(atMost limit: Double) -> String {
    let steps = [10, 5, 2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001]
    return formatNumber(steps.first { $0 * 1e-3 <= limit * (1 + 1e-9) } ?? 0.001) + "ms"
  }

  /// Warns about neurons that fired on every step of the run just made (at least 10 steps); spike sources
  /// (no state variables: Poisson inputs may fire several times a step) are left alone.
  func warnAboutNeuronsFiringEveryStep(since startStep: Int, steps: Int, at span: Span) {
    guard steps >= 10 else { return }
    for group in world.order where !world.simulation.group(group).variableNames.isEmpty {
      let (spikeSteps, neurons) = world.simulation.spikes(group)
      guard spikeSteps.count >= steps else { continue }  // fewer spikes than steps: nobody fired on each
      var counts: [Int: Int] = [:]
      for (step, neuron) in zip(spikeSteps, neurons).reversed() {
        if step <= startStep { break }
        counts[neuron, default: 0] += 1
      }
      let always = counts.values.filter { $0 >= steps }.count
      guard always > 0 else { continue }
      let name = world.names[group] ?? "a neuron"
      let who =
        world.simulation.group(group).count == 1 ? name : "\(always) \(always == 1 ? "neuron" : "neurons") of \(name)"
      warn(
        "\(who) fired on every one of the \(steps) steps: the time step is too coarse for the model, or the input "
          + "drives v past threshold within each step",
        at: span, hint: "try a smaller time step, a refractory period (t_ref), or a smaller input")
    }
  }

  /// No membrane potential goes beyond this (reversal potentials lie within about ±150 mV); a
  /// voltage state of a model written in neuro that does has been overshot by its integration.
  static let largestPlausibleVoltage = 0.2

  /// Warns when a voltage state of a model written in neuro went beyond ±200 mV in the run just
  /// made: in its recorded trace, or, for a variable a spike does not set, within the spike step.
  func warnAboutOvershoot(since startStep: Int, at span: Span) {
    let dt = world.simulation.dt
    for group in world.order {
      guard let model = world.models[group], ModelKind.all[model.kind.name] == nil else { continue }
      let name = world.names[group] ?? "a neuron"
      // A variable a spike sets (v = V_r) may pass its cut-off within the spike step harmlessly (the
      // engine gives 0 for it); one it keeps (or adds to) carries the overshoot on.
      let atSpikes = world.simulation.group(group).largestWithinSpikeSteps
      for (index, variable) in model.kind.variables.enumerated() where variable.dimension == .voltage {
        var worst = index < atSpikes.count ? atSpikes[index] : 0
        if let trace = world.simulation.trace(group, variable: variable.name) {
          let first = max(0, Int(saturating: (Double(startStep) * dt - trace.start) / dt))
          for value in trace.values.dropFirst(first) where abs(value) > abs(worst) { worst = value }
        }
        guard abs(worst) > Self.largestPlausibleVoltage else { continue }
        let reached = worst.isFinite ? "reached \(Quantity(worst, .voltage).formatted)" : "overflowed to infinity"
        warn(
          "\(variable.name) of \(name) \(reached) within a step, beyond the ±200 mV any membrane stays in: the "
            + "integration overshot",
          at: span,
          hint:
            "a runaway term (an exponential) needs a lower spike cut-off (on v > …), a smaller time step (dt = "
            + "\(Self.roundStep(atMost: dt / 10))), or method euler, whose step has no stages past the cut-off"
        )
      }
      world.simulation.modify(group) { $0.clearLargestWithinSpikeSteps() }
    }
  }
}
