/// The x axis under a plot: the rule with a mark at each tick, the tick labels (those that fit
/// without touching), and the axis name centred under the plot.
func xAxisLines(ticks: [Double], column: (Double) -> Int, columns: Int, labelWidth: Int, style: CanvasStyle,
                name: String) -> [String] {
  var axis = Array(repeating: Character(style == .braille ? "─" : "-"), count: columns)
  var labels = Array(repeating: Character(" "), count: columns + 8)
  var lastEnd = -2
  for (value, label) in zip(ticks, Ticks.labels(ticks)) {
    let c = min(columns - 1, max(0, column(value)))
    axis[c] = style == .braille ? "┬" : "+"
    let start = max(0, c - label.count / 2)
    if start > lastEnd + 1, start + label.count <= labels.count {
      for (i, character) in label.enumerated() { labels[start + i] = character }
      lastEnd = start + label.count - 1
    }
  }
  let indent = String(repeating: " ", count: labelWidth + 2)
  var lines = [String(repeating: " ", count: labelWidth + 1) + (style == .braille ? "└" : "+") + String(axis)]
  var labelText = indent + String(labels)
  while labelText.last == " " { labelText.removeLast() }
  lines.append(labelText)
  if !name.isEmpty {
    lines.append(indent + String(repeating: " ", count: max(0, (columns - name.count) / 2)) + name)
  }
  return lines
}
