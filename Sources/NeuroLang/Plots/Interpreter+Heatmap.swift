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
    guard case .list(let rows) = argument.value, !rows.isEmpty else {
      throw failure(
        "heatmap needs a matrix: a list of lists of numbers", at: expr.span,
        hint: "heatmap weights(exc[0..29], exc[0..29])")
    }
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
}
