import NeuroUnits

/// Measures of spike trains (times in seconds, each train sorted).
public enum SpikeAnalysis {
  /// The intervals between successive spikes of each train, all together.
  public static func intervals(_ trains: [[Double]]) -> [Double] {
    trains.flatMap { train in zip(train.dropFirst(), train).map { $0 - $1 } }
  }

  /// The coefficient of variation of one train's intervals (standard deviation over mean), nil with fewer than two.
  public static func coefficientOfVariation(_ train: [Double]) -> Double? {
    coefficientOfVariation(ofIntervals: intervals([train]))
  }

  /// The coefficient of variation of a list of intervals: their standard deviation (dividing by the
  /// count) over their mean; nil with fewer than two or a mean that is not positive.
  public static func coefficientOfVariation(ofIntervals isi: [Double]) -> Double? {
    guard isi.count >= 2 else { return nil }
    let mean = isi.reduce(0, +) / Double(isi.count)
    let variance = isi.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(isi.count)
    return mean > 0 ? variance.squareRoot() / mean : nil
  }

  /// True when values rise strictly and there are at least four: they look like spike times, not intervals.
  public static func looksLikeSpikeTimes(_ values: [Double]) -> Bool {
    values.count >= 4 && zip(values.dropFirst(), values).allSatisfy { $0 > $1 }
  }

  /// The mean CV over the trains that have one (at least three spikes).
  public static func meanCoefficientOfVariation(_ trains: [[Double]]) -> Double? {
    let values = trains.compactMap { coefficientOfVariation($0) }
    return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
  }

  /// Spike counts of all trains together in bins of `bin` from `start` to `end`.
  /// Whole bins only: a last bin the window does not fill is left out (it would read as a drop in
  /// rate), unless the window is shorter than one bin. A spike at the window's end counts.
  public static func counts(_ trains: [[Double]], bin: Double, from start: Double, to end: Double) -> [Int] {
    let n = max(1, Int(saturating: (end - start) / bin * (1 + 1e-12), rounding: .down))
    let covered = n == 1 ? max(end, start + bin) : start + Double(n) * bin
    var counts = [Int](repeating: 0, count: n)
    for train in trains {
      for t in train where t >= start && t <= covered {
        // A spike on a bin's edge (times are whole steps) opens the next bin, whatever the rounding.
        counts[min(n - 1, Int(saturating: (t - start) / bin * (1 + 1e-12), rounding: .down))] += 1
      }
    }
    return counts
  }

  /// The peri-stimulus time histogram: the population rate (Hz per neuron) in each bin.
  public static func psth(_ trains: [[Double]], neurons: Int, bin: Double, from start: Double, to end: Double)
    -> [Double]
  {
    counts(trains, bin: bin, from: start, to: end).map { Double($0) / (bin * Double(max(1, neurons))) }
  }

  /// The Fano factor of each train's counts in bins, averaged over trains: variance over mean.
  public static func fanoFactor(_ trains: [[Double]], bin: Double, from start: Double, to end: Double) -> Double? {
    let factors = trains.compactMap { train -> Double? in
      let c = counts([train], bin: bin, from: start, to: end).map(Double.init)
      let mean = c.reduce(0, +) / Double(c.count)
      guard mean > 0 else { return nil }
      return c.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(c.count) / mean
    }
    return factors.isEmpty ? nil : factors.reduce(0, +) / Double(factors.count)
  }

  /// Golomb's synchrony measure χ: the variance of the population's binned activity over the mean
  /// variance of the single trains' (1 for full synchrony, near 0 for independent trains).
  public static func synchrony(_ trains: [[Double]], bin: Double, from start: Double, to end: Double) -> Double? {
    func variance(_ x: [Double]) -> Double {
      let mean = x.reduce(0, +) / Double(x.count)
      return x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count)
    }
    let single = trains.map { variance(counts([$0], bin: bin, from: start, to: end).map(Double.init)) }
    let meanSingle = single.reduce(0, +) / Double(max(1, single.count))
    guard meanSingle > 0 else { return nil }
    let population = counts(trains, bin: bin, from: start, to: end).map { Double($0) / Double(trains.count) }
    return (variance(population) / meanSingle).squareRoot()
  }

  /// The cross-correlogram: counts of spikes of `b` at each lag after a spike of `a`, in bins over ±window.
  public static func correlogram(_ a: [Double], _ b: [Double], bin: Double, window: Double) -> (
    lags: [Double], counts: [Int]
  ) {
    let n = max(1, Int(clampingToSteps: 2 * window / bin))
    var counts = [Int](repeating: 0, count: n)
    var low = 0
    for t in a {
      while low < b.count && b[low] < t - window { low += 1 }
      var j = low
      while j < b.count && b[j] < t + window {
        let k = Int(saturating: ((b[j] - t) + window) / bin, rounding: .down)
        if k >= 0 && k < n { counts[k] += 1 }
        j += 1
      }
    }
    return ((0..<n).map { -window + (Double($0) + 0.5) * bin }, counts)
  }
}
