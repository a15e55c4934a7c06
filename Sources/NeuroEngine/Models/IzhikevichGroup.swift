/// Parameters of the Izhikevich (2003) neuron, in the paper's units turned into SI:
/// `dv/dt = (0.04 v² + 5 v + 140 - u + R I) / ms` and `du/dt = a (b v - u)` (v, u in mV),
/// spike at v ≥ 30 mV, then v = c and u += d.
public struct IzhikevichParameters: Sendable, Equatable {
  /// Recovery rate (Hz; the paper's 0.02 per ms is 20 Hz).
  public var a = 20.0
  /// Sensitivity of u to v (a plain number).
  public var b = 0.2
  /// Reset potential (V).
  public var c = -65e-3
  /// Jump of u after a spike (V).
  public var d = 8e-3
  public var peak = 30e-3
  /// Turns an injected current into the paper's input (1 MΩ: 10 nA is the paper's I = 10).
  public var resistance = 1e6
  public var initialPotential = -65e-3
  /// Adaptive steps (the default), or the paper's forward Euler.
  public var method = IntegrationMethod.adaptive

  public init() {}
}

/// A group of Izhikevich neurons, advanced by adaptive Runge–Kutta steps (within 1 % of the converged spike
/// times at any dt up to 0.1 ms, where the paper's forward Euler, `method: euler`, is 5–15 % off), each spike
/// placed where v reaches the peak inside the step.
public struct IzhikevichGroup: ParameterizedGroup {
  public var parameters: IzhikevichParameters
  private var v: [Double]
  private var u: [Double]
  private var leads: [Double]
  /// Each neuron's trial sub-step (ms), carried from step to step.
  private var substep: [Double]
  private var dt = 1e-4

  public init(count: Int, parameters: IzhikevichParameters) {
    self.parameters = parameters
    v = Array(repeating: parameters.initialPotential, count: count)
    u = Array(repeating: parameters.b * parameters.initialPotential, count: count)
    leads = Array(repeating: 0, count: count)
    substep = Array(repeating: 0.1, count: count)
  }

  public var count: Int { v.count }
  public var variableNames: [String] { ["v", "u"] }

  public func values(of variable: String) -> [Double]? {
    switch variable {
    case "v": return v
    case "u": return u
    default: return nil
    }
  }

  public mutating func prepare(dt: Double) { self.dt = dt }

  /// The error allowed per sub-step: 0.1 mV on v and u plus 10⁻³ of their size (spike times within 0.1 % of
  /// converged; tighter costs more sub-steps for nothing a student sees).
  static let tolerance = (absolute: SIMD2(1e-1, 1e-1), relative: 1e-3)

  public mutating func step(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {
    guard parameters.method == .adaptive else { return stepEuler(input: input, spikes: &spikes) }
    let p = parameters, duration = dt * 1e3
    let stepper = AdaptivePlanarStep(
      absolute: Self.tolerance.absolute, relative: Self.tolerance.relative, peak: p.peak * 1e3)
    let a = p.a * 1e-3, b = p.b
    for i in 0..<v.count {
      // In the paper's units: mV and ms.
      var y = SIMD2(v[i] * 1e3, u[i] * 1e3)
      let drive = 140 + p.resistance * input[i] * 1e3
      stepper.advanceFiring(
        &y, step: &substep[i], duration: duration,
        derivative: { s in SIMD2(0.04 * s.x * s.x + 5 * s.x + drive - s.y, a * (b * s.x - s.y)) },
        spiked: { elapsed, y in
          spikes.append(i)
          leads[i] = (duration - elapsed) * 1e-3
          y = SIMD2(p.c * 1e3, y.y + p.d * 1e3)
          return true
        })
      v[i] = y.x * 1e-3
      u[i] = y.y * 1e-3
    }
  }

  public var spikeLeads: [Double]? { parameters.method == .adaptive ? leads : nil }

  /// The paper's forward Euler, both derivatives from the old state; spikes at the end of the step.
  private mutating func stepEuler(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {
    let p = parameters
    let perMillisecond = dt * 1e3
    for i in 0..<v.count {
      let vm = v[i] * 1e3, um = u[i] * 1e3
      let dv = 0.04 * vm * vm + 5 * vm + 140 - um + p.resistance * input[i] * 1e3
      let du = p.a * 1e-3 * (p.b * vm - um)
      v[i] = (vm + perMillisecond * dv) * 1e-3
      u[i] = (um + perMillisecond * du) * 1e-3
      if v[i] >= p.peak {
        spikes.append(i)
        v[i] = p.c
        u[i] += p.d
      }
    }
  }

  public mutating func add(_ amount: Double, to variable: String) -> Bool {
    switch variable {
    case "v": for i in v.indices { v[i] += amount }
    case "u": for i in u.indices { u[i] += amount }
    default: return false
    }
    return true
  }

  public mutating func resetState() {
    for i in v.indices {
      v[i] = parameters.initialPotential
      u[i] = parameters.b * parameters.initialPotential
      substep[i] = 0.1
    }
  }
}
