import Testing
@testable import NeuroEngine

/// A run given a spike limit stops after the step that passes it, keeping what it recorded.
@Suite struct SimulationLimitsTests {
  @Test func aRunStopsAfterTheStepThatPassesItsSpikeLimit() {
    let simulation = Simulation()
    // 10 sources at 1e6 Hz with dt = 0.1 ms: every source fires on every step.
    let group = simulation.add(PoissonGroup(count: 10, rate: 1e6, seed: 1))
    #expect(simulation.run(steps: 1000, spikeLimit: 55) == .spikeLimitReached)
    #expect(simulation.recordedSpikes == 60)
    #expect(simulation.stepIndex == 6)
    #expect(simulation.spikes(group).steps.count == 60)
    #expect(simulation.run(steps: 10) == .completed)
    #expect(simulation.recordedSpikes == 160)
  }
}
