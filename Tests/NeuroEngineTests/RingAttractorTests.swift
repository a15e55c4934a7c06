#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Testing

@testable import NeuroEngine

/// A ring of rate units with uniform inhibition and cosine-tuned excitation (Ben-Yishai, Bar-Or &
/// Sompolinsky 1995): a brief cue leaves a bump that outlasts it; with noise the bump wanders, its
/// mean squared displacement growing with time as a random walk's does.
@Suite struct RingAttractorTests {
  private let units = 32

  /// The ring, cued at its middle from 100 to 200 ms, run for `seconds` at dt = 1 ms; the bump's angle
  /// (population vector, radians) every 100 ms, and the largest rate at the end.
  private func bump(noise: Double, seed: UInt64, seconds: Double) -> (angles: [Double], peak: Double) {
    let simulation = Simulation()
    _ = simulation.setTimeStep(1e-3)
    var p = RateParameters()
    (p.tau, p.noise, p.seed) = (10e-3, noise, seed)
    let ring = simulation.add(RateGroup(count: units, parameters: p))
    let n = Double(units)
    var matrix: [Double] = []
    for i in 0..<units {
      for j in 0..<units {
        let angle: Double = 2 * Double.pi * Double(i - j) / n
        matrix.append((-2 + 6 * cos(angle)) / n)
      }
    }
    var random = RandomSource(seed: 1)
    _ = simulation.connect(
      pre: ring, preRange: 0..<units, post: ring, postRange: 0..<units, channel: SynapticChannel(kind: .rate, tau: 1),
      weight: .matrix(matrix, columns: units), delay: .constant(0), rule: .allToAll, allowSelf: true, random: &random)
    simulation.inject(StepCurrent(amplitude: 5, start: nil, end: nil), into: ring)
    let cued = (units / 2 - 2)..<(units / 2 + 2)
    simulation.inject(StepCurrent(amplitude: 60, start: 0.1, end: 0.2, neurons: cued), into: ring)
    var angles: [Double] = []
    for _ in 0..<Int(seconds * 10) {
      _ = simulation.run(steps: 100)
      let r = simulation.group(ring).values(of: "r") ?? []
      var (s, c) = (0.0, 0.0)
      for (i, rate) in r.enumerated() {
        s += rate * sin(2 * Double.pi * Double(i) / n)
        c += rate * cos(2 * Double.pi * Double(i) / n)
      }
      angles.append(atan2(s, c))
    }
    return (angles, simulation.group(ring).values(of: "r")?.max() ?? 0)
  }

  @Test func aCueLeavesABumpThatOutlastsIt() {
    let (angles, peak) = bump(noise: 0, seed: 1, seconds: 1.5)
    // 1.3 s after the cue ended the bump is as strong as ever and centred where the cue was (units 14 to 17).
    #expect(peak > 20)
    #expect(abs(angles[angles.count - 1] - 2 * Double.pi * 15.5 / Double(units)) < 1e-4)  // weights are 4-byte floats
  }

  @Test func withNoiseTheBumpDiffuses() {
    // Mean squared displacement from the cued place, over 12 seeds, at 0.5 s and at 3 s.
    var early = 0.0, late = 0.0, weakest = Double.infinity
    for seed in 1...12 {
      let (angles, peak) = bump(noise: 4, seed: UInt64(seed), seconds: 3)
      func offset(_ a: Double) -> Double { remainder(a - 2 * Double.pi * 15.5 / Double(units), 2 * Double.pi) }
      early += offset(angles[4]) * offset(angles[4]) / 12
      late += offset(angles[29]) * offset(angles[29]) / 12
      weakest = min(weakest, peak)
    }
    #expect(weakest > 20)  // the bump survives the noise
    #expect(late > 3 * early)  // and wanders: a random walk's spread grows with time
    #expect(late > 0.01)
  }
}
