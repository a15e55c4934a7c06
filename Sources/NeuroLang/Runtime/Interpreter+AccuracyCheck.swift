import NeuroEngine
import NeuroUnits

/// `check accuracy`: the session run again at a finer time step, and how far spike times and voltages move.
extension Interpreter {
  /// Spike times that move by less than this share of the time to them count as converged.
  static let acceptedSpikeShift = 0.01

  /// `check accuracy` (ten times finer) or `check accuracy, dt: 0.01ms`.
  func checkAccuracy(_ options: [Argument], at span: Span) throws {
    guard !rerunningForAccuracy else { return }
    let dt = world.simulation.dt
    let typed = { (value: Double) in Quantity(value, .time).typed }
    guard world.simulation.time > 0, !world.order.isEmpty else {
      throw failure("nothing has been simulated yet", at: span, hint: "run 100ms first, then check accuracy")
    }
    var finer = dt / 10
    for option in options {
      guard option.label == "dt" else {
        throw failure(
          "check accuracy takes dt: (the finer step), not \(option.label.map { "\($0):" } ?? "a value")",
          at: option.value.span, hint: "check accuracy, dt: \(typed(dt / 10))")
      }
      let value = try evaluate(option.value)
      guard case .quantity(let q) = value, q.dimension == .time else {
        throw failure(
          "dt: needs a time step, found \(value.describedKind)", at: option.value.span,
          hint: "check accuracy, dt: \(typed(dt / 10))")
      }
      guard q.value < dt, q.value >= 1e-7 else {
        throw failure(
          "dt: must be finer than the session's step of \(Quantity(dt, .time).formatted) (and at least 0.1 µs), "
            + "not \(q.formatted)", at: option.value.span, hint: "check accuracy, dt: \(typed(dt / 10))")
      }
      finer = q.value
    }
    host.write(
      TextWrapping.wrap(
        "running the session again at dt = \(Quantity(finer, .time).formatted), \(formatNumber(dt / finer)) times "
          + "the steps (Ctrl-C stops it)…", width: host.plot.width) + "\n")
    let rerun = try rerunSession(every: finer, at: span)
    host.write(TextWrapping.wrap(accuracyReport(against: rerun, finer: finer), width: host.plot.width))
  }

  /// The session's statements run again in a world of its own, each time step divided the same way, printing nothing
  /// and writing no file.
  private func rerunSession(every finer: Double, at span: Span) throws -> World {
    var messages: [Diagnostic] = []
    var quiet = Host(write: { _ in }, report: { messages.append($0) }, shouldStop: host.shouldStop, plot: host.plot)
    quiet.libraryPaths = host.libraryPaths
    quiet.dataPaths = host.dataPaths
    quiet.clock = host.clock
    quiet.wallClock = host.wallClock
    let copy = Interpreter(host: quiet)
    copy.rerunningForAccuracy = true
    copy.timeStepDivisor = world.simulation.dt / finer
    copy.threads = threads
    _ = copy.world.simulation.setTimeStep(Simulation.defaultTimeStep / copy.timeStepDivisor)
    let result = copy.execute(Source(name: "<check accuracy>", text: sessionScript))
    // An interrupted run ends early: the copy's clock then stands short of this session's.
    if host.shouldStop() || copy.world.simulation.time < world.simulation.time - world.simulation.dt / 2 {
      throw failure("check accuracy stopped before the session had run again: nothing to compare", at: span)
    }
    guard result == .success else {
      throw failure(
        "the session did not run again at the finer step: \(messages.last?.message ?? "it stopped")", at: span,
        hint: "check accuracy, dt: a step nearer the session's")
    }
    return copy.world
  }

  /// Each neuron group's spikes and recorded voltage here against the finer run's, and a verdict.
  private func accuracyReport(against rerun: World, finer: Double) -> String {
    let dt = world.simulation.dt
    var lines = [
      "ran the session again at dt = \(Quantity(finer, .time).formatted) (here \(Quantity(dt, .time).formatted)):"
    ]
    let random = !world.simulation.allDrives.isEmpty || world.models.values.contains { $0.kind.usesSeed }
    var worst = 0.0, byChance = false
    for group in world.order {
      guard let name = world.names[group], let model = world.models[group], !model.kind.variables.isEmpty,
        let other = rerun.names.first(where: { $0.value == name })?.key
      else { continue }
      let comparison = SpikeComparison(
        here: world.simulation.spikeEvents(group), finer: rerun.simulation.spikeEvents(other),
        neurons: world.simulation.group(group).count,
        since: world.simulation.time - world.simulation.recordedDuration(group))
      var line = "  \(name): " + comparison.summary(randomInputs: random)
      if comparison.sameCounts && comparison.largestShift <= dt, let shift = voltageShift(group, other, in: rerun) {
        line += "; v by \(SpikeComparison.amount(shift, .voltage, below: 1e-9, "1 nV")) away from spikes"
      }
      lines.append(line)
      if comparison.sameCounts {
        worst = max(worst, comparison.relativeShift)
      } else if random && comparison.withinChance {
        byChance = true
      } else {
        worst = max(worst, random ? comparison.rateChange : .infinity)
      }
    }
    if byChance {
      lines.append("  (random inputs draw anew at another step: their spikes differ, and rates within chance agree)")
    }
    if worst <= Self.acceptedSpikeShift {
      lines.append(
        "spike times move by under \(formatNumber(Self.acceptedSpikeShift * 100)) % of the intervals"
          + (byChance ? " and rates agree within chance" : "") + ": dt = \(Quantity(dt, .time).formatted) is fine for "
          + "this simulation")
    } else {
      let size = worst.isFinite ? "up to \(formatNumber(worst * 100, significantDigits: 2)) %" : "from spike to spike"
      lines.append(
        "results move \(size): a smaller step, dt = \(Quantity(dt / 10, .time).formatted) (reset first), gives "
          + "results you can trust")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The largest difference of a single neuron's recorded v between the runs at the samples of this run, leaving
  /// out the steps around either run's spikes (where a spike a little earlier or later resets v); nil when v was
  /// not recorded.
  private func voltageShift(_ group: GroupID, _ other: GroupID, in rerun: World) -> Double? {
    guard let here = world.simulation.trace(group, variable: "v"),
      let there = rerun.simulation.trace(other, variable: "v"), here.values.count > 1
    else { return nil }
    let dt = world.simulation.dt
    let spikes = world.simulation.spikeTimes(group) + rerun.simulation.spikeTimes(other)
    var largest = 0.0
    for k in here.values.indices {
      let t = here.time(at: k)
      guard !spikes.contains(where: { abs($0 - t) <= 2 * dt }) else { continue }
      let position = (t - there.start) / there.dt
      guard let j = Int(checking: position.rounded()), there.values.indices.contains(j) else { continue }
      largest = max(largest, abs(here.values[k] - there.values[j]))
    }
    return largest
  }
}

/// A group's spikes in two runs of the same session: how many, how far each neuron's spikes and the intervals
/// between them moved, the rates.
struct SpikeComparison {
  let countHere: Int, countFiner: Int
  /// Every neuron fired as often in both runs.
  let sameCounts: Bool
  /// The largest move of a spike; and the largest relative change of a neuron's first spike's latency (from the
  /// group's start) or of an interval between its spikes.
  let largestShift: Double, relativeShift: Double
  /// How much the group's spike count changed, as a share, and whether by no more than chance makes (Poisson
  /// counts: within three standard deviations).
  let rateChange: Double
  let withinChance: Bool

  init(here: (times: [Double], neurons: [Int]), finer: (times: [Double], neurons: [Int]), neurons: Int, since: Double) {
    countHere = here.times.count
    countFiner = finer.times.count
    var trainsHere = [[Double]](repeating: [], count: neurons), trainsFiner = trainsHere
    for (t, n) in zip(here.times, here.neurons) where n < neurons { trainsHere[n].append(t) }
    for (t, n) in zip(finer.times, finer.neurons) where n < neurons { trainsFiner[n].append(t) }
    sameCounts = zip(trainsHere, trainsFiner).allSatisfy { $0.count == $1.count }
    var (largest, relative) = (0.0, 0.0)
    for (a, b) in zip(trainsHere, trainsFiner) where a.count == b.count {
      for k in a.indices {
        largest = max(largest, abs(a[k] - b[k]))
        let (startHere, startFiner) = k == 0 ? (since, since) : (a[k - 1], b[k - 1])
        let interval = b[k] - startFiner
        if interval > 0 { relative = max(relative, abs((a[k] - startHere) - interval) / interval) }
      }
    }
    (largestShift, relativeShift) = (largest, relative)
    let difference = Double(abs(countHere - countFiner))
    rateChange = countFiner == 0 ? (countHere == 0 ? 0 : 1) : difference / Double(countFiner)
    withinChance = difference <= 3 * Double(countHere + countFiner).squareRoot()
  }

  /// One line: the counts and, where every neuron fired as often in both runs, how far the spikes moved.
  func summary(randomInputs: Bool) -> String {
    let counts = "\(countHere) \(countHere == 1 ? "spike" : "spikes") here, \(countFiner) at the finer step"
    guard sameCounts else {
      guard randomInputs else { return counts + "; some neurons fired a different number of times" }
      return counts + " (\(formatNumber(rateChange * 100, significantDigits: 2)) % apart, "
        + (withinChance ? "within what chance makes)" : "more than chance makes)")
    }
    guard countHere > 0 else { return counts }
    guard largestShift >= 1e-9 else { return counts + "; spike times move by under 1 ns" }
    let relative = formatNumber(relativeShift * 100, significantDigits: 2)
    return counts + "; spike times move by at most \(Quantity(largestShift, .time).formatted), the intervals "
      + "between them (and the first spike's latency) by at most \(relative) %"
  }

  /// "at most" a quantity as neuro writes it, or "under" a floor for what is round-off.
  static func amount(_ value: Double, _ dimension: Dimension, below floor: Double, _ floorText: String) -> String {
    value < floor ? "under \(floorText)" : "at most \(Quantity(value, dimension).formatted)"
  }
}
