import NeuroUnits

/// A line plot in words: per series its samples in view, lowest and highest with where, mean, the spikes marked or
/// the upward crossings of its midpoint, and its trend.
extension FigureWords {
  static func line(_ plot: LinePlot, _ figure: Figure) -> [String] {
    guard !plot.series.isEmpty else { return ["It has no series."] }
    var lines: [String] = []
    let what = plot.series.count > 1 ? ", \(count(plot.series.count, "series", "series"))" : ""
    if let range = figure.x.range {
      lines.append("\(capitalized(figure.x.name)) \(span(range, figure.x.unit))\(what).")
    } else if !what.isEmpty {
      lines.append("It has \(what.dropFirst(2)).")
    }
    for series in plot.series { lines.append(describe(series, figure)) }
    return lines
  }

  /// One series in a few sentences on a line.
  static func describe(_ series: PlotSeries, _ figure: Figure) -> String {
    let (x, y) = (figure.x, figure.y)
    var points: [(x: Double, y: Double)] = []
    var notFinite = 0
    for (px, py) in zip(series.xs, series.ys) {
      if let range = x.range, !(px >= range.lowerBound && px <= range.upperBound) { continue }
      guard px.isFinite, py.isFinite else {
        notFinite += 1
        continue
      }
      points.append((px, py))
    }
    let left = leftOut(notFinite, "sample").map { " " + $0 } ?? ""
    guard let first = points.first, let last = points.last,
      let low = points.min(by: { $0.y < $1.y }), let high = points.max(by: { $0.y < $1.y }),
      let average = mean(points.map(\.y))
    else { return "\(series.name): no samples in view.\(left)" }
    var text =
      "\(series.name): \(count(points.count, "sample")) \(span(first.x...max(first.x, last.x), x.unit)); "
      + "lowest \(value(low.y, y.unit)) \(place(low.x, x)), highest \(value(high.y, y.unit)) \(place(high.x, x)), "
      + "mean \(value(average, y.unit)).\(left)"
    let crossings = upwardCrossings(points, low: low.y, high: high.y)
    let markers = series.markers.filter { m in m.isFinite && x.range.map { $0.contains(m) } ?? true }.sorted()
    if let firstMarker = markers.first, let lastMarker = markers.last {
      text += " \(count(markers.count, "spike")) marked, the first \(place(firstMarker, x))"
      text +=
        markers.count > 1
        ? ", then one every \(value((lastMarker - firstMarker) / Double(markers.count - 1), x.unit)) on average." : "."
    } else if crossings.count > 1 {
      text +=
        " It crosses its midpoint (\(value(low.y / 2 + high.y / 2, y.unit))) upward \(count(crossings.count, "time"))."
    }
    return text + " Trend: \(trend(points, low: low.y, high: high.y, crossings: crossings, figure))."
  }

  /// Where the series rises through the middle of its range, each crossing counted only after it has been
  /// below the middle by a tenth of the range (so that noise near the middle does not count).
  static func upwardCrossings(_ points: [(x: Double, y: Double)], low: Double, high: Double) -> [Double] {
    let middle = low / 2 + high / 2, band = (high / 2 - low / 2) / 5
    guard band > 0 else { return [] }
    var (armed, crossings) = (false, [Double]())
    for (index, point) in points.enumerated() {
      if point.y < middle - band {
        armed = true
      } else if armed, point.y >= middle, index > 0 {
        let before = points[index - 1]
        let fraction = point.y > before.y ? (middle - before.y) / (point.y - before.y) : 1
        crossings.append(before.x + max(0, min(1, fraction)) * (point.x - before.x))
        armed = false
      }
    }
    return crossings
  }

  /// The trend in words: flat, oscillating with its period (regular crossings), rising, falling, rising then
  /// falling, falling then rising, fluctuating, or no clear trend, judged on medians of the first and last
  /// quarters and on where the extremes are, not on single samples.
  static func trend(
    _ points: [(x: Double, y: Double)], low: Double, high: Double, crossings: [Double], _ figure: Figure
  ) -> String {
    let halfRange = high / 2 - low / 2
    if halfRange <= 1e-12 * max(abs(high), abs(low)) || halfRange == 0 {
      return "flat, at \(value(low / 2 + high / 2, figure.y.unit))"
    }
    let intervals = zip(crossings.dropFirst(), crossings).map { $0 - $1 }
    if intervals.count >= 2, let period = median(intervals), period > 0,
      let spread = intervals.map({ abs($0 - period) }).max(), spread <= 0.2 * period
    {
      return "oscillating, with a period of \(value(period, figure.x.unit))"
    }
    if let only = intervals.first, intervals.count == 1 {
      return "up and down, rising through its midpoint twice, \(value(only, figure.x.unit)) apart"
    }
    let quarter = max(1, points.count / 4)
    guard let start = median(points.prefix(quarter).map(\.y)), let end = median(points.suffix(quarter).map(\.y))
    else { return "no clear trend" }
    let change = end / 2 - start / 2
    let peakInside = high / 2 - max(start, end) / 2 > halfRange / 2
    let troughInside = min(start, end) / 2 - low / 2 > halfRange / 2
    if peakInside && !troughInside { return "rising, then falling" }
    if troughInside && !peakInside { return "falling, then rising" }
    if change > halfRange / 4 { return "rising" }
    if change < -halfRange / 4 { return "falling" }
    return crossings.count >= 3 ? "fluctuating, without a regular period" : "no clear trend"
  }
}
