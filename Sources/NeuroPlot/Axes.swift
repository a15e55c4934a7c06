/// The x axis under a plot: the rule with a mark at each tick, the tick labels (those that fit
/// without touching), and the axis name centred under the plot.
func xAxisLines(
  ticks: [(column: Int, label: String)], columns: Int, labelWidth: Int, style: CanvasStyle,
  name: String
) -> [String] {
  var axis = Array(repeating: Character(style == .braille ? "─" : "-"), count: columns)
  var labels = Array(repeating: Character(" "), count: columns + 8)
  var lastEnd = -2
  for (column, label) in ticks {
    let c = min(columns - 1, max(0, column))
    axis[c] = style == .braille ? "┬" : "+"
    let start = max(0, c - label.count / 2)
    if start > lastEnd + 1, start + label.count <= labels.count {
      for (i, character) in label.enumerated() { labels[start + i] = character }
      lastEnd = start + label.count - 1
    }
  }
  let indent = String(repeating: " ", count: labelWidth + 2)
  var lines = [String(repeating: " ", count: labelWidth + 1) + (style == .braille ? "└" : "+") + String(axis)]
  lines.append(trimmedRight(indent + String(labels)))
  if !name.isEmpty { lines.append(indent + centred(name, in: columns)) }
  return lines
}

/// Ticks at their columns, labelled so that each reads as its own value.
func placedTicks(_ values: [Double], column: (Double) -> Int) -> [(column: Int, label: String)] {
  zip(values, Ticks.labels(values)).map { (column($0), $1) }
}
