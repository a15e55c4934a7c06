import Testing

@testable import NeuroEngine

/// `Simulation.explain`: for linear LIF neurons the parts add up to the simulated v (superposition), for a
/// single neuron under several currents and for a neuron of a network with excitatory and inhibitory pathways.
@Suite struct ExplanationTests {
  /// The largest remainder relative to v over some steps of a recorded neuron.
  private func largestRelativeRemainder(_ simulation: Simulation, _ id: GroupID, neuron: Int, steps: [Int]) -> Double {
    steps.compactMap { step -> Double? in
      guard let explanation = simulation.explain(id, neuron: neuron, step: step, crossing: false) else { return nil }
      #expect(explanation.vRecorded)
      return abs(explanation.remainder) / abs(explanation.v)
    }.max() ?? .infinity
  }

  @Test func currentsAddUpToTheSimulatedPotential() throws {
    let simulation = Simulation()
    let id = simulation.add(LIFGroup(count: 1, parameters: LIFParameters(refractoryPeriod: 2e-3)))
    simulation.inject(StepCurrent(amplitude: 2.5e-9, start: 0.02, end: 0.06), into: id)
    simulation.inject(StepCurrent(amplitude: -0.5e-9, start: 0.03, end: 0.08), into: id)
    simulation.inject(StepCurrent(amplitude: 0.2e-9, start: 0.01, end: 0.09, shape: .ramp(to: 1.2e-9)), into: id)
    simulation.inject(StepCurrent(amplitude: 0.4e-9, shape: .sine(frequency: 30)), into: id)
    _ = simulation.schedule(StateEvent(variable: "v", amount: 2e-3, times: [0.035, 0.07]), in: id)
    _ = simulation.run(steps: 1000)
    let spikes = simulation.spikes(id).steps
    #expect(spikes.count >= 2)
    let error = largestRelativeRemainder(simulation, id, neuron: 0, steps: Array(stride(from: 5, to: 1000, by: 37)))
    #expect(error < 1e-9)
    // At a spike, the explained value is the one that crossed the threshold, before the reset.
    let crossing = try #require(simulation.explain(id, neuron: 0, step: spikes[1], crossing: true))
    #expect(crossing.v > crossing.threshold ?? .infinity && crossing.afterSpike)
    // Counted from the first step after the spike before and its 2 ms (the spike inside its step, 20 steps on).
    #expect(crossing.fromStep == spikes[0] + 20)
    #expect(abs(crossing.remainder) < 1e-15)
    #expect(crossing.parts.count == 5)
  }

  @Test func pathwaysAndPresynapticNeuronsAddUpInANetwork() throws {
    let simulation = Simulation()
    var random = RandomSource(seed: 7)
    let exc = simulation.add(LIFGroup(count: 40, parameters: LIFParameters(refractoryPeriod: 2e-3)))
    let inh = simulation.add(LIFGroup(count: 10, parameters: LIFParameters(tau: 5e-3)))
    let post = simulation.add(LIFGroup(count: 3, parameters: LIFParameters(tau: 20e-3)))
    _ = simulation.record(post, variable: "v", neurons: [0, 1, 2])
    simulation.inject(StepCurrent(amplitude: 1.7e-9, neurons: 0..<40, shape: .noise(sd: 1e-9, seed: 3)), into: exc)
    simulation.inject(StepCurrent(amplitude: 1.8e-9), into: inh)
    simulation.inject(StepCurrent(amplitude: 1.2e-9, start: 0.01), into: post)
    let channels = [
      (exc, SynapticChannel(kind: .current, tau: 5e-3), Draw.uniform(0.05e-9, 0.15e-9), Draw.uniform(0.5e-3, 3e-3)),
      (exc, SynapticChannel(kind: .jump, tau: 0), Draw.constant(0.3e-3), Draw.constant(1e-3)),
      (inh, SynapticChannel(kind: .voltage, tau: 10e-3), Draw.constant(-1.5e-3), Draw.constant(0)),
    ]
    for (pre, channel, weight, delay) in channels {
      let made = simulation.connect(
        pre: pre, preRange: 0..<simulation.group(pre).count, post: post, postRange: 0..<3, channel: channel,
        weight: weight, delay: delay, rule: .probability(0.5), allowSelf: false, random: &random)
      #expect((made ?? 0) > 0)
    }
    _ = simulation.addDrive(
      target: post, range: 0..<3, channel: SynapticChannel(kind: .current, tau: 5e-3), sources: 50, rate: 20,
      weight: 0.05e-9, delay: 0, seed: 11)
    _ = simulation.run(steps: 600)
    _ = simulation.run(steps: 400)
    for neuron in 0..<3 {
      let error = largestRelativeRemainder(
        simulation, post, neuron: neuron, steps: Array(stride(from: 3, to: 1000, by: 29)))
      #expect(error < 1e-9)
    }
    let explanation = try #require(simulation.explain(post, neuron: 0, step: 1000, crossing: false))
    let sources = Set(explanation.parts.map(\.source))
    #expect(sources.count == 5)  // the current, three connections, the drive
    #expect(explanation.parts.contains { $0.value < 0 } && explanation.parts.contains { $0.value > 0 })
    // The presynaptic neurons' parts add up to their connections'.
    let byNeurons = explanation.presynaptic.reduce(0) { $0 + $1.value }
    let byConnections = explanation.parts.filter { if case .connection = $0.source { true } else { false } }
      .reduce(0) { $0 + $1.value }
    #expect(abs(byNeurons - byConnections) < 1e-12)
  }

  @Test func conductancesLeaveASmallRemainder() throws {
    let simulation = Simulation()
    var random = RandomSource(seed: 5)
    let pre = simulation.add(LIFGroup(count: 20, parameters: LIFParameters()))
    let post = simulation.add(LIFGroup(count: 1, parameters: LIFParameters(tau: 20e-3)))
    simulation.inject(StepCurrent(amplitude: 1.8e-9, neurons: 0..<20, shape: .ramp(to: 2.5e-9)), into: pre)
    simulation.inject(StepCurrent(amplitude: 1.2e-9), into: post)
    for reversal in [0.0, -80e-3] {
      _ = simulation.connect(
        pre: pre, preRange: reversal == 0 ? 0..<15 : 15..<20, post: post, postRange: 0..<1,
        channel: SynapticChannel(kind: .conductance(reversal: reversal), tau: 5e-3), weight: .constant(2e-9),
        delay: .constant(1e-3), rule: .allToAll, allowSelf: false, random: &random)
    }
    _ = simulation.run(steps: 1000)
    let explanation = try #require(simulation.explain(post, neuron: 0, step: 777, crossing: false))
    #expect(!explanation.linear)
    #expect(explanation.parts.count == 3)
    #expect(abs(explanation.remainder) < 0.2 * abs(explanation.v - explanation.restPart))
  }
}
