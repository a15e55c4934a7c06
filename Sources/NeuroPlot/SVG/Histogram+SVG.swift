/// A histogram as SVG: one bar per bin, from the bin's start to its end, as tall as its count.
extension Histogram: SVGDrawable {
  func svgPlot(of figure: Figure, in box: SVGBox) -> SVGPlot? {
    guard !counts.isEmpty else { return nil }
    let xTicks = Ticks(covering: valueRange.lowerBound, valueRange.upperBound, count: 6)
    let yTicks = Ticks(covering: 0, Double(counts.max() ?? 1), count: 4)
    let scale = SVGScale(box: box, x: binRange, y: 0...yTicks.high)
    let width = box.width / Double(counts.count)
    let n = SVGText.number
    let bars = counts.enumerated().map { bin, count in
      let x = box.left + Double(bin) * width, y = scale.py(Double(count))
      return "<rect class=\"bar\" x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(box.bottom - y))\"/>"
    }
    let group = ["<g fill=\"\(SVGText.color(0))\" fill-opacity=\"0.8\" stroke=\"white\" stroke-width=\"0.5\">"]
    return SVGPlot(marks: group + bars + ["</g>"], xTicks: scale.xTicks(xTicks), yTicks: scale.yTicks(yTicks))
  }
}
