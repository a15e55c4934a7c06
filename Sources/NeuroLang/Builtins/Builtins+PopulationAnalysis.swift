import NeuroEngine
import NeuroLearn
import NeuroUnits

/// Population analysis: activity as a matrix, its principal components, and decoders judged on held-out data.
extension Builtins {
  static let populationAnalysis = [activity, pca, crossValidate]

  static let activity = Builtin(
    name: "activity", signature: "neurons, bin: 20ms",
    summary:
      "each neuron's rate in each bin of time since it was made: a matrix, one row per bin, one column per neuron, "
      + "for pca and heatmap",
    parameterNames: ["bin"]
  ) { c in
    let usage = "activity(exc, bin: 20ms)"
    guard let first = c.arguments.first, first.label == nil, case .neuron(let handle) = first.value else {
      throw c.failure("activity needs neurons first", at: c.arguments.first?.span, hint: usage)
    }
    let options = try namedOnly(
      c.keeping(Array(c.arguments.dropFirst())), "activity", spellings: ["bin": "bin"], usage: usage)
    let bin = try positiveOption(options["bin"], "bin", .time, default: 0.02, atMost: 1000, c)
    let (trains, _, since) = try spikeTrains(c, 0, "activity")
    let duration = c.interpreter.world.simulation.time - since
    let bins = Int(saturating: (duration / bin * (1 + 1e-9)).rounded(.down))
    guard bins >= 1 else {
      throw c.failure(
        "\(handle.label) has been simulated for \(Quantity(duration, .time).formatted), less than one bin",
        hint: "run longer, or a smaller bin")
    }
    guard Double(bins) * Double(handle.range.count) <= 10_000_000 else {
      throw c.failure(
        "\(bins) bins of \(handle.range.count) neurons are more than 10 million values", hint: "a larger bin")
    }
    // Bins as psth counts them: [t, t + bin), the last one closed.
    let end = since + Double(bins) * bin
    let perNeuron = trains.map { SpikeAnalysis.counts([$0], bin: bin, from: since, to: end) }
    let counts = (0..<bins).map { b in perNeuron.map { Double($0[b]) / bin } }
    return .list(ValueList(counts.map { .list(ValueList(numbers: $0, dimension: .frequency)) }))
  }

  static let pca = Builtin(
    name: "pca", signature: "matrix",
    summary:
      "principal components of a matrix's rows (samples) over its columns (features): {explained, pc1, pc2, "
      + "components}; explained is each component's share of the variance, pc1 and pc2 each sample's coordinates"
  ) { c in
    try c.expectPositional(1, "pca", "pca(activity(exc, bin: 20ms))")
    guard case .list(let items) = c.arguments[0].value else {
      throw c.failure("pca needs a matrix: a list of rows", at: c.arguments[0].span)
    }
    var rows: [[Double]] = []
    var dimension: Dimension? = nil
    for item in items.values {
      guard case .list(let row) = item, let (numbers, rowDimension) = row.numbers, !numbers.isEmpty,
        rows.isEmpty || numbers.count == rows[0].count, dimension == nil || rowDimension == dimension,
        numbers.allSatisfy(\.isFinite)
      else {
        throw c.failure(
          "pca needs a matrix: rows of finite numbers of one kind, all of one length", at: c.arguments[0].span)
      }
      dimension = rowDimension
      rows.append(numbers)
    }
    guard rows.count >= 2, let features = rows.first?.count else {
      throw c.failure("pca needs at least two rows (samples)", at: c.arguments[0].span)
    }
    guard features <= 200, rows.count * features <= 2_000_000 else {
      throw c.failure(
        "pca takes at most 200 columns (features) and 2 million values, found \(rows.count) × \(features)",
        at: c.arguments[0].span,
        hint: "fewer neurons: activity(exc[0..99])")
    }
    let analysis = PrincipalComponents(rows: rows)
    let scores = rows.map { analysis.project($0, count: 2) }
    let unit = dimension ?? .none
    func column(_ k: Int) -> Value {
      .list(ValueList(numbers: scores.map { k < $0.count ? $0[k] : 0 }, dimension: unit))
    }
    return .record(
      Record(fields: [
        ("explained", .list(ValueList(numbers: analysis.explained, dimension: .none))),
        ("pc1", column(0)), ("pc2", column(1)),
        ("components", .list(ValueList(analysis.components.map { .list(ValueList(numbers: $0, dimension: .none)) }))),
      ]))
  }

  static let crossValidate = Builtin(
    name: "cross_validate", signature: "dataset, folds: 5, epochs: 50, seed: 1",
    summary:
      "trains a linear decoder (one softmax layer) on all folds but one and tests it on the one left out, for "
      + "each fold: {held_out, training, accuracy}; accuracy is the mean held-out accuracy",
    parameterNames: ["folds", "epochs", "seed"]
  ) { c in
    let usage = "cross_validate(dataset(samples, labels: stimuli), folds: 5)"
    guard let first = c.arguments.first, first.label == nil, case .dataset(let data) = first.value else {
      throw c.failure("cross_validate needs a data set first", at: c.arguments.first?.span, hint: usage)
    }
    let options = try namedOnly(
      c.keeping(Array(c.arguments.dropFirst())), "cross_validate",
      spellings: ["folds": "folds", "epochs": "epochs", "seed": "seed"], usage: usage)
    let folds = try options["folds"].map { try count($0, "folds", c, at: 2...max(2, data.count)) } ?? 5
    let epochs = try options["epochs"].map { try count($0, "epochs", c, at: 1...10_000) } ?? 50
    let seed = try seedOption(options["seed"], c)
    let sizes = Dictionary(grouping: data.labels, by: { $0 }).mapValues(\.count)
    guard sizes.count >= 2, data.targets == nil else {
      throw c.failure(
        "cross_validate needs samples of at least two classes to tell apart, found \(sizes.count)",
        at: first.span, hint: "responses(tuned(), stimuli: [0, 90], trials: 20)")
    }
    if let (label, size) = sizes.min(by: { $0.value < $1.value }), size < folds {
      let name = data.classNames.indices.contains(label) ? data.classNames[label] : "\(label)"
      c.interpreter.warn(
        "class \(name) has \(size) sample\(size == 1 ? "" : "s") for \(folds) folds: some folds train without it",
        at: first.span, hint: "fewer folds, folds: \(max(2, size))")
    }
    guard data.count >= folds else {
      throw c.failure("\(data.count) samples cannot fill \(folds) folds", hint: "folds: \(max(2, data.count / 2))")
    }
    guard Double(data.count) * Double(data.features.columns) * Double(epochs) * Double(folds) <= 5e9 else {
      throw c.failure("that is too much training for one call", hint: "fewer epochs or folds")
    }
    guard
      let result = CrossValidation.linearDecoder(
        data, folds: folds, epochs: epochs, seed: seed, shouldStop: c.interpreter.host.shouldStop)
    else { throw c.failure("cross_validate interrupted", hint: "fewer epochs finish sooner") }
    let mean = result.heldOut.reduce(0, +) / Double(max(1, result.heldOut.count))
    return .record(
      Record(fields: [
        ("held_out", .list(ValueList(numbers: result.heldOut, dimension: .none))),
        ("training", .list(ValueList(numbers: result.training, dimension: .none))),
        ("accuracy", .quantity(Quantity(mean))),
      ]))
  }
}
