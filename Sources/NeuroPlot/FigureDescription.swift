import NeuroUnits

/// A figure in a few plain sentences, for screen readers and for lesson checks: what each kind shows, in the
/// units its axes show (ranges, extremes and where they are, spikes, trends). One sentence a line.

/// Golomb's synchrony measure of spike trains (times in the x axis's unit) in bins of `bin`, from `start` to `end`:
/// NeuroPlot analyses no spikes itself, so whoever asks for a raster's description passes the one the
/// language uses (NeuroEngine's `SpikeAnalysis.synchrony`).
public typealias SynchronyMeasure =
  @Sendable (_ trains: [[Double]], _ bin: Double, _ start: Double, _ end: Double) -> Double?

extension Figure {
  /// The figure in sentences, one a line: its kind and heading, then what its kind shows.
  public func described(synchrony: SynchronyMeasure? = nil) -> String {
    var lines = [heading.hasPrefix(kind) ? "\(FigureWords.capitalized(heading))." : "A \(kind) of \(heading)."]
    switch content {
    case let plot as LinePlot: lines += FigureWords.line(plot, self)
    case let raster as RasterPlot: lines += FigureWords.raster(raster, self, synchrony: synchrony)
    case let heatmap as Heatmap: lines += FigureWords.heatmap(heatmap, self)
    case let histogram as Histogram: lines += FigureWords.histogram(histogram, self)
    case let plane as PhasePlanePlot: lines += FigureWords.phasePlane(plane, self)
    default: lines.append("There is no description of this kind of figure yet.")
    }
    return lines.joined(separator: "\n")
  }
}

/// The words and numbers of descriptions, shared by every kind.
enum FigureWords {
  /// A number as neuro writes it, to 4 significant digits.
  static func number(_ x: Double) -> String { formatNumber(x, significantDigits: 4) }

  /// A number with its unit, if it has one: `-65 mV`.
  static func value(_ x: Double, _ unit: String) -> String { unit.isEmpty ? number(x) : "\(number(x)) \(unit)" }

  /// `1 spike`, `3 spikes`.
  static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
  }

  /// The sentence with its first letter upper-case.
  static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

  /// `from 0 to 100 ms`, the unit once.
  static func span(_ range: ClosedRange<Double>, _ unit: String) -> String {
    let (low, high) = (number(range.lowerBound), number(range.upperBound))
    if low == high {
      return range.lowerBound == range.upperBound
        ? "all at \(value(range.lowerBound, unit))" : "all about \(value(range.lowerBound, unit))"
    }
    return "from \(low) to \(value(range.upperBound, unit))"
  }

  /// Where along the x axis: `at 12 ms` for time, `at I = 2 nA` for another quantity.
  static func place(_ x: Double, _ axis: Axis) -> String {
    axis.name == "time" ? "at \(value(x, axis.unit))" : "at \(axis.name) = \(value(x, axis.unit))"
  }

  /// How many values were left out for being NaN or infinite, as a sentence; nil when none was.
  static func leftOut(_ n: Int, _ what: String) -> String? {
    n == 0 ? nil : "\(count(n, what)) \(n == 1 ? "is" : "are") not finite (NaN or infinite) and left out."
  }

  /// The mean, added up in a way that cannot overflow for values near ±1e308; nil for none.
  static func mean(_ values: some Sequence<Double>) -> Double? {
    var (mean, n) = (0.0, 0.0)
    for x in values {
      n += 1
      mean += (x / 2 - mean / 2) / n * 2
    }
    return n > 0 ? mean : nil
  }

  /// The median; nil for none.
  static func median(_ values: [Double]) -> Double? {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return nil }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : sorted[middle - 1] / 2 + sorted[middle] / 2
  }

  /// Seconds in one `unit` of time, for rates; nil for a unit that is not time.
  static func seconds(per unit: String) -> Double? {
    switch unit {
    case "s": return 1
    case "ms": return 1e-3
    case "us", "µs": return 1e-6
    case "min": return 60
    default: return nil
    }
  }
}
