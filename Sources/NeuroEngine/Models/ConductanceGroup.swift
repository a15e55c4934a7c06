#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroUnits

/// Parameters of the conductance-based point neuron (SI units):
/// `C dV/dt = -g_leak (V - V_rest) + g_exc (V_exc - V) + g_inh (V_inh - V) + I_ext + I`.
/// The conductances are a constant part plus synaptic events that decay exponentially.
public struct ConductanceParameters: Sendable, Equatable {
  public var capacitance = 1e-9
  public var leak = 0.1e-6
  public var restingPotential = -70e-3
  public var excitatoryReversal = 0.0
  public var inhibitoryReversal = -80e-3
  public var excitatoryConductance = 0.0
  public var inhibitoryConductance = 0.0
  public var excitatoryDecay = 5e-3
  public var inhibitoryDecay = 10e-3
  public var externalCurrent = 0.0
  /// 1 V: no spikes unless a threshold is given (the membrane stays between the reversal potentials).
  public var threshold = 1.0
  public var resetPotential = -70e-3
  public var refractoryPeriod = 0.0

  public init() {}
}

/// A group of conductance-based neurons. V is integrated exactly with each conductance held at its mean
/// over the step (exponential Euler, second order: an EPSP's peak within 0.1 % at 0.1 ms, where the
/// step-start conductance makes it 1 % high); the synaptic conductances decay exactly. A spike is placed
/// where v crosses threshold inside the step.
public struct ConductanceGroup: ParameterizedGroup {
  public var parameters: ConductanceParameters
  private var v: [Double]
  private var synapticExcitation: [Double]
  private var synapticInhibition: [Double]
  private var refractoryStepsLeft: [Int32]
  private var dt = 1e-4
  private var excitatoryFactor = 0.0, inhibitoryFactor = 0.0
  /// A decaying conductance's mean over a step, as a share of its value at the step's start.
  private var excitatoryMean = 0.0, inhibitoryMean = 0.0
  private var leads: [Double]
  private var refractorySteps: Int32 = 0

  public init(count: Int, parameters: ConductanceParameters) {
    self.parameters = parameters
    v = Array(repeating: parameters.restingPotential, count: count)
    synapticExcitation = Array(repeating: 0, count: count)
    synapticInhibition = Array(repeating: 0, count: count)
    refractoryStepsLeft = Array(repeating: 0, count: count)
    leads = Array(repeating: 0, count: count)
  }

  public var count: Int { v.count }
  public var variableNames: [String] { ["v", "g_exc", "g_inh"] }

  public func values(of variable: String) -> [Double]? {
    switch variable {
    case "v": return v
    case "g_exc": return synapticExcitation.map { $0 + parameters.excitatoryConductance }
    case "g_inh": return synapticInhibition.map { $0 + parameters.inhibitoryConductance }
    default: return nil
    }
  }

  public mutating func prepare(dt: Double) {
    self.dt = dt
    excitatoryFactor = exp(-dt / parameters.excitatoryDecay)
    inhibitoryFactor = exp(-dt / parameters.inhibitoryDecay)
    excitatoryMean = parameters.excitatoryDecay / dt * (1 - excitatoryFactor)
    inhibitoryMean = parameters.inhibitoryDecay / dt * (1 - inhibitoryFactor)
    // Refractory from the start of the step in which the neuron fired: one step is that step.
    refractorySteps = max(0, Int32(saturating: parameters.refractoryPeriod / dt - 1))
  }

  public mutating func step(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {
    let p = parameters
    for i in 0..<v.count {
      let gE = p.excitatoryConductance + synapticExcitation[i] * excitatoryMean
      let gI = p.inhibitoryConductance + synapticInhibition[i] * inhibitoryMean
      synapticExcitation[i] *= excitatoryFactor
      synapticInhibition[i] *= inhibitoryFactor
      if refractoryStepsLeft[i] > 0 {
        refractoryStepsLeft[i] -= 1
        v[i] = p.resetPotential
        continue
      }
      let total = p.leak + gE + gI
      let target =
        (p.leak * p.restingPotential + gE * p.excitatoryReversal + gI * p.inhibitoryReversal
          + p.externalCurrent + input[i]) / total
      let before = v[i]
      v[i] = target + (before - target) * exp(-dt * total / p.capacitance)
      if v[i] > p.threshold {
        spikes.append(i)
        // Where v crossed inside the step, on the exponential it follows there.
        let crossing =
          before < p.threshold ? p.capacitance / total * log((before - target) / (p.threshold - target)) : 0
        leads[i] = dt - min(dt, max(0, crossing))
        v[i] = p.resetPotential
        refractoryStepsLeft[i] = refractorySteps
      }
    }
  }

  public var spikeLeads: [Double]? { leads }

  public mutating func add(_ amount: Double, to variable: String) -> Bool {
    switch variable {
    case "g_exc": for i in synapticExcitation.indices { synapticExcitation[i] += amount }
    case "g_inh": for i in synapticInhibition.indices { synapticInhibition[i] += amount }
    case "v": for i in v.indices { v[i] += amount }
    default: return false
    }
    return true
  }

  public mutating func resetState() {
    for i in v.indices {
      v[i] = parameters.restingPotential
      synapticExcitation[i] = 0
      synapticInhibition[i] = 0
      refractoryStepsLeft[i] = 0
    }
  }
}
