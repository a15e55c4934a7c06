/// `why n` for the models other than LIF (Izhikevich, AdEx, Hodgkin–Huxley, conductance, models written in
/// neuro): the neuron is replayed alone from its group's start with the currents and events it had, using the
/// group's own step; each input's part is how the membrane, linearised at its resting state, carries it to the
/// explained step, and what the model's nonlinear terms add is the remainder.
extension Simulation {
  /// Explains v of neuron `j` of a group of a model other than LIF at step `end` (at a spike recorded there with
  /// `crossing`: the v before the step that reset it); nil for a group without a membrane potential v.
  func explainModel(_ id: GroupID, neuron j: Int, step end: Int, crossing: Bool) -> Explanation? {
    let slot = slots[id.index], start = slot.startStep
    guard let model = slot.group as? any LoneNeuronModel, (0..<model.count).contains(j), end >= start else {
      return nil
    }
    let lone = model.loneNeuron()
    guard lone.variableNames.contains("v") else { return nil }
    let replay = ModelReplay(lone, dt: dt)
    let currents = slot.currents.map { [$0].values(neuron: j, steps: start..<end, dt: dt) }
    var inputs = ModelReplay.Inputs(
      current: currents.compactMap { $0 }.reduce([Double](repeating: 0, count: end - start)) { zip($0, $1).map(+) })
    for name in Set(slot.events.map(\.variable)) {
      inputs.kicks[name] = eventKicks(id, variable: name, from: start, end: end)
    }
    var neuron = replay.initial
    let path = ModelReplay.advance(&neuron, steps: end - start, inputs: inputs)
    // At a spike whose step reset v, the v explained is the one before that step.
    let explained = crossing && end > start && path[end - start] < path[end - start - 1] ? end - 1 : end
    let window = modelWindow(id, neuron: j, path: path, start: start, explained: explained, crossing: end)
    let from = window.from, steps = explained - from
    var state = replay.initial
    _ = ModelReplay.advance(&state, steps: from - start, inputs: inputs)
    let recorded = recordedV(id, neuron: j, step: explained)
    var explanation = Explanation(
      fromStep: from, afterSpike: window.afterSpike, startValue: path[from - start],
      restPart: replay.relaxation(from: state, steps: steps), parts: [], presynaptic: [],
      v: recorded ?? path[explained - start], vRecorded: recorded != nil, method: .linearisedAtRest, step: explained,
      noise: noiseFlows(into: id, neuron: j), threshold: nil)
    let span = (from - start)..<(explained - start)
    let flowing = currents.map { $0.map { Array($0[span]) } }
    let largest = flowing.compactMap { $0?.map { abs($0) }.max() }.max() ?? 0
    let pulse = largest > 0 ? replay.response(steps: steps, size: 1e-3 * largest) : []
    for (i, values) in flowing.enumerated() {
      guard let values else { continue }
      explanation.parts.append(.init(source: .current(i), value: largest > 0 ? Self.convolved(values, pulse) : 0))
    }
    for name in lone.variableNames {
      guard let kicks = inputs.kicks[name].map({ Array($0[span]) }), let size = kicks.map({ abs($0) }).max(), size > 0
      else { continue }
      let answer = replay.response(steps: steps, size: 1e-3 * size, kick: name)
      explanation.parts.append(.init(source: .events(name), value: Self.convolved(kicks, answer)))
    }
    return explanation
  }

  /// What inputs in each step of a window make at its end, given how v answers a unit after 0… steps.
  private static func convolved(_ values: [Double], _ answer: [Double]) -> Double {
    values.indices.reduce(0) { $0 + values[$1] * answer[values.count - $1] }
  }

  /// Where the explanation starts: the group's start, or after the last spike before the explained step (the
  /// spike at `crossing` not counted) once v stops falling: past the reset (and any refractory time) when the
  /// spike reset v, past the spike's peak and the trough after it when it did not (Hodgkin–Huxley).
  private func modelWindow(_ id: GroupID, neuron j: Int, path: [Double], start: Int, explained: Int, crossing: Int)
    -> (from: Int, afterSpike: Bool)
  {
    let slot = slots[id.index]
    guard
      let index = slot.spikeSteps.indices.last(where: {
        slot.spikeNeurons[$0] == j && slot.spikeSteps[$0] <= explained && slot.spikeSteps[$0] != crossing
      }), slot.spikeSteps[index] > start
    else { return (start, false) }
    var k = slot.spikeSteps[index] - start
    let last = explained - start
    if path[k] >= path[k - 1] {
      while k < last && path[k + 1] > path[k] { k += 1 }
    }
    while k < last && path[k + 1] <= path[k] { k += 1 }
    return (k + start, true)
  }
}
