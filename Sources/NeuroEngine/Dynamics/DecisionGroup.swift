/// Wong & Wang's decision model as a group in the world: one decision circuit per member, each with its
/// own noise, advanced at the world's step. It records S1, S2, r1 and r2 (Hz) and the population it chose
/// (`choice`: 1 or 2, 0 before), and "fires" (member i) at the step a rate first reaches the threshold.
public struct DecisionGroup: ParameterizedGroup {
  public var parameters: DecisionModel
  /// The coherence (%) of the stimulus it sees.
  public var coherence: Double
  private var seed: UInt64
  private var states: [DecisionState]
  private var r1: [Double], r2: [Double]
  private var choices: [Double]
  private var random: RandomSource

  public init(count: Int, parameters: DecisionModel, coherence: Double, seed: UInt64) {
    self.parameters = parameters
    self.coherence = coherence
    self.seed = seed
    states = Array(repeating: parameters.start, count: count)
    let (first, second) = parameters.rates(parameters.start, inputs: parameters.stimulus(coherence: coherence))
    (r1, r2) = (Array(repeating: first, count: count), Array(repeating: second, count: count))
    choices = Array(repeating: 0, count: count)
    random = RandomSource(seed: seed)
  }

  public var count: Int { states.count }
  public var variableNames: [String] { ["S1", "S2", "r1", "r2", "choice"] }

  public func values(of variable: String) -> [Double]? {
    switch variable {
    case "S1": return states.map(\.s1)
    case "S2": return states.map(\.s2)
    case "r1": return r1
    case "r2": return r2
    case "choice": return choices
    default: return nil
    }
  }

  public mutating func prepare(dt: Double) { parameters.dt = dt }

  public mutating func step(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {
    let inputs = parameters.stimulus(coherence: coherence)
    for i in states.indices {
      parameters.advance(&states[i], inputs: inputs, random: &random)
      (r1[i], r2[i]) = parameters.rates(states[i], inputs: inputs)
      if choices[i] == 0, r1[i] >= parameters.threshold || r2[i] >= parameters.threshold {
        choices[i] = r1[i] >= r2[i] ? 1 : 2
        spikes.append(i)
      }
    }
  }

  public mutating func add(_ amount: Double, to variable: String) -> Bool {
    switch variable {
    case "S1": for i in states.indices { states[i].s1 = min(1, max(0, states[i].s1 + amount)) }
    case "S2": for i in states.indices { states[i].s2 = min(1, max(0, states[i].s2 + amount)) }
    default: return false
    }
    return true
  }

  /// Takes the parameters and the coherence of another decision group (keeping this one's step).
  public mutating func takeParameters(of other: any NeuronGroup) -> Bool {
    guard let other = other as? DecisionGroup else { return false }
    let dt = parameters.dt
    (parameters, coherence) = (other.parameters, other.coherence)
    parameters.dt = dt
    return true
  }

  public mutating func resetState() {
    self = DecisionGroup(count: count, parameters: parameters, coherence: coherence, seed: seed)
  }
}
