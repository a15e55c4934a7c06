import NeuroEngine
import NeuroLearn
import NeuroUnits

/// Population codes: spike counts, tuning curves, decoding a stimulus back and how well that works.
extension Builtins {
  static let coding = [spikeCounts, tuningCurve, decode, decodingError, responses]

  static let spikeCounts = Builtin(
    name: "spike_counts", signature: "neurons, from: its start, to: now",
    summary: "how many spikes each neuron fired in a window [from, to) (all that was simulated unless from:/to: say)",
    parameterNames: ["from", "to"]
  ) { c in
    let (counts, _) = try countsInWindow(c, "spike_counts", allowed: ["from", "to"])
    return .list(ValueList(numbers: counts, dimension: .none))
  }

  static let tuningCurve = Builtin(
    name: "tuning_curve", signature: "tuned(…), index: 0, n: 64",
    summary:
      "the rate of neuron index of a population of n tuned neurons against the stimulus, one point a degree: "
      + "{stimulus, rate}, for plot",
    parameterNames: ["index", "n"]
  ) { c in
    let usage = "tuning_curve(tuned(width: 20), index: 16, n: 64)"
    let model = try tunedModel(c, "tuning_curve", usage: usage)
    let options = try namedOnly(
      c.keeping(Array(c.arguments.dropFirst())), "tuning_curve", spellings: ["index": "index", "n": "n"],
      usage: usage)
    let n = try options["n"].map { try count($0, "n", c, at: 1...100_000) } ?? 64
    let neuron = try options["index"].map { try count($0, "index", c, at: 0...(n - 1)) } ?? 0
    let code = ModelKind.populationCode(model.values, count: n)
    let stimuli = (0...Int(saturating: code.period.rounded(.up))).map(Double.init)
    return .record(
      Record(fields: [
        ("stimulus", .list(ValueList(numbers: stimuli, dimension: .none))),
        ("rate", .list(ValueList(numbers: stimuli.map { code.rate(neuron, stimulus: $0) }, dimension: .frequency))),
      ]))
  }

  static let decode = Builtin(
    name: "decode", signature: "tuned population, method: population_vector|maximum_likelihood, from:, to:",
    summary:
      "the stimulus (degrees) a tuned population's spike counts point to: their population vector, or the stimulus "
      + "under which those counts were most likely (Poisson)",
    parameterNames: ["method", "from", "to"],
    wordParameters: ["method": DecodingMethod.allCases.map(\.name)]
  ) { c in
    let (counts, window) = try countsInWindow(c, "decode", allowed: ["from", "to", "method"])
    guard case .neuron(let handle) = c.arguments[0].value, let model = c.interpreter.world.models[handle.group],
      model.kind.name == ModelKind.tuned.name, handle.range == 0..<handle.groupSize
    else {
      throw c.failure(
        "decode needs a whole tuned population, found \(c.arguments[0].value.describedKind)",
        at: c.arguments[0].span, hint: "input v1 = tuned(64, stimulus: 45), run 200ms, then decode(v1)")
    }
    let method = try decodingMethod(c.arguments.first { $0.label == "method" }, c)
    let code = ModelKind.populationCode(model.values, count: handle.groupSize)
    let estimate =
      method == .populationVector ? code.populationVector(counts) : code.maximumLikelihood(counts, duration: window)
    guard estimate.isFinite else {
      throw c.failure(
        "\(handle.name) fired no spike in that window, so it says nothing about the stimulus",
        hint: "run longer, or choose a window with spikes")
    }
    return .quantity(Quantity(estimate))
  }

  static let decodingError = Builtin(
    name: "decoding_error",
    signature: "tuned(…), neurons: [16, 32, 64], duration: 100ms, trials: 200, method:, seed: 1",
    summary:
      "the root-mean-square error (degrees) of decoding random stimuli from populations of each size, each shown "
      + "for duration: {neurons, error}",
    parameterNames: ["neurons", "duration", "trials", "method", "seed"],
    wordParameters: ["method": DecodingMethod.allCases.map(\.name)]
  ) { c in
    let usage = "decoding_error(tuned(width: 20), neurons: [16, 32, 64, 128], duration: 100ms)"
    let model = try tunedModel(c, "decoding_error", usage: usage)
    let options = try namedOnly(
      c.keeping(Array(c.arguments.dropFirst())), "decoding_error",
      spellings: [
        "neurons": "neurons", "duration": "duration", "trials": "trials", "method": "method", "seed": "seed",
      ],
      usage: usage)
    var sizes = [16, 32, 64, 128]
    if let argument = options["neurons"] {
      let items: [Value] = if case .list(let list) = argument.value { list.values } else { [argument.value] }
      sizes = try items.map { item in
        try count(CallArgument(label: nil, value: item, expr: argument.expr), "each size", c, at: 1...10_000)
      }
    }
    let trials = try options["trials"].map { try count($0, "trials", c, at: 1...100_000) } ?? 200
    let seed = try seedOption(options["seed"], c)
    let method = try decodingMethod(options["method"], c)
    let duration = try positiveOption(options["duration"], "duration", .time, default: 0.1, atMost: 1000, c)
    let work = Double(sizes.reduce(0, +)) * Double(trials) * (method == .maximumLikelihood ? 760 : 1)
    guard work <= 2e9 else {
      throw c.failure(
        "that is too much decoding for one call", at: options["trials"]?.span ?? options["neurons"]?.span,
        hint: "fewer trials or smaller populations")
    }
    let errors = try sizes.map { size in
      guard
        let error = ModelKind.populationCode(model.values, count: size).decodingError(
          method: method, duration: duration, trials: trials, seed: seed, shouldStop: c.interpreter.host.shouldStop)
      else { throw c.failure("decoding_error interrupted", hint: "fewer trials finish sooner") }
      return error
    }
    return .record(
      Record(fields: [
        ("neurons", .list(ValueList(numbers: sizes.map(Double.init), dimension: .none))),
        ("error", .list(ValueList(numbers: errors, dimension: .none))),
      ]))
  }

  static let responses = Builtin(
    name: "responses", signature: "tuned(…), stimuli: [0, 45, 90, 135], trials: 50, duration: 100ms, n: 32, seed: 1",
    summary:
      "the spike counts of n tuned neurons in trials of each stimulus, as a data set: one sample per trial, a "
      + "feature per neuron, the stimulus as its class (for cross_validate, fit, pca(data.features))",
    parameterNames: ["stimuli", "trials", "duration", "n", "seed"]
  ) { c in
    let usage = "responses(tuned(), stimuli: [0, 45, 90, 135], trials: 50)"
    let model = try tunedModel(c, "responses", usage: usage)
    let options = try namedOnly(
      c.keeping(Array(c.arguments.dropFirst())), "responses",
      spellings: ["stimuli": "stimuli", "trials": "trials", "duration": "duration", "n": "n", "seed": "seed"],
      usage: usage)
    var stimuli = [0.0, 45, 90, 135]
    if let argument = options["stimuli"] {
      guard case .list(let items) = argument.value, let (numbers, dimension) = items.numbers, dimension.isDimensionless,
        !numbers.isEmpty, numbers.count <= 360, numbers.allSatisfy(\.isFinite)
      else {
        throw c.failure(
          "stimuli is a list of plain numbers (degrees), at most 360 of them", at: argument.span,
          hint: "stimuli: [0, 45, 90, 135]")
      }
      stimuli = numbers
    }
    let trials = try options["trials"].map { try count($0, "trials", c, at: 1...100_000) } ?? 50
    let n = try options["n"].map { try count($0, "n", c, at: 1...10_000) } ?? 32
    let seed = try seedOption(options["seed"], c)
    let duration = try positiveOption(options["duration"], "duration", .time, default: 0.1, atMost: 1000, c)
    guard Double(trials) * Double(stimuli.count) * Double(n) <= 20_000_000 else {
      throw c.failure("that many trials of that many neurons are more than 20 million counts", hint: "fewer trials")
    }
    let code = ModelKind.populationCode(model.values, count: n)
    var random = RandomSource(seed: seed)
    var values: [Double] = [], labels: [Int] = []
    for _ in 0..<trials {
      for (k, stimulus) in stimuli.enumerated() {
        values += code.counts(stimulus: stimulus, duration: duration, random: &random).map(Double.init)
        labels.append(k)
      }
    }
    return .dataset(
      Dataset(
        features: Matrix(rows: labels.count, columns: n, values: values), labels: labels,
        classNames: stimuli.map { formatNumber($0) + "°" }, featureNames: (0..<n).map { "neuron \($0)" }))
  }

  /// A `tuned(…)` model as the first argument.
  private static func tunedModel(_ c: CallContext, _ name: String, usage: String) throws -> NeuronModel {
    guard let first = c.arguments.first, first.label == nil, case .model(let model) = first.value,
      model.kind.name == ModelKind.tuned.name
    else {
      throw c.failure("\(name) needs a tuned(…) model first", at: c.arguments.first?.span, hint: "write \(usage)")
    }
    return model
  }

  /// `method: population_vector` (the default) or `maximum_likelihood`.
  private static func decodingMethod(_ argument: CallArgument?, _ c: CallContext) throws -> DecodingMethod {
    guard let argument else { return .populationVector }
    let words = DecodingMethod.allCases.map(\.name)
    guard case .string(let word) = argument.value, let index = words.firstIndex(of: word) else {
      throw c.failure(
        "method is population_vector or maximum_likelihood", at: argument.span,
        hint: "method: maximum_likelihood")
    }
    return DecodingMethod.allCases[index]
  }

  /// Each neuron's spike count between from: and to: (default: all that was simulated), and the window's length.
  private static func countsInWindow(_ c: CallContext, _ name: String, allowed: [String]) throws -> ([Double], Double) {
    guard let first = c.arguments.first, first.label == nil, case .neuron(let handle) = first.value else {
      throw c.failure("\(name) needs neurons first", at: c.arguments.first?.span, hint: "\(name)(v1)")
    }
    let options = try namedOnly(
      c.keeping(Array(c.arguments.dropFirst())), name,
      spellings: Dictionary(uniqueKeysWithValues: allowed.map { ($0, $0) }), usage: "\(name)(\(handle.label))")
    let simulation = c.interpreter.world.simulation
    let (trains, _, since) = try spikeTrains(c, 0, name)
    func time(_ label: String, _ fallback: Double) throws -> Double {
      guard let argument = options[label] else { return fallback }
      guard case .quantity(let q) = argument.value, q.dimension == .time else {
        throw c.failure(
          "\(label) must be a time", at: argument.span,
          hint: c.interpreter.optionHint(argument.value, .time, label, or: "\(label): 100ms"))
      }
      return q.value
    }
    let (start, end) = (try time("from", since), try time("to", simulation.time))
    guard simulation.time > since else {
      throw c.failure("\(handle.label) has not been simulated yet", hint: "run 200ms first")
    }
    let recorded = "\(Quantity(since, .time).formatted) to \(Quantity(simulation.time, .time).formatted)"
    let slack = simulation.dt * 1e-6
    guard start >= since - slack, end <= simulation.time + slack, end > start else {
      throw c.failure(
        end > start
          ? "the window must lie within what was simulated of \(handle.label), \(recorded)"
          : "the window must end after it starts",
        at: options["from"]?.span ?? options["to"]?.span,
        hint: "from: \(Quantity(since, .time).typed)")
    }
    // [from, to), as psth bins count; the end of what was simulated is in.
    let counts = trains.map { train in
      Double(train.filter { $0 >= start - slack && ($0 < end - slack || end >= simulation.time - slack) }.count)
    }
    return (counts, end - start)
  }
}
