#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A phase plane: the two nullclines, arrows of the flow, trajectories and the fixed points, over fixed
/// x and y ranges (in the units the axes show).
public struct PhasePlanePlot: FigureContent, Equatable {
  /// The x-nullcline, the y-nullcline, then each trajectory: points, NaN between pieces.
  public var curves: [PlotSeries]
  /// The flow's direction at points of a grid: (x, y, dx, dy) with dx, dy scaled to the ranges.
  public var arrows: [Arrow]
  public var fixedPoints: [Point]
  public var xRange: ClosedRange<Double>
  public var yRange: ClosedRange<Double>

  /// A direction of flow at a point.
  public struct Arrow: Sendable, Equatable {
    public var x, y, dx, dy: Double
    public init(x: Double, y: Double, dx: Double, dy: Double) {
      (self.x, self.y, self.dx, self.dy) = (x, y, dx, dy)
    }
  }

  /// A fixed point, marked by what it does: ● (ASCII @) stable, ○ (O) unstable, × (X) a saddle, ◎ (C) a center.
  public struct Point: Sendable, Equatable {
    public var x, y: Double
    public var stability: Stability
    public init(x: Double, y: Double, stability: Stability) { (self.x, self.y, self.stability) = (x, y, stability) }
  }

  /// What nearby paths do at a fixed point.
  public enum Stability: Sendable, Equatable {
    case stable, unstable, saddle, center

    /// Its mark in braille or Unicode drawing, and in ASCII (letters the curves' marks never use).
    func mark(ascii: Bool) -> Character {
      switch self {
      case .stable: return ascii ? "@" : "●"
      case .unstable: return ascii ? "O" : "○"
      case .saddle: return ascii ? "X" : "×"
      case .center: return ascii ? "C" : "◎"
      }
    }

    /// The word in the legend.
    var word: String {
      switch self {
      case .stable: return "stable"
      case .unstable: return "unstable"
      case .saddle: return "saddle"
      case .center: return "center"
      }
    }
  }

  public init(
    curves: [PlotSeries], arrows: [Arrow], fixedPoints: [Point], x: ClosedRange<Double>, y: ClosedRange<Double>
  ) {
    self.curves = curves
    self.arrows = arrows
    self.fixedPoints = fixedPoints
    xRange = x
    yRange = y
  }

  public var kindName: String { "phase plane" }

  /// Arrows by direction, counter-clockwise from east in eighths of a turn.
  private static let arrowGlyphs: [Character] = ["→", "↗", "↑", "↖", "←", "↙", "↓", "↘"]
  private static let asciiArrows: [Character] = [">", "/", "^", "\\", "<", "/", "v", "\\"]
  private static let marks: [Character] = ["*", "+", "o", "x", "#", "@"]

  public func terminalArea(of figure: Figure, in space: TerminalSpace) -> PlotArea? {
    let xTicks = Ticks(within: xRange.lowerBound, xRange.upperBound, count: 6)
    let yTicks = Ticks(within: yRange.lowerBound, yRange.upperBound, count: 5)
    let columns = space.columns(besideLabels: Ticks.labels(yTicks.values), minimum: 10)
    var canvas = Canvas(columns: columns, rows: max(3, space.height), style: space.style)
    let scale = CanvasScale(canvas, x: xTicks.low...xTicks.high, y: yTicks.low...yTicks.high)
    let inside = { (x: Double, y: Double) in
      x >= xTicks.low && x <= xTicks.high && y >= yTicks.low && y <= yTicks.high
    }
    for (index, curve) in curves.enumerated() {
      canvas.polyline(curve.xs, curve.ys, series: index, scale: scale, shows: inside)
    }
    var rows = canvas.cells(marks: Self.marks)
    let cellRow = { (y: Double) in min(canvas.rows - 1, max(0, scale.py(y) / (space.style == .braille ? 4 : 1))) }
    let cellColumn = { (x: Double) in min(columns - 1, max(0, scale.column(x))) }
    let glyphs = space.style == .braille ? Self.arrowGlyphs : Self.asciiArrows
    for arrow in arrows
    where inside(arrow.x, arrow.y) && arrow.dx.isFinite && arrow.dy.isFinite
      && (arrow.dx != 0 || arrow.dy != 0)
    {
      let (row, column) = (cellRow(arrow.y), cellColumn(arrow.x))
      guard rows[row][column].series == nil else { continue }
      let angle = atan2Turns(arrow.dy, arrow.dx)
      rows[row][column] = Cell(glyphs[Int(saturating: (angle * 8).rounded()) % 8])
    }
    for point in fixedPoints where point.x.isFinite && point.y.isFinite && inside(point.x, point.y) {
      rows[cellRow(point.y)][cellColumn(point.x)] = Cell(
        point.stability.mark(ascii: space.style == .ascii), series: curves.count)
    }
    var area = PlotArea(
      rows: rows, columns: columns, yLabels: scale.rowLabels(yTicks.values),
      xTicks: placedTicks(xTicks.values, column: scale.column))
    area.legend = curves.enumerated().flatMap { index, curve -> [Cell.Run] in
      let sample = space.style == .ascii ? String(repeating: Self.marks[index % Self.marks.count], count: 2) : "━━"
      return (index > 0 ? [Cell.Run("   ")] : []) + [Cell.Run(sample, series: index), Cell.Run(" " + curve.name)]
    }
    if !fixedPoints.isEmpty {
      var kinds: [Stability] = [.stable, .unstable, .saddle]
      if fixedPoints.contains(where: { $0.stability == .center }) { kinds.append(.center) }
      let words = kinds.map { "\($0.mark(ascii: space.style == .ascii)) \($0.word)" }
      area.legend += [Cell.Run("   " + words.joined(separator: "  "), series: curves.count)]
    }
    return area
  }

  /// The direction of (dx, dy) in turns, from 0 (east) up to 1, counter-clockwise.
  private func atan2Turns(_ dy: Double, _ dx: Double) -> Double {
    var turns = atan2(dy, dx) / (2 * Double.pi)
    if turns < 0 { turns += 1 }
    return turns
  }
}
