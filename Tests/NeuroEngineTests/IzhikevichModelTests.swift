import Testing
@testable import NeuroEngine

/// The firing patterns of Izhikevich (2003), Fig. 2, under a step of the paper's I = 10
/// (10 nA through 1 MΩ), dt = 0.1 ms, forward Euler, 500 ms.
@Suite struct IzhikevichModelTests {
  private func spikes(a: Double, b: Double, c: Double, d: Double, current: Double = 10e-9) -> [Double] {
    var p = IzhikevichParameters()
    (p.a, p.b, p.c, p.d) = (a * 1e3, b, c * 1e-3, d * 1e-3)
    let (simulation, id) = runNeuron(IzhikevichGroup(count: 1, parameters: p), current: current, duration: 0.5)
    return simulation.spikeTimes(id)
  }

  @Test func regularSpikingAdapts() {
    let isi = intervals(spikes(a: 0.02, b: 0.2, c: -65, d: 8))
    #expect(isi.count >= 5)
    #expect(isi.last! > 1.5 * isi.first!)
  }

  @Test func intrinsicallyBurstingStartsWithABurst() {
    let isi = intervals(spikes(a: 0.02, b: 0.2, c: -55, d: 4))
    #expect(isi.count >= 5)
    #expect(isi.first! < 0.01)
    #expect(isi.suffix(3).allSatisfy { $0 > 0.015 })
  }

  @Test func chatteringRepeatsBursts() {
    let isi = intervals(spikes(a: 0.02, b: 0.2, c: -50, d: 2))
    let short = isi.filter { $0 < 0.01 }.count, long = isi.filter { $0 > 0.015 }.count
    #expect(short >= 2 * long && long >= 3)
  }

  @Test func fastSpikingFiresFastWithoutAdaptation() {
    let times = spikes(a: 0.1, b: 0.2, c: -65, d: 2)
    let isi = intervals(times)
    #expect(Double(times.count) / 0.5 > 50)
    #expect(isi.last! < 1.3 * isi[1])
  }

  @Test func lowThresholdSpikingFiresFastThenAdapts() {
    let isi = intervals(spikes(a: 0.02, b: 0.25, c: -65, d: 2))
    #expect(isi.count >= 8)
    #expect(isi.last! > isi.first!)
  }

  @Test func thalamoCorticalFiresTonically() {
    let isi = intervals(spikes(a: 0.02, b: 0.25, c: -65, d: 0.05))
    #expect(isi.count >= 5)
    #expect(isi.last! < 1.5 * isi[1])
  }

  /// The resonator settles quietly at rest (after one spike of the initial transient) and fires under a step.
  @Test func resonatorFiresUnderAStep() {
    #expect(spikes(a: 0.1, b: 0.26, c: -65, d: 2, current: 0).filter { $0 > 0.1 }.isEmpty)
    #expect(!spikes(a: 0.1, b: 0.26, c: -65, d: 2).isEmpty)
  }
}
