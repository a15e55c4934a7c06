import Foundation

/// How a model's differential equations are advanced over one step.
public enum IntegrationMethod: String, Sendable, CaseIterable {
  /// The exact solution of linear dynamics for an input held constant over the step.
  case exact
  /// Forward Euler: simple, first-order, for teaching.
  case euler
  /// The midpoint method, second order.
  case rk2
  /// Classic fourth-order Runge–Kutta.
  case rk4
  /// Each variable advanced exactly as if its equation were linear in it over the step
  /// (exact for linear equations; the usual choice for conductance models).
  case exponentialEuler = "exponential_euler"
}

/// Parameters of a leaky integrate-and-fire neuron, in SI units:
/// `tau dv/dt = -(v - v_rest) + R I`, spike when v > v_th, then v = v_reset for t_ref.
public struct LIFParameters: Sendable, Equatable {
  public var tau: Double
  public var restingPotential: Double
  public var threshold: Double
  public var resetPotential: Double
  public var resistance: Double
  public var refractoryPeriod: Double
  public var method: IntegrationMethod

  public init(tau: Double = 10e-3, restingPotential: Double = -70e-3, threshold: Double = -55e-3,
              resetPotential: Double = -70e-3, resistance: Double = 10e6, refractoryPeriod: Double = 0,
              method: IntegrationMethod = .exact) {
    self.tau = tau
    self.restingPotential = restingPotential
    self.threshold = threshold
    self.resetPotential = resetPotential
    self.resistance = resistance
    self.refractoryPeriod = refractoryPeriod
    self.method = method
  }

  /// The analytic firing rate (Hz) under a constant current (A); 0 below rheobase.
  public func analyticRate(current: Double) -> Double {
    let drive = resistance * current
    let gap = threshold - restingPotential
    guard drive > gap else { return 0 }
    return 1 / (refractoryPeriod + tau * log(drive / (drive - gap)))
  }
}

/// A group of LIF neurons sharing parameters; the membrane potential is one array.
public struct LIFGroup: NeuronGroup {
  public var parameters: LIFParameters
  public private(set) var v: [Double]
  private var refractoryStepsLeft: [Int32]
  private var decay = 0.0
  private var eulerFactor = 0.0
  private var refractorySteps: Int32 = 0

  public init(count: Int, parameters: LIFParameters) {
    self.parameters = parameters
    v = Array(repeating: parameters.restingPotential, count: count)
    refractoryStepsLeft = Array(repeating: 0, count: count)
  }

  public var count: Int { v.count }
  public var variableNames: [String] { ["v"] }

  public func values(of variable: String) -> [Double]? { variable == "v" ? v : nil }

  public mutating func prepare(dt: Double) {
    decay = exp(-dt / parameters.tau)
    eulerFactor = dt / parameters.tau
    refractorySteps = Int32(clamping: Int((parameters.refractoryPeriod / dt).rounded()))
  }

  public mutating func step(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {
    let p = parameters
    for i in 0..<v.count {
      if refractoryStepsLeft[i] > 0 {
        refractoryStepsLeft[i] -= 1
        v[i] = p.resetPotential
        continue
      }
      let target = p.restingPotential + p.resistance * input[i]
      if p.method == .euler {
        v[i] += eulerFactor * (target - v[i])
      } else {
        v[i] = target + (v[i] - target) * decay
      }
      if v[i] > p.threshold {
        spikes.append(i)
        v[i] = p.resetPotential
        refractoryStepsLeft[i] = refractorySteps
      }
    }
  }

  public mutating func add(_ amount: Double, to variable: String) -> Bool {
    guard variable == "v" else { return false }
    for i in v.indices { v[i] += amount }
    return true
  }

  public mutating func resetState() {
    for i in 0..<v.count {
      v[i] = parameters.restingPotential
      refractoryStepsLeft[i] = 0
    }
  }
}
