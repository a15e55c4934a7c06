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
  /// Adaptive steps (the default), or forward Euler.
  public var method = IntegrationMethod.adaptive

  public init() {}
}

/// A group of AdEx neurons, advanced by adaptive Runge–Kutta steps (as NEST's adaptive solver does; within
/// 1 % of the converged spike times where forward Euler, `method: euler`, at 0.1 ms is 2–13 % off and loses
/// spikes), each spike placed where v reaches v_peak inside the step.
public struct AdExGroup: ParameterizedGroup {
  public var parameters: AdExParameters
  private var v: [Double]
  private var w: [Double]
  private var refractoryStepsLeft: [Int32]
  private var leads: [Double]
  /// Each neuron's trial sub-step (ms), carried from step to step.
  private var substep: [Double]
  private var dt = 1e-4
  private var refractorySteps: Int32 = 0

  public init(count: Int, parameters: AdExParameters) {
    self.parameters = parameters
    v = Array(repeating: parameters.restingPotential, count: count)
    w = Array(repeating: 0, count: count)
    refractoryStepsLeft = Array(repeating: 0, count: count)
    leads = Array(repeating: 0, count: count)
    substep = Array(repeating: 0.1, count: count)
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
    // Adaptive: held for the rest of the spike's step, then whole steps (t_ref rounded to the step). Euler:
    // refractory from the start of the step in which the neuron fired, one step being that step.
    let whole = parameters.refractoryPeriod / dt - (parameters.method == .adaptive ? 0.5 : 1)
    refractorySteps = max(0, Int32(saturating: whole))
  }

  /// The error allowed per sub-step: 0.1 mV on v and 1 pA on w, plus 10⁻³ of their size (spike times within
  /// 0.1 % of converged).
  static let tolerance = (absolute: SIMD2(1e-1, 1), relative: 1e-3)

  public mutating func step(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {
    guard parameters.method == .adaptive else { return stepEuler(input: input, spikes: &spikes) }
    // In mV, pA, nS, pF and ms, so that both variables are of order one.
    let p = parameters, duration = dt * 1e3
    let stepper = AdaptivePlanarStep(
      absolute: Self.tolerance.absolute, relative: Self.tolerance.relative, peak: p.peak * 1e3)
    let gL = p.leak * 1e9, eL = p.restingPotential * 1e3, vT = p.thresholdPotential * 1e3, slope = p.slope * 1e3
    let c = p.capacitance * 1e12, a = p.subthresholdAdaptation * 1e9, tauW = p.adaptationTime * 1e3
    // While refractory v is held at V_r and w relaxes exactly towards a (V_r - E_L).
    let heldW = a * (p.resetPotential * 1e3 - eL), wDecay = exp(-duration / tauW)
    for i in 0..<v.count {
      var y = SIMD2(v[i] * 1e3, w[i] * 1e12)
      if refractoryStepsLeft[i] > 0 {
        refractoryStepsLeft[i] -= 1
        w[i] = (heldW + (y.y - heldW) * wDecay) * 1e-12
        continue
      }
      let drive = input[i] * 1e12
      stepper.advanceFiring(
        &y, step: &substep[i], duration: duration,
        derivative: { s in
          SIMD2(
            (gL * (eL - s.x) + gL * slope * exp((s.x - vT) / slope) - s.y + drive) / c,
            (a * (s.x - eL) - s.y) / tauW)
        },
        spiked: { elapsed, y in
          spikes.append(i)
          leads[i] = (duration - elapsed) * 1e-3
          y = SIMD2(p.resetPotential * 1e3, y.y + p.spikeAdaptation * 1e12)
          guard p.refractoryPeriod > 0 else { return true }
          refractoryStepsLeft[i] = refractorySteps
          y.y = heldW + (y.y - heldW) * exp(-(duration - elapsed) / tauW)
          return false
        })
      v[i] = y.x * 1e-3
      w[i] = y.y * 1e-12
    }
  }

  public var spikeLeads: [Double]? { parameters.method == .adaptive ? leads : nil }

  /// Forward Euler; spikes at the end of the step.
  private mutating func stepEuler(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {
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
      substep[i] = 0.1
    }
  }
}
