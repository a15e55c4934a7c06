import NeuroEngine

/// A group whose run NEST did (`--engine nest`): each step it fires the spikes NEST recorded and shows
/// the values NEST recorded, so that the simulation records them as its own and `rate`, `raster`, `cv`
/// and `plot` read them unchanged. It keeps the group it stands for, whose parameters and initial state
/// the next export reads; the inputs the clock gives it are ignored (NEST had them).
struct NestPlayback: NeuronGroup {
  var original: any NeuronGroup
  private var results: NestResults.Population
  /// The step whose end the values now belong to.
  private var stamp: Int
  private let lastStamp: Int
  private var now: [String: [Double]] = [:]
  /// How long before the end of the last step each neuron's latest spike came, from NEST's precise models.
  private var leads: [Double]

  init(original: any NeuronGroup, results: NestResults.Population, from stamp: Int, to lastStamp: Int) {
    self.original = original
    self.results = results
    self.stamp = stamp
    self.lastStamp = lastStamp
    leads = Array(repeating: 0, count: original.count)
    for name in original.variableNames {
      if let values = original.values(of: name) { now[name] = values }
    }
  }

  var count: Int { original.count }
  var variableNames: [String] { original.variableNames }
  func values(of variable: String) -> [Double]? { now[variable] ?? original.values(of: variable) }
  mutating func prepare(dt: Double) {}

  mutating func step(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {
    stamp += 1
    let fired = results.spikes[stamp] ?? []
    spikes += fired
    for neuron in fired where neuron < leads.count { leads[neuron] = results.offsets[stamp]?[neuron] ?? 0 }
    for (variable, perNeuron) in results.traces {
      for (neuron, values) in perNeuron where values.indices.contains(stamp - 1) && now[variable] != nil {
        let value = values[stamp - 1]
        if value.isFinite, neuron < count { now[variable]?[neuron] = value }
      }
    }
    if stamp == lastStamp {
      for (variable, perNeuron) in results.final where now[variable] != nil {
        for (neuron, value) in perNeuron where neuron < count && value.isFinite { now[variable]?[neuron] = value }
      }
    }
  }

  var spikeLeads: [Double]? { results.offsets.isEmpty ? nil : leads }

  mutating func resetState() {
    original.resetState()
    self = NestPlayback(original: original, results: NestResults.Population(), from: 0, to: 0)
  }

  mutating func add(_ amount: Double, to variable: String) -> Bool { original.add(amount, to: variable) }
  mutating func addChannel(_ channel: SynapticChannel) -> Int? { original.addChannel(channel) }
  func channelKind(_ channel: Int) -> SynapticChannel.Kind? { original.channelKind(channel) }
  mutating func setValues(_ values: [Double], of variable: String, at range: Range<Int>) -> Bool {
    original.setValues(values, of: variable, at: range)
  }
  mutating func setParameterValues(_ values: [Double], of name: String, at range: Range<Int>) -> Bool {
    original.setParameterValues(values, of: name, at: range)
  }
  mutating func takeParameters(of other: any NeuronGroup) -> Bool { original.takeParameters(of: other) }
  var rheobase: Double? { original.rheobase }
}

extension World {
  /// A group as it was built: the group a NEST run's playback stands for, or the group itself.
  func originalGroup(_ id: GroupID) -> any NeuronGroup {
    let group = simulation.group(id)
    return (group as? NestPlayback)?.original ?? group
  }
}
