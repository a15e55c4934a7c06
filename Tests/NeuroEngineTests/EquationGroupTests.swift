import Foundation
import Testing
@testable import NeuroEngine

/// User-written models run by the compiled equation engine, against the built-in groups.
@Suite struct EquationGroupTests {
  /// `dv/dt = (-(v - v_rest) + R I) / tau`, spike at v > v_th, v = v_reset.
  private func lifModel(_ p: LIFParameters, method: IntegrationMethod) -> EquationModel {
    // parameters: tau, v_rest, v_th, v_reset, R
    let dv = EquationNode.divide(
      .add(.negate(.subtract(.state(0), .parameter(1))), .multiply(.parameter(4), .input)), .parameter(0))
    return EquationModel(
      stateNames: ["v"], derivatives: [dv], threshold: .subtract(.state(0), .parameter(2)), inclusiveThreshold: false,
      resets: [.init(state: 0, value: .parameter(3), increment: false)], initialValues: [.parameter(1)],
      parameters: [p.tau, p.restingPotential, p.threshold, p.resetPotential, p.resistance], method: method,
      refractoryPeriod: p.refractoryPeriod)
  }

  @Test(arguments: [(IntegrationMethod.euler, IntegrationMethod.euler), (.exponentialEuler, .exact)])
  func userLIFFiresWhenTheBuiltInDoes(user: IntegrationMethod, builtIn: IntegrationMethod) {
    var p = LIFParameters()
    p.refractoryPeriod = 2e-3
    p.method = builtIn
    p.spikeTiming = .grid  // models written in neuro place spikes at the end of the step
    let reference = runNeuron(LIFGroup(count: 1, parameters: p), current: 2.5e-9, duration: 0.3)
    let twin = runNeuron(EquationGroup(count: 1, model: lifModel(p, method: user)), current: 2.5e-9, duration: 0.3)
    let expected = reference.simulation.spikeTimes(reference.id)
    #expect(expected.count > 10)
    #expect(twin.simulation.spikeTimes(twin.id) == expected)
  }

  @Test func userIzhikevichFiresWhenTheBuiltInDoes() {
    // v, u in volts; parameters: a, b, c, d, R
    let mV = 1e-3, ms = 1e-3
    let dv = EquationNode.divide(
      .add(
        .subtract(
          .add(
            .add(
              .multiply(.constant(0.04), .divide(.power(.state(0), 2), .constant(mV))),
              .multiply(.constant(5), .state(0))), .constant(140 * mV)), .state(1)),
        .multiply(.parameter(4), .input)), .constant(ms))
    let du = EquationNode.multiply(.parameter(0), .subtract(.multiply(.parameter(1), .state(0)), .state(1)))
    let model = EquationModel(
      stateNames: ["v", "u"], derivatives: [dv, du], threshold: .subtract(.state(0), .constant(30 * mV)),
      inclusiveThreshold: true,
      resets: [
        .init(state: 0, value: .parameter(2), increment: false), .init(state: 1, value: .parameter(3), increment: true),
      ],
      initialValues: [.constant(-65 * mV), .multiply(.parameter(1), .constant(-65 * mV))],
      parameters: [20, 0.2, -50 * mV, 2 * mV, 1e6], method: .euler, refractoryPeriod: 0)
    var p = IzhikevichParameters()
    (p.a, p.b, p.c, p.d) = (20, 0.2, -50 * mV, 2 * mV)
    p.method = .euler  // the paper's scheme, as the twin
    let reference = runNeuron(IzhikevichGroup(count: 1, parameters: p), current: 10e-9, duration: 0.5)
    let twin = runNeuron(EquationGroup(count: 1, model: model), current: 10e-9, duration: 0.5)
    let expected = reference.simulation.spikeTimes(reference.id)
    #expect(expected.count > 10)
    #expect(twin.simulation.spikeTimes(twin.id) == expected)
  }

  /// dx/dt = -x / tau from x = 1: the error at t = tau shrinks with the method's order.
  @Test(arguments: [(IntegrationMethod.euler, 1e-2), (.rk2, 1e-4), (.rk4, 1e-9), (.exponentialEuler, 1e-12)])
  func methodsReachTheirOrder(method: IntegrationMethod, tolerance: Double) throws {
    let model = EquationModel(
      stateNames: ["x"], derivatives: [.divide(.negate(.state(0)), .constant(10e-3))], threshold: nil,
      inclusiveThreshold: false, resets: [], initialValues: [.constant(1)], parameters: [], method: method,
      refractoryPeriod: 0)
    let (simulation, id) = runNeuron(EquationGroup(count: 3, model: model), current: 0, duration: 10e-3, dt: 1e-4)
    let x = try #require(simulation.trace(id, variable: "x")?.values.last)
    #expect(abs(x - exp(-1)) < tolerance, "\(method): \(abs(x - exp(-1)))")
  }

  /// dx/dt = x / 1 ms grows past every bound: the run stops and names the variable.
  @Test func divergenceIsReported() {
    let model = EquationModel(
      stateNames: ["x"], derivatives: [.multiply(.power(.state(0), 2), .constant(1e6))], threshold: nil,
      inclusiveThreshold: false, resets: [], initialValues: [.constant(1)], parameters: [], method: .euler,
      refractoryPeriod: 0)
    let simulation = Simulation()
    _ = simulation.add(EquationGroup(count: 2, model: model))
    guard case .diverged(_, let variable, let neuron, let time) = simulation.run(steps: 1000) else {
      Issue.record("no divergence reported")
      return
    }
    #expect(variable == "x" && neuron == 0)
    #expect(time < 0.1)
  }

  @Test func symbolicDerivative() {
    let node = EquationNode.multiply(.function(.exp, .state(0)), .state(1))
    let d = node.derivative(withRespectTo: 0).folded(parameters: [])
    let value = d.value(state: { $0 == 0 ? 0.5 : 3 }, parameters: [], input: 0, time: 0)
    #expect(abs(value - 3 * exp(0.5)) < 1e-12)
  }
}
