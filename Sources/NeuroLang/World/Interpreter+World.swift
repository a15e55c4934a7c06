import NeuroEngine
import NeuroUnits

/// The world's bookkeeping seen from statements: naming groups (and replacing them whole),
/// keeping stimuli out of the past, and listing and removing the stimuli on a neuron.
extension Interpreter {
  /// Puts a group into the world under `name`. A neuron, population or input that had the
  /// name before is replaced with everything that hung on it, and one line says what went.
  func defineGroup(_ name: String, at nameSpan: Span, _ group: any NeuronGroup, model: NeuronModel) throws
    -> NeuronHandle
  {
    try checkDefinable(name, at: nameSpan)
    var dropped: Simulation.Removal? = nil
    if case .neuron(let old) = scope.lookup(name), world.models[old.group] != nil {
      dropped = world.remove(old.group)
    }
    let id = world.add(group, model: model, name: name)
    let handle = NeuronHandle(name: name, group: id, range: 0..<group.count, groupSize: group.count)
    scope.define(name, .neuron(handle))
    if let dropped, let what = describe(dropped) { host.note("\(name) replaced; \(what) went with the old one\n") }
    return handle
  }

  /// Refuses a neuron value whose group a later definition replaced.
  func checkLive(_ handle: NeuronHandle, at span: Span) throws {
    guard world.models[handle.group] == nil else { return }
    throw failure(
      "this is the \(handle.label) that a later definition replaced", at: span,
      hint: "use the name again to get the new one: \(handle.name)")
  }

  private func describe(_ removal: Simulation.Removal) -> String? {
    let parts = [
      (removal.currents, "injection", "injections"), (removal.events, "event", "events"),
      (removal.connections, "connection", "connections"), (removal.drives, "drive", "drives"),
      (removal.recordings, "recording", "recordings"),
    ]
    .filter { $0.0 > 0 }.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }
    guard let last = parts.last else { return nil }
    let listed = parts.count == 1 ? last : parts.dropLast().joined(separator: ", ") + " and " + last
    return "its " + listed
  }

  /// A time at which something is scheduled must not lie before the clock.
  func checkNotPast(_ time: Double, _ what: String, at span: Span, fix: String) throws {
    let now = world.now
    guard time < now - world.simulation.dt / 2 else { return }
    throw failure(
      "\(what) at \(Quantity(time, .time).formatted), but the clock already stands at t = "
        + "\(Quantity(now, .time).formatted)",
      at: span, hint: "times count from t = 0; \(fix), or write 'reset' to go back to t = 0")
  }

  /// The stimuli on a neuron as lines, numbered in the order `clear_stimuli(n, k)` takes:
  /// injections first, then events, then Poisson drives.
  func stimulusLines(of handle: NeuronHandle) -> [String] {
    let currents = world.simulation.currents(of: handle.group).map { current -> String in
      var text = "inject " + describe(current)
      if let neurons = current.neurons { text += " into [\(neurons.lowerBound)..\(neurons.upperBound - 1)]" }
      if let start = current.start { text += " from \(Quantity(start, .time).formatted)" }
      if let end = current.end { text += " to \(Quantity(end, .time).formatted)" }
      return text
    }
    let events = world.simulation.events(of: handle.group).map { event -> String in
      let dimension = world.models[handle.group]?.kind.variable(event.variable)?.dimension ?? .none
      let times = event.times.map { Quantity($0, .time).formatted }.joined(separator: ", ")
      return "event \(event.variable) += \(Quantity(event.amount, dimension).formatted) at \(times)"
    }
    let drives = drives(of: handle).map { drive -> String in
      let unit = Self.weightDimension(of: world.simulation.group(drive.target).channelKind(drive.channel))
      var text =
        "drive with poisson(\(drive.sources), rate: \(Quantity(drive.rate, .frequency).formatted)), weight: "
        + Quantity(drive.weight, unit).formatted
      if drive.delay > 0 { text += ", delay: \(Quantity(drive.delay, .time).formatted)" }
      if drive.range != 0..<handle.groupSize {
        text += " into [\(drive.range.lowerBound)..\(drive.range.upperBound - 1)]"
      }
      return text
    }
    return currents + events + drives
  }

  /// The Poisson drives into a neuron's group, in the order they were made.
  func drives(of handle: NeuronHandle) -> [PoissonDrive] {
    world.simulation.allDrives.filter { $0.target == handle.group }
  }

  private func describe(_ current: StepCurrent) -> String {
    let amplitude = Quantity(current.amplitude, .current).formatted
    switch current.shape {
    case .constant: return amplitude
    case .ramp(let to): return "ramp(\(amplitude), \(Quantity(to, .current).formatted))"
    case .sine(let frequency): return "sine(\(amplitude), \(Quantity(frequency, .frequency).formatted))"
    case .noise(let sd, _): return "noise_current(\(amplitude), \(Quantity(sd, .current).formatted))"
    }
  }

  /// Says so when a new stimulus repeats one already there (kept, say, by `reset`): the two add up.
  func noteRepeatedStimulus(on handle: NeuronHandle, isRepeat: Bool) {
    guard isRepeat else { return }
    host.write(
      "note: \(handle.label) already had this stimulus, so now it gets it twice; stimuli(\(handle.name)) lists them, "
        + "clear_stimuli(\(handle.name), k) removes the k-th\n"
    )
  }
}
