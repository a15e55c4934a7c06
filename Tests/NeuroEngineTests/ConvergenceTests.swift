import Testing

@testable import NeuroEngine

/// Accuracy by default: every built-in model at the default step (0.1 ms) fires as often as at a step twenty
/// times finer, each spike within 1 % of the time from the current's onset to it and each interval between spikes
/// within 1 % of the finer run's (whose spikes are converged: halving that step again moves them by far less).
@Suite struct ConvergenceTests {
  /// A model, the current that drives it from 10 ms, and how long to run.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let group: @Sendable () -> any NeuronGroup
    let current: Double
    let duration: Double
    var testDescription: String { name }
  }

  static let cases: [Case] = {
    var cases = [
      Case(name: "lif", group: { LIFGroup(count: 1, parameters: LIFParameters()) }, current: 2.5e-9, duration: 0.2),
      Case(
        name: "lif t_ref 2.05 ms", group: { LIFGroup(count: 1, parameters: LIFParameters(refractoryPeriod: 2.05e-3)) },
        current: 3e-9, duration: 0.2),
      Case(
        name: "cond", group: { ConductanceGroup(count: 1, parameters: conductance()) }, current: 2e-9,
        duration: 0.3),
      Case(
        name: "hh 10 µA", group: { HodgkinHuxleyGroup(count: 1, parameters: .init()) }, current: 10e-6, duration: 0.2),
      Case(
        name: "hh 20 µA", group: { HodgkinHuxleyGroup(count: 1, parameters: .init()) }, current: 20e-6, duration: 0.2),
      Case(
        name: "hh 100 µA", group: { HodgkinHuxleyGroup(count: 1, parameters: .init()) }, current: 1e-4, duration: 0.1),
    ]
    for (name, a, b, c, d) in [
      ("regular spiking", 0.02, 0.2, -65.0, 8.0), ("intrinsically bursting", 0.02, 0.2, -55, 4),
      ("chattering", 0.02, 0.2, -50, 2), ("fast spiking", 0.1, 0.2, -65, 2), ("low threshold", 0.02, 0.25, -65, 2),
    ] {
      var p = IzhikevichParameters()
      (p.a, p.b, p.c, p.d) = (a * 1e3, b, c * 1e-3, d * 1e-3)
      let parameters = p
      cases.append(
        Case(
          name: "izhikevich \(name)", group: { IzhikevichGroup(count: 1, parameters: parameters) }, current: 10e-9,
          duration: 0.3
        ))
    }
    for (name, c, gL, eL, tauW, a, b, vR, current) in [
      ("tonic", 200.0, 10.0, -70.0, 30.0, 2.0, 0.0, -58.0, 500.0), ("adapting", 200, 12, -70, 300, 2, 60, -58, 500),
      ("initial burst", 130, 18, -58, 150, 4, 120, -50, 400), ("bursting", 200, 10, -58, 120, 2, 100, -46, 210),
      ("delayed", 200, 12, -70, 300, -10, 0, -58, 300),
    ] {
      var p = AdExParameters()
      (p.capacitance, p.leak, p.restingPotential, p.adaptationTime) = (c * 1e-12, gL * 1e-9, eL * 1e-3, tauW * 1e-3)
      (p.subthresholdAdaptation, p.spikeAdaptation, p.resetPotential) = (a * 1e-9, b * 1e-12, vR * 1e-3)
      (p.thresholdPotential, p.slope, p.peak) = (-50e-3, 2e-3, 0)
      let parameters = p
      cases.append(
        Case(
          name: "adex \(name)", group: { AdExGroup(count: 1, parameters: parameters) }, current: current * 1e-12,
          duration: 0.5))
    }
    return cases
  }()

  private static func conductance() -> ConductanceParameters {
    var p = ConductanceParameters()
    (p.threshold, p.refractoryPeriod) = (-55e-3, 2e-3)
    return p
  }

  @Test(arguments: cases)
  func spikeTimesAreWithinOnePercentOfConverged(_ model: Case) throws {
    let onset = 0.01
    func spikes(dt: Double) -> [Double] {
      let run = runNeuron(model.group(), current: model.current, start: onset, duration: model.duration, dt: dt)
      return run.simulation.spikeTimes(run.id)
    }
    let coarse = spikes(dt: 1e-4), fine = spikes(dt: 5e-6)
    try #require(fine.count >= 1)
    #expect(coarse.count == fine.count)
    for (a, b) in zip(coarse, fine) {
      #expect(abs(a - b) / (b - onset) < 0.01, "\(model.name): \(a) against \(b)")
    }
    for (a, b) in zip(intervals(coarse), intervals(fine)) {
      #expect(abs(a - b) / b < 0.01, "\(model.name): interval \(a) against \(b)")
    }
  }

  /// The schemes the defaults replaced are off by more than 1 %, so the test above can tell them apart.
  @Test func theOldSchemesFailTheSameMeasure() {
    var hh = HodgkinHuxleyParameters()
    hh.method = .exponentialEuler
    var izhikevich = IzhikevichParameters()
    izhikevich.method = .euler
    for group in [
      HodgkinHuxleyGroup(count: 1, parameters: hh) as any NeuronGroup,
      IzhikevichGroup(count: 1, parameters: izhikevich),
    ] {
      let current = group is HodgkinHuxleyGroup ? 10e-6 : 10e-9
      let coarse = runNeuron(group, current: current, start: 0.01, duration: 0.2)
      let fine = runNeuron(group, current: current, start: 0.01, duration: 0.2, dt: 5e-6)
      let pairs = zip(coarse.simulation.spikeTimes(coarse.id), fine.simulation.spikeTimes(fine.id))
      #expect(pairs.contains { abs($0 - $1) / ($1 - 0.01) > 0.01 })
    }
  }
}
