#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Independent Poisson spike sources: each fires in a step with probability rate · dt. The spikes are
/// drawn as intervals, not as one coin flip per source per step: the steps of all sources, one after
/// another, form a single sequence of trials, and the gap to the next spike in it is geometric. The
/// numbers are those of the coin flips (each trial succeeds independently with the same probability),
/// and a step costs what its spikes cost.
///
/// With a `correlation` c > 0 the sources share a mother train, and each source keeps each of her
/// spikes with probability k (the multiple interaction process of Kuhn, Aertsen & Rotter 2003). With
/// q = rate · dt, k = c + q(1 − c) and the mother's probability a step q/k, each source still fires in a
/// step with probability q and the counts of any two correlate with coefficient exactly c (k ≈ c and
/// the mother's rate ≈ rate/c when q is small).
public struct PoissonGroup: NeuronGroup {
  public var rate: Double
  public var correlation: Double
  public let count: Int
  private var random: RandomSource
  private var seed: UInt64
  private var probability = -1.0
  /// log(1 − probability), for drawing gaps.
  private var logOfMiss = 0.0
  /// Trials from the first source of the coming step to the next spike.
  private var gap = 0
  /// With a correlation: the probability that a source keeps a spike of the mother train, and its log(1 − k).
  private var keep = 1.0
  private var logOfDrop = 0.0

  public init(count: Int, rate: Double, correlation: Double = 0, seed: UInt64) {
    self.count = count
    self.rate = rate
    self.correlation = correlation
    self.seed = seed
    random = RandomSource(seed: seed)
  }

  /// Takes the rate of another Poisson group, keeping this one's random stream.
  public mutating func takeParameters(of other: any NeuronGroup) -> Bool {
    guard let other = other as? PoissonGroup else { return false }
    rate = other.rate
    correlation = other.correlation
    probability = -1
    return true
  }

  public var variableNames: [String] { [] }
  public func values(of variable: String) -> [Double]? { nil }

  /// A new probability draws a new gap (the trials have no memory); the same one keeps the gap, so
  /// that two runs give the spikes of one run as long.
  public mutating func prepare(dt: Double) {
    let q = min(1, max(0, rate * dt))
    keep = correlation > 0 ? correlation + q * (1 - correlation) : 1
    let p = correlation > 0 && keep > 0 ? q / keep : q
    guard p != probability else { return }
    probability = p
    logOfMiss = log1p(-p)
    logOfDrop = log1p(-keep)
    gap = nextGap(probability, logOfMiss)
  }

  /// Failures before the next success, in trials that succeed with probability `p` (log(1 − p) given).
  private mutating func nextGap(_ p: Double, _ logOfFailure: Double) -> Int {
    if p >= 1 { return 0 }
    if p <= 0 { return Int.max }
    return Int(clampingToSteps: floor(log(1 - random.uniform()) / logOfFailure))
  }

  public mutating func step(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {
    if correlation > 0 {
      // One trial a step, the mother's; a spike of hers is each source's with probability k.
      if gap == 0 {
        var i = nextGap(keep, logOfDrop)
        while i < count {
          spikes.append(i)
          let next = nextGap(keep, logOfDrop)
          i = next >= count - i ? count : i + 1 + next
        }
        gap = nextGap(probability, logOfMiss)
      } else if gap != Int.max {
        gap -= 1
      }
      return
    }
    while gap < count {
      spikes.append(gap)
      let next = nextGap(probability, logOfMiss)
      gap = next > Int.max - gap - 1 ? Int.max : gap + 1 + next
    }
    if gap != Int.max { gap -= count }
  }

  public mutating func add(_ amount: Double, to variable: String) -> Bool { false }

  public mutating func resetState() {
    random = RandomSource(seed: seed)
    probability = -1
  }
}
