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
public struct PoissonGroup: NeuronGroup {
  public var rate: Double
  public let count: Int
  private var random: RandomSource
  private var seed: UInt64
  private var probability = -1.0
  /// log(1 − probability), for drawing gaps.
  private var logOfMiss = 0.0
  /// Trials from the first source of the coming step to the next spike.
  private var gap = 0

  public init(count: Int, rate: Double, seed: UInt64) {
    self.count = count
    self.rate = rate
    self.seed = seed
    random = RandomSource(seed: seed)
  }

  /// Takes the rate of another Poisson group, keeping this one's random stream.
  public mutating func takeParameters(of other: any NeuronGroup) -> Bool {
    guard let other = other as? PoissonGroup else { return false }
    rate = other.rate
    return true
  }

  public var variableNames: [String] { [] }
  public func values(of variable: String) -> [Double]? { nil }

  /// A new probability draws a new gap (the trials have no memory); the same one keeps the gap, so
  /// that two runs give the spikes of one run as long.
  public mutating func prepare(dt: Double) {
    let p = min(1, max(0, rate * dt))
    guard p != probability else { return }
    probability = p
    logOfMiss = log1p(-p)
    gap = nextGap()
  }

  /// Trials up to and including the next success, less one.
  private mutating func nextGap() -> Int {
    if probability >= 1 { return 0 }
    if probability <= 0 { return Int.max }
    return Int(clampingToSteps: floor(log(1 - random.uniform()) / logOfMiss))
  }

  public mutating func step(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {
    while gap < count {
      spikes.append(gap)
      let next = nextGap()
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
