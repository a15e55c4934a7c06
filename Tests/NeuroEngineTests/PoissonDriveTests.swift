import Foundation
import Testing

@testable import NeuroEngine

/// Independent Poisson drive: Poisson counts a neuron a step (table, gaps and one-by-one regimes), no
/// correlation between neurons or steps, the same numbers for a seed whatever the order of the blocks,
/// and a LIF under delta drive with the shot-noise mean and variance.
@Suite struct PoissonDriveTests {
  /// Counts of `neurons` neurons over `steps` steps, one array a step, from a drive of weight 1.
  private func counts(sources: Int, rate: Double, neurons: Int, steps: Int, seed: UInt64 = 11) -> [[Double]] {
    var drive = PoissonDrive(
      target: GroupID(index: 0), range: 0..<neurons, channel: 0, sources: sources, rate: rate, weight: 1, delay: 0,
      seed: seed, startStep: 0)
    drive.prepare(dt: 1e-4)
    return (0..<steps).map { step in
      var values = [Double](repeating: 0, count: neurons)
      values.withUnsafeMutableBufferPointer { drive.deliver(step: step, into: $0) }
      return values
    }
  }

  private func meanAndVariance(_ xs: [Double]) -> (Double, Double) {
    let m = xs.reduce(0, +) / Double(xs.count)
    return (m, xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count - 1))
  }

  /// Pearson's coefficient of two equally long lists.
  private func correlation(_ x: [Double], _ y: [Double]) -> Double {
    let (mx, vx) = meanAndVariance(x), (my, vy) = meanAndVariance(y)
    let covariance = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / Double(x.count - 1)
    return covariance / (vx * vy).squareRoot()
  }

  /// λ = 2 (1000 sources at 20 Hz, Brunel's drive), from the table: 10 000 neurons (three blocks, the last
  /// partial) × 200 steps = 2 000 000 counts. Mean and variance 2 (standard errors 0.001 and 0.003),
  /// P(0) = e⁻² (0.0002), no correlation between neighbours or between steps (0 ± 0.0007).
  @Test func tableCountsArePoissonAndIndependent() {
    let steps = counts(sources: 1000, rate: 20, neurons: 10_000, steps: 200)
    let all = steps.flatMap { $0 }
    let (mean, variance) = meanAndVariance(all)
    #expect(abs(mean - 2) < 0.005, "\(mean)")
    #expect(abs(variance - 2) < 0.015, "\(variance)")
    let zeros = Double(all.filter { $0 == 0 }.count) / Double(all.count)
    #expect(abs(zeros - exp(-2.0)) < 0.001, "\(zeros)")
    #expect(all.allSatisfy { $0 == $0.rounded() && $0 >= 0 })
    let neighbours = correlation(all.dropLast().map { $0 }, all.dropFirst().map { $0 })
    let nextStep = correlation(steps.dropLast().flatMap { $0 }, steps.dropFirst().flatMap { $0 })
    #expect(abs(neighbours) < 0.004 && abs(nextStep) < 0.004, "\(neighbours) \(nextStep)")
    // Blocks of 4096 have their own streams: neurons 0 and 4096 do not share numbers.
    let first = steps.map { $0[0] }, other = steps.map { $0[4096] }
    #expect(first != other)
  }

  /// λ = 0.01 (10 sources at 10 Hz), drawn as gaps: 20 000 000 counts of mean and variance 0.01 (standard
  /// error 0.00002), two events in one step as often as λ²/2 says (about 1000 times, ± 32).
  @Test func sparseCountsArePoisson() {
    let all = counts(sources: 10, rate: 10, neurons: 10_000, steps: 2000).flatMap { $0 }
    let (mean, variance) = meanAndVariance(all)
    #expect(abs(mean - 0.01) < 1e-4, "\(mean)")
    #expect(abs(variance - 0.01) < 2e-4, "\(variance)")
    let doubles = Double(all.filter { $0 == 2 }.count)
    let expected = Double(all.count) * exp(-0.01) * 0.01 * 0.01 / 2
    #expect(abs(doubles - expected) < 5 * expected.squareRoot(), "\(doubles) vs \(expected)")
  }

  /// λ = 20 000, above the table's limit: counts one by one, mean and variance 20 000 (1000 × 20 counts:
  /// standard errors 1 and 630).
  @Test func largeMeansAreDrawnOneByOne() {
    let all = counts(sources: 20_000, rate: 10_000, neurons: 1000, steps: 20).flatMap { $0 }
    let (mean, variance) = meanAndVariance(all)
    #expect(abs(mean - 20_000) < 5, "\(mean)")
    #expect(abs(variance - 20_000) < 3000, "\(variance)")
  }

  /// The same seed gives the same counts; the blocks delivered one by one in reverse order (as threads
  /// might take them) give them too; another seed gives others.
  @Test func countsDependOnTheSeedOnly() {
    #expect(
      counts(sources: 1000, rate: 20, neurons: 9000, steps: 5)
        == counts(sources: 1000, rate: 20, neurons: 9000, steps: 5))
    #expect(
      counts(sources: 1000, rate: 20, neurons: 9000, steps: 5, seed: 12)
        != counts(sources: 1000, rate: 20, neurons: 9000, steps: 5))
    var drive = PoissonDrive(
      target: GroupID(index: 0), range: 0..<9000, channel: 0, sources: 1000, rate: 20, weight: 1, delay: 0, seed: 11,
      startStep: 0)
    drive.prepare(dt: 1e-4)
    var states = drive.blocks
    let reversed = (0..<5).map { _ in
      var values = [Double](repeating: 0, count: 9000)
      values.withUnsafeMutableBufferPointer { buffer in
        for b in (0..<drive.blockCount).reversed() { drive.deliver(block: b, into: buffer, state: &states[b]) }
      }
      return values
    }
    #expect(reversed == counts(sources: 1000, rate: 20, neurons: 9000, steps: 5))
  }

  /// A LIF far below threshold under delta drive of J = 0.1 mV at 10 kHz (1000 sources at 10 Hz), tau 20 ms:
  /// Campbell's theorem gives the mean J ν τ = 20 mV and the variance J² ν τ / 2 = 1 mV²; exactly, for jumps
  /// at the ends of steps of 0.1 ms, J λ / (1 − a) and J² λ / (1 − a²) with a = exp(−dt/τ), λ = ν dt:
  /// 20.05 mV and 1.0050 mV². 8192 independent neurons after 300 ms (15 τ): standard errors 0.011 mV and
  /// 0.016 mV².
  @Test func deltaDriveGivesTheShotNoiseMeanAndVariance() {
    let simulation = Simulation()
    let parameters = LIFParameters(tau: 0.02, restingPotential: 0, threshold: 1, resetPotential: 0)
    let group = simulation.add(LIFGroup(count: 8192, parameters: parameters))
    let id = simulation.addDrive(
      target: group, range: 0..<8192, channel: SynapticChannel(kind: .jump, tau: 1), sources: 1000, rate: 10,
      weight: 1e-4, delay: 0, seed: 3)
    #expect(id != nil)
    #expect(simulation.run(steps: 3000) == .completed)
    let v = (simulation.group(group).values(of: "v") ?? []).map { $0 * 1000 }  // mV
    let (mean, variance) = meanAndVariance(v)
    let a = exp(-1e-4 / 0.02)
    #expect(abs(mean - 0.1 / (1 - a)) < 0.05, "\(mean)")
    #expect(abs(variance - 0.01 / (1 - a * a)) < 0.07, "\(variance)")
    #expect(abs(mean - 20) < 0.1 && abs(variance - 1) < 0.08)
  }
}
