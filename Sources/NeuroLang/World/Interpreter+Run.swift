import NeuroEngine
import NeuroUnits

/// `run`: advancing the world's clock and saying what happened.
extension Interpreter {
  /// `run DURATION`: advances the simulation and prints what happened.
  func run(_ durationExpr: Expr) throws {
    let duration = try time(durationExpr, "run")
    guard duration > 0 else {
      throw failure("run needs a positive duration, not \(Quantity(duration, .time).formatted)", at: durationExpr.span)
    }
    let dt = world.simulation.dt
    let exactSteps = duration / dt
    guard exactSteps >= 0.5 else {
      throw failure(
        "\(Quantity(duration, .time).formatted) is shorter than one time step (\(Quantity(dt, .time).formatted))",
        at: durationExpr.span)
    }
    guard exactSteps <= 1e9 else {
      throw failure(
        "\(Quantity(duration, .time).formatted) is \(formatNumber(exactSteps.rounded())) steps of "
          + "\(Quantity(dt, .time).formatted); at most a billion in one run",
        at: durationExpr.span, hint: "run a shorter time, or use a larger time step (dt = 1ms)")
    }
    let bytes = world.simulation.recordingBytes(forSteps: Int(clampingToSteps: exactSteps))
    guard world.fits(bytes) else {
      throw failure(
        "recording \(Quantity(duration, .time).formatted) would need about \(formatBytes(bytes)) of memory",
        at: durationExpr.span,
        hint: "\(MemoryBudget.described); run a shorter time, or use a larger time step (dt = 1ms)")
    }
    if bytes > 1e9 {
      warn(
        "recording \(Quantity(duration, .time).formatted) will take about \(formatBytes(bytes)) of memory",
        at: durationExpr.span,
        hint: "Ctrl-C stops the run and keeps what has run; plot a window of it: plot n.v from 0ms to 100ms")
    }
    let steps = Int(clampingToSteps: exactSteps)
    let spikesBefore = world.order.map { world.simulation.spikes($0).steps.count }
    let startStep = world.simulation.stepIndex
    warnIfTimeStepTooCoarse(at: durationExpr.span)
    try refuseSourcesBeyondMemory(at: durationExpr.span)
    let started = host.wallClock?()
    let outcome: RunOutcome
    switch engine {
    case .neuro:
      outcome = world.simulation.run(steps: steps, shouldStop: host.shouldStop, spikeLimit: world.spikeRoom)
    case .nest:
      outcome = try runThroughNest(steps: steps, at: durationExpr.span)
    case .exportOnly:
      return try planRun(steps: steps, at: durationExpr.span)
    }
    let elapsed = started.flatMap { start in host.wallClock.map { $0() - start } }
    let ran = world.simulation.stepIndex - startStep
    var summary: String
    let ranTime = Quantity(Double(ran) * dt, .time).formatted
    switch outcome {
    case .completed:
      summary = "ran \(ranTime) (\(ran) \(ran == 1 ? "step" : "steps") of \(Quantity(dt, .time).formatted))"
    case .interrupted:
      summary =
        "interrupted at t = \(Quantity(world.simulation.time, .time).formatted) after \(ranTime) (\(ran) of \(steps) "
        + "steps)"
    case .spikeLimitReached:
      throw failure(
        "the run stopped at t = \(Quantity(world.simulation.time, .time).formatted): its "
          + "\(formatNumber(Double(world.simulation.recordedSpikes))) spikes fill the memory the world may use",
        at: durationExpr.span,
        hint:
          "\(MemoryBudget.described); fewer neurons, lower rates or a shorter run record fewer spikes (reset clears "
          + "them)"
      )
    case .diverged(let group, let variable, let neuron, let time):
      let name = world.names[group] ?? "a neuron"
      let which = world.simulation.group(group).count > 1 ? "\(name)[\(neuron)]" : name
      throw divergence(variable, of: which, at: time, dt: dt, model: world.models[group], span: durationExpr.span)
    }
    // Each group's spikes in this run; rate units, which have none, their mean rate now.
    let counts = zip(world.order, spikesBefore).map { group, before in
      let name = world.names[group] ?? "?"
      if let activity = activitySummary(group) { return "\(name): \(activity)" }
      let count = world.simulation.spikes(group).steps.count - before
      return "\(name): \(count) \(count == 1 ? "spike" : "spikes")"
    }
    if !counts.isEmpty {
      let shown = counts.prefix(8)
      summary += " · " + shown.joined(separator: ", ") + (counts.count > 8 ? ", …" : "")
    }
    if let elapsed { summary += " · \(seconds(elapsed)) of wall time" }
    host.note(summary + "\n")
    warnAboutNeuronsFiringEveryStep(since: startStep, steps: ran, at: durationExpr.span)
    warnAboutOvershoot(since: startStep, at: durationExpr.span)
  }

  /// What rate units or decision circuits are doing now (`r 12.6 Hz`, `r mean 7.63 Hz`, `chose 1 at 238.5 ms`,
  /// `3 of 20 decided`); nil for spiking neurons, which are summed up by their spikes.
  func activitySummary(_ group: GroupID) -> String? {
    let held = world.simulation.group(group)
    // Rate units, and models of your own whose r is a rate.
    let kind = world.models[group]?.kind
    if kind?.inputDimension == .frequency || kind?.variable("r")?.dimension == .frequency,
      let rates = held.values(of: "r")
    {
      let mean = rates.reduce(0, +) / Double(max(1, rates.count))
      return "r \(rates.count > 1 ? "mean " : "")\(Quantity(mean, .frequency).formatted)"
    }
    guard world.models[group]?.kind.name == ModelKind.wongWang.name, let choices = held.values(of: "choice") else {
      return nil
    }
    guard choices.count == 1 else { return "\(choices.filter { $0 != 0 }.count) of \(choices.count) decided" }
    guard let choice = choices.first, choice != 0, let step = world.simulation.spikes(group).steps.first else {
      return "undecided"
    }
    return "chose \(formatNumber(choice)) at \(Quantity(Double(step) * world.simulation.dt, .time).formatted)"
  }

  /// A wall-clock duration in seconds, for --timing.
  func seconds(_ duration: Double) -> String {
    formatNumber(duration, significantDigits: 4) + " s"
  }
}

/// A byte count in words: `8.2 GB`.
func formatBytes(_ bytes: Double) -> String {
  let units = ["bytes", "kB", "MB", "GB", "TB", "PB"]
  var value = bytes, i = 0
  while value >= 1000, i < units.count - 1 {
    value /= 1000
    i += 1
  }
  return "\(formatNumber(value, significantDigits: 3)) \(units[i])"
}
