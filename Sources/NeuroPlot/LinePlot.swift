import NeuroUnits

/// One line of a plot: samples (x, y) already in the units the axes show, and
/// x positions to mark (spike times).
public struct PlotSeries: Sendable {
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

/// What a line plot looks like: size, dots, colour, labels.
public struct LinePlotOptions: Sendable {
  /// Total width in terminal columns, axis labels included.
  public var width: Int = 80
  /// Height of the drawing area in rows.
  public var height: Int = 14
  public var style: CanvasStyle = .braille
  public var color: Bool = false
  public var title: String = ""
  /// The x axis's label, e.g. `time (ms)`.
  public var xLabel: String = ""
  /// The x range to show; nil shows all the data.
  public var xRange: ClosedRange<Double>? = nil

  public init() {}
}

/// Draws series as lines on a braille or ASCII canvas with labelled axes, a title,
/// markers above the plot and a legend when there is more than one series.
public func renderLinePlot(_ series: [PlotSeries], options: LinePlotOptions) -> String {
  let marks: [Character] = ["*", "+", "o", "x", "#", "@"]
  let colors = ["36", "33", "35", "32", "34", "31"]
  func paint(_ text: String, _ series: Int?) -> String {
    guard options.color, let series else { return text }
    return "\u{1B}[\(colors[series % colors.count])m\(text)\u{1B}[0m"
  }

  let allX = series.flatMap(\.xs).filter(\.isFinite)
  let xTicks = options.xRange.map { Ticks(within: $0.lowerBound, $0.upperBound, count: 6) }
    ?? Ticks(within: allX.min() ?? 0, allX.max() ?? 1, count: 6)
  let visible = series.flatMap { s in
    zip(s.xs, s.ys).filter { $0.0 >= xTicks.low && $0.0 <= xTicks.high && $0.1.isFinite }.map(\.1)
  }
  let yTicks = Ticks(covering: visible.min() ?? 0, visible.max() ?? 1, count: 5)
  let yLabels = Ticks.labels(yTicks.values)
  let labelWidth = yLabels.map(\.count).max() ?? 1
  let plotColumns = max(10, options.width - labelWidth - 3)
  var canvas = Canvas(columns: plotColumns, rows: max(3, options.height), style: options.style)

  func px(_ x: Double) -> Int {
    let span = xTicks.high - xTicks.low
    return Int(saturating: ((x - xTicks.low) / (span > 0 ? span : 1)) * Double(canvas.pixelWidth - 1))
  }
  func py(_ y: Double) -> Int {
    let span = yTicks.high - yTicks.low
    return Int(saturating: ((yTicks.high - y) / (span > 0 ? span : 1)) * Double(canvas.pixelHeight - 1))
  }

  for (index, s) in series.enumerated() {
    var last: (Int, Int)? = nil
    for (x, y) in zip(s.xs, s.ys) {
      guard x.isFinite, y.isFinite, x >= xTicks.low, x <= xTicks.high else { last = nil; continue }
      let point = (px(x), py(y))
      if let last { canvas.line(last.0, last.1, point.0, point.1, series: index) } else { canvas.set(point.0, point.1, series: index) }
      last = point
    }
  }

  var lines: [String] = []
  let indent = String(repeating: " ", count: labelWidth + 2)
  if !options.title.isEmpty {
    let pad = max(0, (plotColumns - options.title.count) / 2)
    lines.append(indent + String(repeating: " ", count: pad) + options.title)
  }

  var markerRow = Array(repeating: (Character(" "), nil as Int?), count: plotColumns)
  let divisor = options.style == .braille ? 2 : 1
  for (index, s) in series.enumerated() {
    for x in s.markers where x >= xTicks.low && x <= xTicks.high {
      markerRow[min(plotColumns - 1, px(x) / divisor)] = (options.style == .braille ? "▾" : "v", index)
    }
  }
  if markerRow.contains(where: { $0.1 != nil }) {
    lines.append(trimmedRight(indent + markerRow.map { paint(String($0.0), $0.1) }.joined()))
  }

  // Braille without colour: every series looks alike, so each (when there are several) carries
  // its mark (*, +, o, …) in a cell every few columns, and the legend shows it.
  let marksSeries = options.style == .braille && !options.color && series.count > 1
  var markedCells: [Int: Character] = [:]
  if marksSeries {
    let spacing = 8
    var lastMarked = [Int](repeating: -spacing, count: series.count)
    for column in 0..<plotColumns {
      for row in 0..<canvas.rows {
        guard let owner = canvas.cell(row: row, column: column, marks: marks).1,
              column - lastMarked[owner] >= spacing, column >= owner * 3 else { continue }
        markedCells[row * plotColumns + column] = marks[owner % marks.count]
        lastMarked[owner] = column
      }
    }
  }
  func cell(_ row: Int, _ column: Int) -> (Character, Int?) {
    let (char, owner) = canvas.cell(row: row, column: column, marks: marks)
    return (markedCells[row * plotColumns + column] ?? char, owner)
  }

  var tickRows: [Int: String] = [:]
  for (value, label) in zip(yTicks.values, yLabels) {
    let row = min(canvas.rows - 1, max(0, py(value) / (options.style == .braille ? 4 : 1)))
    tickRows[row] = label
  }
  let vertical = options.style == .braille ? "│" : "|"
  let tickMark = options.style == .braille ? "┤" : "+"
  for row in 0..<canvas.rows {
    let label = tickRows[row] ?? ""
    var text = String(repeating: " ", count: labelWidth - label.count) + label + " "
    text += tickRows[row] != nil ? tickMark : vertical
    var column = 0
    while column < plotColumns {
      let (char, owner) = cell(row, column)
      var run = String(char)
      var next = column + 1
      while next < plotColumns {
        let (c, o) = cell(row, next)
        guard o == owner || (c == " " && owner == nil) else { break }
        run.append(c)
        next += 1
      }
      text += paint(run, owner)
      column = next
    }
    lines.append(trimmedRight(text))
  }

  lines += xAxisLines(ticks: xTicks.values, column: { px($0) / divisor }, columns: plotColumns, labelWidth: labelWidth,
                      style: options.style, name: options.xLabel)
  if series.count > 1 {
    let legend = series.enumerated().map { index, s in
      paint(options.style == .ascii ? String(repeating: marks[index % marks.count], count: 2)
              : marksSeries ? "━\(marks[index % marks.count])━" : "━━", index) + " " + s.name
    }
    lines.append(indent + legend.joined(separator: "   "))
  }
  return lines.joined(separator: "\n") + "\n"
}

private func trimmedRight(_ text: String) -> String {
  var t = text
  while t.last == " " { t.removeLast() }
  return t
}
