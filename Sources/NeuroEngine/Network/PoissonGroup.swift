#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroUnits

/// Independent Poisson spike sources at any rate: each source fires a Poisson number of spikes in a step,
/// of mean q = rate · dt (several when q is not small). The spikes are drawn as intervals, not as one
/// draw per source per step: the steps of all sources, one after another, form one line of slots of
/// length 1, the gaps between events along it are exponential of mean 1/q, and a source fires in a step as
/// many times as events fall in its slot. The counts are exactly Poisson, and a step costs what its
/// spikes cost. A source firing k times appears k times in the step's list.
///
/// With a `correlation` c > 0 the sources share a mother train, and each source keeps each of her
/// spikes with probability k (the multiple interaction process of Kuhn, Aertsen & Rotter 2003): with
/// k = c + q(1 − c) (at most 1) and the mother's mean a step cq/k², two sources' counts correlate
/// with coefficient exactly c; each source adds independent spikes of mean q(1 − c/k) a step, so that it
/// still fires at its rate (k ≈ c, the mother's rate ≈ rate/c and no independent spikes to speak of when
/// q is small).
public struct PoissonGroup: NeuronGroup {
  public var rate: Double
  public var correlation: Double
  public let count: Int
  private var random: RandomSource
  private var seed: UInt64
  /// The mean number of independent events a slot (a source in a step); -1 before the first run.
  private var slotMean = -1.0
  /// Where the next independent event falls, in slots from the first source of the coming step.
  private var next = 0.0
  /// With a correlation: the probability that a source keeps a spike of the mother train, its log(1 − k),
  /// the mother's mean a step and where her next spike falls, in steps from the coming one.
  private var keep = 1.0
  private var logOfDrop = 0.0
  private var motherMean = 0.0
  private var motherNext = 0.0

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
    slotMean = -1
    return true
  }

  public var variableNames: [String] { [] }
  public func values(of variable: String) -> [Double]? { nil }

  /// New means draw new gaps (the process has no memory); the same ones keep them, so that two runs give
  /// the spikes of one run as long.
  public mutating func prepare(dt: Double) {
    let q = max(0, rate * dt)
    let c = min(1, max(0, correlation))
    let k = c > 0 ? min(1, c + q * (1 - c)) : 1
    let independent = c > 0 ? q * max(0, 1 - c / k) : q
    let mother = c > 0 ? c * q / (k * k) : 0
    guard independent != slotMean || mother != motherMean || k != keep else { return }
    (slotMean, motherMean, keep) = (independent, mother, k)
    logOfDrop = log1p(-k)
    next = interval(independent)
    motherNext = interval(mother)
  }

  /// The gap to the next event of a Poisson process with `mean` events per unit.
  private mutating func interval(_ mean: Double) -> Double {
    mean > 0 && mean.isFinite ? random.exponential() / mean : .infinity
  }

  /// Failures before the next success, in trials that succeed with probability `keep`.
  private mutating func nextKept() -> Int {
    if keep >= 1 { return 0 }
    if keep <= 0 { return Int.max }
    return Int(clampingToSteps: floor(log(1 - random.uniform()) / logOfDrop))
  }

  public mutating func step(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {
    // The mother's spikes in this step, each kept by every source with probability k.
    while motherNext < 1 {
      var i = nextKept()
      while i < count {
        spikes.append(i)
        let gap = nextKept()
        i = gap >= count - i ? count : i + 1 + gap
      }
      motherNext += interval(motherMean)
    }
    motherNext -= 1
    let slots = Double(count)
    while next < slots {
      spikes.append(Int(saturating: next, rounding: .down))
      next += interval(slotMean)
    }
    next -= slots
  }

  public mutating func add(_ amount: Double, to variable: String) -> Bool { false }

  public mutating func resetState() {
    random = RandomSource(seed: seed)
    slotMean = -1
    motherMean = -1
  }
}
