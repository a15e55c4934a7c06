#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroUnits

/// `why n`: a LIF neuron's membrane potential at one step broken into the part of each input, worked out after
/// the run from what the simulation keeps (its currents, events, recorded spikes and drive seeds) by replaying
/// the neuron alone with the group's own step. Nothing is added to a run.
extension Simulation {
  /// Explains v of neuron `j` of a group at step `step` (v after step − 1); with `crossing`, the v that crossed
  /// threshold in the step of a spike recorded at `step`, before its reset. Other models are linearised at rest
  /// (`explainModel`); nil for a group without a membrane potential (spike sources, rate units).
  public func explain(_ id: GroupID, neuron j: Int, step end: Int, crossing: Bool) -> Explanation? {
    guard var group = slots[id.index].group as? LIFGroup else {
      return explainModel(id, neuron: j, step: end, crossing: crossing)
    }
    guard (0..<group.count).contains(j) else { return nil }
    group.prepare(dt: dt)
    let window = explanationWindow(group, id, neuron: j, step: end, crossing: crossing)
    let from = window.from, steps = end - from
    let linear = !group.channels.contains { if case .conductance = $0.kind { true } else { false } }
    let replay = LIFReplay(group, neuron: j, dt: dt, withChannels: true)
    // With conductances, inputs pass through the resting membrane: the group's without channels.
    let membrane = linear ? replay : LIFReplay(group, neuron: j, dt: dt, withChannels: false)
    // The channel values still felt at the start: arrivals up to 37 decay times before it (e⁻³⁷ ≈ 1e-16).
    let earliest = group.channels.map { channel in
      channel.kind == .jump ? from : from - Int(clampingToSteps: 37 * channel.tau / dt)
    }
    let arrivals = self.arrivals(into: id, neuron: j, earliest: earliest, before: end)
    let currents = slots[id.index].currents
    var attribution = Attribution(
      from: from, end: end, kick: membrane.kick(steps: steps), pulse: membrane.pulse(steps: steps),
      channelDecay: group.channelDecay)
    var explanation = Explanation(
      fromStep: from, afterSpike: window.afterSpike, startValue: window.start,
      restPart: replay.rest + (window.start - replay.rest) * attribution.kick[steps], parts: [], presynaptic: [],
      v: 0, vRecorded: false, method: linear ? .superposition : .conductanceCurrents, step: end,
      noise: noiseFlows(into: id, neuron: j),
      threshold: group.perNeuron["v_th"]?[j] ?? group.parameters.threshold)
    let inputs = currents.map { [$0].values(neuron: j, steps: from..<end, dt: dt) }
    let kicks = eventKicks(id, from: from, end: end)
    var replayed: Double? = nil
    if linear {
      attribution.impulses = group.channels.indices.map { replay.impulse(channel: $0, steps: steps) }
    } else {
      let total = inputs.compactMap { $0 }.reduce([Double](repeating: 0, count: steps)) { zip($0, $1).map(+) }
      let added = channelInputs(
        arrivals, channels: group.channels.count, decay: group.channelDecay, from: from, end: end)
      let path = replay.trajectory(from: window.start, steps: steps, input: total, added: added, kicks: kicks)
      replayed = path[steps]
      attribution.unitCurrents = group.channels.map {
        Attribution.unitCurrent($0, path: path, resistance: replay.resistance)
      }
    }
    for (i, values) in inputs.enumerated() {
      guard let values else { continue }
      explanation.parts.append(.init(source: .current(i), value: attribution.part(ofCurrent: values)))
    }
    if kicks.contains(where: { $0 != 0 }) {
      explanation.parts.append(.init(source: .events("v"), value: attribution.part(ofKicks: kicks)))
    }
    var bySource: [Explanation.Source: Double] = [:]
    for (key, inputs) in arrivals {
      let value = attribution.part(of: inputs)
      switch key {
      case .spike(let connection, let neuron):
        bySource[.connection(connection), default: 0] += value
        explanation.presynaptic.append(
          .init(connection: connection, neuron: neuron, spikes: inputs.steps.count, value: value))
      case .drive(let drive): bySource[.drive(drive), default: 0] += value
      }
    }
    let sources =
      projections.map { Explanation.Source.connection($0.id) } + drives.map { Explanation.Source.drive($0.id) }
    for source in sources {
      if let value = bySource[source] { explanation.parts.append(.init(source: source, value: value)) }
    }
    explanation.presynaptic.sort { abs($0.value) > abs($1.value) }
    let recorded = crossing ? nil : recordedV(id, neuron: j, step: end)
    explanation.v = recorded ?? replayed ?? explanation.restPart + explanation.parts.reduce(0) { $0 + $1.value }
    explanation.vRecorded = recorded != nil
    return explanation
  }

  /// Where the explanation starts, and v there: the end of the refractory time of the last spike before
  /// `end` (the neuron's start if it never fired), from the recording when it has one.
  private func explanationWindow(_ group: LIFGroup, _ id: GroupID, neuron j: Int, step end: Int, crossing: Bool)
    -> (from: Int, start: Double, afterSpike: Bool)
  {
    let slot = slots[id.index]
    var index = slot.spikeSteps.count - 1
    while index >= 0,
      slot.spikeNeurons[index] != j || (crossing ? slot.spikeSteps[index] >= end : slot.spikeSteps[index] > end)
    {
      index -= 1
    }
    if index >= 0 {
      let spike = slot.spikeSteps[index]
      guard group.placesSpikesInsideSteps else {
        let from = min(end, spike - 1 + max(1, group.refractorySteps))
        let reset = group.perNeuron["v_reset"]?[j] ?? group.parameters.resetPotential
        let held = eventKicks(id, from: spike, end: from).reduce(reset, +)
        return (from, recordedV(id, neuron: j, step: from) ?? held, true)
      }
      // Precise timing: free again t_ref after the spike, inside a step; counted from the first step after.
      let free = slot.spikeTime(index, dt: dt) + group.parameters.refractoryPeriod
      let from = min(end, max(spike, Int(clampingToSteps: (free / dt - 1e-9).rounded(.up))))
      return (from, recordedV(id, neuron: j, step: from) ?? replayedV(group, id, neuron: j, step: from), true)
    }
    let rest = group.perNeuron["v_rest"]?[j] ?? group.parameters.restingPotential
    if let start = slot.recordingStart["v"], start <= end, let v = recordedV(id, neuron: j, step: start) {
      return (start, v, false)
    }
    return (slot.startStep, group.initialV?[j] ?? rest, false)
  }

  /// v of neuron `j` after step `step` − 1, from the neuron replayed as it ran (threshold, resets and refractory
  /// times included) from the group's start under its currents, events and arrivals.
  private func replayedV(_ group: LIFGroup, _ id: GroupID, neuron j: Int, step: Int) -> Double {
    let start = slots[id.index].startStep
    let rest = group.perNeuron["v_rest"]?[j] ?? group.parameters.restingPotential
    let inputs = slots[id.index].currents.map { [$0].values(neuron: j, steps: start..<step, dt: dt) }
    let total = inputs.compactMap { $0 }.reduce([Double](repeating: 0, count: step - start)) { zip($0, $1).map(+) }
    let arrivals = self.arrivals(
      into: id, neuron: j, earliest: group.channels.map { _ in start }, before: step)
    let added = channelInputs(
      arrivals, channels: group.channels.count, decay: group.channelDecay, from: start, end: step)
    let replay = LIFReplay(group, neuron: j, dt: dt, withChannels: true, firing: true)
    let path = replay.trajectory(
      from: group.initialV?[j] ?? rest, steps: step - start, input: total, added: added,
      kicks: eventKicks(id, from: start, end: step))
    return path[path.count - 1]
  }

  /// True when a noise current flows into neuron `j`, whose draws are not kept.
  func noiseFlows(into id: GroupID, neuron j: Int) -> Bool {
    slots[id.index].currents.contains { if case .noise = $0.shape { $0.neurons?.contains(j) ?? true } else { false } }
  }

  /// The recorded v of neuron `j` after step `step` − 1, if it was recorded then.
  func recordedV(_ id: GroupID, neuron j: Int, step: Int) -> Double? {
    let slot = slots[id.index]
    guard let k = slot.recorded["v"]?.firstIndex(of: j), let samples = slot.recordings["v"], k < samples.count,
      let start = slot.recordingStart["v"], (start..<start + samples[k].count).contains(step)
    else { return nil }
    return samples[k][step - start]
  }

  /// What events add to a variable (v unless named) before each step from `from` to `end`.
  func eventKicks(_ id: GroupID, variable: String = "v", from: Int, end: Int) -> [Double] {
    var kicks = [Double](repeating: 0, count: max(0, end - from))
    for event in slots[id.index].events where event.variable == variable {
      for time in event.times {
        let step = Int(clampingToSteps: time / dt)
        if step >= from && step < end { kicks[step - from] += event.amount }
      }
    }
    return kicks
  }

  /// Every arrival added into its channel, step by step from `from` (those before it carried in, decayed).
  private func channelInputs(
    _ arrivals: [ArrivalKey: Arrivals], channels: Int, decay: [Double], from: Int, end: Int
  ) -> [[Double]] {
    var added = [[Double]](repeating: [Double](repeating: 0, count: max(1, end - from)), count: channels)
    for inputs in arrivals.values {
      for (offset, amount) in inputs.felt(from: from, decay: decay[inputs.channel]) {
        added[inputs.channel][offset] += amount
      }
    }
    return added
  }
}
