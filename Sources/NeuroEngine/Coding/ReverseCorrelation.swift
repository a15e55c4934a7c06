#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A linear–nonlinear–Poisson neuron under Gaussian white noise, and the spike-triggered average that
/// recovers its filter (Chichilnisky 2001). The filter is temporal (`length` bins, the first weighting the
/// current bin, the next the bin before, …) or spatial (a frame of values weighting the current frame).
public struct ReverseCorrelation: Sendable {
  /// The filter, flattened: lag 0 first for a temporal one, row after row for a spatial one.
  public var filter: [Double]
  /// True when the filter weights the stimulus bins before (a time course); false for one frame (an image).
  public var temporal: Bool
  /// The rate with no drive (Hz) and the bin (s): rate = baseRate · exp(gain · drive), drive = filter · stimulus.
  public var baseRate = 20.0
  public var gain = 1.0
  public var bin = 1e-3

  public init(filter: [Double], temporal: Bool) {
    self.filter = filter
    self.temporal = temporal
  }

  /// What an experiment gave: the spike-triggered average (shaped as the filter) and the spike count.
  public struct Result: Sendable {
    public var average: [Double]
    public var spikes: Int
  }

  /// Runs `bins` bins of unit-variance white noise through the neuron (Poisson counts per bin) and averages
  /// the stimulus preceding (temporal) or shown with (spatial) each spike. `shouldStop` is asked every
  /// 10 000 bins; nil when it said yes.
  public func run(bins: Int, seed: UInt64, shouldStop: () -> Bool = { false }) -> Result? {
    var random = RandomSource(seed: seed)
    let size = filter.count
    var sum = [Double](repeating: 0, count: size)
    var spikes = 0
    // A temporal filter reads the last `size` values of a single noise stream (a ring buffer); a spatial one
    // a fresh frame each bin.
    var history = [Double](repeating: 0, count: size)
    var newest = 0
    for b in 0..<bins {
      if b % 10_000 == 9_999, shouldStop() { return nil }
      var drive = 0.0
      if temporal {
        newest = (newest + 1) % size
        history[newest] = random.normal()
        for lag in 0..<size { drive += filter[lag] * history[(newest - lag + size) % size] }
      } else {
        for i in 0..<size {
          history[i] = random.normal()
          drive += filter[i] * history[i]
        }
      }
      guard b >= size - 1 || !temporal else { continue }  // the filter's window fills first
      // At most a thousand spikes a bin: a rate beyond that is no neuron's.
      let count = random.poisson(mean: min(1000, baseRate * exp(gain * drive) * bin))
      guard count > 0 else { continue }
      spikes += count
      let weight = Double(count)
      for lag in 0..<size {
        sum[lag] += weight * (temporal ? history[(newest - lag + size) % size] : history[lag])
      }
    }
    return Result(average: sum.map { spikes > 0 ? $0 / Double(spikes) : 0 }, spikes: spikes)
  }
}

/// The Pearson correlation of two equally long lists; NaN when either does not vary.
public func pearsonCorrelation(_ a: [Double], _ b: [Double]) -> Double {
  let n = Double(min(a.count, b.count))
  guard n > 1 else { return .nan }
  let (ma, mb) = (a.reduce(0, +) / n, b.reduce(0, +) / n)
  var (sab, saa, sbb) = (0.0, 0.0, 0.0)
  for (x, y) in zip(a, b) {
    sab += (x - ma) * (y - mb)
    saa += (x - ma) * (x - ma)
    sbb += (y - mb) * (y - mb)
  }
  guard saa > 0, sbb > 0 else { return .nan }
  return sab / (saa * sbb).squareRoot()
}

/// A Gabor patch of `size` × `size` values (row after row): a cosine grating of a wavelength (pixels) at an
/// angle (degrees) under a Gaussian envelope of sd `sigma` (pixels), centred — the receptive field of a
/// simple cell in primary visual cortex (Jones & Palmer 1987).
public func gaborPatch(size: Int, wavelength: Double, angle: Double, sigma: Double, phase: Double) -> [Double] {
  let centre = Double(size - 1) / 2, theta = angle * Double.pi / 180
  var values: [Double] = []
  values.reserveCapacity(size * size)
  for row in 0..<size {
    for column in 0..<size {
      let (x, y) = (Double(column) - centre, centre - Double(row))
      let along = x * cos(theta) + y * sin(theta)
      let envelope = exp(-(x * x + y * y) / (2 * sigma * sigma))
      values.append(envelope * cos(2 * Double.pi * along / wavelength + phase * Double.pi / 180))
    }
  }
  return values
}
