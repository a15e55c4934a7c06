#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Testing

@testable import NeuroEngine

/// Rate units: exact relaxation to f(drive), both transfer functions, and rate connections.
@Suite struct RateGroupTests {
  @Test func relaxesExactlyToTheTransferOfAConstantDrive() {
    // tau dr/dt = -r + f(20 Hz) from 0: r(t) = 20 Hz (1 - e^(-t/tau)), exact at every step.
    let simulation = Simulation()
    var p = RateParameters()
    p.tau = 10e-3
    let unit = simulation.add(RateGroup(count: 1, parameters: p))
    _ = simulation.record(unit, variable: "r", neurons: [0])
    simulation.inject(StepCurrent(amplitude: 20, start: nil, end: nil), into: unit)
    _ = simulation.run(steps: 300)
    let trace = simulation.trace(unit, variable: "r")?.values ?? []
    for k in [1, 100, 300] { #expect(abs(trace[k] - 20 * (1 - exp(-Double(k) * 1e-4 / 10e-3))) < 1e-12) }
  }

  @Test func transferFunctionsHaveTheirSlopeAndBounds() {
    var p = RateParameters()
    (p.gain, p.threshold, p.maximum) = (2, 5, 50)
    #expect(p.transfer(4) == 0)
    #expect(p.transfer(10) == 10)
    #expect(p.transfer(1000) == 50)
    p.transfer = .sigmoid
    #expect(abs(p.transfer(5) - 25) < 1e-12)
    let slope = (p.transfer(5 + 1e-6) - p.transfer(5 - 1e-6)) / 2e-6
    #expect(abs(slope - 2) < 1e-6)
  }

  @Test func aRateConnectionDrivesItsTargetWithWeightTimesRate() {
    // A source held at 10 Hz drives a target through weight 1.5: the target relaxes to 15 Hz.
    let simulation = Simulation()
    var p = RateParameters()
    p.tau = 5e-3
    let source = simulation.add(RateGroup(count: 1, parameters: p))
    let target = simulation.add(RateGroup(count: 1, parameters: p))
    _ = simulation.setValues(source, variable: "r", values: [10], at: 0..<1)
    simulation.inject(StepCurrent(amplitude: 10, start: nil, end: nil), into: source)
    var random = RandomSource(seed: 1)
    let made = simulation.connect(
      pre: source, preRange: 0..<1, post: target, postRange: 0..<1, channel: SynapticChannel(kind: .rate, tau: 1),
      weight: .constant(1.5), delay: .constant(0), rule: .allToAll, allowSelf: true, random: &random)
    #expect(made == 1)
    _ = simulation.run(steps: 2000)
    #expect(abs((simulation.group(target).values(of: "r")?[0] ?? 0) - 15) < 1e-9)
  }

  @Test func spikingNeuronsTakeNoRateChannel() {
    var lif = LIFGroup(count: 1, parameters: LIFParameters(method: .exact))
    #expect(lif.addChannel(SynapticChannel(kind: .rate, tau: 1)) == nil)
  }
}
