/// Wong & Wang's decision model as a group in the world: one decision circuit per member, each with its
/// own noise, advanced by Euler–Maruyama at the world's step. It records S1, S2, r1 and r2 (Hz) and
/// "fires" (member i) at the step a rate first reaches the threshold.
public struct DecisionGroup: ParameterizedGroup {
  public var parameters: DecisionModel
  /// The coherence (%) of the stimulus it sees.
  public var coherence: Double
  private var seed: UInt64
  private var s1: [Double], s2: [Double], n1: [Double], n2: [Double], r1: [Double], r2: [Double]
  private var decided: [Bool]
  private var random: RandomSource
  private var dt = 1e-4

  public init(count: Int, parameters: DecisionModel, coherence: Double, seed: UInt64) {
    self.parameters = parameters
    self.coherence = coherence
    self.seed = seed
    (s1, s2) = (
      Array(repeating: parameters.initialS, count: count), Array(repeating: parameters.initialS, count: count)
    )
    (n1, n2) = (Array(repeating: 0, count: count), Array(repeating: 0, count: count))
    let start = parameters.derivatives(
      parameters.initialS, parameters.initialS, inputs: parameters.stimulus(coherence: coherence), noise: (0, 0))
    (r1, r2) = (Array(repeating: start.r1, count: count), Array(repeating: start.r2, count: count))
    decided = Array(repeating: false, count: count)
    random = RandomSource(seed: seed)
  }

  public var count: Int { s1.count }
  public var variableNames: [String] { ["S1", "S2", "r1", "r2"] }

  public func values(of variable: String) -> [Double]? {
    switch variable {
    case "S1": return s1
    case "S2": return s2
    case "r1": return r1
    case "r2": return r2
    default: return nil
    }
  }

  public mutating func prepare(dt: Double) { self.dt = dt }

  public mutating func step(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {
    let p = parameters, inputs = p.stimulus(coherence: coherence)
    let noiseStep = p.noise * (dt / p.tauNoise).squareRoot(), leak = dt / p.tauNoise
    for i in s1.indices {
      let f = p.derivatives(s1[i], s2[i], inputs: inputs, noise: (n1[i], n2[i]))
      s1[i] = min(1, max(0, s1[i] + dt * f.0))
      s2[i] = min(1, max(0, s2[i] + dt * f.1))
      n1[i] += -n1[i] * leak + noiseStep * random.normal()
      n2[i] += -n2[i] * leak + noiseStep * random.normal()
      let next = p.derivatives(s1[i], s2[i], inputs: inputs, noise: (n1[i], n2[i]))
      (r1[i], r2[i]) = (next.r1, next.r2)
      if !decided[i], r1[i] >= p.threshold || r2[i] >= p.threshold {
        decided[i] = true
        spikes.append(i)
      }
    }
  }

  public mutating func add(_ amount: Double, to variable: String) -> Bool {
    switch variable {
    case "S1": for i in s1.indices { s1[i] = min(1, max(0, s1[i] + amount)) }
    case "S2": for i in s2.indices { s2[i] = min(1, max(0, s2[i] + amount)) }
    default: return false
    }
    return true
  }

  /// Takes the parameters and the coherence of another decision group.
  public mutating func takeParameters(of other: any NeuronGroup) -> Bool {
    guard let other = other as? DecisionGroup else { return false }
    (parameters, coherence) = (other.parameters, other.coherence)
    return true
  }

  public mutating func resetState() {
    self = DecisionGroup(count: count, parameters: parameters, coherence: coherence, seed: seed)
  }
}
