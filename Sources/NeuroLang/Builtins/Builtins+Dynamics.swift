#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroEngine
import NeuroPlot
import NeuroUnits

/// Phase planes and fixed points of two-variable models, and Wong & Wang's decision experiment.
extension Builtins {
  static let dynamics = [phasePlane, fixedPoints, decisions, ringWeights]

  static let phasePlane = Builtin(
    name: "phase_plane", signature: "model, from: [x, y], duration: 500ms, x: [lo, hi], y: [lo, hi], input:, trial:",
    summary:
      "the phase plane of a model of two state variables: both nullclines, arrows of the flow, the trajectory from "
      + "each start, the fixed points (● stable, ○ unstable, × saddle); trial: n adds a neuron's recorded path",
    parameterNames: ["from", "duration", "x", "y", "input", "trial"]
  ) { c in
    let plane = try PlaneRequest(c, "phase_plane", allowed: ["from", "duration", "x", "y", "input", "trial"])
    return .figure(try plane.figure())
  }

  static let fixedPoints = Builtin(
    name: "fixed_points", signature: "model, x: [lo, hi], y: [lo, hi], input:",
    summary: "the fixed points of a model of two state variables inside the ranges, each with its stability",
    parameterNames: ["x", "y", "input"]
  ) { c in
    let plane = try PlaneRequest(c, "fixed_points", allowed: ["x", "y", "input"])
    let points = plane.system.fixedPoints(x: plane.xRange, y: plane.yRange)
    return .table(
      Table(columns: [
        (plane.names.x, points.map { .quantity(Quantity($0.x, plane.dimensions.x)) }),
        (plane.names.y, points.map { .quantity(Quantity($0.y, plane.dimensions.y)) }),
        ("kind", points.map { .string($0.kind.rawValue) }),
      ]))
  }

  static let decisions = Builtin(
    name: "decisions", signature: "model, coherence: [0, 6.4, 12.8, 25.6, 51.2], trials: 100, seed: 1",
    summary:
      "runs a wong_wang model's trials at each coherence (%) and gives {coherence, accuracy, reaction_time, rt_sd, "
      + "decided}: accuracy among decided trials, reaction times of correct ones",
    parameterNames: ["coherence", "trials", "seed"]
  ) { c in
    let usage = "decisions(wong_wang(), coherence: [0, 12.8, 51.2], trials: 100)"
    guard let first = c.arguments.first, first.label == nil, case .model(let model) = first.value,
      model.kind.name == ModelKind.wongWang.name
    else {
      throw c.failure("decisions needs a wong_wang model first", at: c.arguments.first?.span, hint: "write \(usage)")
    }
    let options = try namedOnly(
      c.keeping(Array(c.arguments.dropFirst())), "decisions",
      spellings: ["coherence": "coherence", "trials": "trials", "seed": "seed"], usage: usage)
    var coherences = [model.values["coherence"] ?? 0]
    if let argument = options["coherence"] {
      let items: [Value] = if case .list(let list) = argument.value { list.values } else { [argument.value] }
      coherences = try items.map { item in
        guard case .quantity(let q) = item, q.dimension.isDimensionless, (-100...100).contains(q.value) else {
          throw c.failure(
            "coherence is a percentage from -100 to 100, as a plain number", at: argument.span,
            hint: "coherence: [0, 6.4, 12.8, 25.6, 51.2]")
        }
        return q.value
      }
    }
    let trials = try options["trials"].map { try count($0, "trials", c, at: 1...100_000) } ?? 100
    let seed = try seedOption(options["seed"], c)
    var engine = ModelKind.decisionModel(model.values)
    engine.dt = c.interpreter.world.simulation.dt
    if let (message, hint, _) = c.interpreter.coarseStep(model, nil) {
      c.interpreter.warn(message, at: c.span.span, hint: hint)
    }
    // A trial lasts at most maxTime: the steps of all of them bound the time a call takes (about 50 ns a step).
    let steps = Double(trials * coherences.count) * (engine.maxTime / engine.dt)
    guard steps <= 4e9 else {
      throw c.failure(
        "\(trials * coherences.count) trials of up to \(formatNumber(engine.maxTime / engine.dt)) steps each are "
          + "more than one call may run (4 billion steps)",
        at: options["trials"]?.span, hint: "fewer trials or coherences, or a larger dt")
    }
    guard
      let summaries = engine.experiment(
        coherences: coherences, trials: trials, seed: seed, shouldStop: c.interpreter.host.shouldStop)
    else {
      throw c.failure("decisions interrupted", hint: "fewer trials finish sooner")
    }
    let undecided = summaries.filter { $0.decided == 0 }.map { formatNumber($0.coherence) }
    if !undecided.isEmpty {
      c.interpreter.warn(
        "no trial reached the threshold within \(formatNumber(engine.maxTime)) s at coherence "
          + "\(undecided.joined(separator: ", ")): accuracy and reaction time there are nan",
        at: c.span.span,
        hint: engine.noise == 0
          ? "without noise (sigma: 0nA) a circuit can rest between the choices: give it noise, sigma: 0.02nA"
          : "a lower threshold, such as wong_wang(threshold: 15Hz)")
    }
    return .record(
      Record(fields: [
        ("coherence", .list(ValueList(numbers: summaries.map(\.coherence), dimension: .none))),
        ("accuracy", .list(ValueList(numbers: summaries.map(\.accuracy), dimension: .none))),
        ("reaction_time", .list(ValueList(numbers: summaries.map(\.meanReactionTime), dimension: .time))),
        ("rt_sd", .list(ValueList(numbers: summaries.map(\.reactionTimeSD), dimension: .time))),
        ("decided", .list(ValueList(numbers: summaries.map { Double($0.decided) }, dimension: .none))),
      ]))
  }

  static let ringWeights = Builtin(
    name: "ring_weights", signature: "n, j0: -1, j2: 3",
    summary:
      "the weights of a ring of n rate units (Ben-Yishai et al. 1995): unit i to unit j gets (j0 + j2 cos(2π (i - j) "
      + "/ n)) / n, uniform inhibition j0 and tuned excitation j2; for connect … with weights:",
    parameterNames: ["j0", "j2"]
  ) { c in
    let usage = "ring_weights(100, j0: -1, j2: 3)"
    guard let first = c.arguments.first, first.label == nil, case .quantity(let q) = first.value,
      q.dimension.isDimensionless, let n = Int(checking: q.value), (2...2000).contains(n)
    else {
      throw c.failure(
        "ring_weights needs the number of units first, 2 to 2000", at: c.arguments.first?.span, hint: usage)
    }
    let options = try namedOnly(
      c.keeping(Array(c.arguments.dropFirst())), "ring_weights", spellings: ["j0": "j0", "j2": "j2"], usage: usage)
    let (j0, j2) = try (
      plainOption(options["j0"], "j0", default: -1, c), plainOption(options["j2"], "j2", default: 3, c)
    )
    let rows = (0..<n).map { i in
      Value.list(
        ValueList(
          numbers: (0..<n).map { j in (j0 + j2 * cos(2 * Double.pi * Double(i - j) / Double(n))) / Double(n) },
          dimension: .none))
    }
    return .list(ValueList(rows))
  }
}
