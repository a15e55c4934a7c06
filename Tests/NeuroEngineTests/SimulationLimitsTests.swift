import Testing
@testable import NeuroEngine

/// A run given a spike limit stops after the step that passes it, keeping what it recorded.
@Suite struct SimulationLimitsTests {
  @Test func aRunStopsAfterTheStepThatPassesItsSpikeLimit() {
    let simulation = Simulation()
    // 10 sources at 100 kHz with dt = 0.1 ms: about 10 spikes each a step, so about 100 a step.
    let group = simulation.add(PoissonGroup(count: 10, rate: 1e5, seed: 1))
    #expect(simulation.run(steps: 1000, spikeLimit: 550) == .spikeLimitReached)
    let steps = simulation.spikes(group).steps, last = simulation.stepIndex
    #expect(simulation.recordedSpikes == steps.count && steps.count > 550)
    #expect(steps.filter { $0 < last }.count <= 550)  // the step before passed nothing
    #expect(last > 3 && last < 9)
    #expect(simulation.run(steps: 10) == .completed)
    #expect(simulation.stepIndex == last + 10 && simulation.recordedSpikes > steps.count + 500)
  }
}

/// Drawing synapses stops when asked, adding nothing: no projection, no channel on the target group.
@Suite struct InterruptedConnectTests {
  @Test func aStoppedConnectAddsNothing() {
    let simulation = Simulation()
    let group = simulation.add(LIFGroup(count: 5000, parameters: LIFParameters()))
    var random = RandomSource(seed: 1)
    let outcome = simulation.connect(
      pre: group, preRange: 0..<5000, post: group, postRange: 0..<5000,
      channel: SynapticChannel(kind: .voltage, tau: 5e-3), weight: .constant(1e-4), delay: .constant(0),
      rule: .probability(0.1), allowSelf: true, random: &random, shouldStop: { true })
    #expect(outcome == .interrupted)
    #expect(simulation.allProjections.isEmpty)
    #expect(simulation.group(group).variableNames == ["v"])
    let made = simulation.connect(
      pre: group, preRange: 0..<10, post: group, postRange: 0..<10,
      channel: SynapticChannel(kind: .voltage, tau: 5e-3), weight: .constant(1e-4), delay: .constant(0),
      rule: .allToAll, allowSelf: true, random: &random, shouldStop: { false })
    #expect(made == .made(ConnectionID(index: 0), 100))
    #expect(simulation.group(group).variableNames == ["v", "s0"])
  }
}
