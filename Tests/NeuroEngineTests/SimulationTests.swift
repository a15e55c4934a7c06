import Testing
@testable import NeuroEngine

@Suite struct SimulationTests {
  @Test func secondRunContinuesInTime() {
    let simulation = Simulation()
    let id = simulation.add(LIFGroup(count: 1, parameters: LIFParameters()))
    simulation.inject(StepCurrent(amplitude: 2.5e-9, start: 20e-3, end: 60e-3), into: id)
    _ = simulation.run(steps: 500)
    _ = simulation.run(steps: 500)
    #expect(simulation.stepIndex == 1000)
    #expect(simulation.spikeTimes(id).count == 4)
    #expect(simulation.trace(id, variable: "v")?.values.count == 1001)
  }

  @Test func resetReturnsToTimeZeroKeepingCurrents() {
    let simulation = Simulation()
    let id = simulation.add(LIFGroup(count: 1, parameters: LIFParameters()))
    simulation.inject(StepCurrent(amplitude: 2.5e-9), into: id)
    _ = simulation.run(steps: 300)
    let before = simulation.spikeTimes(id)
    simulation.reset()
    #expect(simulation.time == 0)
    #expect(simulation.trace(id, variable: "v")?.values.count == 1)
    _ = simulation.run(steps: 300)
    #expect(simulation.spikeTimes(id) == before)
  }

  @Test func currentsAddUp() {
    let simulation = Simulation()
    let id = simulation.add(LIFGroup(count: 1, parameters: LIFParameters()))
    simulation.inject(StepCurrent(amplitude: 0.5e-9), into: id)
    simulation.inject(StepCurrent(amplitude: 0.5e-9), into: id)
    _ = simulation.run(steps: 3000)
    let v = simulation.trace(id, variable: "v")?.values.last ?? 0
    #expect(abs(v - (-60e-3)) < 1e-9)
  }

  @Test func timeStepChangesOnlyAtTimeZero() {
    let simulation = Simulation()
    #expect(simulation.setTimeStep(5e-5))
    _ = simulation.add(LIFGroup(count: 1, parameters: LIFParameters()))
    _ = simulation.run(steps: 10)
    #expect(!simulation.setTimeStep(1e-4))
    #expect(simulation.dt == 5e-5)
    #expect(!Simulation().setTimeStep(0))
  }

  @Test func interruptionStopsEarlyAndKeepsWhatRan() {
    let simulation = Simulation()
    let id = simulation.add(LIFGroup(count: 1, parameters: LIFParameters()))
    var asked = 0
    let outcome = simulation.run(steps: 1_000_000) {
      asked += 1
      return asked >= 3
    }
    #expect(outcome == .interrupted)
    #expect(simulation.stepIndex == 3000)
    #expect(simulation.trace(id, variable: "v")?.values.count == 3001)
  }

  @Test func stepCurrentUsesTheStepGrid() {
    let c = StepCurrent(amplitude: 1, start: 20e-3, end: 60e-3)
    #expect(c.activeSteps(dt: 1e-4) == 200..<600)
    #expect(!StepCurrent(amplitude: 1, start: 1e300).activeSteps(dt: 1e-4).contains(1 << 40))
    #expect(StepCurrent(amplitude: 1, start: 5e-3, end: 1e-3).activeSteps(dt: 1e-4).isEmpty)
  }
}
