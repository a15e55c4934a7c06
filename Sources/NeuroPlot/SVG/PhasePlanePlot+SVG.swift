/// A phase plane as SVG: the nullclines and trajectories as paths in their colours, the flow as small grey
/// arrows, and the fixed points marked by what they do (filled stable, open unstable, × saddle, ◎ center).
extension PhasePlanePlot: SVGDrawable {
  func svgPlot(of figure: Figure, in box: SVGBox) -> SVGPlot? {
    let xTicks = Ticks(within: xRange.lowerBound, xRange.upperBound, count: 6)
    let yTicks = Ticks(within: yRange.lowerBound, yRange.upperBound, count: 5)
    let scale = SVGScale(box: box, x: xTicks.low...xTicks.high, y: yTicks.low...yTicks.high)
    let inside = { (x: Double, y: Double) in scale.x.contains(x) && scale.y.contains(y) }
    let n = SVGText.number
    var marks: [String] = []
    let flow = arrows.filter {
      inside($0.x, $0.y) && $0.dx.isFinite && $0.dy.isFinite && ($0.dx != 0 || $0.dy != 0)
    }.map { arrow -> String in
      // Along the flow's direction as the terminal draws it (dx across, dy up), 14 pixels long, head at the end.
      let length = (arrow.dx * arrow.dx + arrow.dy * arrow.dy).squareRoot()
      let (ux, uy) = length > 0 && length.isFinite ? (arrow.dx / length, -arrow.dy / length) : (1, 0)
      let (x0, y0) = (scale.px(arrow.x) - 7 * ux, scale.py(arrow.y) - 7 * uy)
      let (x1, y1) = (x0 + 14 * ux, y0 + 14 * uy)
      let head =
        "L\(n(x1 - 5 * ux + 3 * uy)) \(n(y1 - 5 * uy - 3 * ux))M\(n(x1)) \(n(y1))"
        + "L\(n(x1 - 5 * ux - 3 * uy)) \(n(y1 - 5 * uy + 3 * ux))"
      return "M\(n(x0)) \(n(y0))L\(n(x1)) \(n(y1))\(head)"
    }
    if !flow.isEmpty {
      marks.append("<path class=\"flow\" d=\"\(flow.joined())\" stroke=\"#9e9e9e\" fill=\"none\"/>")
    }
    for (index, curve) in curves.enumerated() {
      let points = zip(curve.xs, curve.ys).map { (x: scale.px($0), y: scale.py($1)) }
      marks.append(
        "<path class=\"series\" d=\"\(SVGText.pathData(points))\" fill=\"none\" "
          + "stroke=\"\(SVGText.color(index))\" stroke-width=\"1.8\" stroke-linejoin=\"round\"/>")
    }
    for point in fixedPoints where point.x.isFinite && point.y.isFinite && inside(point.x, point.y) {
      marks.append(Self.svgMark(point.stability, x: scale.px(point.x), y: scale.py(point.y)))
    }
    var plot = SVGPlot(marks: marks, xTicks: scale.xTicks(xTicks), yTicks: scale.yTicks(yTicks))
    plot.legend = curves.enumerated().map { .init(swatch: .line(color: SVGText.color($0)), name: $1.name) }
    if !fixedPoints.isEmpty {
      var kinds: [Stability] = [.stable, .unstable, .saddle]
      if fixedPoints.contains(where: { $0.stability == .center }) { kinds.append(.center) }
      plot.legend += kinds.map { .init(swatch: .point($0), name: $0.word) }
    }
    return plot
  }

  /// The mark of a fixed point at (x, y): a filled dot (stable), an open one (unstable), a cross (saddle), a dot
  /// in a ring (center).
  static func svgMark(_ stability: Stability, x: Double, y: Double) -> String {
    let (cx, cy) = (SVGText.number(x), SVGText.number(y))
    switch stability {
    case .stable:
      return "<circle class=\"stable\" cx=\"\(cx)\" cy=\"\(cy)\" r=\"5\" fill=\"black\"/>"
    case .unstable:
      return "<circle class=\"unstable\" cx=\"\(cx)\" cy=\"\(cy)\" r=\"5\" fill=\"white\" stroke=\"black\" "
        + "stroke-width=\"1.5\"/>"
    case .saddle:
      let (l, t) = (SVGText.number(x - 5), SVGText.number(y - 5))
      return "<path class=\"saddle\" d=\"M\(l) \(t)l10 10m0 -10l-10 10\" stroke=\"black\" stroke-width=\"2\"/>"
    case .center:
      return "<g class=\"center\"><circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"6\" fill=\"white\" stroke=\"black\"/>"
        + "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"2.5\" fill=\"black\"/></g>"
    }
  }
}
