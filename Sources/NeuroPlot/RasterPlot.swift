/// One spike: when (in the x axis's unit) and which neuron.
public struct Spike: Sendable, Equatable {
  public var time: Double
  public var neuron: Double

  public init(time: Double, neuron: Double) {
    self.time = time
    self.neuron = neuron
  }
}

/// Spikes as dots: time across (the figure's x range), neuron index up (its y range).
public struct RasterPlot: FigureContent, Equatable {
  public var spikes: [Spike]

  public init(_ spikes: [Spike]) { self.spikes = spikes }

  public var kindName: String { "raster" }

  public func terminalArea(of figure: Figure, in space: TerminalSpace) -> PlotArea? {
    let times = figure.x.range ?? 0...1, neurons = figure.y.range ?? 0...1
    let yTicks = Ticks(within: neurons.lowerBound, neurons.upperBound, count: 4)
    let columns = space.columns(besideLabels: Ticks.labels(yTicks.values), minimum: 10)
    var canvas = Canvas(columns: columns, rows: max(3, space.height), style: space.style)
    let top = max(neurons.upperBound, neurons.lowerBound + 1)
    let scale = CanvasScale(canvas, x: times, y: neurons.lowerBound...top)
    for spike in spikes { canvas.set(scale.px(spike.time), scale.py(spike.neuron), series: 0) }
    // Every cell, blank or not, belongs to the one series: a row is painted as a whole.
    let rows = (0..<canvas.rows).map { row in
      (0..<columns).map { Cell(canvas.cell(row: row, column: $0, marks: ["|"]).0, series: 0) }
    }
    let xTicks = Ticks(within: times.lowerBound, times.upperBound, count: 6)
    var area = PlotArea(
      rows: rows, columns: columns, yLabels: scale.rowLabels(yTicks.values),
      xTicks: placedTicks(xTicks.values, column: scale.column))
    area.caption = figure.y.labelled
    return area
  }
}
