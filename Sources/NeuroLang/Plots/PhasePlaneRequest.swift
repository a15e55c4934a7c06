import NeuroEngine
import NeuroPlot
import NeuroUnits

/// A call to `phase_plane` or `fixed_points`, checked: the model's flow, its variables, the ranges shown,
/// and the trajectories asked for (SI units).
struct PlaneRequest {
  let system: PlanarSystem
  let names: (x: String, y: String)
  let dimensions: (x: Dimension, y: Dimension)
  let xRange: ClosedRange<Double>
  let yRange: ClosedRange<Double>
  /// Computed paths (from each start) and recorded ones (a neuron's), each with its name.
  let paths: [(name: String, xs: [Double], ys: [Double])]
  let modelName: String

  init(_ c: CallContext, _ name: String, allowed: [String]) throws {
    let usage = "\(name)(wilson_cowan(), x: [0, 0.5], y: [0, 0.5])"
    guard let first = c.arguments.first, first.label == nil else {
      throw c.failure("\(name) needs a model first", hint: "write \(usage)")
    }
    guard case .model(let model) = first.value, let flow = model.kind.planarFlow else {
      var found = first.value.describedKind
      if case .model(let m) = first.value {
        found =
          "\(m.kind.name), a model of \(m.kind.variables.count) state variable\(m.kind.variables.count == 1 ? "" : "s")"
      }
      throw c.failure(
        "\(name) needs a model of two state variables, found \(found)", at: first.span,
        hint: "a model of your own with two equations, or wong_wang(); import \"dynamics\" gives wilson_cowan and "
          + "fitzhugh_nagumo")
    }
    let options = try Builtins.namedOnly(
      c.keeping(Array(c.arguments.dropFirst())), name,
      spellings: Dictionary(uniqueKeysWithValues: allowed.map { ($0, $0) }), usage: usage)
    let variables = model.kind.variables
    names = (variables[0].name, variables[1].name)
    dimensions = (variables[0].dimension, variables[1].dimension)
    modelName = model.kind.name
    var input = 0.0
    if let argument = options["input"] {
      guard model.kind.usesInput else {
        throw c.failure(
          "\(model.kind.name)'s equations do not read an input I, so input: would change nothing", at: argument.span,
          hint: model.kind.name == ModelKind.wongWang.name
            ? "its stimulus is coherence: wong_wang(coherence: 12.8)" : "change one of its parameters instead")
      }
      guard case .quantity(let q) = argument.value, q.dimension == model.kind.inputDimension else {
        throw c.failure(
          "input must be \(model.kind.inputDimension.word) (\(model.kind.inputDimension.naturalSymbol)), the "
            + "constant input the model gets",
          at: argument.span,
          hint: c.interpreter.optionHint(argument.value, model.kind.inputDimension, "input", or: "input: 0.5nA"))
      }
      input = q.value
    }
    system = flow(model.values, input)
    let duration = try Builtins.positiveOption(options["duration"], "duration", .time, default: 0.5, atMost: 100, c)
    var paths: [(String, [Double], [Double])] = []
    for (k, start) in try Self.starts(options["from"], dimensions, c).enumerated() {
      // Steps of at most 0.1 ms (the fastest models here change on a millisecond scale), about 2000 samples.
      let dt = min(duration / 20_000, 1e-4)
      let every = max(1, Int(saturating: duration / dt / 2000))
      let samples = system.trajectory(from: start.0, start.1, duration: duration, dt: dt, every: every)
      if let last = samples.last, last.t < duration * (1 - 1e-9) {
        c.interpreter.warn(
          "the path from start \(k + 1) left the finite numbers at t = \(Quantity(last.t, .time).formatted)",
          at: options["from"]?.span ?? first.span, hint: "a shorter duration, or a start nearer the fixed points")
      }
      paths.append(("from start \(k + 1)", samples.map(\.x), samples.map(\.y)))
    }
    if let argument = options["trial"] {
      paths.append(try Self.recordedPath(argument, model, (variables[0].name, variables[1].name), c))
    }
    self.paths = paths
    let axes = [("x", variables[0].dimension), ("y", variables[1].dimension)]
    let ranges = try axes.enumerated().map { axis, named in
      try Self.range(options[named.0], named.0, named.1, c)
        ?? Self.covering(paths.flatMap { axis == 0 ? $0.1 : $0.2 })
    }
    guard let xRange = ranges[0], let yRange = ranges[1] else {
      // fixed_points takes no start: only the ranges to search help it.
      if !allowed.contains("from") {
        throw c.failure("\(name) needs the ranges to search", hint: "x: [0, 1], y: [0, 1]")
      }
      throw c.failure(
        "\(name) needs the ranges to show, or a start to follow", hint: "x: [0, 1], y: [0, 1], or from: [0.1, 0.1]")
    }
    (self.xRange, self.yRange) = (xRange, yRange)
  }

  /// The figure: nullclines, arrows, paths and fixed points, in the units that read best.
  func figure() throws -> Figure {
    let xUnit = Table.commonUnit([Quantity(xRange.lowerBound, dimensions.x), Quantity(xRange.upperBound, dimensions.x)])
    let yUnit = Table.commonUnit([Quantity(yRange.lowerBound, dimensions.y), Quantity(yRange.upperBound, dimensions.y)])
    let null = system.nullclines(x: xRange, y: yRange)
    func series(_ name: String, _ points: [(Double, Double)]) -> PlotSeries {
      PlotSeries(name: name, xs: points.map { $0.0 / xUnit.scale }, ys: points.map { $0.1 / yUnit.scale })
    }
    var curves = [series("d\(names.x)/dt = 0", null.x), series("d\(names.y)/dt = 0", null.y)]
    for path in paths { curves.append(series(path.name, Array(zip(path.xs, path.ys)))) }
    let width = xRange.upperBound - xRange.lowerBound, height = yRange.upperBound - yRange.lowerBound
    var arrows: [PhasePlanePlot.Arrow] = []
    for i in 0..<16 {
      for j in 0..<8 {
        let x = xRange.lowerBound + (Double(i) + 0.5) / 16 * width
        let y = yRange.lowerBound + (Double(j) + 0.5) / 8 * height
        let f = system.flow(x, y)
        arrows.append(.init(x: x / xUnit.scale, y: y / yUnit.scale, dx: f.dx / width, dy: f.dy / height))
      }
    }
    let points = system.fixedPoints(x: xRange, y: yRange).map { point in
      PhasePlanePlot.Point(
        x: point.x / xUnit.scale, y: point.y / yUnit.scale,
        stability: point.kind == .saddle
          ? .saddle : point.kind == .center ? .center : point.kind.isStable ? .stable : .unstable)
    }
    let plot = PhasePlanePlot(
      curves: curves, arrows: arrows, fixedPoints: points,
      x: (xRange.lowerBound / xUnit.scale)...(xRange.upperBound / xUnit.scale),
      y: (yRange.lowerBound / yUnit.scale)...(yRange.upperBound / yUnit.scale))
    return Figure(
      plot, title: "phase plane of \(modelName): \(names.y) against \(names.x)",
      x: Axis(names.x, unit: dimensions.x.isDimensionless ? "" : xUnit.symbol),
      y: Axis(names.y, unit: dimensions.y.isDimensionless ? "" : yUnit.symbol))
  }

  /// `from: [x, y]` or `from: [[x1, y1], [x2, y2]]`: the starts of trajectories (at most 10).
  private static func starts(_ argument: CallArgument?, _ dimensions: (x: Dimension, y: Dimension), _ c: CallContext)
    throws -> [(Double, Double)]
  {
    guard let argument else { return [] }
    let example = "from: [\(example(dimensions.x)), \(example(dimensions.y))]"
    guard case .list(let items) = argument.value, !items.isEmpty else {
      throw c.failure("from needs a start [x, y], or a list of starts", at: argument.span, hint: example)
    }
    let lists = items.values.allSatisfy { if case .list = $0 { true } else { false } } ? items.values : [argument.value]
    guard lists.count <= 10 else {
      throw c.failure("from gives \(lists.count) starts; at most 10", at: argument.span)
    }
    return try lists.map { start in
      guard case .list(let pair) = start, pair.count == 2, case .quantity(let x) = pair[0],
        case .quantity(let y) = pair[1], x.dimension == dimensions.x, y.dimension == dimensions.y,
        x.value.isFinite, y.value.isFinite
      else {
        throw c.failure(
          "a start is [x, y]: \(dimensions.x.word) then \(dimensions.y.word)", at: argument.span, hint: example)
      }
      return (x.value, y.value)
    }
  }

  /// `x: [lo, hi]` in the variable's dimension; nil when not given.
  private static func range(_ argument: CallArgument?, _ label: String, _ dimension: Dimension, _ c: CallContext)
    throws -> ClosedRange<Double>?
  {
    guard let argument else { return nil }
    let example = "\(label): [0\(dimension.isDimensionless ? "" : dimension.naturalSymbol), \(example(dimension))]"
    guard case .list(let pair) = argument.value, pair.count == 2, case .quantity(let lo) = pair[0],
      case .quantity(let hi) = pair[1], lo.dimension == dimension, hi.dimension == dimension,
      lo.value.isFinite, hi.value.isFinite, lo.value < hi.value
    else {
      throw c.failure(
        "\(label) is a range [lo, hi] of \(dimension.isDimensionless ? "plain numbers" : dimension.word), lo below hi",
        at: argument.span, hint: example)
    }
    return lo.value...hi.value
  }

  /// A range around values with a margin of a tenth on each side; nil without values.
  private static func covering(_ values: [Double]) -> ClosedRange<Double>? {
    let finite = values.filter(\.isFinite)
    guard let lo = finite.min(), let hi = finite.max() else { return nil }
    let margin = hi > lo ? (hi - lo) / 10 : max(abs(lo), 1) / 10
    return (lo - margin)...(hi + margin)
  }

  /// A value of a dimension to write in hints: 1 of its natural unit.
  private static func example(_ dimension: Dimension) -> String {
    dimension.isDimensionless ? "1" : "1\(dimension.naturalSymbol)"
  }

  /// `trial: d`: a neuron of the same model, the path its first two variables were recorded taking.
  private static func recordedPath(
    _ argument: CallArgument, _ model: NeuronModel, _ variables: (String, String), _ c: CallContext
  ) throws -> (String, [Double], [Double]) {
    guard case .neuron(let handle) = argument.value,
      c.interpreter.world.models[handle.group]?.kind.name
        == model.kind.name
    else {
      throw c.failure(
        "trial needs a neuron of \(model.kind.name), found \(argument.value.describedKind)", at: argument.span,
        hint: "neuron d = \(model.kind.name)(…), run 1s, then trial: d")
    }
    if let held = c.interpreter.world.models[handle.group],
      held.values.filter({ $0.key != "seed" })
        != model.values.filter({ $0.key != "seed" })
    {
      c.interpreter.warn(
        "\(handle.label) was simulated with other parameters than this plane's model, so its path follows another "
          + "flow", at: argument.span, hint: "give phase_plane the model \(handle.label) was made with")
    }
    let simulation = c.interpreter.world.simulation
    guard let x = simulation.trace(handle.group, variable: variables.0, neuron: handle.range.lowerBound),
      let y = simulation.trace(handle.group, variable: variables.1, neuron: handle.range.lowerBound), x.values.count > 1
    else {
      throw c.failure("\(handle.label) has not been simulated yet", at: argument.span, hint: "run 1s first")
    }
    return ("\(handle.label) (recorded)", x.values, y.values)
  }
}
