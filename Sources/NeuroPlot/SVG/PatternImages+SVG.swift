/// Pattern images as SVG: each image's units as squares (+1 dark, −1 light), images side by side under their
/// titles; no axes.
extension PatternImages: SVGDrawable {
  func svgPlot(of figure: Figure, in box: SVGBox) -> SVGPlot? {
    guard !images.isEmpty, images.allSatisfy({ $0.width > 0 && !$0.values.isEmpty }) else { return nil }
    let gap = 2.0, titled = images.contains { !$0.title.isEmpty }
    let units = Double(images.reduce(0) { $0 + $1.width }) + gap * Double(images.count - 1)
    let rows = Double(images.map(\.height).max() ?? 1) + (titled ? 2 : 0)
    let side = max(1, min(box.width / units, box.height / rows, 24))
    let n = SVGText.number
    var marks = ["<g class=\"units\" shape-rendering=\"crispEdges\">"], titles: [String] = []
    var left = box.left
    let top = box.top + (titled ? side * 2 : 0)
    for image in images {
      for (i, value) in image.values.enumerated() {
        let (x, y) = (left + Double(i % image.width) * side, top + Double(i / image.width) * side)
        marks.append(
          "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(side))\" height=\"\(n(side))\" "
            + "fill=\"\(value > 0 ? "#263238" : "#e0e0e0")\" stroke=\"white\" stroke-width=\"0.5\"/>")
      }
      if !image.title.isEmpty {
        titles.append(SVGText.label(image.title, x: left + Double(image.width) * side / 2, y: top - side * 0.6))
      }
      left += (Double(image.width) + gap) * side
    }
    var plot = SVGPlot(marks: marks + ["</g>"] + titles, xTicks: [], yTicks: [])
    plot.framed = false
    return plot
  }
}
