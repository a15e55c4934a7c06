import NeuroEngine
import NeuroPlot
import NeuroUnits

/// `plot`: traces against time, or the lists of a record against its first list, as a line plot figure.
extension Builtins {
  static let plot = Builtin(
    name: "plot", signature: "trace, … [, from: T1] [, to: T2]",
    summary: "a line plot figure of traces against time (or a record's lists against its first), drawn when shown"
  ) { c in
    let (traces, window) = try c.plotArguments("plot", ["from", "to"], usage: "plot(n.v, from: 20ms, to: 60ms)")
    return .figure(try c.interpreter.lineFigure(traces, from: window["from"], to: window["to"]))
  }
}

extension Interpreter {
  /// One line to draw, in SI units.
  private struct Line {
    var name: String
    var xs: [Double]
    var ys: [Double]
    var markers: [Double] = []
  }

  /// The figure of `plot n.v, m.v from 10ms to 50ms` and of `plot(n.v, m.v, from: 10ms, to: 50ms)`.
  func lineFigure(_ items: [CallArgument], from: CallArgument?, to: CallArgument?) throws -> Figure {
    if items.count == 1, case .record(let record) = items[0].value {
      return try plotRecord(record, items[0].span, from: from, to: to)
    }
    var traces: [TraceValue] = []
    for item in items {
      let (value, span) = (item.value, item.span)
      switch value {
      case .trace(let t): traces.append(t)
      case .list(let items) where !items.isEmpty && items.allSatisfy(\.isTrace):
        for case .trace(let t) in items { traces.append(t) }
      case .neuron(let handle):
        guard case .trace(let t) = try neuronMember(handle, "v", span) else { continue }
        traces.append(t)
      default:
        var hint: String? = nil
        if case .list = value { hint = "lists plot against each other as a record: plot {x: xs, y: ys}" }
        throw failure(
          "plot needs a recorded trace such as n.v, or a record of lists, found \(value.describedKind)",
          at: span, hint: hint)
      }
      if let first = traces.first, let last = traces.last, first.dimension != last.dimension {
        throw failure(
          "cannot plot \(last.dimension.word) on the same axis as \(first.dimension.word)", at: span,
          hint: "plot them one at a time")
      }
    }
    guard traces.contains(where: { $0.trace.values.count > 1 }) else {
      throw failure(
        "nothing has been recorded yet", at: items[0].span.through(items[items.count - 1].span),
        hint: "run the simulation first: run 100ms")
    }
    let lines = traces.map { t in
      Line(
        name: t.label, xs: t.trace.values.indices.map { t.trace.time(at: $0) }, ys: t.trace.values,
        markers: t.spikeTimes)
    }
    let title = traces.map(\.label).joined(separator: ", ") + " — \(traces[0].dimension.word)"
    return try figure(
      lines, x: ("time", .time), y: traces[0].dimension, title: title, from: from, to: to,
      window: items[0].span)
  }

  /// `plot fi_curve(…)`: the first list of a record on the x axis, the others against it.
  private func plotRecord(_ record: Record, _ span: Span, from: CallArgument?, to: CallArgument?) throws -> Figure {
    let columns = try record.fields.map { field -> (String, [Quantity]) in
      guard case .list(let items) = field.value else {
        throw failure(
          "to plot a record, every field must be a list; '\(field.name)' is \(field.value.describedKind)",
          at: span)
      }
      return (
        field.name,
        try items.map { item in
          guard case .quantity(let q) = item else {
            throw failure("'\(field.name)' holds \(item.describedKind); only numbers can be plotted", at: span)
          }
          return q
        }
      )
    }
    guard columns.count >= 2, let x = columns.first, x.1.count > 1 else {
      throw failure(
        "to plot a record it needs two lists of at least two values: x, then y", at: span,
        hint: "plot {I: currents, rate: rates}")
    }
    let xDimension = x.1[0].dimension
    let yDimension = columns[1].1.first?.dimension ?? .none
    var lines: [Line] = []
    for (name, ys) in columns.dropFirst() {
      guard ys.count == x.1.count else {
        throw failure("'\(name)' has \(ys.count) values but '\(x.0)' has \(x.1.count)", at: span)
      }
      guard ys.allSatisfy({ $0.dimension == yDimension }), x.1.allSatisfy({ $0.dimension == xDimension }) else {
        throw failure("the values of a plotted list must all be of one kind", at: span)
      }
      lines.append(Line(name: name, xs: x.1.map(\.value), ys: ys.map(\.value)))
    }
    let title = lines.map(\.name).joined(separator: ", ") + " against " + x.0
    return try figure(lines, x: (x.0, xDimension), y: yDimension, title: title, from: from, to: to, window: span)
  }

  /// Lines in SI units to a figure in the units that read best, inside the window asked for.
  private func figure(
    _ lines: [Line], x: (name: String, dimension: Dimension), y: Dimension, title: String,
    from: CallArgument?, to: CallArgument?, window: Span
  ) throws -> Figure {
    let allX = lines.flatMap(\.xs)
    let start = try from.map { try axisValue($0, x.dimension, "'from'") } ?? allX.min() ?? 0
    let end = try to.map { try axisValue($0, x.dimension, "'to'") } ?? allX.max() ?? 0
    guard start < end else {
      if to == nil, let from, let last = allX.max() {
        let (shown, covered) = (Quantity(start, x.dimension).formatted, Quantity(last, x.dimension).formatted)
        throw failure(
          "the window would start at \(shown), but what is plotted ends at \(covered)", at: from.span,
          hint: "choose a start inside what was recorded, or run longer")
      }
      throw failure("the plot window must end after it starts", at: to?.span ?? from?.span ?? window)
    }
    try checkWindowHoldsEveryLine(lines, start, end, x.dimension, window: to?.span ?? from?.span ?? window)
    let visibleY = lines.flatMap { line in zip(line.xs, line.ys).filter { $0.0 >= start && $0.0 <= end }.map(\.1) }
    let yUnit = Table.commonUnit(visibleY.map { Quantity($0, y) })
    let xUnit = Table.commonUnit([Quantity(start, x.dimension), Quantity(end, x.dimension)])
    let series = lines.map { line in
      PlotSeries(
        name: line.name, xs: line.xs.map { $0 / xUnit.scale }, ys: line.ys.map { $0 / yUnit.scale },
        markers: line.markers.map { $0 / xUnit.scale })
    }
    return Figure(
      LinePlot(series), title: title,
      x: Axis(
        x.name, unit: x.dimension.isDimensionless ? "" : xUnit.symbol,
        range: (start / xUnit.scale)...(end / xUnit.scale)),
      y: Axis(y.word, unit: y.isDimensionless ? "" : yUnit.symbol))
  }

  /// Refuses a window that misses one of the lines entirely, saying what the line covers.
  private func checkWindowHoldsEveryLine(
    _ lines: [Line], _ start: Double, _ end: Double, _ dimension: Dimension,
    window: Span
  ) throws {
    for line in lines where !line.xs.contains(where: { $0 >= start && $0 <= end }) {
      let shown = "\(Quantity(start, dimension).formatted) to \(Quantity(end, dimension).formatted)"
      guard let first = line.xs.min(), let last = line.xs.max() else {
        throw failure("\(line.name) has nothing to plot", at: window)
      }
      let covered = "\(Quantity(first, dimension).formatted) to \(Quantity(last, dimension).formatted)"
      throw failure(
        "\(line.name) has no samples from \(shown); it covers \(covered)",
        at: window, hint: "choose a window inside what was recorded, or run longer")
    }
  }

  private func axisValue(_ argument: CallArgument, _ dimension: Dimension, _ role: String) throws -> Double {
    if dimension == .time { return try time(argument.value, at: argument.span, role) }
    guard case .quantity(let q) = argument.value else {
      throw failure("\(role) needs a number, found \(argument.value.describedKind)", at: argument.span)
    }
    guard q.dimension == dimension else {
      throw failure("\(role) needs a \(dimension.word) here, found \(q.describedKind)", at: argument.span)
    }
    return q.value
  }
}

extension Value {
  /// True for a recorded trace.
  fileprivate var isTrace: Bool {
    if case .trace = self { return true }
    return false
  }
}
