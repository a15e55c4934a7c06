import Foundation
import Testing
@testable import NeuroEngine

/// Runs one LIF neuron under a current and returns the simulation and its group.
private func simulate(_ parameters: LIFParameters, current: StepCurrent, duration: Double, dt: Double = 1e-4)
  -> (Simulation, GroupID)
{
  let simulation = Simulation()
  simulation.setTimeStep(dt)
  let id = simulation.add(LIFGroup(count: 1, parameters: parameters))
  simulation.inject(current, into: id)
  _ = simulation.run(steps: Int((duration / dt).rounded()))
  return (simulation, id)
}

@Suite struct LIFAccuracyTests {
  /// The source article's example (workload W1): the C reference's spike times exactly.
  @Test func seedExampleMatchesTheCReference() {
    let (simulation, id) = simulate(
      LIFParameters(spikeTiming: .grid), current: StepCurrent(amplitude: 2.5e-9, start: 20e-3, end: 60e-3),
      duration: 0.1)
    let times = simulation.spikeTimes(id).map { ($0 * 1e4).rounded() / 10 }
    #expect(times == [29.2, 38.4, 47.6, 56.8])
    #expect(simulation.trace(id, variable: "v")?.values.count == 1001)
  }

  /// Five constant suprathreshold currents: the rate from the interspike interval is
  /// 1/(t_ref + tau ln(RI/(RI - (v_th - v_rest)))) to 1e-9 (spikes where v crosses inside the step).
  @Test(arguments: [0.21e-9, 0.25e-9, 0.28e-9, 0.32e-9, 0.36e-9])
  func firingRateMatchesTheAnalyticRate(current: Double) throws {
    let p = LIFParameters(
      tau: 20e-3, restingPotential: -70e-3, threshold: -50e-3, resetPotential: -70e-3,
      resistance: 100e6, refractoryPeriod: 5e-3)
    let (simulation, id) = simulate(p, current: StepCurrent(amplitude: current), duration: 2)
    let times = simulation.spikeTimes(id)
    try #require(times.count >= 10)
    let meanInterval = (times.last! - times.first!) / Double(times.count - 1)
    let expected = p.analyticRate(current: current)
    #expect(abs(1 / meanInterval - expected) / expected < 1e-9, "rate \(1 / meanInterval) vs \(expected)")
  }

  /// With v_reset above v_rest and t_ref > 0, the interval is t_ref plus the climb from v_reset
  /// (not from v_rest) to v_th: every simulated interval to 1e-12 s.
  @Test(arguments: [1.6e-9, 2e-9, 3e-9, 5e-9])
  func analyticRateCountsTheClimbFromReset(current: Double) throws {
    let p = LIFParameters(
      tau: 20e-3, restingPotential: -70e-3, threshold: -55e-3, resetPotential: -60e-3,
      resistance: 10e6, refractoryPeriod: 2e-3)
    let (simulation, id) = simulate(p, current: StepCurrent(amplitude: current), duration: 1)
    let times = simulation.spikeTimes(id)
    try #require(times.count >= 10)
    let intervals = zip(times.dropFirst(), times).map { $0 - $1 }
    for interval in intervals { #expect(abs(interval - 1 / p.analyticRate(current: current)) < 1e-12) }
  }

  @Test func subthresholdCurrentSettlesAtRestPlusRI() throws {
    let p = LIFParameters()
    let (simulation, id) = simulate(p, current: StepCurrent(amplitude: 1e-9), duration: 0.2)
    let v = try #require(simulation.trace(id, variable: "v")?.values.last)
    #expect(simulation.spikeTimes(id).isEmpty)
    #expect(abs(v - (p.restingPotential + p.resistance * 1e-9)) < 1e-9)
  }

  /// Exact integration of the charging curve: v(t) = v_inf + (v_rest - v_inf) e^(-t/tau).
  @Test func exactIntegrationFollowsTheChargingCurve() throws {
    let p = LIFParameters()
    let (simulation, id) = simulate(p, current: StepCurrent(amplitude: 1e-9), duration: 0.03)
    let trace = try #require(simulation.trace(id, variable: "v"))
    let vInf = p.restingPotential + p.resistance * 1e-9
    for i in stride(from: 0, to: trace.values.count, by: 37) {
      let analytic = vInf + (p.restingPotential - vInf) * exp(-trace.time(at: i) / p.tau)
      #expect(abs(trace.values[i] - analytic) < 1e-12)
    }
  }

  /// Euler's error at a fixed time shrinks roughly in proportion to dt.
  @Test func eulerApproachesExactAsDtShrinks() throws {
    var p = LIFParameters()
    p.method = .euler
    let vInf = p.restingPotential + p.resistance * 1e-9
    let analytic = vInf + (p.restingPotential - vInf) * exp(-0.01 / p.tau)
    var errors: [Double] = []
    for dt in [1e-3, 1e-4, 1e-5] {
      let (simulation, id) = simulate(p, current: StepCurrent(amplitude: 1e-9), duration: 0.01, dt: dt)
      let v = try #require(simulation.trace(id, variable: "v")?.values.last)
      errors.append(abs(v - analytic))
    }
    #expect(errors[0] > errors[1] && errors[1] > errors[2])
    #expect(errors[0] / errors[1] > 8 && errors[0] / errors[1] < 12)
    #expect(errors[2] < 5e-6)  // under 5 µV at dt = 10 µs
  }

  @Test func refractoryPeriodHoldsTheResetPotentialOnTheGrid() throws {
    var p = LIFParameters(spikeTiming: .grid)
    p.refractoryPeriod = 2e-3
    let (simulation, id) = simulate(p, current: StepCurrent(amplitude: 5e-9), duration: 0.05)
    let trace = try #require(simulation.trace(id, variable: "v"))
    let first = try #require(simulation.spikeTimes(id).first)
    let spikeSample = Int((first / 1e-4).rounded())
    // Refractory for 2 ms from the start of the crossing step: the 19 steps after it hold v.
    for i in spikeSample...(spikeSample + 19) { #expect(trace.values[i] == p.resetPotential) }
    #expect(trace.values[spikeSample + 20] > p.resetPotential)
  }

  /// The figure: at dt = 1 ms a LIF under 2.5 nA fires at the analytic 109.1 Hz (on the grid: 100 Hz),
  /// for a refractory period that is not a whole number of steps too.
  @Test(arguments: [0, 2.35e-3])
  func atOneMillisecondTheRateIsTheAnalyticOne(refractory: Double) throws {
    let p = LIFParameters(refractoryPeriod: refractory)
    let (simulation, id) = simulate(p, current: StepCurrent(amplitude: 2.5e-9), duration: 1, dt: 1e-3)
    let times = simulation.spikeTimes(id)
    try #require(times.count >= 10)
    let expected = 1 / p.analyticRate(current: 2.5e-9)
    for (later, earlier) in zip(times.dropFirst(), times) { #expect(abs((later - earlier) - expected) < 1e-12) }
    if refractory == 0 { #expect(abs(1 / expected - 109.136) < 1e-3) }
    let (grid, gridID) = simulate(
      LIFParameters(spikeTiming: .grid), current: StepCurrent(amplitude: 2.5e-9), duration: 1, dt: 1e-3)
    #expect(grid.spikeTimes(gridID).count == 100)
  }

  /// Held at v_reset for exactly t_ref after a spike inside the step: the samples within t_ref of it stay at
  /// v_reset, the first one after has moved.
  @Test func refractoryPeriodHoldsTheResetPotentialFromTheCrossing() throws {
    let p = LIFParameters(refractoryPeriod: 2.05e-3)
    let (simulation, id) = simulate(p, current: StepCurrent(amplitude: 5e-9), duration: 0.05)
    let trace = try #require(simulation.trace(id, variable: "v"))
    let first = try #require(simulation.spikeTimes(id).first)
    for i in trace.values.indices where trace.time(at: i) > first && trace.time(at: i) <= first + p.refractoryPeriod {
      #expect(trace.values[i] == p.resetPotential)
    }
    let after = try #require(trace.values.indices.first { trace.time(at: $0) > first + p.refractoryPeriod })
    let free = trace.time(at: after) - (first + p.refractoryPeriod)
    let target = p.restingPotential + p.resistance * 5e-9
    #expect(abs(trace.values[after] - (target + (p.resetPotential - target) * exp(-free / p.tau))) < 1e-12)
  }

  /// Under exponentially decaying synaptic currents the precise spike times at 0.1 ms are those of a run at
  /// 1 µs to within 1 µs (the crossing found on the exact course of v inside the step).
  @Test func synapticInputSpikesMatchAFineRun() throws {
    func run(dt: Double) -> [Double] {
      let simulation = Simulation()
      simulation.setTimeStep(dt)
      let source = simulation.add(SpikeTimesGroup(times: [(1...40).map { Double($0) * 2.5e-3 }]))
      let target = simulation.add(LIFGroup(count: 1, parameters: LIFParameters(refractoryPeriod: 1e-3)))
      var random = RandomSource(seed: 1)
      _ = simulation.connect(
        pre: source, preRange: 0..<1, post: target, postRange: 0..<1,
        channel: SynapticChannel(kind: .voltage, tau: 5e-3), weight: .constant(10e-3), delay: .constant(0),
        rule: .allToAll, allowSelf: true, plasticity: nil, random: &random)
      _ = simulation.run(steps: Int((0.12 / dt).rounded()))
      return simulation.spikeTimes(target)
    }
    let coarse = run(dt: 1e-4), fine = run(dt: 1e-6)
    try #require(fine.count >= 5)
    #expect(coarse.count == fine.count)
    for (a, b) in zip(coarse, fine) { #expect(abs(a - b) < 1e-6, "\(a) against \(b)") }
  }
}
