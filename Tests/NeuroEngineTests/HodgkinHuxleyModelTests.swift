import Testing
@testable import NeuroEngine

/// The Hodgkin–Huxley squid axon (standard parameters, rest at -65 mV, 1 cm² patch) against
/// textbook values, integrated by exponential Euler at dt = 0.01 ms.
@Suite struct HodgkinHuxleyModelTests {
  private func run(_ current: Double, duration: Double = 0.2, dt: Double = 1e-5) -> (Simulation, GroupID) {
    runNeuron(
      HodgkinHuxleyGroup(count: 1, parameters: HodgkinHuxleyParameters()), current: current, start: 0.01,
      duration: duration, dt: dt)
  }

  @Test func restsAtMinus65mV() throws {
    let (simulation, id) = run(0, duration: 0.05)
    let v = try #require(simulation.trace(id, variable: "v")).values
    #expect(abs(v.last! - (-65e-3)) < 0.1e-3)
    #expect(simulation.spikeTimes(id).isEmpty)
  }

  /// 10 µA/cm²: repetitive firing near 68 Hz, peaks near +40 mV, spikes about a millisecond wide.
  @Test func repetitiveFiringPeakAndWidth() throws {
    let (simulation, id) = run(10e-6, duration: 0.51)
    let times = simulation.spikeTimes(id).filter { $0 > 0.11 }
    let rate = Double(times.count - 1) / (times.last! - times.first!)
    #expect(rate > 62 && rate < 75, "rate \(rate)")
    let trace = try #require(simulation.trace(id, variable: "v"))
    let peak = trace.values.suffix(20000).max()!
    #expect(peak > 30e-3 && peak < 50e-3, "peak \(peak)")
    let above = trace.values.suffix(20000).filter { $0 > -20e-3 }.count
    let width = Double(above) * 1e-5 / Double(times.filter { $0 > 0.31 }.count)
    #expect(width > 0.5e-3 && width < 2e-3, "width above -20 mV \(width)")
  }

  /// The threshold of repetitive firing under a long step lies between 5 and 7 µA/cm².
  @Test func rheobaseOfALongStep() {
    let (below, idBelow) = run(5e-6, duration: 0.3)
    let (above, idAbove) = run(7e-6, duration: 0.3)
    #expect(below.spikeTimes(idBelow).filter { $0 > 0.1 }.isEmpty)
    #expect(above.spikeTimes(idAbove).filter { $0 > 0.1 }.count >= 5)
  }

  /// A coarser step (0.1 ms) keeps the rate within 10 % of the fine one.
  @Test func coarseStepStaysClose() {
    let (fine, idFine) = run(10e-6, duration: 0.5)
    let (coarse, idCoarse) = run(10e-6, duration: 0.5, dt: 1e-4)
    let a = Double(fine.spikeTimes(idFine).count), b = Double(coarse.spikeTimes(idCoarse).count)
    #expect(abs(a - b) / a < 0.1)
  }
}
