#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The rules a connection's synapses follow: spike-timing-dependent, short-term, or both.
public struct Plasticity: Sendable, Equatable {
  public var stdp: STDPRule?
  public var shortTerm: ShortTermRule?

  public init(stdp: STDPRule? = nil, shortTerm: ShortTermRule? = nil) {
    self.stdp = stdp
    self.shortTerm = shortTerm
  }

  /// Bytes each synapse needs beyond its target: its weight now and at t = 0, and its place in the
  /// postsynaptic index.
  public var bytesPerSynapse: Int { stdp == nil ? 4 : 24 }
}

/// The changing part of a plastic projection: one weight per synapse (and the weights to return to at
/// reset), each presynaptic and postsynaptic neuron's trace and the step of its last spike, each
/// presynaptic neuron's short-term state, and for STDP the synapses onto each postsynaptic neuron.
struct PlasticSynapses: Sendable {
  let rules: Plasticity
  private(set) var weights: [Double]
  private let initialWeights: [Double]
  private var preTrace: [Double]
  private var preStep: [Int]
  private var postTrace: [Double]
  private var postStep: [Int]
  private var shortTerm: [ShortTermRule.State]
  private var shortTermStep: [Int]
  /// Synapses onto post neuron `j` are `columnSynapses[columnStart[j]..<columnStart[j + 1]]`, with
  /// their presynaptic rows in `columnRows`.
  private let columnStart: [Int]
  private let columnSynapses: [Int32]
  private let columnRows: [Int32]

  init(rules: Plasticity, weights: [Double], rowStart: [Int], targets: [Int32], postRange: Range<Int>) {
    self.rules = rules
    self.weights = weights
    initialWeights = weights
    let rows = rowStart.count - 1
    preTrace = Array(repeating: 0, count: rows)
    preStep = Array(repeating: Int.min / 2, count: rows)
    postTrace = Array(repeating: 0, count: postRange.count)
    postStep = Array(repeating: Int.min / 2, count: postRange.count)
    shortTerm = Array(repeating: ShortTermRule.State(), count: rules.shortTerm == nil ? 0 : rows)
    shortTermStep = Array(repeating: Int.min / 2, count: shortTerm.count)
    guard rules.stdp != nil else {
      (columnStart, columnSynapses, columnRows) = ([], [], [])
      return
    }
    var counts = [Int](repeating: 0, count: postRange.count + 1)
    for target in targets { counts[Int(target) - postRange.lowerBound + 1] += 1 }
    for j in 0..<postRange.count { counts[j + 1] += counts[j] }
    var next = counts
    var synapses = [Int32](repeating: 0, count: targets.count)
    var synapseRows = [Int32](repeating: 0, count: targets.count)
    for r in 0..<rows {
      for s in rowStart[r]..<rowStart[r + 1] {
        let j = Int(targets[s]) - postRange.lowerBound
        synapses[next[j]] = Int32(s)
        synapseRows[next[j]] = Int32(r)
        next[j] += 1
      }
    }
    (columnStart, columnSynapses, columnRows) = (counts, synapses, synapseRows)
  }

  /// Back to t = 0: the weights drawn at connect, no traces, synapses at rest.
  mutating func reset() {
    weights = initialWeights
    for i in preTrace.indices {
      preTrace[i] = 0
      preStep[i] = Int.min / 2
    }
    for j in postTrace.indices {
      postTrace[j] = 0
      postStep[j] = Int.min / 2
    }
    for r in shortTerm.indices {
      shortTerm[r] = ShortTermRule.State()
      shortTermStep[r] = Int.min / 2
    }
  }

  /// Delivers the spikes of presynaptic rows `rows` that arrive in step `step` (at its end), then
  /// applies their side of STDP: weights first reach their targets, then change.
  mutating func deliver(
    rows: [Int], step: Int, dt: Double, rowStart: [Int], targets: [Int32], postLower: Int,
    into values: UnsafeMutableBufferPointer<Double>
  ) {
    for r in rows {
      var scale = 1.0
      if let stp = rules.shortTerm {
        scale = stp.spike(&shortTerm[r], elapsed: Double(step - shortTermStep[r]) * dt)
        shortTermStep[r] = step
      }
      for s in rowStart[r]..<rowStart[r + 1] { values[Int(targets[s])] += weights[s] * scale }
      guard let stdp = rules.stdp else { continue }
      for s in rowStart[r]..<rowStart[r + 1] {
        let j = Int(targets[s]) - postLower
        let trace = postTrace[j] * exp(-Double(step - postStep[j]) * dt / stdp.tauDepression)
        weights[s] = stdp.depressed(weights[s], postTrace: trace)
      }
      preTrace[r] = stdp.traceAfterSpike(preTrace[r] * exp(-Double(step - preStep[r]) * dt / stdp.tauPotentiation))
      preStep[r] = step
    }
  }

  /// Applies the postsynaptic side of STDP for the post neurons (indices in the post range) that fired in `step`.
  mutating func postsynapticSpikes(_ fired: [Int], step: Int, dt: Double) {
    guard let stdp = rules.stdp else { return }
    for j in fired {
      for c in columnStart[j]..<columnStart[j + 1] {
        let r = Int(columnRows[c]), s = Int(columnSynapses[c])
        let trace = preTrace[r] * exp(-Double(step - preStep[r]) * dt / stdp.tauPotentiation)
        weights[s] = stdp.potentiated(weights[s], preTrace: trace)
      }
      postTrace[j] = stdp.traceAfterSpike(postTrace[j] * exp(-Double(step - postStep[j]) * dt / stdp.tauDepression))
      postStep[j] = step
    }
  }
}
