/// Draws a `Figure` as an SVG document: the same figure value the terminal shows, as vector graphics, with its
/// title, its axes (tick labels, and titles with their units), a legend when there is one, and the kind's marks.
/// The output depends only on the figure, so that the same figure always gives the same file.
public struct SVGRenderer: Sendable, Equatable {
  /// The drawing's size in pixels.
  public var width: Double
  public var height: Double

  public init(width: Double = 720, height: Double = 450) {
    self.width = max(200, min(10_000, width.isFinite ? width : 720))
    self.height = max(150, min(10_000, height.isFinite ? height : 450))
  }

  /// Room around the plot box: the title above, the y labels and title left, the x labels, title and legend
  /// below; on the right, a heatmap's colour bar.
  private static let margins = (top: 48.0, left: 84.0, right: 36.0, bottom: 84.0, colorBar: 110.0)

  /// The figure as a complete SVG document, ending in a newline.
  public func render(_ figure: Figure) -> String {
    let m = Self.margins, right = figure.content is Heatmap ? m.colorBar : m.right
    let box = SVGBox(left: m.left, top: m.top, width: width - m.left - right, height: height - m.top - m.bottom)
    var lines: [String] = []
    if !figure.heading.isEmpty {
      lines.append(SVGText.label(figure.heading, x: box.left + box.width / 2, y: 24, "font-size=\"15\""))
    }
    guard let plot = (figure.content as? any SVGDrawable)?.svgPlot(of: figure, in: box) else {
      lines.append(SVGText.label("(no values)", x: width / 2, y: height / 2))
      return document(figure, lines, height: height)
    }
    if plot.framed { lines += grid(plot, box) }
    let clip =
      "<rect x=\"\(SVGText.number(box.left))\" y=\"\(SVGText.number(box.top))\" "
      + "width=\"\(SVGText.number(box.width))\" height=\"\(SVGText.number(box.height))\"/>"
    lines.append("<defs><clipPath id=\"plot-area\">\(clip)</clipPath></defs>")
    lines.append("<g class=\"marks\" clip-path=\"url(#plot-area)\">")
    lines += plot.marks
    lines.append("</g>")
    lines += plot.beside
    if plot.framed { lines += axes(figure, plot, box) }
    let (legendLines, legendRows) = legend(plot.legend, below: box)
    // A legend of more than one row makes the drawing taller by the rows it adds.
    return document(figure, lines + legendLines, height: height + Double(max(0, legendRows - 1)) * Self.legendRow)
  }

  /// The SVG document around the drawing's elements: its size, its title for readers, a white page.
  private func document(_ figure: Figure, _ elements: [String], height: Double) -> String {
    let (w, h) = (SVGText.number(width), SVGText.number(height))
    let header = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" "
        + "font-family=\"sans-serif\" font-size=\"12\">",
      "<title>\(SVGText.escaped(figure.heading.isEmpty ? figure.kind : figure.heading))</title>",
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
    ]
    return (header + elements + ["</svg>"]).joined(separator: "\n") + "\n"
  }

  /// Light lines across the box at each tick, under the marks.
  private func grid(_ plot: SVGPlot, _ box: SVGBox) -> [String] {
    let n = SVGText.number
    let across = plot.yTicks.map { "M\(n(box.left)) \(n($0.position))H\(n(box.right))" }
    let up = plot.xTicks.map { "M\(n($0.position)) \(n(box.top))V\(n(box.bottom))" }
    guard !(across + up).isEmpty else { return [] }
    return ["<path class=\"grid\" d=\"\((across + up).joined())\" stroke=\"#e6e6e6\" fill=\"none\"/>"]
  }

  /// The box, the ticks and their labels on both axes, and the axis titles with their units.
  private func axes(_ figure: Figure, _ plot: SVGPlot, _ box: SVGBox) -> [String] {
    let n = SVGText.number
    var lines = [
      "<rect class=\"frame\" x=\"\(n(box.left))\" y=\"\(n(box.top))\" width=\"\(n(box.width))\" "
        + "height=\"\(n(box.height))\" fill=\"none\" stroke=\"#333333\"/>",
      "<g class=\"x-axis\">",
    ]
    let xMarks = plot.xTicks.map { "M\(n($0.position)) \(n(box.bottom))v5" }.joined()
    if !xMarks.isEmpty { lines.append("<path d=\"\(xMarks)\" stroke=\"#333333\"/>") }
    lines += plot.xTicks.map { SVGText.label($0.label, x: $0.position, y: box.bottom + 19) }
    if !figure.x.labelled.isEmpty {
      lines.append(SVGText.label(figure.x.labelled, x: box.left + box.width / 2, y: box.bottom + 42))
    }
    lines += ["</g>", "<g class=\"y-axis\">"]
    let yMarks = plot.yTicks.map { "M\(n(box.left)) \(n($0.position))h-5" }.joined()
    if !yMarks.isEmpty { lines.append("<path d=\"\(yMarks)\" stroke=\"#333333\"/>") }
    lines += plot.yTicks.map { SVGText.label($0.label, x: box.left - 8, y: $0.position + 4, anchor: "end") }
    if !figure.y.labelled.isEmpty {
      let (x, y) = (n(18), n(box.top + box.height / 2))
      lines.append(
        SVGText.label(figure.y.labelled, x: 18, y: box.top + box.height / 2, "transform=\"rotate(-90 \(x) \(y))\""))
    }
    return lines + ["</g>"]
  }

  /// The height of a row of the legend.
  private static let legendRow = 18.0

  /// The legend in rows under the x axis title: each entry's sample and name, left to right, a new row when the
  /// next would pass the drawing's right edge; with the number of rows.
  private func legend(_ entries: [SVGPlot.LegendEntry], below box: SVGBox) -> ([String], Int) {
    guard !entries.isEmpty else { return ([], 0) }
    var lines = ["<g class=\"legend\">"], x = box.left, y = box.bottom + 64, rows = 1
    for entry in entries {
      // About 7 pixels a character at 12 pixels.
      let entryWidth = 28 + 7 * Double(entry.name.count)
      if x > box.left, x + entryWidth > width - 8 {
        (x, y, rows) = (box.left, y + Self.legendRow, rows + 1)
      }
      switch entry.swatch {
      case .line(let color):
        lines.append(
          "<path d=\"M\(SVGText.number(x)) \(SVGText.number(y - 4))h22\" stroke=\"\(color)\" stroke-width=\"2\"/>")
      case .point(let stability):
        lines.append(PhasePlanePlot.svgMark(stability, x: x + 11, y: y - 4))
      }
      lines.append(SVGText.label(entry.name, x: x + 28, y: y, anchor: "start"))
      x += entryWidth + 20
    }
    return (lines + ["</g>"], rows)
  }
}
