/// One neuron of a LIF group replayed on its own with the group's own step, to explain its v: the responses
/// of its membrane to a unit of each input, and its trajectory under inputs given step by step.
struct LIFReplay {
  /// The lone neuron: the group's parameters with this neuron's own values, no threshold, no refractory time.
  private let neuron: LIFGroup
  /// Its resting level (V) and resistance (Ω).
  let rest: Double
  let resistance: Double
  /// How much each channel's value keeps from one step to the next.
  let channelDecay: [Double]
  let channels: [SynapticChannel]

  /// Neuron `j` of `group`, with the group's channels or without any (the resting membrane); `firing`, with its
  /// threshold, reset and refractory time (the neuron as it ran, to find where it stood after a spike).
  init(_ group: LIFGroup, neuron j: Int, dt: Double, withChannels: Bool, firing: Bool = false) {
    var parameters = group.parameters
    rest = group.perNeuron["v_rest"]?[j] ?? parameters.restingPotential
    resistance = group.perNeuron["R"]?[j] ?? parameters.resistance
    parameters.restingPotential = rest
    parameters.resistance = resistance
    if firing {
      parameters.threshold = group.perNeuron["v_th"]?[j] ?? parameters.threshold
      parameters.resetPotential = group.perNeuron["v_reset"]?[j] ?? parameters.resetPotential
    } else {
      parameters.threshold = .infinity
      parameters.refractoryPeriod = 0
    }
    var lone = LIFGroup(count: 1, parameters: parameters)
    if withChannels { for channel in group.channels { _ = lone.addChannel(channel) } }
    lone.prepare(dt: dt)
    neuron = lone
    channels = lone.channels
    channelDecay = lone.channelDecay
  }

  /// v before each of `steps` steps and after the last, from `start`, with `input(k)` (A) in step k,
  /// `added[c][k]` added to channel c and `kicks[k]` to v before step k (empty arrays: nothing).
  func trajectory(
    from start: Double, steps: Int, input: [Double] = [], added: [[Double]] = [], kicks: [Double] = []
  ) -> [Double] {
    var lone = neuron
    _ = lone.setValues([start], of: "v", at: 0..<1)
    var values = [start]
    values.reserveCapacity(steps + 1)
    var current = [0.0], fired: [Int] = []
    for k in 0..<steps {
      if k < kicks.count, kicks[k] != 0 { _ = lone.add(kicks[k], to: "v") }
      for (c, amounts) in added.enumerated() where k < amounts.count && amounts[k] != 0 {
        lone.accumulate(channel: c) { $0[0] += amounts[k] }
      }
      current[0] = k < input.count ? input[k] : 0
      current.withUnsafeBufferPointer { lone.step(input: $0, spikes: &fired) }
      values.append(lone.v[0])
    }
    return values
  }

  /// How v answers, after 0…`steps` steps, to a unit jump of v (the resting level taken as 0).
  func kick(steps: Int) -> [Double] { relative(trajectory(from: rest + 1, steps: steps)) }

  /// How v answers to one ampere flowing in the first step only.
  func pulse(steps: Int) -> [Double] { relative(trajectory(from: rest, steps: steps, input: [1])) }

  /// How v answers to a unit value put into channel `c` before the first step (a current-like channel).
  func impulse(channel c: Int, steps: Int) -> [Double] {
    var added = [[Double]](repeating: [], count: channels.count)
    added[c] = [1]
    return relative(trajectory(from: rest, steps: steps, added: added))
  }

  private func relative(_ values: [Double]) -> [Double] { values.map { $0 - rest } }
}
