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
    let started = host.wallClock?()
    let outcome = world.simulation.run(steps: steps, shouldStop: host.shouldStop, spikeLimit: world.spikeRoom)
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
      if let rate = rateSummary(group) { return "\(name): \(rate)" }
      let count = world.simulation.spikes(group).steps.count - before
      if world.models[group]?.kind.name == ModelKind.wongWang.name { return decisionSummary(name, group) }
      return "\(name): \(count) \(count == 1 ? "spike" : "spikes")"
    }
    if !counts.isEmpty {
      let shown = counts.prefix(8)
      summary += " · " + shown.joined(separator: ", ") + (counts.count > 8 ? ", …" : "")
    }
    if let elapsed { summary += " · \(seconds(elapsed)) of wall time" }
    host.write(summary + "\n")
    warnAboutNeuronsFiringEveryStep(since: startStep, steps: ran, at: durationExpr.span)
    warnAboutOvershoot(since: startStep, at: durationExpr.span)
  }

  /// The rate of a group of rate units now (`r 12.6 Hz`, `r mean 7.63 Hz`); nil for spiking neurons.
  func rateSummary(_ group: GroupID) -> String? {
    guard world.models[group]?.kind.inputDimension == .frequency,
      let rates = world.simulation.group(group).values(of: "r")
    else { return nil }
    let mean = rates.reduce(0, +) / Double(max(1, rates.count))
    return "r \(rates.count > 1 ? "mean " : "")\(Quantity(mean, .frequency).formatted)"
  }

  /// What a decision model has decided so far: `d: chose 1 at 238.5 ms`, or how many of its members have.
  private func decisionSummary(_ name: String, _ group: GroupID) -> String {
    let (steps, members) = world.simulation.spikes(group)
    let size = world.simulation.group(group).count
    guard size == 1 else { return "\(name): \(Set(members).count) of \(size) decided" }
    guard let step = steps.first, let r1 = world.simulation.group(group).values(of: "r1")?.first,
      let r2 = world.simulation.group(group).values(of: "r2")?.first
    else { return "\(name): undecided" }
    return "\(name): chose \(r1 >= r2 ? 1 : 2) at \(Quantity(Double(step) * world.simulation.dt, .time).formatted)"
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
