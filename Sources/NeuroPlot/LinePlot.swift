/// One line of a plot: samples (x, y) already in the units the axes show, and
/// x positions to mark (spike times).
public struct PlotSeries: Sendable, Equatable {
  public var name: String
  public var xs: [Double]
  public var ys: [Double]
  public var markers: [Double]

  public init(name: String, xs: [Double], ys: [Double], markers: [Double] = []) {
    self.name = name
    self.xs = xs
    self.ys = ys
    self.markers = markers
  }
}

/// Series drawn as lines, with their markers in a strip above and a legend when there are several.
public struct LinePlot: FigureContent, Equatable {
  public var series: [PlotSeries]

  public init(_ series: [PlotSeries]) { self.series = series }

  public var kindName: String { "line plot" }

  /// Marks that tell series apart without colour: in ASCII every dot, in braille one cell every few columns.
  private static let marks: [Character] = ["*", "+", "o", "x", "#", "@"]

  /// The ticks of both axes: x at the figure's range (or the data's), y around the values shown in it.
  func ticks(of figure: Figure) -> (x: Ticks, y: Ticks) {
    let allX = series.flatMap(\.xs).filter(\.isFinite)
    let xRange = figure.x.range
    let xTicks = Ticks(within: xRange?.lowerBound ?? allX.min() ?? 0, xRange?.upperBound ?? allX.max() ?? 1, count: 6)
    let visible = series.flatMap { s in
      zip(s.xs, s.ys).filter { $0.0 >= xTicks.low && $0.0 <= xTicks.high && $0.1.isFinite }.map(\.1)
    }
    return (xTicks, Ticks(covering: visible.min() ?? 0, visible.max() ?? 1, count: 5))
  }

  public func terminalArea(of figure: Figure, in space: TerminalSpace) -> PlotArea? {
    let (xTicks, yTicks) = ticks(of: figure)
    let columns = space.columns(besideLabels: Ticks.labels(yTicks.values), minimum: 10)
    var canvas = Canvas(columns: columns, rows: max(3, space.height), style: space.style)
    let scale = CanvasScale(canvas, x: xTicks.low...xTicks.high, y: yTicks.low...yTicks.high)
    for (index, s) in series.enumerated() {
      let (xs, ys) = Self.thinned(s.xs, s.ys, columns: canvas.pixelWidth, within: xTicks.low...xTicks.high)
      canvas.polyline(xs, ys, series: index, scale: scale) { x, _ in x >= xTicks.low && x <= xTicks.high }
    }
    // Braille without colour: every series looks alike, so each (when there are several) carries
    // its mark (*, +, o, …) in a cell every few columns, and the legend shows it.
    let marksSeries = space.style == .braille && !space.colored && series.count > 1
    let xTickColumns = placedTicks(xTicks.values, column: scale.column)
    var area = PlotArea(
      rows: cells(canvas, marked: marksSeries), columns: columns,
      yLabels: scale.rowLabels(yTicks.values), xTicks: xTickColumns)
    area.strip = strip(scale, columns: columns, style: space.style)
    if series.count > 1 { area.legend = legend(space.style, marked: marksSeries) }
    return area
  }

  /// A very long series sampled in order (a trace of millions of samples) cut down to what a canvas can show: in
  /// each of `columns` slices of the range, its first and last points and its lowest and highest, in the order
  /// they came, so that no peak is lost. Other series (fewer points than `beyond`, 1000 a column unless given, or
  /// x not in order) are returned as they are.
  static func thinned(
    _ xs: [Double], _ ys: [Double], columns: Int, within range: ClosedRange<Double>, beyond: Int? = nil
  ) -> ([Double], [Double]) {
    let count = min(xs.count, ys.count)
    let ordered = zip(xs.dropFirst(), xs).allSatisfy { $0 >= $1 || $0.isNaN || $1.isNaN }
    guard count > (beyond ?? 1000 * max(1, columns)), ordered else { return (xs, ys) }
    var (keptX, keptY) = ([Double](), [Double]())
    let width = (range.upperBound - range.lowerBound) / Double(max(1, columns))
    var start = 0
    while start < count {
      let slice = width > 0 ? Int(saturating: ((xs[start] - range.lowerBound) / width).rounded(.down)) : 0
      var end = start + 1
      while end < count, width > 0, Int(saturating: ((xs[end] - range.lowerBound) / width).rounded(.down)) == slice {
        end += 1
      }
      let part = start..<end
      let low = part.min { ys[$0] < ys[$1] } ?? start, high = part.max { ys[$0] < ys[$1] } ?? start
      for i in Set([start, low, high, end - 1]).sorted() {
        keptX.append(xs[i])
        keptY.append(ys[i])
      }
      start = end
    }
    return (keptX, keptY)
  }

  /// The canvas's cells, with each series' mark every few columns when `marked`.
  private func cells(_ canvas: Canvas, marked: Bool) -> [[Cell]] {
    var rows = canvas.cells(marks: Self.marks)
    guard marked else { return rows }
    let spacing = 8
    var lastMarked = [Int](repeating: -spacing, count: series.count)
    for column in 0..<canvas.columns {
      for row in 0..<canvas.rows {
        guard let owner = rows[row][column].series, column - lastMarked[owner] >= spacing,
          column >= owner * 3
        else { continue }
        rows[row][column].character = Self.marks[owner % Self.marks.count]
        lastMarked[owner] = column
      }
    }
    return rows
  }

  /// A mark above the plot at each series' marker (spike time); nil when none is in view.
  private func strip(_ scale: CanvasScale, columns: Int, style: CanvasStyle) -> [Cell]? {
    var strip = Array(repeating: Cell.blank, count: columns)
    for (index, s) in series.enumerated() {
      for x in s.markers where x >= scale.x.lowerBound && x <= scale.x.upperBound {
        strip[min(columns - 1, scale.column(x))] = Cell(style == .braille ? "▾" : "v", series: index)
      }
    }
    return strip.contains { $0.series != nil } ? strip : nil
  }

  /// Each series' sample line (in its colour, or with its mark) and name.
  private func legend(_ style: CanvasStyle, marked: Bool) -> [Cell.Run] {
    series.enumerated().flatMap { index, s -> [Cell.Run] in
      let mark = Self.marks[index % Self.marks.count]
      let sample = style == .ascii ? String(repeating: mark, count: 2) : marked ? "━\(mark)━" : "━━"
      return (index > 0 ? [Cell.Run("   ")] : []) + [Cell.Run(sample, series: index), Cell.Run(" " + s.name)]
    }
  }
}
