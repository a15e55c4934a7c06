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
  public var bytesPerSynapse: Int { stdp == nil ? 16 : 24 }

  /// Bytes a projection needs whatever its synapses: traces and short-term state per neuron, the
  /// postsynaptic index's row starts and the two tables of trace decay.
  public func bytesPerProjection(pre: Int, post: Int) -> Int {
    let shortTermBytes = shortTerm == nil ? 0 : 24 * pre
    guard stdp != nil else { return shortTermBytes }
    return shortTermBytes + 16 * pre + 24 * post + 2 * PlasticSynapses.longestDecayTable * 8
  }
}

/// The changing part of a plastic projection: one weight per synapse (and the weights to return to at
/// reset), each presynaptic and postsynaptic neuron's trace and the step of its last spike, each
/// presynaptic neuron's short-term state, and for STDP the synapses onto each postsynaptic neuron.
struct PlasticSynapses: Sendable {
  let rules: Plasticity
  private(set) var weights: [Double]
  private let initialWeights: [Double]
  /// Every neuron's trace and short-term state; at rest at t = 0.
  private var state: NeuronState
  /// Synapses onto post neuron `j` are `columnSynapses[columnStart[j]..<columnStart[j + 1]]`, with
  /// their presynaptic rows in `columnRows`.
  private let columnStart: [Int]
  private let columnSynapses: [Int32]
  private let columnRows: [Int32]
  /// The most entries a table of trace decay holds (older traces decay by exp).
  static let longestDecayTable = 4096
  /// exp(−k·dt/τ) for a trace k steps old, up to where it falls below 1e-18 (then computed).
  private var preDecay: [Double] = []
  private var postDecay: [Double] = []
  private var decayDt = 0.0

  init(rules: Plasticity, weights: [Double], rowStart: [Int], targets: [Int32], postRange: Range<Int>) {
    self.rules = rules
    self.weights = weights
    initialWeights = weights
    let rows = rowStart.count - 1
    state = NeuronState(pre: rows, post: postRange.count, shortTerm: rules.shortTerm != nil)
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
    state = NeuronState(pre: state.preTrace.count, post: state.postTrace.count, shortTerm: !state.shortTerm.isEmpty)
  }

  /// The tables of trace decay for time step `dt`.
  private mutating func prepareDecay(dt: Double) {
    guard dt != decayDt, let stdp = rules.stdp else { return }
    decayDt = dt
    func table(_ tau: Double) -> [Double] {
      let length = Int(clampingToSteps: min(Double(Self.longestDecayTable), (41.5 * tau / dt).rounded(.up)))
      return (0..<max(1, length)).map { exp(-Double($0) * dt / tau) }
    }
    preDecay = table(stdp.tauPotentiation)
    postDecay = table(stdp.tauDepression)
  }

  @inline(__always)
  private func decay(_ table: [Double], age: Int, dt: Double, tau: Double) -> Double {
    age < table.count ? table[age] : exp(-Double(age) * dt / tau)
  }

  /// Delivers the spikes of the neurons `fired` (of the pre group; those outside rows `lower…` are not
  /// its) that arrive in step `step` (at its end), then applies their side of STDP: weights first
  /// reach their targets, then change.
  mutating func deliver(
    _ fired: [Int], lower: Int, step: Int, dt: Double, rowStart: [Int], targets: [Int32], postLower: Int,
    into values: UnsafeMutableBufferPointer<Double>
  ) {
    prepareDecay(dt: dt)
    let rows = rowStart.count - 1
    for i in fired where i >= lower && i - lower < rows {
      let r = i - lower
      var scale = 1.0
      if let stp = rules.shortTerm {
        scale = stp.spike(&state.shortTerm[r], elapsed: Double(step - state.shortTermStep[r]) * dt)
        state.shortTermStep[r] = step
      }
      for s in rowStart[r]..<rowStart[r + 1] { values[Int(targets[s])] += weights[s] * scale }
      guard let stdp = rules.stdp else { continue }
      for s in rowStart[r]..<rowStart[r + 1] {
        let j = Int(targets[s]) - postLower
        let trace =
          state.postTrace[j] * decay(postDecay, age: step - state.postStep[j], dt: dt, tau: stdp.tauDepression)
        weights[s] = stdp.depressed(weights[s], postTrace: trace)
      }
      let decayed = state.preTrace[r] * decay(preDecay, age: step - state.preStep[r], dt: dt, tau: stdp.tauPotentiation)
      state.preTrace[r] = stdp.traceAfterSpike(decayed)
      state.preStep[r] = step
    }
  }

  /// Applies the postsynaptic side of STDP for the neurons `fired` of the post group (those outside
  /// `lower…` are not its) that fired in `step`.
  mutating func postsynapticSpikes(_ fired: [Int], lower: Int, step: Int, dt: Double) {
    guard let stdp = rules.stdp else { return }
    prepareDecay(dt: dt)
    for i in fired where i >= lower && i - lower < state.postTrace.count {
      let j = i - lower
      for c in columnStart[j]..<columnStart[j + 1] {
        let r = Int(columnRows[c]), s = Int(columnSynapses[c])
        let trace = state.preTrace[r] * decay(preDecay, age: step - state.preStep[r], dt: dt, tau: stdp.tauPotentiation)
        weights[s] = stdp.potentiated(weights[s], preTrace: trace)
      }
      let decayed =
        state.postTrace[j] * decay(postDecay, age: step - state.postStep[j], dt: dt, tau: stdp.tauDepression)
      state.postTrace[j] = stdp.traceAfterSpike(decayed)
      state.postStep[j] = step
    }
  }
}

/// The traces of a plastic projection's neurons and the steps of their last spikes, and the short-term
/// state of its presynaptic neurons: at rest when made.
private struct NeuronState: Sendable {
  /// The step of a spike long before any run: a trace that old has decayed to nothing.
  static let longAgo = Int.min / 2
  var preTrace: [Double]
  var preStep: [Int]
  var postTrace: [Double]
  var postStep: [Int]
  var shortTerm: [ShortTermRule.State]
  var shortTermStep: [Int]

  init(pre: Int, post: Int, shortTerm: Bool) {
    preTrace = Array(repeating: 0, count: pre)
    preStep = Array(repeating: Self.longAgo, count: pre)
    postTrace = Array(repeating: 0, count: post)
    postStep = Array(repeating: Self.longAgo, count: post)
    self.shortTerm = Array(repeating: ShortTermRule.State(), count: shortTerm ? pre : 0)
    shortTermStep = Array(repeating: Self.longAgo, count: shortTerm ? pre : 0)
  }
}
