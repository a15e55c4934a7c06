/// A group with its currents and what has been recorded of it.
struct Slot {
  var group: any NeuronGroup
  var currents: [StepCurrent] = []
  var events: [StateEvent] = []
  var startStep: Int
  /// The state variables recorded, and of which neurons (all of a single neuron, by default).
  var recorded: [String: [Int]]
  /// variable → recorded neuron (in the order of `recorded`) → samples, the first taken when recording began.
  var recordings: [String: [[Double]]] = [:]
  var recordingStart: [String: Int] = [:]
  var spikeSteps: [Int] = []
  var spikeNeurons: [Int] = []
  /// How long before the end of its step each spike happened (s), for models that find the crossing inside
  /// the step; shorter than `spikeSteps` when earlier spikes came at the end of their steps.
  var spikeLeads: [Double] = []

  init(group: any NeuronGroup, startStep: Int, currents: [StepCurrent] = [], recorded: [String: [Int]]? = nil) {
    self.group = group
    self.startStep = startStep
    self.currents = currents
    self.recorded =
      recorded ?? (group.count == 1 ? Dictionary(uniqueKeysWithValues: group.variableNames.map { ($0, [0]) }) : [:])
    for name in self.recorded.keys { recordingStart[name] = startStep }
    recordState()
  }

  /// Starts a variable's recording afresh from the current state, at step `step`.
  mutating func restartRecording(variable: String, step: Int) {
    recordings[variable] = nil
    recordingStart[variable] = step
    recordState(only: variable)
  }

  mutating func reserve(steps: Int) {
    for name in Array(recordings.keys) {
      guard var perNeuron = recordings.removeValue(forKey: name) else { continue }
      // Reserve ahead for ordinary runs only: an interrupted long run must not hold memory it never used.
      let ahead = min(steps + 1, 1 << 20)
      for n in perNeuron.indices { perNeuron[n].reserveCapacity(perNeuron[n].count + ahead) }
      recordings[name] = perNeuron
    }
  }

  mutating func record(spikes: [Int], atStep step: Int) {
    if !spikes.isEmpty, let leads = group.spikeLeads {
      while spikeLeads.count < spikeSteps.count { spikeLeads.append(0) }
      for n in spikes { spikeLeads.append(leads[n]) }
    }
    for n in spikes {
      spikeSteps.append(step)
      spikeNeurons.append(n)
    }
    if !recorded.isEmpty { recordState() }
  }

  /// The time (s) of the k-th recorded spike.
  func spikeTime(_ k: Int, dt: Double) -> Double {
    Double(spikeSteps[k]) * dt - (k < spikeLeads.count ? spikeLeads[k] : 0)
  }

  private mutating func recordState(only: String? = nil) {
    for (name, neurons) in recorded where only == nil || only == name {
      guard let values = group.values(of: name) else { continue }
      if recordings[name] == nil { recordings[name] = Array(repeating: [], count: neurons.count) }
      for (k, n) in neurons.enumerated() where n < values.count { recordings[name]?[k].append(values[n]) }
    }
  }
}

/// What stands in the place of a removed group: no neurons, nothing to step.
struct RemovedGroup: NeuronGroup {
  var count: Int { 0 }
  var variableNames: [String] { [] }
  func values(of variable: String) -> [Double]? { nil }
  mutating func prepare(dt: Double) {}
  mutating func step(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {}
  mutating func resetState() {}
  mutating func add(_ amount: Double, to variable: String) -> Bool { false }
}
