import NeuroPlot
import NeuroUnits

/// `heatmap`: a matrix (a list of lists of numbers) as shaded cells, as a heatmap figure.
extension Builtins {
  static let heatmap = Builtin(
    name: "heatmap", signature: "matrix",
    summary: "a heatmap figure of a list of lists of numbers as shaded cells, drawn when shown: heatmap(weights(a, b))"
  ) { c in
    let (matrix, _) = try c.plotArgument("heatmap", [], usage: "heatmap(weights(a, b))")
    return .figure(try c.interpreter.heatmapFigure(matrix))
  }
}

extension Interpreter {
  /// The figure of `heatmap weights(a, b)` and of `heatmap(weights(a, b))`: a matrix as shaded cells.
  func heatmapFigure(_ argument: CallArgument) throws -> Figure {
    let expr = argument.expr
    if case .trace(let single) = argument.value { return try traceHeatmap([argument.value], single, at: expr.span) }
    guard case .list(let rows) = argument.value, !rows.isEmpty else {
      throw failure(
        "heatmap needs a matrix: a list of lists of numbers", at: expr.span,
        hint: "heatmap weights(exc[0..29], exc[0..29])")
    }
    if case .trace(let first) = rows[0] { return try traceHeatmap(rows.values, first, at: expr.span) }
    var dimension: Dimension? = nil
    let matrix = try rows.map { row -> [Double] in
      guard case .list(let items) = row else {
        throw failure("heatmap needs a list of lists of numbers", at: expr.span)
      }
      return try items.map { item -> Double in
        guard case .quantity(let q) = item else { throw failure("heatmap needs numbers", at: expr.span) }
        if dimension == nil { dimension = q.dimension }
        guard q.dimension == dimension else { throw failure("heatmap needs numbers of one kind", at: expr.span) }
        return q.value
      }
    }
    guard matrix.contains(where: { !$0.isEmpty }) else {
      throw failure(
        "heatmap needs a matrix with numbers in it; these rows are empty", at: expr.span,
        hint: "heatmap weights(exc[0..29], exc[0..29])")
    }
    if let short = matrix.first(where: { $0.count != matrix[0].count }) {
      throw failure(
        "heatmap needs rows of one length: the first has \(matrix[0].count) numbers, another \(short.count)",
        at: expr.span)
    }
    let unit = Table.commonUnit(matrix.flatMap { $0 }.map { Quantity($0, dimension ?? .none) })
    let scaled = matrix.map { $0.map { $0 / unit.scale } }
    var (rowLabel, columnLabel) = ("row", "column")
    if case .call(let callee, let arguments) = expr.kind, case .name("weights") = callee.kind, arguments.count == 2 {
      (rowLabel, columnLabel) = (
        "presynaptic \(source.text(arguments[0].value.span))",
        "postsynaptic \(source.text(arguments[1].value.span))"
      )
    }
    let size = "\(matrix.count) × \(matrix.map(\.count).max() ?? 0)"
    return Figure(Heatmap(scaled, unit: unit.symbol), title: size, x: Axis(columnLabel), y: Axis(rowLabel))
  }

  /// `heatmap pop.r`: a population's recorded traces, one row per neuron, each averaged into 60 bins of time.
  private func traceHeatmap(_ rows: [Value], _ first: TraceValue, at span: Span) throws -> Figure {
    let traces = try rows.map { row -> TraceValue in
      guard case .trace(let t) = row, t.trace.values.count == first.trace.values.count,
        t.dimension == first.dimension
      else {
        throw failure(
          "heatmap needs traces of one kind and length, recorded together (record pop.r, then run)", at: span)
      }
      return t
    }
    let samples = first.trace.values.count
    guard samples > 1 else { throw failure("nothing has been recorded yet", at: span, hint: "run 100ms first") }
    let bins = min(60, samples)
    let binned = traces.map { t in
      (0..<bins).map { b in
        let range = (b * samples / bins)..<max(b * samples / bins + 1, (b + 1) * samples / bins)
        return t.trace.values[range].reduce(0, +) / Double(range.count)
      }
    }
    // At most 32 rows, so that the figure fits a terminal: neighbouring neurons averaged, each row named by the
    // slice it shows (0..1).
    let perRow = (traces.count + 31) / 32
    let groups = stride(from: 0, to: traces.count, by: perRow).map { $0..<min(traces.count, $0 + perRow) }
    let matrix = groups.map { group in
      (0..<bins).map { b in group.reduce(0) { $0 + binned[$1][b] } / Double(group.count) }
    }
    let labels = groups.map { perRow == 1 ? String($0.lowerBound) : "\($0.lowerBound)..\($0.upperBound - 1)" }
    let unit = Table.commonUnit(matrix.flatMap { $0 }.map { Quantity($0, first.dimension) })
    let duration = Double(samples - 1) * first.trace.dt
    let end = Quantity(first.trace.start + duration, .time).formatted
    let start = Quantity(first.trace.start, .time).formatted
    let rows = perRow == 1 ? "" : ", \(perRow) a row (their mean)"
    return Figure(
      Heatmap(matrix.map { $0.map { $0 / unit.scale } }, unit: unit.symbol, rowLabels: labels),
      title: "\(traces.count) neurons\(rows), \(start) to \(end)", x: Axis("time, \(start) to \(end)"),
      y: Axis("neuron"))
  }
}
