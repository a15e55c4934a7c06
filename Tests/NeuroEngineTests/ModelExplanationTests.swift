import Testing

@testable import NeuroEngine

/// `Simulation.explain` for the models other than LIF: the replay reproduces the simulated v, the resting
/// level, the parts and the remainder add up to it, and for a weak input below threshold the remainder (the
/// nonlinearity) is small beside the parts; for a linear model written in neuro it vanishes.
@Suite struct ModelExplanationTests {
  /// A quadratic integrate-and-fire model (rest −70 mV, unstable point −50 mV, 10 ms at rest, 100 pF).
  static let quadratic = EquationModel(
    stateNames: ["v"],
    derivatives: [
      .add(
        .multiply(
          .constant(5000), .multiply(.subtract(.state(0), .constant(-0.07)), .subtract(.state(0), .constant(-0.05)))),
        .multiply(.constant(1e10), .input))
    ],
    threshold: .subtract(.state(0), .constant(0)), inclusiveThreshold: false,
    resets: [.init(state: 0, value: .constant(-0.07), increment: false)], initialValues: [.constant(-0.07)],
    parameters: [], method: .rk2, refractoryPeriod: 0)

  /// The same membrane, linear: dv/dt = (−70 mV − v) / 10 ms + I / 100 pF.
  static let linear = EquationModel(
    stateNames: ["v"],
    derivatives: [
      .add(.multiply(.constant(100), .subtract(.constant(-0.07), .state(0))), .multiply(.constant(1e10), .input))
    ],
    threshold: nil, inclusiveThreshold: false, resets: [], initialValues: [.constant(-0.07)], parameters: [],
    method: .rk4, refractoryPeriod: 0)

  /// The conductance neuron with a threshold at -55 mV.
  static let firing = {
    var p = ConductanceParameters()
    p.threshold = -55e-3
    return p
  }()

  /// Each model with a weak current (a few mV at most) and a strong one (it fires).
  static let models: [(String, any NeuronGroup, weak: Double, strong: Double)] = [
    ("izhikevich", IzhikevichGroup(count: 1, parameters: IzhikevichParameters()), 0.2e-9, 10e-9),
    ("adex", AdExGroup(count: 1, parameters: AdExParameters()), 30e-12, 1e-9),
    ("hh", HodgkinHuxleyGroup(count: 1, parameters: HodgkinHuxleyParameters()), 0.1e-6, 10e-6),
    ("cond", ConductanceGroup(count: 1, parameters: firing), 0.1e-9, 2e-9),
    ("quadratic", EquationGroup(count: 1, model: quadratic), 2e-12, 300e-12),
  ]

  /// The neuron after 100 ms with `amplitude` from 20 to 80 ms, and an event on v at 50 ms.
  private func simulated(_ group: any NeuronGroup, _ amplitude: Double) -> (Simulation, GroupID) {
    let simulation = Simulation()
    let id = simulation.add(group)
    simulation.inject(StepCurrent(amplitude: amplitude, start: 0.02, end: 0.08), into: id)
    _ = simulation.schedule(StateEvent(variable: "v", amount: 0.2e-3, times: [0.05]), in: id)
    _ = simulation.run(steps: 1000)
    return (simulation, id)
  }

  @Test(arguments: models.indices) func weakInputsLeaveASmallRemainder(_ m: Int) throws {
    let (name, group, weak, _) = Self.models[m]
    let (simulation, id) = simulated(group, weak)
    #expect(simulation.spikes(id).steps.isEmpty, "\(name)")
    for step in [300, 550, 790] {
      let e = try #require(simulation.explain(id, neuron: 0, step: step, crossing: false))
      #expect(e.method == .linearisedAtRest && e.vRecorded && e.parts.count == (step > 500 ? 2 : 1))
      let sum = e.restPart + e.parts.reduce(0) { $0 + $1.value } + e.remainder
      #expect(abs(sum - e.v) <= 1e-9 * abs(e.v))
      let driven = e.parts.reduce(0) { $0 + abs($1.value) }
      #expect(driven > 4e-5 && abs(e.remainder) < 0.05 * driven, "\(name): \(e.remainder) of \(driven)")
    }
  }

  @Test(arguments: models.indices) func theReplayIsTheSimulatedNeuronAtASpike(_ m: Int) throws {
    let (name, group, _, strong) = Self.models[m]
    let (simulation, id) = simulated(group, strong)
    let spikes = simulation.spikes(id).steps
    #expect(spikes.count >= 2, "\(name)")
    let last = try #require(spikes.last)
    let e = try #require(simulation.explain(id, neuron: 0, step: last, crossing: true))
    #expect(e.afterSpike && e.fromStep >= spikes[spikes.count - 2] && e.step <= last)
    // The v explained is replayed and recorded: the two agree.
    let recorded = try #require(simulation.recordedV(id, neuron: 0, step: e.step))
    #expect(abs(e.v - recorded) <= 1e-12 * abs(recorded), "\(name)")
    let sum = e.restPart + e.parts.reduce(0) { $0 + $1.value } + e.remainder
    #expect(abs(sum - e.v) <= 1e-9 * abs(e.v))
  }

  @Test func aLinearModelWrittenInNeuroAddsUpExactly() throws {
    let (simulation, id) = simulated(EquationGroup(count: 1, model: Self.linear), 100e-12)
    for step in [300, 550, 790, 1000] {
      let e = try #require(simulation.explain(id, neuron: 0, step: step, crossing: false))
      #expect(abs(e.remainder) < 1e-9 * abs(e.v))
    }
  }

  @Test func spikeSourcesHaveNothingToExplain() {
    let simulation = Simulation()
    let id = simulation.add(SpikeTimesGroup(times: [[0.005]]))
    _ = simulation.run(steps: 100)
    #expect(simulation.explain(id, neuron: 0, step: 50, crossing: false) == nil)
  }
}
