#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Testing

@testable import NeuroEngine

/// Population codes: tuning curves, Poisson counts, and decoding whose error falls as 1/√N.
@Suite struct PopulationCodeTests {
  @Test(arguments: [0.5, 4.0, 29.0, 31.0, 200.0])
  func poissonCountsHaveTheirMeanAsMeanAndVariance(mean: Double) {
    var random = RandomSource(seed: 3)
    let n = 40_000
    let draws = (0..<n).map { _ in Double(random.poisson(mean: mean)) }
    let average = draws.reduce(0, +) / Double(n)
    let variance = draws.map { ($0 - average) * ($0 - average) }.reduce(0, +) / Double(n - 1)
    // Standard errors: of the mean √(mean/n), of the variance about mean·√(2/n); 5 of them allowed.
    #expect(abs(average - mean) < 5 * (mean / Double(n)).squareRoot())
    #expect(abs(variance - mean) < 5 * mean * (2 / Double(n)).squareRoot() + 0.01)
  }

  @Test func tuningCurvesPeakAtTheirPreferenceAndWrapAroundThePeriod() {
    var code = PopulationCode(count: 8)
    (code.peak, code.baseline, code.width) = (40, 2, 20)
    for shape in PopulationCode.Shape.allCases {
      code.shape = shape
      #expect(abs(code.rate(2, stimulus: 45) - 42) < 1e-12)  // neuron 2 of 8 prefers 45°
      #expect(abs(code.rate(2, stimulus: 45 + 180) - 42) < 1e-12)
      #expect(abs(code.rate(0, stimulus: 170) - code.rate(0, stimulus: 10)) < 1e-12)
      #expect(code.rate(2, stimulus: 135) < 3)  // opposite its preference: near the baseline
    }
    // Gaussian: one width away the bump is e^(-1/2) of its peak.
    code.shape = .gaussian
    #expect(abs(code.rate(2, stimulus: 65) - (2 + 40 * exp(-0.5))) < 1e-12)
  }

  @Test func bothDecodersFindAStimulusFromNoiselessCounts() {
    var code = PopulationCode(count: 64)
    code.baseline = 0
    let counts = (0..<64).map { code.rate($0, stimulus: 37.5) }
    #expect(abs(code.populationVector(counts) - 37.5) < 1e-9)
    #expect(abs(code.maximumLikelihood(counts, duration: 1) - 37.5) < 1e-6)
  }

  @Test func decodingErrorFallsAsOneOverTheSquareRootOfThePopulation() {
    // Four times the neurons: half the error (Fisher information grows with N). 2000 trials per size keep
    // the error estimate within a few percent; ±15 % allowed.
    for method in DecodingMethod.allCases {
      var small = PopulationCode(count: 16), large = PopulationCode(count: 64)
      (small.width, large.width) = (20, 20)
      let a = small.decodingError(method: method, duration: 0.1, trials: 2000, seed: 5) ?? 0
      let b = large.decodingError(method: method, duration: 0.1, trials: 2000, seed: 5) ?? 0
      #expect(abs(a / b - 2) < 0.3, "\(method): \(a) against \(b)")
    }
  }

  @Test func maximumLikelihoodIsNoWorseThanThePopulationVector() {
    let code = PopulationCode(count: 32)
    let vector = code.decodingError(method: .populationVector, duration: 0.1, trials: 2000, seed: 9) ?? 0
    let likelihood = code.decodingError(method: .maximumLikelihood, duration: 0.1, trials: 2000, seed: 9) ?? 0
    #expect(likelihood <= vector * 1.02)
  }
}
