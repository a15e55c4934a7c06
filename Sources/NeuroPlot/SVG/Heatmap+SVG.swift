import NeuroUnits

/// A heatmap as SVG: a rectangle per cell, coloured from dark blue (the smallest value) to yellow (the
/// largest), rows down and columns across, with a colour bar beside it labelled with the range and its unit.
extension Heatmap: SVGDrawable {
  func svgPlot(of figure: Figure, in box: SVGBox) -> SVGPlot? {
    let columns = matrix.map(\.count).max() ?? 0
    guard !matrix.isEmpty, columns > 0 else { return nil }
    let values = matrix.flatMap { $0 }.filter(\.isFinite)
    let low = values.min() ?? 0, high = values.max() ?? 0
    // A matrix larger than the drawing shows (traces as rows) is drawn from block means, so the file stays small.
    let drawn = Self.pooled(matrix, columns: columns, atMost: Self.mostDrawn)
    let width = box.width / Double(drawn.columns), height = box.height / Double(drawn.cells.count)
    let n = SVGText.number
    var marks = ["<g class=\"cells\" shape-rendering=\"crispEdges\">"]
    for (row, values) in drawn.cells.enumerated() {
      for (column, value) in values.enumerated() {
        let fraction = high > low ? (value - low) / (high - low) : (value != 0 ? 1 : 0)
        let (x, y) = (box.left + Double(column) * width, box.top + Double(row) * height)
        marks.append(
          "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" "
            + "fill=\"\(Self.color(value.isFinite ? fraction : .nan))\"/>")
      }
    }
    marks.append("</g>")
    // At most about a dozen labels on each axis, at the centres of evenly spaced rows and columns of the matrix.
    let (columnWidth, rowHeight) = (box.width / Double(columns), box.height / Double(matrix.count))
    let xTicks = Self.every(columns).map {
      SVGPlot.Tick(position: box.left + (Double($0) + 0.5) * columnWidth, label: "\($0)")
    }
    let yTicks = Self.every(matrix.count).map {
      SVGPlot.Tick(position: box.top + (Double($0) + 0.5) * rowHeight, label: rowLabels?[safe: $0] ?? String($0))
    }
    var plot = SVGPlot(marks: marks, xTicks: xTicks, yTicks: yTicks)
    plot.beside = colorBar(low: low, high: high, beside: box)
    return plot
  }

  /// The most cells drawn across and down.
  static let mostDrawn = (columns: 240, rows: 160)

  /// The matrix as it is drawn: as it is when it fits in `atMost`, else each drawn cell the mean of the finite
  /// values of its block of the matrix (NaN when it has none).
  static func pooled(_ matrix: [[Double]], columns: Int, atMost: (columns: Int, rows: Int))
    -> (cells: [[Double]], columns: Int)
  {
    let across = max(1, min(columns, atMost.columns)), down = max(1, min(matrix.count, atMost.rows))
    guard across < columns || down < matrix.count else { return (matrix, columns) }
    let cells = (0..<down).map { row -> [Double] in
      let rows = (row * matrix.count / down)..<((row + 1) * matrix.count / down)
      return (0..<across).map { column -> Double in
        let part = (column * columns / across)..<((column + 1) * columns / across)
        let values = rows.flatMap { r in part.compactMap { matrix[r][safe: $0] } }.filter(\.isFinite)
        return values.isEmpty ? .nan : values.reduce(0) { $0 + $1 / Double(values.count) }
      }
    }
    return (cells, across)
  }

  /// Indices 0..<count, every one, or evenly spaced when there are more than a dozen.
  private static func every(_ count: Int) -> [Int] {
    Array(stride(from: 0, to: count, by: max(1, (count + 11) / 12)))
  }

  /// The colour bar right of the box: bands from the lowest value (bottom) to the highest (top), each end
  /// labelled, the unit above.
  private func colorBar(low: Double, high: Double, beside box: SVGBox) -> [String] {
    let n = SVGText.number, bands = 32, x = box.right + 18, band = box.height / Double(bands)
    var lines = ["<g class=\"color-bar\" shape-rendering=\"crispEdges\">"]
    for i in 0..<bands {
      let y = box.bottom - Double(i + 1) * band
      lines.append(
        "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"16\" height=\"\(n(band + 0.5))\" "
          + "fill=\"\(Self.color((Double(i) + 0.5) / Double(bands)))\"/>")
    }
    lines.append(SVGText.label(Ticks.label(high), x: x + 22, y: box.top + 4, anchor: "start"))
    lines.append(SVGText.label(Ticks.label(low), x: x + 22, y: box.bottom + 4, anchor: "start"))
    if !unit.isEmpty { lines.append(SVGText.label(unit, x: x + 8, y: box.top - 8)) }
    return lines + ["</g>"]
  }
}
