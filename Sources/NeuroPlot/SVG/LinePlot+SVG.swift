/// A line plot as SVG: one path per series in its colour, its markers (spike times) as small triangles above
/// the box, a legend when there are several series.
extension LinePlot: SVGDrawable {
  func svgPlot(of figure: Figure, in box: SVGBox) -> SVGPlot? {
    let (xTicks, yTicks) = ticks(of: figure)
    let scale = SVGScale(box: box, x: xTicks.low...xTicks.high, y: yTicks.low...yTicks.high)
    // Two slices a pixel keep every peak; a trace of more than four points a slice is cut down to them.
    let slices = max(1, Int(saturating: box.width * 2))
    var plot = SVGPlot(marks: [], xTicks: scale.xTicks(xTicks), yTicks: scale.yTicks(yTicks))
    for (index, s) in series.enumerated() {
      let (xs, ys) = Self.thinned(s.xs, s.ys, columns: slices, within: scale.x, beyond: 4 * slices)
      let points = Self.shown(xs, ys, within: scale.x).map { (x: scale.px($0.x), y: scale.py($0.y)) }
      plot.marks.append(
        "<path class=\"series\" d=\"\(SVGText.pathData(points))\" fill=\"none\" stroke=\"\(SVGText.color(index))\" "
          + "stroke-width=\"1.5\" stroke-linejoin=\"round\"/>")
      // Markers at the same half pixel are drawn once (a long run has thousands of spikes).
      var seen = Set<Double>()
      let markers = s.markers.filter { scale.x.contains($0) }.map { SVGText.halfPixel(scale.px($0)) }
        .filter { seen.insert($0).inserted }
        .map { x in "M\(SVGText.number(x - 4)) \(SVGText.number(box.top - 11))h8l-4 7z" }
      if !markers.isEmpty {
        plot.beside.append(
          "<path class=\"markers\" d=\"\(markers.joined())\" fill=\"\(SVGText.color(index))\"/>")
      }
    }
    if series.count > 1 {
      plot.legend = series.enumerated().map { .init(swatch: .line(color: SVGText.color($0)), name: $1.name) }
    }
    return plot
  }

  /// The points inside the x range and each one's neighbour just outside it (so that the line reaches the
  /// box's edge), with a break (NaN) wherever a value is not finite or points were left out.
  static func shown(_ xs: [Double], _ ys: [Double], within range: ClosedRange<Double>) -> [(x: Double, y: Double)] {
    let count = min(xs.count, ys.count)
    let inside = { (i: Int) in i >= 0 && i < count && range.contains(xs[i]) }
    var points: [(x: Double, y: Double)] = []
    var lastKept = -2
    for i in 0..<count where inside(i) || inside(i - 1) || inside(i + 1) {
      if i != lastKept + 1 { points.append((.nan, .nan)) }
      points.append(ys[i].isFinite ? (xs[i], ys[i]) : (.nan, .nan))
      lastKept = i
    }
    return points
  }
}
