import Foundation
import Testing

@testable import NeuroEngine

/// Poisson inputs drawn as gaps between spikes keep the statistics of one coin flip per source per step:
/// the rate, Poisson counts (variance equal to the mean), independence, or the correlation asked for.
@Suite struct PoissonInputTests {
  /// Spike counts of each source in bins of `binSteps` steps.
  private func counts(_ group: PoissonGroup, steps: Int, binSteps: Int) -> [[Double]] {
    let simulation = Simulation()
    let id = simulation.add(group)
    #expect(simulation.run(steps: steps) == .completed)
    let (spikeSteps, neurons) = simulation.spikes(id)
    var counts = [[Double]](repeating: [Double](repeating: 0, count: steps / binSteps), count: group.count)
    for (step, neuron) in zip(spikeSteps, neurons) {
      counts[neuron][min(steps / binSteps - 1, (step - 1) / binSteps)] += 1
    }
    return counts
  }

  private func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }
  private func variance(_ xs: [Double]) -> Double {
    let m = mean(xs)
    return xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count - 1)
  }

  /// 200 sources at 20 Hz for 20 s (dt 0.1 ms): 80 000 spikes expected, a standard deviation of 283.
  @Test func independentSourcesFireAtTheirRateWithPoissonCounts() {
    let binned = counts(PoissonGroup(count: 200, rate: 20, seed: 5), steps: 200_000, binSteps: 2000)
    let total = binned.reduce(0) { $0 + $1.reduce(0, +) }
    #expect(abs(total - 80_000) < 4 * 283, "\(total)")
    // Counts in 200 ms bins: mean 4, variance 4 (Fano factor 1; over 20 000 bins its error is about 0.01).
    let all = binned.flatMap { $0 }
    #expect(abs(variance(all) / mean(all) - 1) < 0.05)
    // Two sources are independent: their counts correlate by 0 ± 0.1 (100 bins).
    let r = correlation(binned[0], binned[1])
    #expect(abs(r) < 0.35, "\(r)")
  }

  /// Correlation c = 0.2: each source still at its rate, pairs of sources correlate with coefficient c.
  @Test func correlatedSourcesShareSpikes() {
    let binned = counts(PoissonGroup(count: 20, rate: 20, correlation: 0.2, seed: 9), steps: 400_000, binSteps: 500)
    let total = binned.reduce(0) { $0 + $1.reduce(0, +) }
    // 16 000 spikes expected; shared spikes make the total vary more: sd ≈ √(16 000 · (1 + 19 · 0.2)) ≈ 277.
    #expect(abs(total - 16_000) < 4 * 277, "\(total)")
    var pairs: [Double] = []
    for i in 0..<20 {
      for j in (i + 1)..<20 { pairs.append(correlation(binned[i], binned[j])) }
    }
    // 800 bins of 50 ms: each pair's coefficient has an error of about 0.035; their mean of 190 far less.
    #expect(abs(mean(pairs) - 0.2) < 0.03, "\(mean(pairs))")
  }

  @Test func twoRunsGiveTheSpikesOfOneAsLong() {
    let whole = Simulation(), split = Simulation()
    let a = whole.add(PoissonGroup(count: 50, rate: 40, seed: 3))
    let b = split.add(PoissonGroup(count: 50, rate: 40, seed: 3))
    _ = whole.run(steps: 5000)
    _ = split.run(steps: 2000)
    _ = split.run(steps: 3000)
    #expect(whole.spikes(a).steps == split.spikes(b).steps && whole.spikes(a).neurons == split.spikes(b).neurons)
  }

  private func correlation(_ x: [Double], _ y: [Double]) -> Double {
    let (mx, my) = (mean(x), mean(y))
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    for (a, b) in zip(x, y) {
      sxy += (a - mx) * (b - my)
      sxx += (a - mx) * (a - mx)
      syy += (b - my) * (b - my)
    }
    return sxy / (sxx * syy).squareRoot()
  }
}

extension PoissonInputTests {
  /// A weak correlation at a high rate needs a mother train that fires most steps: the rate stays right.
  @Test func weakCorrelationAtAHighRateKeepsTheRate() {
    let simulation = Simulation()
    let id = simulation.add(PoissonGroup(count: 50, rate: 100, correlation: 0.001, seed: 4))
    _ = simulation.run(steps: 20_000)
    // 50 sources × 100 Hz × 2 s = 10 000 spikes, sd about 100.
    #expect(abs(Double(simulation.spikes(id).steps.count) - 10_000) < 500)
  }

  /// At 10 kHz and dt 0.1 ms a source fires a Poisson number of times a step of mean 1 (not once every
  /// step): 100 sources × 2000 steps, mean and variance 1 (standard errors 0.002 and 0.003), e⁻¹ of the
  /// steps silent; a source firing twice in a step is listed twice.
  @Test func highRatesGivePoissonCountsAStep() {
    let binned = counts(PoissonGroup(count: 100, rate: 10_000, seed: 8), steps: 2000, binSteps: 1)
    let all = binned.flatMap { $0 }
    #expect(abs(mean(all) - 1) < 0.01, "\(mean(all))")
    #expect(abs(variance(all) - 1) < 0.015, "\(variance(all))")
    let silent = Double(all.filter { $0 == 0 }.count) / Double(all.count)
    #expect(abs(silent - exp(-1.0)) < 0.006, "\(silent)")
    #expect(all.contains { $0 >= 2 })
  }

  /// A source that fires several times in a step is delivered as many times: a 20 kHz source (2 spikes a step
  /// on average) onto a neuron that only sums its jumps of 1 mV ends with v = 1 mV × the spikes that have
  /// reached it (those of all steps but the last, whose jump waits for the next step).
  @Test func repeatedSpikesInAStepAreEachDelivered() {
    let simulation = Simulation()
    let source = simulation.add(PoissonGroup(count: 1, rate: 20_000, seed: 2))
    let parameters = LIFParameters(tau: 1e9, restingPotential: 0, threshold: 1e9, resetPotential: 0)
    let target = simulation.add(LIFGroup(count: 1, parameters: parameters))
    var random = RandomSource(seed: 1)
    let made = simulation.connect(
      pre: source, preRange: 0..<1, post: target, postRange: 0..<1, channel: SynapticChannel(kind: .jump, tau: 1),
      weight: .constant(1e-3), delay: .constant(0), rule: .allToAll, allowSelf: true, random: &random)
    #expect(made == 1)
    #expect(simulation.run(steps: 100) == .completed)
    let steps = simulation.spikes(source).steps
    let arrived = steps.filter { $0 <= 99 }.count
    #expect(Set(steps).count < steps.count)  // some steps hold the source twice or more
    let v = simulation.group(target).values(of: "v")?.first ?? 0
    #expect(abs(v - 1e-3 * Double(arrived)) < 1e-9, "\(v) vs \(arrived) spikes")
  }
}
