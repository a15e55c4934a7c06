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
    guard world.simulation.time > 0, !world.order.isEmpty else {
      throw failure("nothing has been simulated yet", at: span, hint: "run 100ms first, then check accuracy")
    }
    var finer = dt / 10
    for option in options {
      guard option.label == "dt" else {
        throw failure(
          "check accuracy takes dt: (the finer step), not \(option.label.map { "\($0):" } ?? "a value")",
          at: option.value.span, hint: "check accuracy, dt: \(Quantity(dt / 10, .time).formatted)")
      }
      let value = try evaluate(option.value)
      guard case .quantity(let q) = value, q.dimension == .time, q.value > 0, q.value < dt, q.value >= 1e-7 else {
        throw failure(
          "dt: must be a time step finer than the session's \(Quantity(dt, .time).formatted), found "
            + value.describedKind,
          at: option.value.span, hint: "check accuracy, dt: \(Quantity(dt / 10, .time).formatted)")
      }
      finer = q.value
    }
    let rerun = try rerunSession(every: finer, at: span)
    host.write(accuracyReport(against: rerun, finer: finer))
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
    if host.shouldStop() { throw failure("check accuracy stopped", at: span) }
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
    let stochastic = !world.simulation.allDrives.isEmpty || world.models.values.contains { $0.kind.usesSeed }
    var worst = 0.0
    for group in world.order {
      guard let name = world.names[group], let model = world.models[group], !model.kind.variables.isEmpty,
        let other = rerun.names.first(where: { $0.value == name })?.key
      else { continue }
      let comparison = SpikeComparison(
        here: world.simulation.spikeEvents(group), finer: rerun.simulation.spikeEvents(other),
        neurons: world.simulation.group(group).count,
        since: world.simulation.time
          - world.simulation.recordedDuration(group))
      var line = "  \(name): " + comparison.summary(exactTimes: !stochastic)
      if comparison.largestShift <= dt, let shift = voltageShift(group, other, in: rerun) {
        line += "; v by \(SpikeComparison.amount(shift, .voltage, below: 1e-9, "1 nV")) away from spikes"
      }
      lines.append(line)
      worst = max(worst, stochastic ? comparison.rateChange : comparison.relativeShift)
    }
    if stochastic {
      lines.append(
        "  (random inputs draw anew at another step, so single spikes differ: compare the rates)")
    }
    let measure = stochastic ? "rates" : "spike times"
    if worst <= Self.acceptedSpikeShift {
      lines.append(
        "\(measure) move by under \(formatNumber(Self.acceptedSpikeShift * 100)) %: dt = "
          + "\(Quantity(dt, .time).formatted) is fine for this simulation")
    } else {
      lines.append(
        "\(measure) move by up to \(formatNumber(worst * 100, significantDigits: 2)) %: a smaller step, "
          + "dt = \(Quantity(dt / 10, .time).formatted) (reset first), gives results you can trust")
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

/// A group's spikes in two runs of the same session: how many, how far each neuron's spikes moved, the rates.
struct SpikeComparison {
  let countHere: Int, countFiner: Int
  /// The largest move of a spike, and the largest over the time from the group's start to the spike.
  let largestShift: Double, relativeShift: Double
  /// How much the group's spike count changed, as a share.
  let rateChange: Double

  init(here: (times: [Double], neurons: [Int]), finer: (times: [Double], neurons: [Int]), neurons: Int, since: Double) {
    countHere = here.times.count
    countFiner = finer.times.count
    var trainsHere = [[Double]](repeating: [], count: neurons), trainsFiner = trainsHere
    for (t, n) in zip(here.times, here.neurons) where n < neurons { trainsHere[n].append(t) }
    for (t, n) in zip(finer.times, finer.neurons) where n < neurons { trainsFiner[n].append(t) }
    var (largest, relative) = (0.0, 0.0)
    for (a, b) in zip(trainsHere, trainsFiner) {
      guard a.count == b.count else {
        relative = .infinity
        continue
      }
      for (x, y) in zip(a, b) {
        largest = max(largest, abs(x - y))
        if y > since { relative = max(relative, abs(x - y) / (y - since)) }
      }
    }
    (largestShift, relativeShift) = (largest, relative)
    rateChange = countFiner == 0 ? (countHere == 0 ? 0 : 1) : abs(Double(countHere - countFiner)) / Double(countFiner)
  }

  /// One line: the counts and, where every neuron fired as often in both runs, how far the spikes moved.
  func summary(exactTimes: Bool) -> String {
    let counts = "\(countHere) \(countHere == 1 ? "spike" : "spikes") here, \(countFiner) at the finer step"
    guard exactTimes else {
      return counts + " (\(formatNumber(rateChange * 100, significantDigits: 2)) % apart)"
    }
    guard relativeShift.isFinite else { return counts + "; some neurons fired a different number of times" }
    guard countHere > 0 else { return counts }
    guard largestShift >= 1e-9 else { return counts + "; spike times move by under 1 ns" }
    return counts + "; spike times move by at most \(Quantity(largestShift, .time).formatted) ("
      + "\(formatNumber(relativeShift * 100, significantDigits: 2)) % of the time to the spike)"
  }

  /// "at most" a quantity as neuro writes it, or "under" a floor for what is round-off.
  static func amount(_ value: Double, _ dimension: Dimension, below floor: Double, _ floorText: String) -> String {
    value < floor ? "under \(floorText)" : "at most \(Quantity(value, dimension).formatted)"
  }
}
