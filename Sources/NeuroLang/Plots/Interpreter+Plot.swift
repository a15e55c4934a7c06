import NeuroEngine
import NeuroPlot
import NeuroUnits

/// `plot`: traces against time, or the lists of a record against its first list.
extension Interpreter {
  /// One line to draw, in SI units.
  private struct Line {
    var name: String
    var xs: [Double]
    var ys: [Double]
    var markers: [Double] = []
  }

  func plot(_ exprs: [Expr], from: Expr?, to: Expr?) throws {
    let values = try exprs.map(evaluate)
    if values.count == 1, case .record(let record) = values[0] {
      return try plotRecord(record, exprs[0], from: from, to: to)
    }
    var traces: [TraceValue] = []
    for (value, expr) in zip(values, exprs) {
      switch value {
      case .trace(let t): traces.append(t)
      case .list(let items) where !items.isEmpty && items.allSatisfy({ if case .trace = $0 { return true } else { return false } }):
        for case .trace(let t) in items { traces.append(t) }
      case .neuron(let handle):
        guard case .trace(let t) = try neuronMember(handle, "v", expr.span) else { continue }
        traces.append(t)
      default:
        throw failure("plot needs a recorded trace such as n.v, or a record of lists, found \(value.describedKind)", at: expr.span)
      }
      if let first = traces.first, let last = traces.last, first.dimension != last.dimension {
        throw failure("cannot plot \(last.dimension.word) on the same axis as \(first.dimension.word)", at: expr.span,
                      hint: "plot them one at a time")
      }
    }
    guard traces.contains(where: { $0.trace.values.count > 1 }) else {
      throw failure("nothing has been recorded yet", at: exprs[0].span.through(exprs[exprs.count - 1].span),
                    hint: "run the simulation first: run 100ms")
    }
    let lines = traces.map { t in
      Line(name: t.label, xs: t.trace.values.indices.map { t.trace.time(at: $0) }, ys: t.trace.values, markers: t.spikeTimes)
    }
    let title = traces.map(\.label).joined(separator: ", ") + " — \(traces[0].dimension.word)"
    try draw(lines, x: ("time", .time), y: traces[0].dimension, title: title, from: from, to: to, window: exprs[0])
  }

  /// `plot fi_curve(…)`: the first list of a record on the x axis, the others against it.
  private func plotRecord(_ record: Record, _ expr: Expr, from: Expr?, to: Expr?) throws {
    let columns = try record.fields.map { field -> (String, [Quantity]) in
      guard case .list(let items) = field.value else {
        throw failure("to plot a record, every field must be a list; '\(field.name)' is \(field.value.describedKind)", at: expr.span)
      }
      return (field.name, try items.map { item in
        guard case .quantity(let q) = item else {
          throw failure("'\(field.name)' holds \(item.describedKind); only numbers can be plotted", at: expr.span)
        }
        return q
      })
    }
    guard columns.count >= 2, let x = columns.first, x.1.count > 1 else {
      throw failure("to plot a record it needs two lists of at least two values: x, then y", at: expr.span,
                    hint: "plot {I: currents, rate: rates}")
    }
    let xDimension = x.1[0].dimension
    let yDimension = columns[1].1.first?.dimension ?? .none
    var lines: [Line] = []
    for (name, ys) in columns.dropFirst() {
      guard ys.count == x.1.count else {
        throw failure("'\(name)' has \(ys.count) values but '\(x.0)' has \(x.1.count)", at: expr.span)
      }
      guard ys.allSatisfy({ $0.dimension == yDimension }), x.1.allSatisfy({ $0.dimension == xDimension }) else {
        throw failure("the values of a plotted list must all be of one kind", at: expr.span)
      }
      lines.append(Line(name: name, xs: x.1.map(\.value), ys: ys.map(\.value)))
    }
    let title = lines.map(\.name).joined(separator: ", ") + " against " + x.0
    try draw(lines, x: (x.0, xDimension), y: yDimension, title: title, from: from, to: to, window: expr)
  }

  private func draw(_ lines: [Line], x: (name: String, dimension: Dimension), y: Dimension, title: String,
                    from: Expr?, to: Expr?, window: Expr) throws {
    let allX = lines.flatMap(\.xs)
    let start = try from.map { try axisValue($0, x.dimension, "'from'") } ?? allX.min() ?? 0
    let end = try to.map { try axisValue($0, x.dimension, "'to'") } ?? allX.max() ?? 0
    guard start < end else {
      throw failure("the plot window must end after it starts", at: (to ?? from ?? window).span)
    }
    try checkWindowHoldsEveryLine(lines, start, end, x.dimension, window: (to ?? from ?? window).span)
    let visibleY = lines.flatMap { line in zip(line.xs, line.ys).filter { $0.0 >= start && $0.0 <= end }.map(\.1) }
    let yUnit = Table.commonUnit(visibleY.map { Quantity($0, y) })
    let xUnit = Table.commonUnit([Quantity(start, x.dimension), Quantity(end, x.dimension)])
    var options = LinePlotOptions()
    options.width = host.plot.width
    options.height = host.plot.height
    options.style = host.plot.style
    options.color = host.plot.color
    options.title = title + (y.isDimensionless ? "" : " (\(yUnit.symbol))")
    options.xLabel = x.dimension.isDimensionless ? x.name : "\(x.name) (\(xUnit.symbol))"
    options.xRange = (start / xUnit.scale)...(end / xUnit.scale)
    let series = lines.map { line in
      PlotSeries(name: line.name, xs: line.xs.map { $0 / xUnit.scale }, ys: line.ys.map { $0 / yUnit.scale },
                 markers: line.markers.map { $0 / xUnit.scale })
    }
    host.write(renderLinePlot(series, options: options))
  }

  /// Refuses a window that misses one of the lines entirely, saying what the line covers.
  private func checkWindowHoldsEveryLine(_ lines: [Line], _ start: Double, _ end: Double, _ dimension: Dimension, window: Span) throws {
    for line in lines where !line.xs.contains(where: { $0 >= start && $0 <= end }) {
      let shown = "\(Quantity(start, dimension).formatted) to \(Quantity(end, dimension).formatted)"
      guard let first = line.xs.min(), let last = line.xs.max() else {
        throw failure("\(line.name) has nothing to plot", at: window)
      }
      throw failure("\(line.name) has no samples from \(shown); it covers \(Quantity(first, dimension).formatted) to \(Quantity(last, dimension).formatted)",
                    at: window, hint: "choose a window inside what was recorded, or run longer")
    }
  }

  /// `hist isi(exc)`: the distribution of a list of numbers, in their unit.
  func histogram(_ valuesExpr: Expr, _ options: [Argument]) throws {
    let value = try evaluate(valuesExpr)
    guard case .list(let items) = value else {
      throw failure("hist needs a list of numbers, found \(value.describedKind)", at: valuesExpr.span, hint: "hist isi(exc)")
    }
    let quantities = try items.map { item -> Quantity in
      guard case .quantity(let q) = item else {
        throw failure("hist needs numbers, and the list holds \(item.describedKind)", at: valuesExpr.span)
      }
      return q
    }
    guard let first = quantities.first else { throw failure("the list is empty: nothing to count", at: valuesExpr.span) }
    guard quantities.allSatisfy({ $0.dimension == first.dimension }) else {
      throw failure("hist needs values of one kind", at: valuesExpr.span)
    }
    var settings = HistogramOptions()
    for option in options {
      guard option.label == "bins", case .quantity(let q) = try evaluate(option.value), q.dimension.isDimensionless,
            q.value >= 1, q.value <= 200, let bins = Int(checking: q.value), Double(bins) == q.value else {
        throw failure("hist takes bins: a whole number from 1 to 200", at: option.value.span, hint: "hist xs, bins: 20")
      }
      settings.bins = bins
    }
    let unit = Table.commonUnit(quantities)
    settings.width = host.plot.width
    settings.style = host.plot.style
    settings.color = host.plot.color
    settings.title = "\(quantities.count) values — count"
    settings.xLabel = first.dimension.isDimensionless ? "value" : "\(first.dimension.word) (\(unit.symbol))"
    host.write(renderHistogram(quantities.map { $0.value / unit.scale }, options: settings))
  }

  private func axisValue(_ expr: Expr, _ dimension: Dimension, _ role: String) throws -> Double {
    if dimension == .time { return try time(expr, role) }
    let q = try quantity(expr, role)
    guard q.dimension == dimension else {
      throw failure("\(role) needs a \(dimension.word) here, found \(q.describedKind)", at: expr.span)
    }
    return q.value
  }
}
