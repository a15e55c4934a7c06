#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Neurons tuned to a circular stimulus (an orientation, period 180°, or a direction, 360°): neuron i
/// prefers i · period / n and fires at baseline + peak · g(distance), g a von Mises or Gaussian bump of
/// the given width (degrees). It turns a stimulus into rates and spike counts back into an estimate.
public struct PopulationCode: Sendable, Equatable {
  /// The bump's shape.
  public enum Shape: Int, Sendable, CaseIterable {
    /// exp(κ (cos(2π d / period) − 1)) with κ = 1 / (2π width / period)²: close to a Gaussian of sd width.
    case vonMises
    /// exp(−d² / (2 width²)), d the circular distance.
    case gaussian

    /// The word a user writes.
    public var name: String { self == .vonMises ? "von_mises" : "gaussian" }
  }

  public var count: Int
  public var shape = Shape.vonMises
  /// The rate at the preferred stimulus above the baseline, and the baseline (Hz).
  public var peak = 40.0
  public var baseline = 2.0
  /// The tuning width (degrees) and the stimulus's period (degrees).
  public var width = 20.0
  public var period = 180.0

  public init(count: Int) { self.count = count }

  /// The stimulus neuron `i` prefers (degrees).
  public func preferred(_ i: Int) -> Double { Double(i) * period / Double(count) }

  /// The distance from a to b around the circle of the period, from −period/2 to period/2.
  public func circularDifference(_ a: Double, _ b: Double) -> Double {
    remainder(a - b, period)
  }

  /// Neuron i's rate (Hz) for a stimulus (degrees).
  public func rate(_ i: Int, stimulus: Double) -> Double {
    let d = circularDifference(stimulus, preferred(i))
    switch shape {
    case .vonMises:
      let kappa = 1 / pow(2 * Double.pi * width / period, 2)
      return baseline + peak * exp(kappa * (cos(2 * Double.pi * d / period) - 1))
    case .gaussian:
      return baseline + peak * exp(-d * d / (2 * width * width))
    }
  }

  /// Spike counts in a window of `duration` seconds: independent Poisson numbers with the rates' means.
  public func counts(stimulus: Double, duration: Double, random: inout RandomSource) -> [Int] {
    (0..<count).map { random.poisson(mean: rate($0, stimulus: stimulus) * duration) }
  }

  /// The population vector: the angle of Σ nᵢ e^(2πi pᵢ/period), mapped back to a stimulus in [0, period).
  /// NaN when there are no spikes.
  public func populationVector(_ counts: [Double]) -> Double {
    var (x, y) = (0.0, 0.0)
    for (i, n) in counts.enumerated() where i < count {
      let angle = 2 * Double.pi * preferred(i) / period
      x += n * cos(angle)
      y += n * sin(angle)
    }
    guard x != 0 || y != 0 else { return .nan }
    let estimate = atan2(y, x) / (2 * Double.pi) * period
    return estimate < 0 ? estimate + period : estimate
  }

  /// The Poisson log-likelihood of counts in `duration` under a stimulus: Σ nᵢ log fᵢ(s) − T Σ fᵢ(s).
  public func logLikelihood(_ counts: [Double], stimulus: Double, duration: Double) -> Double {
    var total = 0.0
    for (i, n) in counts.enumerated() where i < count {
      let f = rate(i, stimulus: stimulus)
      total += n * log(max(f, 1e-300)) - duration * f
    }
    return total
  }

  /// The stimuli of the grid a maximum-likelihood search starts from, with each neuron's log rate and the
  /// summed rate there: computed once, used for every decoding.
  public struct LikelihoodGrid: Sendable {
    let stimuli: [Double]
    let logRates: [[Double]]
    let totals: [Double]
  }

  /// The grid of 720 stimuli over one period.
  public func likelihoodGrid() -> LikelihoodGrid {
    let stimuli = (0..<720).map { Double($0) * period / 720 }
    let rates = stimuli.map { s in (0..<count).map { rate($0, stimulus: s) } }
    return LikelihoodGrid(
      stimuli: stimuli, logRates: rates.map { $0.map { log(max($0, 1e-300)) } },
      totals: rates.map { $0.reduce(0, +) })
  }

  /// The maximum-likelihood stimulus: the best of the grid, refined by golden-section search between its
  /// neighbours (degrees, in [0, period)).
  public func maximumLikelihood(_ counts: [Double], duration: Double, grid: LikelihoodGrid? = nil) -> Double {
    let grid = grid ?? likelihoodGrid()
    let step = period / Double(grid.stimuli.count)
    var best = 0.0, bestValue = -Double.infinity
    for (k, s) in grid.stimuli.enumerated() {
      var value = -duration * grid.totals[k]
      let logs = grid.logRates[k]
      for (i, n) in counts.enumerated() where n != 0 && i < logs.count { value += n * logs[i] }
      if value > bestValue { (best, bestValue) = (s, value) }
    }
    var (a, b) = (best - step, best + step)
    let ratio = (5.0.squareRoot() - 1) / 2
    for _ in 0..<40 {
      let c = b - ratio * (b - a), d = a + ratio * (b - a)
      if logLikelihood(counts, stimulus: c, duration: duration) > logLikelihood(counts, stimulus: d, duration: duration)
      {
        b = d
      } else {
        a = c
      }
    }
    let estimate = remainder((a + b) / 2, period)
    return estimate < 0 ? estimate + period : estimate
  }
}

/// How well a population code tells a stimulus from spike counts.
public enum DecodingMethod: Int, Sendable, CaseIterable {
  case populationVector
  case maximumLikelihood

  /// The word a user writes.
  public var name: String { self == .populationVector ? "population_vector" : "maximum_likelihood" }
}

extension PopulationCode {
  /// The root-mean-square decoding error (degrees) over `trials` stimuli drawn uniformly, each shown for
  /// `duration`; a trial without a spike is a guess, drawn uniformly (both methods alike). `shouldStop` is
  /// asked every hundred trials; nil when it said yes.
  public func decodingError(
    method: DecodingMethod, duration: Double, trials: Int, seed: UInt64, shouldStop: () -> Bool = { false }
  ) -> Double? {
    var random = RandomSource(seed: seed)
    let grid = method == .maximumLikelihood ? likelihoodGrid() : nil
    var total = 0.0
    for trial in 0..<trials {
      if trial % 100 == 99, shouldStop() { return nil }
      let stimulus = random.uniform() * period
      let counts = self.counts(stimulus: stimulus, duration: duration, random: &random).map(Double.init)
      let estimate =
        !counts.contains(where: { $0 > 0 })
        ? random.uniform() * period
        : method == .populationVector
          ? populationVector(counts) : maximumLikelihood(counts, duration: duration, grid: grid)
      let error = circularDifference(estimate, stimulus)
      total += error * error
    }
    return (total / Double(max(1, trials))).squareRoot()
  }
}
