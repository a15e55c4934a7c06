/// A population code in the world: Poisson neurons whose rates follow their tuning curves for the
/// stimulus shown now (each fires in a step with probability rate · dt).
public struct TunedGroup: NeuronGroup {
  public var code: PopulationCode
  /// The stimulus (degrees); changing it between runs changes the rates from then on.
  public var stimulus: Double
  private var seed: UInt64
  private var random: RandomSource
  private var probabilities: [Double] = []

  public init(code: PopulationCode, stimulus: Double, seed: UInt64) {
    self.code = code
    self.stimulus = stimulus
    self.seed = seed
    random = RandomSource(seed: seed)
  }

  public var count: Int { code.count }
  public var variableNames: [String] { [] }
  public func values(of variable: String) -> [Double]? { nil }

  public mutating func prepare(dt: Double) {
    probabilities = (0..<code.count).map { min(1, code.rate($0, stimulus: stimulus) * dt) }
  }

  public mutating func step(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {
    for i in probabilities.indices where random.uniform() < probabilities[i] { spikes.append(i) }
  }

  public mutating func add(_ amount: Double, to variable: String) -> Bool { false }

  public mutating func resetState() { random = RandomSource(seed: seed) }

  /// Takes the tuning and the stimulus of another tuned group (of any size: the preferences stay spread over
  /// this one's neurons), keeping this one's random stream.
  public mutating func takeParameters(of other: any NeuronGroup) -> Bool {
    guard let other = other as? TunedGroup else { return false }
    let size = code.count
    (code, stimulus) = (other.code, other.stimulus)
    code.count = size
    return true
  }
}
