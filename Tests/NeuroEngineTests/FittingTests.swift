import Testing

@testable import NeuroEngine

/// A LIF neuron's voltage under a current that steps up and down, from the engine itself, with
/// Gaussian measurement noise of `noise` (V) from a fixed seed.
private func recording(
  _ p: LIFParameters, noise: Double = 0, seconds: Double = 1, dt: Double = 1e-4
) -> (voltage: [Double], current: [Double]) {
  let steps = Int((seconds / dt).rounded())
  // Every 450 ms: 50 ms of rest, then 100 ms of 1, 3 and 2 nA, each followed by 50 ms of rest.
  let schedule = [(0.05, 0.0), (0.15, 1e-9), (0.2, 0.0), (0.3, 3e-9), (0.35, 0.0), (0.45, 2e-9)]
  let current = (0..<steps).map { k -> Double in
    let phase = (Double(k) * dt).truncatingRemainder(dividingBy: 0.45)
    return schedule.first { phase < $0.0 }?.1 ?? 0
  }
  let fit = LIFFit(parameters: p, initialVoltage: p.restingPotential, residual: 0, resets: [])
  var voltage = fit.prediction(current: current, dt: dt, samples: steps + 1).voltage
  var random = RandomSource(seed: 7)
  for k in voltage.indices { voltage[k] += noise * random.normal() }
  return (voltage, current)
}

private let truth = LIFParameters(
  tau: 15e-3, restingPotential: -65e-3, threshold: -50e-3, resetPotential: -72e-3, resistance: 8e6,
  refractoryPeriod: 2e-3, spikeTiming: .grid)

private func relativeError(_ x: Double, _ y: Double) -> Double { Swift.abs(x - y) / Swift.abs(y) }

@Suite struct FittingTests {
  /// Noise-free data: τ, R, v_rest and v_reset to 1e-6, t_ref exactly, v_th within half a step's rise.
  @Test func lifFromNoiseFreeData() throws {
    let (v, i) = recording(truth)
    let fit = try LIFFit.fit(voltage: v, current: i, dt: 1e-4)
    let p = fit.parameters
    #expect(!fit.resets.isEmpty)
    #expect(relativeError(p.tau, truth.tau) < 1e-6)
    #expect(relativeError(p.resistance, truth.resistance) < 1e-6)
    #expect(relativeError(p.restingPotential, truth.restingPotential) < 1e-6)
    #expect(relativeError(p.resetPotential, truth.resetPotential) < 1e-6)
    #expect(relativeError(p.refractoryPeriod, truth.refractoryPeriod) < 1e-9)
    #expect(Swift.abs(p.threshold - truth.threshold) < 0.3e-3)
    #expect(fit.residual < 1e-9)
  }

  /// 0.5 mV of measurement noise: every parameter within 2 %.
  @Test func lifFromNoisyData() throws {
    let (v, i) = recording(truth, noise: 0.5e-3)
    let fit = try LIFFit.fit(voltage: v, current: i, dt: 1e-4)
    let p = fit.parameters
    #expect(relativeError(p.tau, truth.tau) < 0.02)
    #expect(relativeError(p.resistance, truth.resistance) < 0.02)
    #expect(relativeError(p.restingPotential, truth.restingPotential) < 0.02)
    #expect(relativeError(p.resetPotential, truth.resetPotential) < 0.02)
    #expect(relativeError(p.threshold, truth.threshold) < 0.02)
    #expect(relativeError(p.refractoryPeriod, truth.refractoryPeriod) < 0.02)
    #expect(Swift.abs(fit.residual - 0.5e-3) < 0.05e-3)
  }

  /// Noise of 1.5 mV moves the voltage by about 1.4 mV a step, about a fifteenth of the 22 mV drop at a reset: every
  /// reset is still found (not only drops of twenty typical steps), and the fit stays within 5 %.
  @Test func lifFindsResetsUnderStrongNoise() throws {
    let clean = try LIFFit.fit(voltage: recording(truth).voltage, current: recording(truth).current, dt: 1e-4)
    let (v, i) = recording(truth, noise: 1.5e-3)
    let fit = try LIFFit.fit(voltage: v, current: i, dt: 1e-4)
    #expect(fit.resets == clean.resets)
    #expect(relativeError(fit.parameters.tau, truth.tau) < 0.05)
    #expect(relativeError(fit.parameters.resistance, truth.resistance) < 0.05)
    #expect(Swift.abs(fit.residual - 1.5e-3) < 0.1e-3)
  }

  /// A reset only 5 mV below threshold (a quarter of the range), under 0.3 mV of noise: still told from the
  /// membrane's own steps and from the noise, so every reset is found and the fit holds.
  @Test func lifFindsResetsNearTheThreshold() throws {
    var close = truth
    close.resetPotential = -55e-3
    let clean = try LIFFit.fit(voltage: recording(close).voltage, current: recording(close).current, dt: 1e-4)
    let (v, i) = recording(close, noise: 0.3e-3)
    let fit = try LIFFit.fit(voltage: v, current: i, dt: 1e-4)
    #expect(!clean.resets.isEmpty)
    #expect(fit.resets == clean.resets)
    #expect(relativeError(fit.parameters.tau, close.tau) < 0.05)
  }

  /// A constant current cannot separate R from v_rest: the fit says so, with the voltage it settles at.
  @Test func lifRefusesAConstantCurrent() {
    let p = LIFParameters(resistance: 10e6)
    let fit = LIFFit(parameters: p, initialVoltage: -70e-3, residual: 0, resets: [])
    let v = fit.prediction(current: Array(repeating: 1e-9, count: 1000), dt: 1e-4, samples: 1000).voltage
    do {
      _ = try LIFFit.fit(voltage: v, current: Array(repeating: 1e-9, count: 1000), dt: 1e-4)
    } catch {
      guard case .constantCurrent(let steady) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(Swift.abs(steady - -60e-3) < 1e-9)
    }
  }

  /// A sample that is not a number is named.
  @Test func lifNamesASampleThatIsNotANumber() {
    var (v, i) = recording(truth, seconds: 0.1)
    v[40] = .nan
    #expect(throws: LIFFit.Problem.notFinite(sample: 40)) { try LIFFit.fit(voltage: v, current: i, dt: 1e-4) }
  }

  /// Rates from the analytic curve with 1 % noise: τ, the rheobase and t_ref within 2 %.
  @Test(arguments: [0.0, 0.01])
  func fiCurve(noise: Double) throws {
    let p = LIFParameters(
      tau: 20e-3, restingPotential: -70e-3, threshold: -50e-3, resetPotential: -60e-3, resistance: 50e6,
      refractoryPeriod: 3e-3)
    let ratio = (p.resetPotential - p.restingPotential) / (p.threshold - p.restingPotential)
    let currents = (0..<30).map { 0.1e-9 + Double($0) * 0.1e-9 }
    var random = RandomSource(seed: 3)
    let rates = currents.map { p.analyticRate(current: $0) * (1 + noise * random.normal()) }
    let fit = try FICurveFit.fit(currents: currents, rates: rates, resetRatio: ratio)
    let tolerance = noise == 0 ? 1e-6 : 0.02
    #expect(relativeError(fit.tau, p.tau) < tolerance)
    #expect(relativeError(fit.rheobase, p.rheobase) < tolerance)
    #expect(relativeError(fit.refractoryPeriod, p.refractoryPeriod) < tolerance)
  }
}
