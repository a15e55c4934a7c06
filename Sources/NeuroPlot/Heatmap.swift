import NeuroUnits

/// A matrix as shaded cells (rows down, columns across), scaled from its smallest to its largest value,
/// with the scale as the legend. The figure's y axis names the rows, its x axis the columns.
public struct Heatmap: FigureContent, Equatable {
  /// Rows of values, in `unit`.
  public var matrix: [[Double]]
  /// The values' unit, written after the scale (empty for plain numbers).
  public var unit: String
  /// What each row is called beside it; nil numbers them from 0.
  public var rowLabels: [String]?

  public init(_ matrix: [[Double]], unit: String, rowLabels: [String]? = nil) {
    self.matrix = matrix
    self.unit = unit
    self.rowLabels = rowLabels
  }

  public var kindName: String { "heatmap" }

  public func terminalArea(of figure: Figure, in space: TerminalSpace) -> PlotArea? {
    let shades: [Character] = space.style == .ascii ? [" ", ".", ":", "*", "#"] : [" ", "░", "▒", "▓", "█"]
    let values = matrix.flatMap { $0 }.filter(\.isFinite)
    let low = values.min() ?? 0, high = values.max() ?? 0
    let columns = matrix.map(\.count).max() ?? 0
    // Each cell two characters wide while the width allows, so that cells look square.
    let cellWidth = columns * 2 + 8 <= space.width ? 2 : 1
    let rows = matrix.map { row in
      row.flatMap { x -> [Cell] in
        let level =
          high > low
          ? Int(saturating: (x - low) / (high - low) * Double(shades.count - 1))
          : (x != 0 ? shades.count - 1 : 0)
        return Array(repeating: Cell(shades[max(0, min(shades.count - 1, level))]), count: cellWidth)
      }
    }
    var area = PlotArea(
      rows: rows, columns: columns * cellWidth,
      yLabels: matrix.indices.map { ($0, rowLabels?[safe: $0] ?? String($0)) }, xTicks: nil)
    area.marksTicks = false
    area.caption =
      space.style == .ascii
      ? "\(figure.y.labelled) (down), \(figure.x.labelled) (across)"
      : "\(figure.y.labelled) ↓  \(figure.x.labelled) →"
    let scale = shades.map { String($0) + String($0) }.joined(separator: " ")
    let range = "\(Ticks.label(low)) \(scale) \(Ticks.label(high))" + (unit.isEmpty ? "" : " \(unit)")
    area.legend = [Cell.Run("scale: " + range)]
    return area
  }
}

extension Array {
  /// The element at `index`, or nil past either end.
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
