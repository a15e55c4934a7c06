#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroUnits

/// Parameters of the adaptive exponential integrate-and-fire neuron (Brette & Gerstner 2005), SI:
/// `C dv/dt = -g_L (v - E_L) + g_L Δ_T exp((v - V_T)/Δ_T) - w + I`, `τ_w dw/dt = a (v - E_L) - w`;
/// at v > v_peak: v = V_r, w += b.
public struct AdExParameters: Sendable, Equatable {
  public var capacitance = 281e-12
  public var leak = 30e-9
  public var restingPotential = -70.6e-3
  public var thresholdPotential = -50.4e-3
  public var slope = 2e-3
  public var adaptationTime = 144e-3
  public var subthresholdAdaptation = 4e-9
  public var spikeAdaptation = 80.5e-12
  public var resetPotential = -70.6e-3
  public var peak = 0.0
  public var refractoryPeriod = 0.0

  public init() {}
}

/// A group of AdEx neurons, advanced by forward Euler.
public struct AdExGroup: ParameterizedGroup {
  public var parameters: AdExParameters
  private var v: [Double]
  private var w: [Double]
  private var refractoryStepsLeft: [Int32]
  private var dt = 1e-4
  private var refractorySteps: Int32 = 0

  public init(count: Int, parameters: AdExParameters) {
    self.parameters = parameters
    v = Array(repeating: parameters.restingPotential, count: count)
    w = Array(repeating: 0, count: count)
    refractoryStepsLeft = Array(repeating: 0, count: count)
  }

  public var count: Int { v.count }
  public var variableNames: [String] { ["v", "w"] }

  public func values(of variable: String) -> [Double]? {
    switch variable {
    case "v": return v
    case "w": return w
    default: return nil
    }
  }

  public mutating func prepare(dt: Double) {
    self.dt = dt
    // Refractory from the start of the step in which the neuron fired: one step is that step.
    refractorySteps = max(0, Int32(saturating: parameters.refractoryPeriod / dt - 1))
  }

  public mutating func step(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {
    let p = parameters
    for i in 0..<v.count {
      let dw = (p.subthresholdAdaptation * (v[i] - p.restingPotential) - w[i]) / p.adaptationTime
      if refractoryStepsLeft[i] > 0 {
        refractoryStepsLeft[i] -= 1
        v[i] = p.resetPotential
        w[i] += dt * dw
        continue
      }
      let dv =
        (-p.leak * (v[i] - p.restingPotential) + p.leak * p.slope * exp((v[i] - p.thresholdPotential) / p.slope)
          - w[i] + input[i]) / p.capacitance
      v[i] += dt * dv
      w[i] += dt * dw
      if v[i] > p.peak {
        spikes.append(i)
        v[i] = p.resetPotential
        w[i] += p.spikeAdaptation
        refractoryStepsLeft[i] = refractorySteps
      }
    }
  }

  public mutating func add(_ amount: Double, to variable: String) -> Bool {
    switch variable {
    case "v": for i in v.indices { v[i] += amount }
    case "w": for i in w.indices { w[i] += amount }
    default: return false
    }
    return true
  }

  public mutating func resetState() {
    for i in v.indices {
      v[i] = parameters.restingPotential
      w[i] = 0
      refractoryStepsLeft[i] = 0
    }
  }
}
