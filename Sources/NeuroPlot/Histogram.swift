import NeuroUnits

/// Counts of values in equal bins, drawn as vertical bars (eighth blocks, or `#` in ASCII) with the count
/// axis on the left.
public struct Histogram: FigureContent, Equatable {
  /// How many values fell in each bin, lowest first.
  public var counts: [Int]
  /// Where the bins start and end (at ticks around the values).
  public var binRange: ClosedRange<Double>
  /// The lowest and highest value counted (the x ticks cover them).
  public var valueRange: ClosedRange<Double>

  /// Counts the finite `values` in `bins` equal bins (nil: √n, between 5 and 40); nil when none is finite.
  public init?(_ values: [Double], bins: Int? = nil) {
    let finite = values.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return nil }
    let binCount = max(1, bins ?? max(5, min(40, Int(saturating: Double(finite.count).squareRoot()))))
    let ticks = Ticks(covering: low, high, count: 6)
    // Halves throughout: the span of values near ±1e308 would overflow.
    let halfSpan = max(ticks.high / 2 - ticks.low / 2, 1e-300)
    var counts = [Int](repeating: 0, count: binCount)
    for x in finite {
      let bin = Int(saturating: (x / 2 - ticks.low / 2) / halfSpan * Double(binCount), rounding: .towardZero)
      counts[max(0, min(binCount - 1, bin))] += 1
    }
    self.counts = counts
    binRange = ticks.low...ticks.high
    valueRange = low...high
  }

  public var kindName: String { "histogram" }

  /// Bars read well at this many rows, whatever the terminal's plot height.
  private static let rows = 12

  public func terminalArea(of figure: Figure, in space: TerminalSpace) -> PlotArea? {
    let xTicks = Ticks(covering: valueRange.lowerBound, valueRange.upperBound, count: 6)
    let yTicks = Ticks(covering: 0, Double(counts.max() ?? 1), count: 4)
    let labels = Ticks.labels(yTicks.values)
    let columns = space.columns(besideLabels: labels, minimum: counts.count)
    let rows = Self.rows
    let levels: [Character] =
      space.style == .ascii
      ? [" ", "#", "#", "#", "#", "#", "#", "#", "#"]
      : [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    // Each column shows the bin it falls in; the bar's height in eighths of a row.
    let heights = (0..<columns).map { column -> Double in
      Double(counts[min(counts.count - 1, column * counts.count / columns)]) / yTicks.high * Double(rows)
    }
    // Every cell belongs to the one series: a row of bars is painted as a whole.
    let cells = (0..<rows).map { row in
      heights.map { h in Cell(levels[min(8, max(0, Int(saturating: (h - Double(rows - 1 - row)) * 8)))], series: 0) }
    }
    let yLabels = zip(yTicks.values, labels).map { value, label in
      (min(rows - 1, max(0, rows - 1 - Int(saturating: value / yTicks.high * Double(rows), rounding: .down))), label)
    }
    let halfSpan = max(binRange.upperBound / 2 - binRange.lowerBound / 2, 1e-300)
    let column = { (x: Double) in
      Int(saturating: (x / 2 - binRange.lowerBound / 2) / halfSpan * Double(columns - 1))
    }
    return PlotArea(rows: cells, columns: columns, yLabels: yLabels, xTicks: placedTicks(xTicks.values, column: column))
  }
}
