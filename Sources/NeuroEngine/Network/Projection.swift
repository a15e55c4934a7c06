#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroUnits

/// Synapses from a range of one group's neurons to a range of another's (or the same), stored
/// in compressed rows (CSR): for each presynaptic neuron, the indices of its targets. Every
/// synapse adds its weight to a channel of its target when the spike arrives, `delaySteps` steps after
/// it (the step it fired in when 0), and the target feels it from the next step on.
/// Weights and delays are one value for all synapses, or drawn per synapse (weights as
/// 4-byte floats, delays as 2-byte step counts). A plastic projection keeps its weights, which
/// change as it runs, in `plastic` (8-byte doubles).
public struct Projection: Sendable {
  /// Names the projection for as long as it exists, whatever is removed around it.
  public internal(set) var id = ConnectionID(index: -1)
  public let pre: GroupID
  public let preRange: Range<Int>
  public let post: GroupID
  public let postRange: Range<Int>
  public internal(set) var channel: Int
  public let weight: Double
  /// Per-synapse weights, when drawn from a distribution.
  let weights: [Float]?
  /// Per-synapse delays in steps of `delayDt`, when drawn from a distribution.
  private(set) var synapseDelays: [UInt16]?
  private var delayDt: Double
  /// The delay (s); in steps once the time step is known.
  public let delay: Double
  public private(set) var delaySteps: Int
  /// Row `r` (presynaptic neuron `preRange.lowerBound + r`) is `targets[rowStart[r]..<rowStart[r + 1]]`.
  let rowStart: [Int]
  /// Postsynaptic neurons, as indices in the post group.
  let targets: [Int32]
  /// Spikes waiting for their delay: slot `step % delaySteps` (none when the delay is 0).
  var pending: [[Int]]
  /// The weights, traces and short-term state of a plastic projection.
  var plastic: PlasticSynapses?

  /// The rules its synapses follow, when plastic.
  public var plasticity: Plasticity? { plastic?.rules }

  public var synapseCount: Int { targets.count }

  /// Bytes the connectivity takes per synapse (targets, row starts and the delay queue).
  public var bytesPerSynapse: Double {
    let extras = perSynapseExtras + (plastic?.rules.bytesPerSynapse ?? 0)
    let bytes = targets.count * (MemoryLayout<Int32>.size + extras) + rowStart.count * MemoryLayout<Int>.size
    return Double(bytes) / Double(max(1, targets.count))
  }

  /// How the synapses are drawn.
  public enum Rule: Sendable, Equatable {
    /// Each pair independently with probability p (geometric skipping, as Brian2's connect(p=…)).
    case probability(Double)
    case allToAll
    case oneToOne
    /// Each postsynaptic neuron gets exactly k sources.
    case inDegree(Int)
    /// Each presynaptic neuron gets exactly k targets.
    case outDegree(Int)
  }

  /// The expected number of synapses a rule makes, to refuse networks that would not fit.
  public static func expectedSynapses(_ rule: Rule, pre: Int, post: Int) -> Double {
    switch rule {
    case .probability(let p): return p * Double(pre) * Double(post)
    case .allToAll: return Double(pre) * Double(post)
    case .oneToOne: return Double(min(pre, post))
    case .inDegree(let k): return Double(k) * Double(post)
    case .outDegree(let k): return Double(k) * Double(pre)
    }
  }

  /// Draws the synapses of `rule`; nil when `shouldStop` says yes (asked every thousand rows). A
  /// plastic projection takes one delay for all its synapses.
  public init?(
    pre: GroupID, preRange: Range<Int>, post: GroupID, postRange: Range<Int>, channel: Int, weight: Draw,
    delay: Draw, dt: Double, rule: Rule, allowSelf: Bool, plasticity: Plasticity? = nil,
    random: inout RandomSource, shouldStop: () -> Bool = { false }
  ) {
    func stopping(_ row: Int) -> Bool { row % 1000 == 999 && shouldStop() }
    self.pre = pre
    self.preRange = preRange
    self.post = post
    self.postRange = postRange
    self.channel = channel
    self.weight = weight.constantValue ?? 0
    self.delay = delay.constantValue ?? delay.upperBound
    delayDt = dt
    delaySteps = 0
    pending = []
    let sameGroup = pre == post
    func allowed(_ i: Int, _ j: Int) -> Bool { allowSelf || !sameGroup || i != j }
    var rows = [Int](repeating: 0, count: preRange.count + 1)
    var targets: [Int32] = []
    switch rule {
    case .probability(let p):
      targets.reserveCapacity(
        min(1 << 24, Int(saturating: p * Double(preRange.count) * Double(postRange.count) * 1.05)) + 16)
      let logOfMiss = p < 1 ? log1p(-p) : -Double.infinity
      for (r, i) in preRange.enumerated() {
        if stopping(r) { return nil }
        rows[r] = targets.count
        guard p > 0 else { continue }
        var j = postRange.lowerBound - 1
        while true {
          let u = 1 - random.uniform()
          j += 1 + (p >= 1 ? 0 : Int(clampingToSteps: floor(log(u) / logOfMiss)))
          if j >= postRange.upperBound { break }
          if allowed(i, j) { targets.append(Int32(j)) }
        }
      }
    case .allToAll:
      for (r, i) in preRange.enumerated() {
        if stopping(r) { return nil }
        rows[r] = targets.count
        for j in postRange where allowed(i, j) { targets.append(Int32(j)) }
      }
    case .oneToOne:
      for (r, i) in preRange.enumerated() {
        rows[r] = targets.count
        let j = postRange.lowerBound + r
        if j < postRange.upperBound, allowed(i, j) { targets.append(Int32(j)) }
      }
    case .outDegree(let k):
      for (r, i) in preRange.enumerated() {
        if stopping(r) { return nil }
        rows[r] = targets.count
        var chosen = Set<Int>()
        let candidates = postRange.filter { allowed(i, $0) }
        while chosen.count < min(k, candidates.count) {
          chosen.insert(
            candidates[
              min(candidates.count - 1, Int(saturating: random.uniform() * Double(candidates.count), rounding: .down))])
        }
        targets += chosen.sorted().map { Int32($0) }
      }
    case .inDegree(let k):
      var sources = [[Int32]](repeating: [], count: preRange.count)
      for j in postRange {
        if stopping(j - postRange.lowerBound) { return nil }
        let candidates = preRange.filter { allowed($0, j) }
        var chosen = Set<Int>()
        while chosen.count < min(k, candidates.count) {
          chosen.insert(
            candidates[
              min(candidates.count - 1, Int(saturating: random.uniform() * Double(candidates.count), rounding: .down))])
        }
        for i in chosen { sources[i - preRange.lowerBound].append(Int32(j)) }
      }
      for r in sources.indices {
        rows[r] = targets.count
        targets += sources[r].sorted()
      }
    }
    rows[preRange.count] = targets.count
    rowStart = rows
    self.targets = targets
    if let plasticity {
      // Under STDP weights live within [0, w_max]: drawn ones start there too.
      let (lowest, highest) = plasticity.stdp.map { (0, $0.maxWeight) } ?? (-Double.infinity, Double.infinity)
      let drawn = Self.synapseWeights(weight, rows: rows, targets: targets, postStart: postRange.lowerBound, &random)
        .map { min(highest, max(lowest, $0)) }
      plastic = PlasticSynapses(
        rules: plasticity, weights: drawn, rowStart: rows, targets: targets, postRange: postRange)
      weights = nil
    } else if weight.constantValue == nil {
      weights = Self.synapseWeights(weight, rows: rows, targets: targets, postStart: postRange.lowerBound, &random)
        .map { Float($0) }
    } else {
      weights = nil
    }
    if delay.constantValue == nil && plasticity == nil {
      synapseDelays = (0..<targets.count).map { _ in
        UInt16(clamping: max(0, Int(clampingToSteps: delay.sample(&random) / dt)))
      }
    } else {
      synapseDelays = nil
    }
  }

  /// The number of steps the longest delay needs in a queue.
  var longestDelaySteps: Int { Int(synapseDelays?.max() ?? UInt16(delaySteps)) }

  /// Takes this step's spikes of the pre group and gives back those whose delay is over now.
  mutating func due(_ fired: [Int], step: Int) -> [Int] {
    if delaySteps == 0 { return fired }
    let slot = step % delaySteps
    let ready = pending[slot]
    pending[slot] = fired
    return ready
  }

  /// Turns the delay into whole steps (0: delivered in the step of the spike) and empties the queue.
  mutating func prepare(dt: Double) {
    if let delays = synapseDelays, dt != delayDt {
      synapseDelays = delays.map { UInt16(clamping: max(0, Int(clampingToSteps: Double($0) * delayDt / dt))) }
      delayDt = dt
    }
    let steps = max(0, Int(clampingToSteps: delay / dt))
    if steps != delaySteps || pending.count != steps {
      delaySteps = steps
      pending = Array(repeating: [], count: steps)
    }
  }

  /// Empties the queue; a plastic projection returns to the weights it had at t = 0.
  mutating func clearPending() {
    for i in pending.indices { pending[i] = [] }
    plastic?.reset()
  }

  /// Delivers the spikes due now through plastic synapses and applies their presynaptic side of plasticity.
  mutating func deliverPlastic(_ due: [Int], step: Int, dt: Double, into values: UnsafeMutableBufferPointer<Double>) {
    plastic?.deliver(
      due, lower: preRange.lowerBound, step: step, dt: dt, rowStart: rowStart, targets: targets,
      postLower: postRange.lowerBound, into: values)
  }

  /// Applies the postsynaptic side of STDP for these neurons of the post group, which fired in `step`.
  mutating func postsynapticSpikes(_ fired: [Int], step: Int, dt: Double) {
    plastic?.postsynapticSpikes(fired, lower: postRange.lowerBound, step: step, dt: dt)
  }

  /// The weight of synapse `s` now.
  @inline(__always)
  func weight(at s: Int) -> Double {
    if let plastic { return plastic.weights[s] }
    return weights.map { Double($0[s]) } ?? weight
  }

  /// Adds the weights of the synapses of these presynaptic neurons into the channel values: all of them,
  /// or those onto the post neurons in `within` (each thread of a shared step takes a range).
  func deliver(_ fired: [Int], into values: UnsafeMutableBufferPointer<Double>, within: Range<Int>? = nil) {
    let w = weight, lower = preRange.lowerBound
    rowStart.withUnsafeBufferPointer { rows in
      targets.withUnsafeBufferPointer { cols in
        // The synapses of row r onto `within`: the targets of a row are in ascending order.
        func span(_ r: Int) -> Range<Int> {
          guard let within else { return rows[r]..<rows[r + 1] }
          let first = Self.firstTarget(atLeast: within.lowerBound, cols, rows[r]..<rows[r + 1])
          return first..<Self.firstTarget(atLeast: within.upperBound, cols, first..<rows[r + 1])
        }
        if let weights {
          weights.withUnsafeBufferPointer { ws in
            for i in fired where preRange.contains(i) {
              for s in span(i - lower) { values[Int(cols[s])] += Double(ws[s]) }
            }
          }
          return
        }
        for i in fired where preRange.contains(i) {
          for s in span(i - lower) { values[Int(cols[s])] += w }
        }
      }
    }
  }

  /// The first synapse in `range` whose target is at least `bound` (the targets ascending), by bisection.
  private static func firstTarget(atLeast bound: Int, _ cols: UnsafeBufferPointer<Int32>, _ range: Range<Int>) -> Int {
    var (low, high) = (range.lowerBound, range.upperBound)
    while low < high {
      let middle = (low + high) / 2
      if Int(cols[middle]) < bound { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// With per-synapse delays: queues this step's spikes in `queue` (one array of post values per
  /// step ahead), then adds what is due now into the channel values.
  func deliverDelayed(
    _ fired: [Int], step: Int, queue: inout [[Double]], into values: UnsafeMutableBufferPointer<Double>
  ) {
    guard let delays = synapseDelays else { return }
    let depth = queue.count, lower = preRange.lowerBound
    for i in fired where preRange.contains(i) {
      let r = i - lower
      for s in rowStart[r]..<rowStart[r + 1] {
        let slot = (step + Int(delays[s])) % depth
        queue[slot][Int(targets[s])] += weight(at: s)
      }
    }
    let now = step % depth
    for j in queue[now].indices where queue[now][j] != 0 {
      values[j] += queue[now][j]
      queue[now][j] = 0
    }
  }

  /// The weight of every synapse, in order: drawn one by one, or read from a matrix by (row, target).
  private static func synapseWeights(
    _ weight: Draw, rows: [Int], targets: [Int32], postStart: Int, _ random: inout RandomSource
  ) -> [Double] {
    guard case .matrix(let values, let columns) = weight else {
      return targets.map { _ in weight.constantValue ?? weight.sample(&random) }
    }
    var weights: [Double] = []
    weights.reserveCapacity(targets.count)
    for r in 0..<(rows.count - 1) {
      for s in rows[r]..<rows[r + 1] { weights.append(values[r * columns + Int(targets[s]) - postStart]) }
    }
    return weights
  }

  /// Bytes per synapse of the drawn weights and delays.
  var perSynapseExtras: Int { (weights == nil ? 0 : 4) + (synapseDelays == nil ? 0 : 2) }
}
