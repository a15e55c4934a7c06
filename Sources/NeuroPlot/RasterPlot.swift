import NeuroUnits

/// What a raster plot looks like.
public struct RasterOptions: Sendable {
  public var width = 80
  public var height = 14
  public var style: CanvasStyle = .braille
  public var color = false
  public var title = ""
  /// Time (ms) across.
  public var timeRange: ClosedRange<Double> = 0...1
  /// Neuron indices up.
  public var neuronRange: ClosedRange<Double> = 0...1
  /// What the vertical axis counts, written above it.
  public var neuronLabel = "neuron index"

  public init() {}
}

/// Draws spikes as dots, time (ms) across and neuron index up, with labelled axes and a title.
public func renderRaster(_ spikes: [(time: Double, neuron: Double)], options: RasterOptions) -> String {
  let yTicks = Ticks(within: options.neuronRange.lowerBound, options.neuronRange.upperBound, count: 4)
  let labels = Ticks.labels(yTicks.values)
  let labelWidth = max(labels.map(\.count).max() ?? 1, 1)
  let columns = max(10, options.width - labelWidth - 3)
  var canvas = Canvas(columns: columns, rows: max(3, options.height), style: options.style)
  let t0 = options.timeRange.lowerBound, t1 = options.timeRange.upperBound
  let n0 = options.neuronRange.lowerBound, n1 = max(options.neuronRange.upperBound, n0 + 1)
  func px(_ t: Double) -> Int { Int(saturating: (t - t0) / max(t1 - t0, 1e-12) * Double(canvas.pixelWidth - 1)) }
  func py(_ n: Double) -> Int { Int(saturating: (n1 - n) / (n1 - n0) * Double(canvas.pixelHeight - 1)) }
  for spike in spikes { canvas.set(px(spike.time), py(spike.neuron), series: 0) }

  let indent = String(repeating: " ", count: labelWidth + 2)
  var lines: [String] = []
  if !options.title.isEmpty {
    lines.append(indent + String(repeating: " ", count: max(0, (columns - options.title.count) / 2)) + options.title)
  }
  if !options.neuronLabel.isEmpty { lines.append(options.neuronLabel) }
  var tickRows: [Int: String] = [:]
  for (value, label) in zip(yTicks.values, labels) {
    tickRows[min(canvas.rows - 1, max(0, py(value) / (options.style == .braille ? 4 : 1)))] = label
  }
  let paint = { (text: String) in options.color ? "\u{1B}[36m\(text)\u{1B}[0m" : text }
  for row in 0..<canvas.rows {
    let label = tickRows[row] ?? ""
    var text = String(repeating: " ", count: labelWidth - label.count) + label + " "
    text += tickRows[row] != nil ? (options.style == .braille ? "┤" : "+") : (options.style == .braille ? "│" : "|")
    var dots = ""
    for column in 0..<columns { dots.append(canvas.cell(row: row, column: column, marks: ["|"]).0) }
    while dots.last == " " { dots.removeLast() }
    lines.append(text + (dots.isEmpty ? "" : paint(dots)))
  }
  let xTicks = Ticks(within: t0, t1, count: 6)
  let divisor = options.style == .braille ? 2 : 1
  lines += xAxisLines(ticks: xTicks.values, column: { px($0) / divisor }, columns: columns, labelWidth: labelWidth,
                      style: options.style, name: "time (ms)")
  return lines.joined(separator: "\n") + "\n"
}
