/// A figure as a value: what it shows (one kind's content), its title and its axes, independent of how
/// it is drawn. `TerminalRenderer` draws it as text; another renderer (SVG) can take the same value.
public struct Figure: Sendable, Equatable {
  /// What the figure shows: line series, spikes, histogram bins, a matrix.
  public var content: any FigureContent
  /// The title, without the y axis's unit (the renderer adds it: `n.v — voltage (mV)`).
  public var title: String
  /// The horizontal axis: `time (ms)`, and the range shown (nil: the content's own).
  public var x: Axis
  /// The vertical axis.
  public var y: Axis

  public init(_ content: any FigureContent, title: String, x: Axis, y: Axis) {
    self.content = content
    self.title = title
    self.x = x
    self.y = y
  }

  /// The title with the y axis's unit, as a figure is headed: `n.v — voltage (mV)`.
  public var heading: String { title + (y.unit.isEmpty ? "" : " (\(y.unit))") }

  /// The kind in words, for messages: `line plot`, `histogram`.
  public var kind: String { content.kindName }

  public static func == (a: Figure, b: Figure) -> Bool {
    a.title == b.title && a.x == b.x && a.y == b.y && a.content.isEqual(to: b.content)
  }
}

/// One axis of a figure: its name, its unit (empty for plain numbers) and the range it shows.
public struct Axis: Sendable, Equatable {
  /// What is measured along it: `time`, `neuron index`, `presynaptic a`.
  public var name: String
  /// The unit its numbers are in (`ms`), empty when they have none.
  public var unit: String
  /// The range shown, in `unit`; nil lets the content choose (all of its data).
  public var range: ClosedRange<Double>?

  public init(_ name: String, unit: String = "", range: ClosedRange<Double>? = nil) {
    self.name = name
    self.unit = unit
    self.range = range
  }

  /// The name with its unit, as written under an axis: `time (ms)`, or `value` without a unit.
  public var labelled: String { unit.isEmpty ? name : "\(name) (\(unit))" }
}

/// What one kind of figure shows, and how it fills a terminal plot area; the frame around it (title, axes,
/// legend, colour) is `TerminalRenderer`'s. A new kind of plot is one type conforming to this, in its own file.
public protocol FigureContent: Sendable {
  /// The kind in words, for messages: `line plot`.
  var kindName: String { get }
  /// The cells, ticks, caption and legend of this content inside `figure`'s frame, in the space a terminal
  /// gives; nil when there is nothing to draw.
  func terminalArea(of figure: Figure, in space: TerminalSpace) -> PlotArea?
  /// Whether `other` is the same kind with the same data.
  func isEqual(to other: any FigureContent) -> Bool
}

extension FigureContent where Self: Equatable {
  /// Same type and equal.
  public func isEqual(to other: any FigureContent) -> Bool { (other as? Self) == self }
}
