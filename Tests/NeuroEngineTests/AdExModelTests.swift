import Testing
@testable import NeuroEngine

/// The firing patterns of the AdEx neuron with the parameters of Naud et al. (2008), Table 1,
/// under their step currents; forward Euler at dt = 0.1 ms, 500 ms, spikes cut at 0 mV.
@Suite struct AdExModelTests {
  // C (pF), g_L (nS), E_L (mV), V_T (mV), Δ_T (mV), τ_w (ms), a (nS), b (pA), V_r (mV), I (pA)
  private func spikes(
    _ c: Double, _ gL: Double, _ eL: Double, _ vT: Double, _ slope: Double, _ tauW: Double,
    _ a: Double, _ b: Double, _ vR: Double, _ current: Double
  ) -> [Double] {
    var p = AdExParameters()
    p.capacitance = c * 1e-12
    p.leak = gL * 1e-9
    p.restingPotential = eL * 1e-3
    p.thresholdPotential = vT * 1e-3
    p.slope = slope * 1e-3
    p.adaptationTime = tauW * 1e-3
    p.subthresholdAdaptation = a * 1e-9
    p.spikeAdaptation = b * 1e-12
    p.resetPotential = vR * 1e-3
    let (simulation, id) = runNeuron(AdExGroup(count: 1, parameters: p), current: current * 1e-12, duration: 0.5)
    return simulation.spikeTimes(id)
  }

  @Test func tonic() {
    let isi = intervals(spikes(200, 10, -70, -50, 2, 30, 2, 0, -58, 500))
    #expect(isi.count >= 5)
    #expect(abs(isi.last! - isi[isi.count / 2]) < 0.1 * isi.last!)
  }

  @Test func adapting() {
    let isi = intervals(spikes(200, 12, -70, -50, 2, 300, 2, 60, -58, 500))
    #expect(isi.count >= 4)
    #expect(isi.last! > 2 * isi.first!)
  }

  @Test func initialBurst() {
    let isi = intervals(spikes(130, 18, -58, -50, 2, 150, 4, 120, -50, 400))
    #expect(isi.count >= 3)
    #expect(isi.first! < 0.5 * isi.last!)
  }

  @Test func regularBursting() {
    let isi = intervals(spikes(200, 10, -58, -50, 2, 120, 2, 100, -46, 210))
    let short = isi.filter { $0 < 0.02 }.count, long = isi.filter { $0 > 0.05 }.count
    #expect(short >= 2 && long >= 2)
  }

  /// Delayed accelerating: a late first spike, then intervals that shrink.
  @Test func delayed() {
    let times = spikes(200, 12, -70, -50, 2, 300, -10, 0, -58, 300)
    let isi = intervals(times)
    #expect(isi.count >= 3)
    #expect(times.first! > 0.02)
    #expect(isi.first! > isi.last!)
  }

  @Test func transient() {
    let times = spikes(100, 10, -65, -50, 2, 90, 10, 100, -47, 180)
    #expect(!times.isEmpty)
    #expect(times.last! < 0.25)
  }
}
