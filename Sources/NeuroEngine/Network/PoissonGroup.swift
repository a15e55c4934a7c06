/// Independent Poisson spike sources: each fires in a step with probability rate · dt.
public struct PoissonGroup: NeuronGroup {
  public var rate: Double
  public let count: Int
  private var random: RandomSource
  private var seed: UInt64
  private var probability = 0.0

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
  public mutating func prepare(dt: Double) { probability = rate * dt }

  public mutating func step(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {
    for i in 0..<count where random.uniform() < probability { spikes.append(i) }
  }

  public mutating func add(_ amount: Double, to variable: String) -> Bool { false }

  public mutating func resetState() { random = RandomSource(seed: seed) }
}
