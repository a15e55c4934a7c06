import NeuroUnits

/// What a histogram looks like.
public struct HistogramOptions: Sendable {
  public var width = 80
  public var height = 12
  public var style: CanvasStyle = .braille
  public var color = false
  public var title = ""
  public var xLabel = ""
  /// How many bins; nil picks √n, between 5 and 40.
  public var bins: Int? = nil

  public init() {}
}

/// Draws the distribution of values as vertical bars (eighth blocks, or `#` in ASCII) over
/// equal bins, with the count axis on the left and the value axis below.
public func renderHistogram(_ values: [Double], options: HistogramOptions) -> String {
  let finite = values.filter(\.isFinite)
  guard let low = finite.min(), let high = finite.max() else { return "(no values)\n" }
  let binCount = options.bins ?? max(5, min(40, Int(saturating: Double(finite.count).squareRoot())))
  let xTicks = Ticks(covering: low, high, count: 6)
  let span = max(xTicks.high - xTicks.low, 1e-300)
  var counts = [Int](repeating: 0, count: binCount)
  for x in finite { counts[max(0, min(binCount - 1, Int(saturating: (x - xTicks.low) / span * Double(binCount), rounding: .towardZero)))] += 1 }
  let yTicks = Ticks(covering: 0, Double(counts.max() ?? 1), count: 4)
  let labels = Ticks.labels(yTicks.values)
  let labelWidth = labels.map(\.count).max() ?? 1
  let columns = max(binCount, options.width - labelWidth - 3)
  let rows = max(3, options.height)
  let levels: [Character] = options.style == .ascii ? [" ", "#", "#", "#", "#", "#", "#", "#", "#"]
    : [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
  // Each column shows the bin it falls in; the bar's height in eighths of a row.
  let heights = (0..<columns).map { column -> Double in
    let bin = min(binCount - 1, column * binCount / columns)
    return Double(counts[bin]) / yTicks.high * Double(rows)
  }
  var lines: [String] = []
  let indent = String(repeating: " ", count: labelWidth + 2)
  if !options.title.isEmpty {
    lines.append(indent + String(repeating: " ", count: max(0, (columns - options.title.count) / 2)) + options.title)
  }
  var tickRows: [Int: String] = [:]
  for (value, label) in zip(yTicks.values, labels) {
    tickRows[min(rows - 1, max(0, rows - 1 - Int(saturating: value / yTicks.high * Double(rows), rounding: .down)))] = label
  }
  for row in 0..<rows {
    let label = tickRows[row] ?? ""
    var text = String(repeating: " ", count: labelWidth - label.count) + label + " "
    text += tickRows[row] != nil ? (options.style == .braille ? "┤" : "+") : (options.style == .braille ? "│" : "|")
    let floor = Double(rows - 1 - row)
    var bars = ""
    for h in heights {
      let fill = min(8, max(0, Int(saturating: (h - floor) * 8)))
      bars.append(levels[fill])
    }
    while bars.last == " " { bars.removeLast() }
    text += options.color && !bars.isEmpty ? "\u{1B}[36m\(bars)\u{1B}[0m" : bars
    lines.append(text)
  }
  lines += xAxisLines(ticks: xTicks.values, column: { Int(saturating: ($0 - xTicks.low) / span * Double(columns - 1)) },
                      columns: columns, labelWidth: labelWidth, style: options.style, name: options.xLabel)
  return lines.joined(separator: "\n") + "\n"
}
