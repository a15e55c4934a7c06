/// Draws a `Figure` as text: the frame (title, caption, y labels and ticks, x axis, legend) and the colour,
/// the same for every kind; the kind fills only its plot area.
public struct TerminalRenderer: Sendable, Equatable {
  /// Total width in terminal columns, axis labels included.
  public var width: Int
  /// Height of the plot area in rows.
  public var height: Int
  public var style: CanvasStyle
  /// ANSI colours, one per series.
  public var color: Bool

  public init(width: Int = 80, height: Int = 14, style: CanvasStyle = .braille, color: Bool = false) {
    self.width = width
    self.height = height
    self.style = style
    self.color = color
  }

  /// The figure as lines of text, each ending in a newline.
  public func render(_ figure: Figure) -> String {
    let space = TerminalSpace(width: width, height: height, style: style, colored: color)
    guard let area = figure.content.terminalArea(of: figure, in: space) else { return "(no values)\n" }
    let labelWidth = PlotArea.labelWidth(area.yLabels.map(\.label))
    let indent = String(repeating: " ", count: labelWidth + 2)
    var lines: [String] = []
    if !figure.heading.isEmpty { lines.append(indent + centred(figure.heading, in: area.columns)) }
    if let caption = area.caption, !caption.isEmpty { lines.append(caption) }
    if let strip = area.strip {
      lines.append(trimmedRight(indent + strip.map { paint(String($0.character), $0.series) }.joined()))
    }
    lines += body(area, labelWidth: labelWidth)
    if let ticks = area.xTicks {
      lines += xAxisLines(
        ticks: ticks, columns: area.columns, labelWidth: labelWidth, style: style,
        name: figure.x.labelled)
    }
    if !area.legend.isEmpty { lines.append(indent + area.legend.map { paint($0.text, $0.series) }.joined()) }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The rows of the plot area behind their y labels, with a tick mark beside each label.
  private func body(_ area: PlotArea, labelWidth: Int) -> [String] {
    var labels: [Int: String] = [:]
    for (row, label) in area.yLabels { labels[row] = label }
    let rule = style == .braille ? "│" : "|", tick = style == .braille ? "┤" : "+"
    return area.rows.enumerated().map { row, cells in
      let label = labels[row]
      let prefix = String(repeating: " ", count: labelWidth - (label ?? "").count) + (label ?? "") + " "
      guard area.ruled else { return prefix + painted(cells) }
      return prefix + (label != nil && area.marksTicks ? tick : rule) + painted(cells)
    }
  }

  /// Cells without trailing blanks, each run of one series painted in its colour.
  private func painted(_ cells: [Cell]) -> String {
    var cells = cells[...]
    while cells.last?.character == " " { cells.removeLast() }
    var text = "", run = "", owner: Int? = nil
    for cell in cells {
      if !run.isEmpty, cell.series != owner, !(cell.character == " " && owner == nil) {
        text += paint(run, owner)
        run = ""
      }
      if run.isEmpty { owner = cell.series }
      run.append(cell.character)
    }
    return text + paint(run, owner)
  }

  /// Text in a series' colour when colour is on.
  private func paint(_ text: String, _ series: Int?) -> String {
    guard color, let series, !text.isEmpty else { return text }
    let colors = ["36", "33", "35", "32", "34", "31"]
    return "\u{1B}[\(colors[series % colors.count])m\(text)\u{1B}[0m"
  }
}

/// Text centred in `columns` (left-aligned when it is wider).
func centred(_ text: String, in columns: Int) -> String {
  String(repeating: " ", count: max(0, (columns - text.count) / 2)) + text
}

/// Text without trailing spaces.
func trimmedRight(_ text: String) -> String {
  var t = text
  while t.last == " " { t.removeLast() }
  return t
}
