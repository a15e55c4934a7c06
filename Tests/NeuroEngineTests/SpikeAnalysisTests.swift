import Testing
@testable import NeuroEngine

/// Spike-train measures against values computed by hand.
@Suite struct SpikeAnalysisTests {
  @Test func intervalsAndCV() {
    #expect(SpikeAnalysis.intervals([[1, 3, 7], [2, 4]]) == [2, 4, 2])
    // intervals 2 and 4: mean 3, standard deviation 1, CV 1/3
    #expect(abs(SpikeAnalysis.coefficientOfVariation([1, 3, 7])! - 1.0 / 3) < 1e-12)
    #expect(SpikeAnalysis.coefficientOfVariation([1, 2]) == nil)
    // A regular train has CV 0.
    #expect(SpikeAnalysis.coefficientOfVariation([0, 1, 2, 3, 4]) == 0)
  }

  @Test func psthCountsSpikesPerNeuronPerSecond() {
    // Two neurons, bins of 0.5 s over 1 s: first bin 3 spikes, second 1.
    let rate = SpikeAnalysis.psth([[0.1, 0.2, 0.7], [0.3]], neurons: 2, bin: 0.5, from: 0, to: 1)
    #expect(rate == [3.0 / (0.5 * 2), 1.0 / (0.5 * 2)])
  }

  @Test func fanoFactor() {
    // Counts per bin 2, 0, 2, 0: mean 1, variance 1, Fano 1.
    let f = SpikeAnalysis.fanoFactor([[0.1, 0.2, 2.1, 2.2]], bin: 1, from: 0, to: 4)
    #expect(f == 1)
  }

  @Test func synchronyIsOneForIdenticalTrainsAndLowForDisjointOnes() {
    let train: [Double] = [0.05, 0.35, 0.55, 0.95]
    #expect(abs(SpikeAnalysis.synchrony([train, train, train], bin: 0.1, from: 0, to: 1)! - 1) < 1e-12)
    let disjoint = [[0.05], [0.15], [0.25], [0.35]]
    #expect(SpikeAnalysis.synchrony(disjoint, bin: 0.1, from: 0, to: 0.4)! < 0.6)
  }

  @Test func correlogramFindsTheLag() {
    // b fires 2 ms after each spike of a.
    let a: [Double] = [0.010, 0.050, 0.090]
    let b = a.map { $0 + 0.002 }
    let (lags, counts) = SpikeAnalysis.correlogram(a, b, bin: 0.001, window: 0.005)
    let peak = counts.firstIndex(of: counts.max()!)!
    #expect(counts[peak] == 3)
    #expect(abs(lags[peak] - 0.0025) < 1e-9)
  }
}
