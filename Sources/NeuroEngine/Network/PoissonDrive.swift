#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroUnits

/// Identifies a Poisson drive for as long as it exists.
public struct DriveID: Hashable, Sendable {
  public let index: Int
}

/// Independent Poisson drive into a range of one group's neurons, as if each neuron had `sources` Poisson
/// sources of its own at `rate` (Brian2's `PoissonInput`, NEST's `poisson_generator` connected to each):
/// each step each neuron's channel value grows by `weight` times a Poisson count of mean
/// λ = sources · rate · dt. The neurons are cut into blocks of `blockSize`, each with its own random
/// stream drawn from the seed, so the numbers do not depend on how blocks are shared among threads.
/// A block draws its counts from a table of the cumulative distribution (32 bits a neuron: two
/// neurons from one 64-bit number), or, when λ is small, as exponential gaps over the line of its
/// neuron-steps (a cost per event, not per neuron); a very large λ is drawn neuron by neuron (PTRS).
/// The first events arrive `delay` after the drive begins.
public struct PoissonDrive: Sendable {
  /// Neurons a block holds: a constant, whatever the number of threads.
  public static let blockSize = 4096
  /// Below this mean a step, counts are drawn as gaps between events.
  static let gapMeanLimit = 0.05
  /// Above this mean a step, counts are drawn one by one (a table would be too long).
  static let tableMeanLimit = 10_000.0

  /// Names the drive for as long as it exists.
  public internal(set) var id = DriveID(index: -1)
  /// The group whose neurons are driven.
  public let target: GroupID
  /// The neurons driven, as indices in the target group.
  public let range: Range<Int>
  /// The target's synaptic channel the events go into.
  public internal(set) var channel: Int
  /// Sources per neuron.
  public let sources: Int
  /// The rate of each source (Hz).
  public let rate: Double
  /// What one event adds to the channel (its unit is the channel's).
  public let weight: Double
  /// The time (s) from the drive's start to its first events.
  public let delay: Double
  private let seed: UInt64
  /// The step at which the drive began (0 after a reset).
  var startStep: Int
  private(set) var delaySteps = 0
  /// The mean count a neuron a step; -1 before the first run.
  private(set) var mean = -1.0
  private var table = PoissonCountTable(mean: 0)
  /// The random state of each block.
  public private(set) var blocks: [Block]

  /// One block's random stream and, when drawing gaps, where its next event falls (in neuron-steps from
  /// its first neuron in the coming step).
  public struct Block: Sendable {
    var random: RandomSource
    var next = Double.infinity
  }

  public init(
    target: GroupID, range: Range<Int>, channel: Int, sources: Int, rate: Double, weight: Double, delay: Double,
    seed: UInt64, startStep: Int
  ) {
    self.target = target
    self.range = range
    self.channel = channel
    self.sources = sources
    self.rate = rate
    self.weight = weight
    self.delay = delay
    self.seed = seed
    self.startStep = startStep
    blocks = []
    blocks = (0..<blockCount).map { Block(random: Self.stream(seed, block: $0)) }
  }

  /// The random stream of block `b`: the seed mixed with the block's number.
  private static func stream(_ seed: UInt64, block b: Int) -> RandomSource {
    RandomSource(seed: seed ^ (UInt64(b) &* 0xD1B5_4A32_D192_ED03))
  }

  /// How many blocks the range is cut into.
  public var blockCount: Int { (range.count + Self.blockSize - 1) / Self.blockSize }

  /// The neurons of block `b`, as indices in the target group.
  public func neurons(ofBlock b: Int) -> Range<Int> {
    let lower = range.lowerBound + b * Self.blockSize
    return lower..<min(range.upperBound, lower + Self.blockSize)
  }

  /// Takes the time step: the mean count a step, its table, the delay in steps.
  public mutating func prepare(dt: Double) {
    delaySteps = max(0, Int(clampingToSteps: delay / dt))
    let newMean = Double(sources) * rate * dt
    guard newMean != mean else { return }
    mean = newMean
    table = PoissonCountTable(mean: mean >= Self.gapMeanLimit && mean <= Self.tableMeanLimit ? mean : 0)
    // A new mean draws new gaps: the process has no memory.
    for b in blocks.indices { blocks[b].next = gap(&blocks[b].random) }
  }

  /// The gap to the next event along a block's neuron-steps.
  private func gap(_ random: inout RandomSource) -> Double {
    mean > 0 && mean < Self.gapMeanLimit ? random.exponential() / mean : .infinity
  }

  /// Back to t = 0: every block's stream from the start.
  mutating func reset() {
    startStep = 0
    mean = -1
    for b in blocks.indices { blocks[b] = Block(random: Self.stream(seed, block: b)) }
  }

  /// Adds the events of step `step` for every block into the channel values (one per neuron of the target).
  mutating func deliver(step: Int, into values: UnsafeMutableBufferPointer<Double>) {
    guard step >= startStep + delaySteps, mean > 0 else { return }
    for b in blocks.indices { deliver(block: b, into: values, state: &blocks[b]) }
  }

  /// Adds this step's events of the neurons of block `b` into the channel values; only `state`, the
  /// block's own, changes, so blocks can be delivered in any order or at once.
  public func deliver(block b: Int, into values: UnsafeMutableBufferPointer<Double>, state: inout Block) {
    let neurons = neurons(ofBlock: b), w = weight
    guard neurons.upperBound <= values.count else { return }
    if mean < Self.gapMeanLimit {
      let slots = Double(neurons.count)
      while state.next < slots {
        values[neurons.lowerBound + Int(saturating: state.next, rounding: .down)] += w
        state.next += state.random.exponential() / mean
      }
      state.next -= slots
    } else if mean > Self.tableMeanLimit {
      for i in neurons { values[i] += w * Double(state.random.poisson(mean: mean)) }
    } else {
      table.add(w, to: values, neurons, &state.random)
    }
  }
}

/// Poisson counts of one mean by the inverse of their cumulative distribution, read with 32 random bits:
/// `thresholds[k]` is P(count ≤ k) · 2³² rounded (the last 2³², so that every draw ends), and `guide`
/// gives, for the top 10 bits, the first count worth trying. Exact to 2⁻³² in each probability.
struct PoissonCountTable: Sendable {
  private var thresholds: [UInt64] = []
  private var guide: [Int32] = []

  init(mean: Double) {
    guard mean > 0, mean.isFinite else { return }
    let logMean = log(mean)
    var cumulative = 0.0, k = 0
    let scale = 0x1p32, last = mean + 40 * mean.squareRoot() + 40
    while Double(k) < last {
      cumulative += exp(-mean + Double(k) * logMean - lgamma(Double(k) + 1))
      let threshold = UInt64(saturating: min(scale, cumulative * scale), rounding: .toNearestOrEven)
      if threshold >= 1 << 32 { break }
      thresholds.append(threshold)
      k += 1
    }
    thresholds.append(1 << 32)
    var first = 0
    guide = (0..<1024).map { bucket in
      let low = UInt64(bucket) << 22
      while thresholds[first] <= low { first += 1 }
      return Int32(first)
    }
  }

  /// Adds `weight` times a count into each of the values of `neurons`, two counts from each 64-bit draw.
  @inline(__always)
  func add(
    _ weight: Double, to values: UnsafeMutableBufferPointer<Double>, _ neurons: Range<Int>,
    _ random: inout RandomSource
  ) {
    thresholds.withUnsafeBufferPointer { thresholds in
      guide.withUnsafeBufferPointer { guide in
        @inline(__always) func count(_ u: UInt32) -> Int {
          var k = Int(guide[Int(u >> 22)])
          while UInt64(u) >= thresholds[k] { k += 1 }
          return k
        }
        var i = neurons.lowerBound
        while i + 1 < neurons.upperBound {
          let bits = random.next()
          values[i] += weight * Double(count(UInt32(truncatingIfNeeded: bits)))
          values[i + 1] += weight * Double(count(UInt32(truncatingIfNeeded: bits >> 32)))
          i += 2
        }
        if i < neurons.upperBound { values[i] += weight * Double(count(UInt32(truncatingIfNeeded: random.next()))) }
      }
    }
  }
}
