#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Testing

@testable import NeuroEngine

/// The spike-triggered average of a linear–nonlinear–Poisson cell under white noise points along its filter
/// (for Gaussian noise and an exponential nonlinearity it is proportional to it: Chichilnisky 2001).
@Suite struct ReverseCorrelationTests {
  @Test func recoversASpatialGaborField() {
    let filter = gaborPatch(size: 12, wavelength: 8, angle: 45, sigma: 2.5, phase: 0)
    var cell = ReverseCorrelation(filter: filter, temporal: false)
    cell.gain = 0.5
    let result = cell.run(bins: 20_000, seed: 1)
    #expect((result?.spikes ?? 0) > 1000)
    #expect(pearsonCorrelation(result?.average ?? [], filter) > 0.9)
  }

  @Test func recoversATemporalFilter() {
    let filter = (0..<40).map { exp(-Double($0) / 8) * sin(Double($0) / 5) }
    let cell = ReverseCorrelation(filter: filter, temporal: true)
    let result = cell.run(bins: 100_000, seed: 2)
    #expect(pearsonCorrelation(result?.average ?? [], filter) > 0.95)
  }

  @Test func aCellThatIgnoresTheStimulusHasAFlatAverage() {
    // Zero filter: spikes are independent of the noise; the average is noise of sd 1/√spikes around 0.
    let cell = ReverseCorrelation(filter: Array(repeating: 0, count: 20), temporal: true)
    guard let result = cell.run(bins: 100_000, seed: 3) else { return }
    let bound = 5 / Double(result.spikes).squareRoot()
    #expect(result.average.allSatisfy { abs($0) < bound })
  }

  @Test func gaborPeaksAtItsCentreAndCorrelationIsScaleFree() {
    let patch = gaborPatch(size: 9, wavelength: 8, angle: 0, sigma: 2, phase: 0)
    #expect(abs(patch[4 * 9 + 4] - 1) < 1e-12)
    #expect(abs(pearsonCorrelation(patch, patch.map { 3 * $0 + 1 }) - 1) < 1e-12)
    #expect(pearsonCorrelation([1, 1, 1], [1, 2, 3]).isNaN)
  }
}
