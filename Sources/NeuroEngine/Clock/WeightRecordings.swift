/// Weights of chosen synapses recorded over time, one sample a step, beside the state recordings.
extension Simulation {
  /// Records the weights of some synapses of a connection (indices in `synapseWeights` order) from now on.
  public func recordWeights(of id: ConnectionID, synapses: [Int]) -> Bool {
    guard let projection = projection(id), synapses.allSatisfy({ projection.synapseCount > $0 && $0 >= 0 }) else {
      return false
    }
    restartWeightRecording(projection, synapses)
    return true
  }

  /// The synapses of a connection whose weights are recorded.
  public func recordedSynapses(of id: ConnectionID) -> [Int] { weightRecordings[id]?.synapses ?? [] }

  /// The recorded weight of one synapse of a connection (its index in `synapseWeights` order).
  public func weightTrace(of id: ConnectionID, synapse: Int) -> Trace? {
    guard let recording = weightRecordings[id], let k = recording.synapses.firstIndex(of: synapse) else { return nil }
    return Trace(start: Double(recording.startStep) * dt, dt: dt, values: recording.samples[k])
  }

  /// Starts the recording of those synapses afresh from now, with the weights they have now.
  func restartWeightRecording(_ projection: Projection, _ synapses: [Int]) {
    var recording = WeightRecording(synapses: synapses, startStep: stepIndex)
    recording.sample(projection)
    weightRecordings[projection.id] = recording
  }
}

/// The weights of some synapses of a connection, one sample a step from `startStep` on.
struct WeightRecording {
  var synapses: [Int]
  var startStep: Int
  var samples: [[Double]]

  init(synapses: [Int], startStep: Int) {
    self.synapses = synapses
    self.startStep = startStep
    samples = Array(repeating: [], count: synapses.count)
  }

  mutating func sample(_ projection: Projection) {
    for (k, s) in synapses.enumerated() { samples[k].append(projection.weight(at: s)) }
  }
}
