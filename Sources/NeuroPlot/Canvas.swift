import NeuroUnits

/// How dots are drawn in a terminal.
public enum CanvasStyle: String, Sendable {
  /// Unicode braille: 2×4 dots per character cell.
  case braille
  /// Pure ASCII: one dot per character cell, a mark per series.
  case ascii
}

/// A grid of character cells on which series are drawn dot by dot.
public struct Canvas {
  public let columns: Int
  public let rows: Int
  public let style: CanvasStyle
  private var bits: [UInt8]
  private var owner: [Int]

  public init(columns: Int, rows: Int, style: CanvasStyle) {
    self.columns = max(1, columns)
    self.rows = max(1, rows)
    self.style = style
    bits = Array(repeating: 0, count: self.columns * self.rows)
    owner = Array(repeating: -1, count: self.columns * self.rows)
  }

  /// Dots across and down.
  public var pixelWidth: Int { columns * (style == .braille ? 2 : 1) }
  public var pixelHeight: Int { rows * (style == .braille ? 4 : 1) }

  /// Sets one dot (0,0 is top left) for series `series`; dots outside are ignored.
  public mutating func set(_ x: Int, _ y: Int, series: Int) {
    guard x >= 0, y >= 0, x < pixelWidth, y < pixelHeight else { return }
    let cell: Int, bit: UInt8
    switch style {
    case .braille:
      cell = (y / 4) * columns + x / 2
      bit = Canvas.brailleBits[(x % 2) * 4 + y % 4]
    case .ascii:
      cell = y * columns + x
      bit = 1
    }
    bits[cell] |= bit
    owner[cell] = series
  }

  /// Draws a straight line between two dots.
  public mutating func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, series: Int) {
    var x = x0, y = y0
    let dx = abs(x1 - x0), dy = -abs(y1 - y0)
    let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
    var error = dx + dy
    while true {
      set(x, y, series: series)
      if x == x1 && y == y1 { return }
      let e2 = 2 * error
      if e2 >= dy {
        error += dy
        x += sx
      }
      if e2 <= dx {
        error += dx
        y += sy
      }
    }
  }

  /// The character in a cell, and the series that drew it last (nil when empty).
  public func cell(row: Int, column: Int, marks: [Character]) -> (Character, Int?) {
    let i = row * columns + column
    guard bits[i] != 0 else { return (" ", nil) }
    switch style {
    case .braille:
      return (Unicode.Scalar(0x2800 + UInt32(bits[i])).map(Character.init) ?? "?", owner[i])
    case .ascii:
      return (marks.isEmpty ? "*" : marks[owner[i] % marks.count], owner[i])
    }
  }

  /// Braille dot bits by (column × 4 + row) within a cell.
  private static let brailleBits: [UInt8] = [0x01, 0x02, 0x04, 0x40, 0x08, 0x10, 0x20, 0x80]
}

/// Where values land on a canvas: x and y ranges mapped to dots (y up), and to character columns and rows.
struct CanvasScale {
  let x: ClosedRange<Double>
  let y: ClosedRange<Double>
  let pixelWidth: Int
  let pixelHeight: Int
  let rows: Int
  let style: CanvasStyle

  init(_ canvas: Canvas, x: ClosedRange<Double>, y: ClosedRange<Double>) {
    self.x = x
    self.y = y
    pixelWidth = canvas.pixelWidth
    pixelHeight = canvas.pixelHeight
    rows = canvas.rows
    style = canvas.style
  }

  /// The dot column of an x value.
  func px(_ value: Double) -> Int {
    let span = x.upperBound - x.lowerBound
    return Int(saturating: ((value - x.lowerBound) / (span > 0 ? span : 1)) * Double(pixelWidth - 1))
  }

  /// The dot row of a y value (0 at the top).
  func py(_ value: Double) -> Int {
    let span = y.upperBound - y.lowerBound
    return Int(saturating: ((y.upperBound - value) / (span > 0 ? span : 1)) * Double(pixelHeight - 1))
  }

  /// The character column of an x value.
  func column(_ value: Double) -> Int { px(value) / (style == .braille ? 2 : 1) }

  /// Each y tick's label beside the character row it falls in.
  func rowLabels(_ ticks: [Double]) -> [(row: Int, label: String)] {
    zip(ticks, Ticks.labels(ticks)).map { value, label in
      (min(rows - 1, max(0, py(value) / (style == .braille ? 4 : 1))), label)
    }
  }
}

extension Canvas {
  /// Draws the points (xs[i], ys[i]) joined by lines in a series' colour; a point `shows` refuses (outside
  /// the window, or not finite) is left out and breaks the line there.
  mutating func polyline(
    _ xs: [Double], _ ys: [Double], series: Int, scale: CanvasScale, shows: (Double, Double) -> Bool
  ) {
    var last: (Int, Int)? = nil
    for (x, y) in zip(xs, ys) {
      guard x.isFinite, y.isFinite, shows(x, y) else {
        last = nil
        continue
      }
      let point = (scale.px(x), scale.py(y))
      if let last {
        line(last.0, last.1, point.0, point.1, series: series)
      } else {
        set(point.0, point.1, series: series)
      }
      last = point
    }
  }

  /// Every cell as a character and the series that drew it, rows top first (ASCII dots take `marks`).
  func cells(marks: [Character]) -> [[Cell]] {
    (0..<rows).map { row in
      (0..<columns).map { column in
        let (character, owner) = cell(row: row, column: column, marks: marks)
        return Cell(character, series: owner)
      }
    }
  }
}
