/// Where the plot area of an SVG figure lies, in the drawing's pixels.
struct SVGBox: Sendable, Equatable {
  var left, top, width, height: Double

  var right: Double { left + width }
  var bottom: Double { top + height }
}

/// How values map onto a box: `x` across from its left edge, `y` up from its bottom edge.
struct SVGScale {
  var box: SVGBox
  var x: ClosedRange<Double>
  var y: ClosedRange<Double>

  /// The pixel column of `value` (halves throughout, so that ranges near ±1e308 do not overflow).
  func px(_ value: Double) -> Double { box.left + Self.fraction(value, of: x) * box.width }

  /// The pixel row of `value`, higher values further up.
  func py(_ value: Double) -> Double { box.bottom - Self.fraction(value, of: y) * box.height }

  private static func fraction(_ value: Double, of range: ClosedRange<Double>) -> Double {
    let halfSpan = range.upperBound / 2 - range.lowerBound / 2
    guard halfSpan > 0, halfSpan.isFinite else { return 0.5 }
    return (value / 2 - range.lowerBound / 2) / halfSpan
  }

  /// Ticks at their pixel columns, labelled so that each reads as its own value.
  func xTicks(_ ticks: Ticks) -> [SVGPlot.Tick] {
    zip(ticks.values, Ticks.labels(ticks.values)).map { SVGPlot.Tick(position: px($0), label: $1) }
  }

  /// Ticks at their pixel rows.
  func yTicks(_ ticks: Ticks) -> [SVGPlot.Tick] {
    zip(ticks.values, Ticks.labels(ticks.values)).map { SVGPlot.Tick(position: py($0), label: $1) }
  }
}

/// What one kind draws in an SVG figure: its marks inside the plot box, what it draws beside it, where its
/// ticks fall and its legend; the frame (title, box, axes, their titles, the legend's place) is `SVGRenderer`'s.
struct SVGPlot {
  /// A tick: its pixel position along its axis and its label.
  struct Tick: Equatable {
    var position: Double
    var label: String
  }

  /// One entry of the legend: a sample of how it is drawn and its name.
  struct LegendEntry {
    enum Swatch {
      case line(color: String)
      case point(PhasePlanePlot.Stability)
    }

    var swatch: Swatch
    var name: String
  }

  /// Elements clipped to the plot box (lines, dots, bars, cells).
  var marks: [String]
  /// Elements outside the box, not clipped (spike markers above it, a colour bar beside it).
  var beside: [String] = []
  var xTicks: [Tick]
  var yTicks: [Tick]
  var legend: [LegendEntry] = []
  /// Whether the box, axes and axis titles are drawn (pattern images have none).
  var framed = true
}

/// A kind of figure that can be drawn as SVG.
protocol SVGDrawable {
  /// The marks, ticks and legend of this content in `box`; nil when there is nothing to draw.
  func svgPlot(of figure: Figure, in box: SVGBox) -> SVGPlot?
}
