import NeuroUnits

/// Draws a matrix as shaded cells (rows down, columns across), scaled from its smallest to its
/// largest value, with the scale under it.
public func renderHeatmap(_ matrix: [[Double]], title: String, rowLabel: String, columnLabel: String, unit: String,
                          style: CanvasStyle, width: Int) -> String {
  let shades: [Character] = style == .ascii ? [" ", ".", ":", "*", "#"] : [" ", "░", "▒", "▓", "█"]
  let values = matrix.flatMap { $0 }.filter(\.isFinite)
  let low = values.min() ?? 0, high = values.max() ?? 0
  let columns = matrix.map(\.count).max() ?? 0
  // Each cell two characters wide while the width allows, so that cells look square.
  let cellWidth = columns * 2 + 8 <= width ? 2 : 1
  var lines = [title, "\(rowLabel) ↓  \(columnLabel) →"]
  if style == .ascii { lines[1] = "\(rowLabel) (down), \(columnLabel) (across)" }
  let labelWidth = String(max(0, matrix.count - 1)).count
  for (r, row) in matrix.enumerated() {
    var text = String(repeating: " ", count: labelWidth - String(r).count) + "\(r) " + (style == .ascii ? "|" : "│")
    for x in row {
      let level = high > low ? Int(saturating: (x - low) / (high - low) * Double(shades.count - 1)) : (x != 0 ? shades.count - 1 : 0)
      text += String(repeating: shades[max(0, min(shades.count - 1, level))], count: cellWidth)
    }
    while text.last == " " { text.removeLast() }
    lines.append(text)
  }
  let scale = shades.map { String($0) + String($0) }.joined(separator: " ")
  lines.append("scale: \(formatTick(low)) \(scale) \(formatTick(high)) \(unit)")
  return lines.joined(separator: "\n") + "\n"
}

private func formatTick(_ x: Double) -> String { Ticks.label(x) }
