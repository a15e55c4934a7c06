/// What a terminal offers a figure: its size, how dots are drawn, whether colour is used.
public struct TerminalSpace: Sendable, Equatable {
  /// Total width in columns, axis labels included.
  public var width: Int
  /// Rows of the plot area (a kind may choose its own).
  public var height: Int
  public var style: CanvasStyle
  /// Whether series are told apart by colour.
  public var colored: Bool

  /// The plot area's columns beside y labels as wide as the widest of `labels`, at least `minimum`.
  public func columns(besideLabels labels: [String], minimum: Int) -> Int {
    max(minimum, width - PlotArea.labelWidth(labels) - 3)
  }
}

/// One character cell of a plot area and the series that drew it (its colour); nil is unpainted.
public struct Cell: Sendable, Equatable {
  public var character: Character
  public var series: Int?

  public init(_ character: Character, series: Int? = nil) {
    self.character = character
    self.series = series
  }

  public static let blank = Cell(" ")
}

/// What one kind draws inside the frame: its rows of cells, where its y labels and x ticks fall, and the
/// optional caption, strip of marks and legend. `TerminalRenderer` puts the frame around it.
public struct PlotArea: Sendable {
  /// Rows of cells, top first; trailing blanks are trimmed when drawn.
  public var rows: [[Cell]]
  /// The plot area's width in columns (the x axis's length).
  public var columns: Int
  /// Each y label with the row it stands beside (a later one wins a shared row); all of them set the width of
  /// the label column.
  public var yLabels: [(row: Int, label: String)]
  /// True for ticks on a scale (`┤` beside each label); false for rows that are named (a heatmap's).
  public var marksTicks = true
  /// False draws the rows without the line at their left (images stand on their own).
  public var ruled = true
  /// Each x tick's label at its column; nil draws no x axis.
  public var xTicks: [(column: Int, label: String)]?
  /// A line over the y axis, at the left edge: what it counts (`neuron index`).
  public var caption: String? = nil
  /// A row of marks between the title and the plot (spike times), each cell painted on its own.
  public var strip: [Cell]? = nil
  /// The legend's pieces, on one line under the plot; empty draws none.
  public var legend: [Cell.Run] = []

  public init(
    rows: [[Cell]], columns: Int, yLabels: [(row: Int, label: String)],
    xTicks: [(column: Int, label: String)]?
  ) {
    self.rows = rows
    self.columns = columns
    self.yLabels = yLabels
    self.xTicks = xTicks
  }

  /// The width of the label column for these labels (at least 1).
  static func labelWidth(_ labels: [String]) -> Int { max(1, labels.map(\.count).max() ?? 1) }
}

extension Cell {
  /// Text painted in one series' colour (nil: unpainted), for legends.
  public struct Run: Sendable, Equatable {
    public var text: String
    public var series: Int?

    public init(_ text: String, series: Int? = nil) {
      self.text = text
      self.series = series
    }
  }
}
