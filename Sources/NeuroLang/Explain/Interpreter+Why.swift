import NeuroEngine
import NeuroUnits

/// `why n`: the checks on what is asked (one neuron with a membrane potential, at a simulated time), the engine's
/// explanation, and names for its parts as the student wrote the inputs.
extension Interpreter {
  /// The explanation of one neuron's v at its last spike (or at `time`), as a report and a record.
  func explanation(of handle: NeuronHandle, at time: (Double, Span)?, written: String, span: Span, name: String)
    throws -> WhyReport
  {
    let usage = time == nil ? "\(name) \(handle.name)" : "explain \(handle.name) at 42ms"
    guard handle.range.count == 1 else {
      throw failure(
        "\(name) explains one neuron at a time, and \(handle.label) has \(handle.range.count)", at: span,
        hint:
          "pick one by its index: \(usage.replacing(handle.name, with: "\(handle.name)[\(handle.range.lowerBound)]"))")
    }
    let simulation = world.simulation
    guard simulation.stepIndex > 0 else {
      throw failure(
        "nothing has been simulated yet, so there is no membrane potential to explain", at: span,
        hint: "run the simulation first: run 100ms")
    }
    let dt = simulation.dt, j = handle.range.lowerBound
    let first = simulation.time - simulation.recordedDuration(handle.group)
    let step: Int, crossing: Bool
    var spikeTime: Double? = nil
    if let (t, timeSpan) = time {
      guard t >= first - dt / 2, t <= simulation.time + dt / 2 else {
        let window = "from \(Quantity(first, .time).formatted) to \(Quantity(simulation.time, .time).formatted)"
        throw failure(
          "\(handle.label) was simulated \(window), so there is no v at \(Quantity(t, .time).formatted) to explain",
          at: timeSpan,
          hint: "ask for a time \(window): explain \(written) at "
            + Quantity(first, .time).typed)
      }
      (step, crossing) = (Int(clampingToSteps: t / dt), false)
    } else {
      let (steps, neurons) = simulation.spikes(handle.group)
      let last = neurons.lastIndex(of: j)
      (step, crossing) = (last.map { steps[$0] } ?? simulation.stepIndex, last != nil)
      spikeTime = last.map { simulation.spikeEvents(handle.group).times[$0] }
    }
    let model = world.models[handle.group]?.kind.name ?? "other"
    guard let explanation = simulation.explain(handle.group, neuron: j, step: step, crossing: crossing) else {
      throw failure(
        "\(name) explains neurons with a membrane potential v, and \(handle.label) (\(model)) has none", at: span,
        hint: "ask about a neuron it drives: \(name) NEURON")
    }
    return WhyReport(
      explanation, neuron: handle.label, time: spikeTime ?? Double(step) * dt, crossing: crossing, asked: time != nil,
      labels: labels(for: explanation, of: handle), dt: dt, ascii: host.plot.style == .ascii,
      approximation: WhyApproximation.text(explanation.method, model: model))
  }

  /// What each part and each presynaptic neuron is called: the stimulus as `stimuli(n)` lists it, a connection
  /// as `exc → n`, a neuron as `exc[12]`.
  private func labels(for explanation: Explanation, of handle: NeuronHandle) -> WhyReport.Labels {
    let simulation = world.simulation
    let lines = stimulusLines(of: handle)
    let currents = simulation.currents(of: handle.group).count, events = simulation.events(of: handle.group).count
    let drives = drives(of: handle).map(\.id)
    func groupName(_ id: GroupID) -> String { world.names[id] ?? "?" }
    var parts = explanation.parts.map { part -> String in
      switch part.source {
      case .current(let i): return i < lines.count ? lines[i] : "a current"
      case .events(let variable): return "events on \(variable)"
      case .connection(let id):
        guard let projection = simulation.projection(id) else { return "a connection" }
        return "\(groupName(projection.pre)) → \(groupName(projection.post))"
      case .drive(let id):
        let k = drives.firstIndex(of: id).map { currents + events + $0 }
        return k.map { $0 < lines.count ? lines[$0] : "a drive" } ?? "a drive"
      }
    }
    // Two connections between the same groups are told apart by their order.
    for (i, label) in parts.enumerated() where parts.filter({ $0 == label }).count > 1 {
      parts[i] = label + " (\(parts[..<i].filter { $0.hasPrefix(label) }.count + 1))"
    }
    let presynaptic = explanation.presynaptic.map { neuron -> String in
      guard let projection = simulation.projection(neuron.connection) else { return "?" }
      let size = simulation.group(projection.pre).count
      return size == 1 ? groupName(projection.pre) : "\(groupName(projection.pre))[\(neuron.neuron)]"
    }
    return WhyReport.Labels(parts: parts, presynaptic: presynaptic)
  }
}
