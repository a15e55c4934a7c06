/// Patterns of ±1 drawn as small images side by side, each under its title: +1 a full cell, −1 a light one
/// (a Hopfield network's cue, its state while recalling, and what it recalled).
public struct PatternImages: FigureContent, Equatable {
  /// One image: its units row after row, `width` to a row.
  public struct Image: Sendable, Equatable {
    public var title: String
    public var width: Int
    public var values: [Double]

    public init(title: String, width: Int, values: [Double]) {
      self.title = title
      self.width = width
      self.values = values
    }

    /// The number of rows, the last perhaps short.
    var height: Int { (values.count + width - 1) / max(1, width) }
  }

  public var images: [Image]

  public init(_ images: [Image]) { self.images = images }

  public var kindName: String { "pattern image" }

  public func terminalArea(of figure: Figure, in space: TerminalSpace) -> PlotArea? {
    guard !images.isEmpty, images.allSatisfy({ $0.width > 0 && !$0.values.isEmpty }) else { return nil }
    let (ink, paper): (Character, Character) = space.style == .ascii ? ("#", ".") : ("█", "░")
    let gap = 2
    let units = images.reduce(0) { $0 + $1.width }
    // Each unit two characters wide while the width allows (beside the indent of 2), so that images look square.
    let cellWidth = units * 2 + gap * (images.count - 1) + 2 <= space.width ? 2 : 1
    let widths = images.map { $0.width * cellWidth }
    var rows: [[Cell]] = []
    if images.contains(where: { !$0.title.isEmpty }) {
      rows.append(
        zip(images, widths).flatMap { image, width in
          padded(centred(String(image.title.prefix(width + gap - 1)), in: width).map { Cell($0) }, to: width + gap)
        })
    }
    for row in 0..<(images.map(\.height).max() ?? 0) {
      rows.append(
        zip(images, widths).flatMap { image, width in
          let units = image.values.dropFirst(row * image.width).prefix(image.width)
          return padded(
            units.flatMap { Array(repeating: Cell($0 > 0 ? ink : paper), count: cellWidth) }, to: width + gap)
        })
    }
    var area = PlotArea(rows: rows, columns: widths.reduce(0, +) + gap * (images.count - 1), yLabels: [], xTicks: nil)
    area.ruled = false
    return area
  }

  /// The cells followed by blanks up to `length`.
  private func padded(_ cells: [Cell], to length: Int) -> [Cell] {
    cells + Array(repeating: Cell.blank, count: max(0, length - cells.count))
  }
}
