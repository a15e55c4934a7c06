import NeuroEngine
import NeuroPlot
import NeuroUnits

/// `raster` and `heatmap`: spikes as dots, matrices as shaded cells.
extension Interpreter {
  /// `raster exc from 0ms to 200ms`: a dot for every spike, time across, neuron down.
  func raster(_ targetExpr: Expr, from: Expr?, to: Expr?) throws {
    let handle = try neurons(targetExpr, "raster")
    let (steps, indices) = world.simulation.spikes(handle.group)
    let dt = world.simulation.dt
    let start = try from.map { try time($0, "'from'") } ?? 0
    let end = try to.map { try time($0, "'to'") } ?? world.simulation.time
    guard end > start else { throw failure("nothing has been simulated yet", at: targetExpr.span, hint: "run 100ms first") }
    var points: [(Double, Double)] = []
    for (step, neuron) in zip(steps, indices) where handle.range.contains(neuron) {
      let t = Double(step) * dt
      if t >= start && t <= end { points.append((t * 1e3, Double(neuron))) }
    }
    var options = RasterOptions()
    options.width = host.plot.width
    options.height = host.plot.height
    options.style = host.plot.style
    options.color = host.plot.color
    options.title = "\(handle.label): \(points.count) spikes"
    options.timeRange = (start * 1e3)...(end * 1e3)
    options.neuronRange = Double(handle.range.lowerBound)...Double(max(handle.range.lowerBound, handle.range.upperBound - 1))
    host.write(renderRaster(points, options: options))
  }

  /// `heatmap weights(a, b)`: a matrix (a list of lists of numbers) as shaded cells.
  func heatmap(_ expr: Expr) throws {
    guard case .list(let rows) = try evaluate(expr), !rows.isEmpty else {
      throw failure("heatmap needs a matrix: a list of lists of numbers", at: expr.span, hint: "heatmap weights(exc[0..29], exc[0..29])")
    }
    var dimension: Dimension? = nil
    let matrix = try rows.map { row -> [Double] in
      guard case .list(let items) = row else { throw failure("heatmap needs a list of lists of numbers", at: expr.span) }
      return try items.map { item -> Double in
        guard case .quantity(let q) = item else { throw failure("heatmap needs numbers", at: expr.span) }
        if dimension == nil { dimension = q.dimension }
        guard q.dimension == dimension else { throw failure("heatmap needs numbers of one kind", at: expr.span) }
        return q.value
      }
    }
    let unit = Table.commonUnit(matrix.flatMap { $0 }.map { Quantity($0, dimension ?? .none) })
    let scaled = matrix.map { $0.map { $0 / unit.scale } }
    var (rowLabel, columnLabel) = ("row", "column")
    if case .call(let callee, let arguments) = expr.kind, case .name("weights") = callee.kind, arguments.count == 2 {
      (rowLabel, columnLabel) = ("presynaptic \(source.text(arguments[0].value.span))",
                                 "postsynaptic \(source.text(arguments[1].value.span))")
    }
    host.write(renderHeatmap(scaled, title: "\(matrix.count) × \(matrix.map(\.count).max() ?? 0)", rowLabel: rowLabel,
                             columnLabel: columnLabel, unit: unit.symbol, style: host.plot.style, width: host.plot.width))
  }
}
