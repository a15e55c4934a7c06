import NeuroEngine
import NeuroLearn
import NeuroUnits

/// Artificial neural networks: layers and networks, datasets, optimizers, and what a trained network
/// says (evaluate, predict, accuracy, confusion) and holds (weights, receptive fields, activations).
extension Builtins {
  static let learning: [Builtin] = [
    dense, sequential, summary, dataset, randomDataset, split, optimizer("sgd"), optimizer("adam"), evaluate,
    predict, accuracy, confusion, layerWeights, receptiveField, activations, decisionMap,
  ]

  static let dense = Builtin(
    name: "dense",
    signature: "units, input: n, activation: linear|relu|sigmoid|tanh|softmax, init: glorot_uniform|he_normal",
    summary: "a fully connected layer for sequential(…): dense(32, input: 10, activation: relu)",
    parameterNames: ["input", "activation", "init"],
    wordParameters: [
      "activation": Activation.allCases.map(\.rawValue), "init": Initializer.allCases.map(\.rawValue),
    ]
  ) { c in
    let positional = c.arguments.filter { $0.label == nil }
    guard positional.count == 1, c.arguments.first?.label == nil else {
      throw c.failure("dense takes the number of units first", hint: "dense(32, activation: relu)")
    }
    let units = try count(positional[0], "units", c, at: 1...100_000)
    let named = try namedOnly(
      c.keeping(Array(c.arguments.dropFirst())), "dense",
      spellings: ["input": "input", "activation": "activation", "init": "init"], usage: "dense(32, activation: relu)")
    let inputs = try named["input"].map { try count($0, "input", c, at: 1...100_000) }
    return .layer(
      LayerSpec(
        units: units, inputs: inputs, activation: try choice(named["activation"], Activation.linear, c),
        initializer: try choice(named["init"], Initializer.glorotUniform, c)))
  }

  static let sequential = Builtin(
    name: "sequential", signature: "layers…",
    summary:
      "a feed-forward network of dense layers, the first with its input size, weights drawn now from the seed: "
      + "sequential(dense(32, input: 10, activation: relu), dense(1, activation: sigmoid))"
  ) { c in
    guard !c.arguments.isEmpty else {
      throw c.failure("sequential needs its layers", hint: "sequential(dense(8, input: 2, activation: tanh), dense(1))")
    }
    var layers: [Dense] = []
    var inputs = 0
    for (i, argument) in c.arguments.enumerated() {
      guard argument.label == nil, case .layer(let spec) = argument.value else {
        throw c.failure(
          "sequential takes layers, found \(argument.value.describedKind)", at: argument.span,
          hint: "dense(32, activation: relu)")
      }
      if i == 0 {
        guard let first = spec.inputs else {
          throw c.failure(
            "the first layer needs the number of inputs", at: argument.span,
            hint: "dense(\(spec.units), input: 10, activation: \(spec.activation.rawValue))")
        }
        inputs = first
      } else if let given = spec.inputs, given != inputs {
        throw c.failure(
          "this layer takes \(given) inputs, but the layer before gives \(inputs)", at: argument.span,
          hint: "leave input: out after the first layer")
      }
      guard Double(inputs) * Double(spec.units) <= 10_000_000 else {
        throw c.failure("a layer of \(inputs) × \(spec.units) weights is too large", at: argument.span)
      }
      let total = layers.reduce(0) { $0 + $1.parameterCount } + inputs * spec.units
      guard c.interpreter.world.fits(Double(total) * 8 * 4) else {
        throw c.failure(
          "a network of \(formatNumber(Double(total))) parameters would not fit in memory", at: argument.span,
          hint: MemoryBudget.described)
      }
      layers.append(
        Dense(
          inputs: inputs, units: spec.units, activation: spec.activation, initializer: spec.initializer,
          random: &c.interpreter.world.random))
      inputs = spec.units
    }
    return .network(NetworkBox(Sequential(layers: layers)))
  }

  static let summary = Builtin(
    name: "summary", signature: "network",
    summary: "each layer of a network with its output shape and number of parameters, as Keras's summary()"
  ) { c in
    let net = try network(c, "summary", usage: "summary(net)")
    let layers = net.network.layers
    return .table(
      Table(columns: [
        (
          "layer",
          layers.indices.map { .string("dense_\($0 + 1) (\(layers[$0].activation.rawValue))") } + [.string("total")]
        ),
        ("output shape", layers.map { .string("(None, \($0.units))") } + [.string("")]),
        (
          "parameters",
          (layers.map(\.parameterCount) + [net.network.parameterCount]).map { .quantity(Quantity(Double($0))) }
        ),
      ]))
  }

  static let dataset = Builtin(
    name: "dataset", signature: "\"iris\"|\"digits\"|\"xor\"|\"file.csv\", label: \"column\" (or samples, labels: […])",
    summary:
      "samples with their classes: a data set shipped with neuro (iris, digits, xor), a CSV file with a header, "
      + "numeric features and a label column (the last, or label: \"name\"), or your own: "
      + "dataset([[0, 0], [0, 1], [1, 0], [1, 1]], labels: [0, 0, 0, 1])",
    parameterNames: ["label", "labels"]
  ) { c in
    if let first = c.arguments.first, first.label == nil, case .list(let rows) = first.value {
      return .dataset(try ownDataset(rows.values, c))
    }
    guard let first = c.arguments.first, first.label == nil, case .string(let name) = first.value else {
      throw c.failure(
        "dataset needs a name or a file", hint: "dataset(\"iris\") or dataset(\"flowers.csv\", label: \"species\")")
    }
    let named = try namedOnly(
      c.keeping(Array(c.arguments.dropFirst())), "dataset", spellings: ["label": "label"],
      usage: "dataset(\"my.csv\", label: \"y\")")
    var label: String? = nil
    if let argument = named["label"] {
      guard case .string(let column) = argument.value else {
        throw c.failure("label is the name of a column, in quotes", at: argument.span, hint: "label: \"species\"")
      }
      label = column
    }
    if name == "xor" { return .dataset(DatasetFiles.xor) }
    var path = FilePaths.expandingTilde(name)
    if let shipped = DatasetFiles.bundled[name] {
      let folders =
        c.interpreter.host.dataPaths
        + c.interpreter.host.libraryPaths.map { FilePaths.joined(FilePaths.folder(of: $0), "data") }
      guard let folder = folders.first(where: { FilePaths.exists(FilePaths.joined($0, shipped.file)) }) else {
        throw c.failure("the data set '\(name)' is not installed here (data/\(shipped.file))", at: first.span)
      }
      path = FilePaths.joined(folder, shipped.file)
      label = label ?? shipped.label
    } else if !name.lowercased().hasSuffix(".csv") {
      let known = ["iris", "digits", "xor"]
      throw c.failure(
        "there is no data set '\(name)'", at: first.span,
        hint: closestName(to: name, among: known).map { "did you mean \"\($0)\"?" }
          ?? "the shipped ones are iris, digits and xor; a file ends in .csv")
    }
    let text: String
    do { text = try readSourceFile(path) } catch { throw c.failure("\(error)", at: first.span) }
    do {
      return .dataset(try DatasetFiles.parse(text, label: label))
    } catch let error as DatasetFiles.ParseError {
      throw c.failure("\(path):\(error.line): \(error.message)", at: first.span)
    }
  }

  static let randomDataset = Builtin(
    name: "random_dataset", signature: "n, features: 10, classes: 2",
    summary: "n samples of random features in [0, 1) with random classes: nothing to learn (the article's example)",
    parameterNames: ["features", "classes"]
  ) { c in
    guard let first = c.arguments.first, first.label == nil else {
      throw c.failure(
        "random_dataset takes the number of samples first", hint: "random_dataset(100, features: 10, classes: 2)")
    }
    let n = try count(first, "the number of samples", c, at: 1...1_000_000)
    let named = try namedOnly(
      c.keeping(Array(c.arguments.dropFirst())), "random_dataset",
      spellings: ["features": "features", "classes": "classes"], usage: "random_dataset(100, features: 10, classes: 2)")
    let features = try named["features"].map { try count($0, "features", c, at: 1...10_000) } ?? 10
    let classes = try named["classes"].map { try count($0, "classes", c, at: 2...1000) } ?? 2
    guard Double(n) * Double(features) <= 10_000_000 else { throw c.failure("that dataset would be too large") }
    return .dataset(Dataset.random(count: n, features: features, classes: classes, random: &c.interpreter.world.random))
  }

  static let split = Builtin(
    name: "split", signature: "dataset, test: 0.2, standardize: true",
    summary:
      "a shuffled, stratified split into {train, test} (the test share of each class held out), features standardised "
      + "with the training set's mean and standard deviation unless standardize: false",
    parameterNames: ["test", "standardize"]
  ) { c in
    guard let first = c.arguments.first, first.label == nil, case .dataset(let data) = first.value else {
      throw c.failure("split needs a dataset first", hint: "split(dataset(\"iris\"), test: 0.2)")
    }
    let named = try namedOnly(
      c.keeping(Array(c.arguments.dropFirst())), "split", spellings: ["test": "test", "standardize": "standardize"],
      usage: "split(data, test: 0.2)")
    var fraction = 0.2
    if let argument = named["test"] {
      guard case .quantity(let q) = argument.value, q.dimension.isDimensionless, q.value > 0, q.value < 1 else {
        throw c.failure("test is the share held out, a number between 0 and 1", at: argument.span, hint: "test: 0.2")
      }
      fraction = q.value
    }
    var standardize = true
    if let argument = named["standardize"] {
      guard case .bool(let b) = argument.value else {
        throw c.failure("standardize is true or false", at: argument.span)
      }
      standardize = b
    }
    var (train, test) = data.split(testFraction: fraction, random: &c.interpreter.world.random)
    guard train.count > 0, test.count > 0 else {
      throw c.failure("\(data.count) samples are too few to split \(formatNumber(fraction)) of them off")
    }
    if standardize {
      let (mean, sd) = train.featureStatistics()
      (train, test) = (train.standardized(mean: mean, sd: sd), test.standardized(mean: mean, sd: sd))
    }
    return .record(Record(fields: [("train", .dataset(train)), ("test", .dataset(test))]))
  }

  /// `adam(learning_rate: 0.01)`, `sgd(learning_rate: 0.1, momentum: 0.9)`: Keras's defaults otherwise.
  static func optimizer(_ name: String) -> Builtin {
    let parameters = name == "sgd" ? ["learning_rate", "momentum"] : ["learning_rate", "beta_1", "beta_2"]
    return Builtin(
      name: name, signature: parameters.map { "\($0): x" }.joined(separator: ", "),
      summary: name == "sgd"
        ? "gradient descent for fit …, optimizer: sgd(learning_rate: 0.01, momentum: 0) (Keras's defaults)"
        : "Adam for fit …, optimizer: adam(learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999) (Keras's defaults)",
      parameterNames: parameters
    ) { c in
      let named = try namedOnly(
        c, name, spellings: Dictionary(uniqueKeysWithValues: parameters.map { ($0, $0) }),
        usage: "\(name)(learning_rate: 0.01)")
      func number(_ key: String, _ fallback: Double, _ range: ClosedRange<Double>) throws -> Double {
        guard let argument = named[key] else { return fallback }
        guard case .quantity(let q) = argument.value, q.dimension.isDimensionless, range.contains(q.value) else {
          throw c.failure(
            "\(key) is a number from \(formatNumber(range.lowerBound)) to \(formatNumber(range.upperBound))",
            at: argument.span, hint: "\(key): \(formatNumber(fallback))")
        }
        return q.value
      }
      if name == "sgd" {
        return .optimizer(
          .sgd(
            learningRate: try number("learning_rate", 0.01, 1e-12...100),
            momentum: try number("momentum", 0, 0...0.9999)))
      }
      return .optimizer(
        .adam(
          learningRate: try number("learning_rate", 0.001, 1e-12...100), beta1: try number("beta_1", 0.9, 0...0.9999),
          beta2: try number("beta_2", 0.999, 0...0.999999)))
    }
  }

  static let evaluate = Builtin(
    name: "evaluate", signature: "network, dataset",
    summary: "the network's mean loss and accuracy on a dataset, as {loss, accuracy} (the loss of its last fit)"
  ) { c in
    let (net, data) = try networkAndData(c, "evaluate")
    let (loss, accuracy) = net.network.evaluate(data, loss: net.loss)
    return .record(
      Record(fields: [("loss", .quantity(Quantity(loss))), ("accuracy", .quantity(Quantity(accuracy ?? 0)))]))
  }

  static let predict = Builtin(
    name: "predict", signature: "network, dataset or sample",
    summary: "the network's outputs: for one sample (a list of numbers) a list, for a dataset one list per sample"
  ) { c in
    try c.expectPositional(2, "predict", "predict(net, [0, 1])")
    let net = try network(c, "predict", usage: "predict(net, data)")
    if case .dataset(let data) = try c.value(1) {
      try checkInputs(net, data.features.columns, c, at: c.arguments[1].span)
      return matrixValue(net.network.predict(data.features))
    }
    let sample = try plainSample(c, "predict")
    try checkInputs(net, sample.count, c, at: c.arguments[1].span)
    let outputs = net.network.predict(Matrix(rows: 1, columns: sample.count, values: sample))
    return .list(ValueList(numbers: outputs.row(0), dimension: .none))
  }

  static let accuracy = Builtin(
    name: "accuracy", signature: "network, dataset",
    summary: "the fraction of a dataset's samples the network puts in their class"
  ) { c in
    let (net, data) = try networkAndData(c, "accuracy")
    return .quantity(Quantity(net.network.accuracy(data)))
  }

  static let confusion = Builtin(
    name: "confusion", signature: "network, dataset",
    summary:
      "the confusion matrix: a row per true class, a column per predicted class, counts (heatmap confusion(net, test))"
  ) { c in
    let (net, data) = try networkAndData(c, "confusion")
    return .list(
      ValueList(
        net.network.confusionMatrix(data).map { row in .list(ValueList(numbers: row.map(Double.init), dimension: .none))
        }))
  }

  static let layerWeights = Builtin(
    name: "layer_weights", signature: "network, layer",
    summary:
      "a layer's weights (layers count from 1): a row per input, a column per unit (heatmap layer_weights(net, 1))"
  ) { c in
    try c.expectPositional(2, "layer_weights", "layer_weights(net, 1)")
    let net = try network(c, "layer_weights", usage: "layer_weights(net, 1)")
    let layer = try layerIndex(net, c.arguments[1], c)
    return matrixValue(net.network.layers[layer].weights)
  }

  static let receptiveField = Builtin(
    name: "receptive_field", signature: "network, unit, layer: 1",
    summary:
      "the weights into one unit (units count from 0) drawn as the input image: 64 inputs as 8 × 8 (heatmap "
      + "receptive_field(net, 5)); a square number of inputs",
    parameterNames: ["layer"]
  ) { c in
    let positional = c.arguments.filter { $0.label == nil }
    guard positional.count == 2 else {
      throw c.failure("receptive_field takes a network and a unit", hint: "receptive_field(net, 5)")
    }
    let net = try network(c, "receptive_field", usage: "receptive_field(net, 5)")
    let layer = try c.arguments.first(where: { $0.label == "layer" }).map { try layerIndex(net, $0, c) } ?? 0
    let weights = net.network.layers[layer].weights
    let unit = try count(positional[1], "unit", c, at: 0...(weights.columns - 1))
    let side = Int(saturating: Double(weights.rows).squareRoot())
    guard side * side == weights.rows else {
      throw c.failure(
        "layer \(layer + 1) has \(weights.rows) inputs, not a square image",
        hint: "layer_weights(net, \(layer + 1)) shows them as a matrix")
    }
    return .list(
      ValueList(
        (0..<side).map { r in
          .list(ValueList(numbers: (0..<side).map { weights[r * side + $0, unit] }, dimension: .none))
        }))
  }

  static let activations = Builtin(
    name: "activations", signature: "network, sample",
    summary: "what every layer of the network outputs for one sample (a list of numbers): a list per layer"
  ) { c in
    try c.expectPositional(2, "activations", "activations(net, [0, 1])")
    let net = try network(c, "activations", usage: "activations(net, [0, 1])")
    let sample = try plainSample(c, "activations")
    try checkInputs(net, sample.count, c, at: c.arguments[1].span)
    let all = net.network.activations(Matrix(rows: 1, columns: sample.count, values: sample)).dropFirst()
    return .list(ValueList(all.map { .list(ValueList(numbers: $0.row(0), dimension: .none)) }))
  }

  static let decisionMap = Builtin(
    name: "decision_map", signature: "network, dataset",
    summary:
      "for a network of two inputs: the class it gives each point of a grid over the dataset's range, as a matrix (top "
      + "row the largest second feature; heatmap decision_map(net, data))"
  ) { c in
    let (net, data) = try networkAndData(c, "decision_map")
    guard data.features.columns == 2 else {
      throw c.failure(
        "decision_map draws two features; this dataset has \(data.features.columns)", at: c.arguments[1].span)
    }
    let xs = (0..<data.count).map { data.features[$0, 0] }, ys = (0..<data.count).map { data.features[$0, 1] }
    // The data's range, widened by half a unit where a feature does not vary, kept finite.
    func range(_ values: [Double]) -> (Double, Double) {
      let (lo, hi) = (max(-1e300, values.min() ?? 0), min(1e300, values.max() ?? 1))
      return lo < hi ? (lo, hi) : (lo - 0.5, hi + 0.5)
    }
    let ((x0, x1), (y0, y1)) = (range(xs), range(ys))
    let (columns, rows) = (40, 20)
    var grid: [Double] = []
    for r in 0..<rows {
      let fy = Double(r) / Double(rows - 1)
      let y = y1 * (1 - fy) + y0 * fy
      for k in 0..<columns {
        let fx = Double(k) / Double(columns - 1)
        grid += [x0 * (1 - fx) + x1 * fx, y]
      }
    }
    let classes = net.network.predictedClasses(Matrix(rows: rows * columns, columns: 2, values: grid))
    return .list(
      ValueList(
        (0..<rows).map { r in
          .list(ValueList(numbers: (0..<columns).map { Double(classes[r * columns + $0]) }, dimension: .none))
        }))
  }

  /// `dataset([[0, 0], [0, 1]], labels: [0, 1])`: rows of plain numbers, one class per row (whole numbers
  /// or names).
  private static func ownDataset(_ rows: [Value], _ c: CallContext) throws -> Dataset {
    let usage = "dataset([[0, 0], [0, 1], [1, 0], [1, 1]], labels: [0, 0, 0, 1])"
    guard c.arguments.count == 2, let labelsArgument = c.arguments.last, labelsArgument.label == "labels",
      case .list(let labelValues) = labelsArgument.value
    else {
      throw c.failure("a dataset of your own needs its samples and labels: […]", hint: usage)
    }
    var values: [Double] = []
    var width: Int? = nil
    for row in rows {
      guard case .list(let items) = row else {
        throw c.failure(
          "each sample is a list of numbers, found \(row.describedKind)", at: c.arguments[0].span, hint: usage)
      }
      let numbers = items.values.compactMap { item -> Double? in
        if case .quantity(let q) = item, q.dimension.isDimensionless, q.value.isFinite { return q.value }
        return nil
      }
      guard numbers.count == items.count, !numbers.isEmpty, width == nil || width == numbers.count else {
        throw c.failure(
          "every sample needs the same number of plain numbers", at: c.arguments[0].span, hint: usage)
      }
      width = numbers.count
      values += numbers
    }
    let names = labelValues.values.map { value -> String in
      if case .string(let s) = value { return s }
      if case .quantity(let q) = value { return formatNumber(q.value) }
      return value.shown
    }
    guard let width, names.count == rows.count else {
      throw c.failure(
        rows.isEmpty
          ? "a dataset needs at least one sample"
          : "\(rows.count) samples need \(rows.count) labels, found \(names.count)",
        at: labelsArgument.span, hint: usage)
    }
    let (classes, labels) = DatasetFiles.classes(of: names)
    guard classes.count <= DatasetFiles.maximumClasses else {
      throw c.failure(
        "\(classes.count) different labels: a class is one of a few names or whole numbers", at: labelsArgument.span)
    }
    return Dataset(
      features: Matrix(rows: rows.count, columns: width, values: values), labels: labels, classNames: classes,
      featureNames: (0..<width).map { "x\($0)" })
  }

  // MARK: checks shared by the functions above

  private static func network(_ c: CallContext, _ name: String, usage: String) throws -> NetworkBox {
    guard let first = c.arguments.first, case .network(let net) = first.value else {
      throw c.failure(
        "\(name) needs a network first, found \(c.arguments.first?.value.describedKind ?? "nothing")", hint: usage)
    }
    return net
  }

  private static func networkAndData(_ c: CallContext, _ name: String) throws -> (NetworkBox, Dataset) {
    try c.expectPositional(2, name, "\(name)(net, test)")
    let net = try network(c, name, usage: "\(name)(net, test)")
    guard case .dataset(let data) = try c.value(1) else {
      throw c.failure("\(name) needs a dataset, found \(try c.value(1).describedKind)", at: c.arguments[1].span)
    }
    try checkInputs(net, data.features.columns, c, at: c.arguments[1].span)
    try c.interpreter.checkClasses(net.network, data, learned: net.classNames, at: c.arguments[1].span)
    return (net, data)
  }

  /// The second argument as a sample: a list of plain numbers (a network knows no units).
  private static func plainSample(_ c: CallContext, _ name: String) throws -> [Double] {
    let (sample, dimension) = try numbers(c.keeping([c.arguments[1]]), name)
    guard dimension.isDimensionless else {
      throw c.failure(
        "a network takes plain numbers, found \(dimension.word) (\(dimension.naturalSymbol))", at: c.arguments[1].span,
        hint: "divide by the unit first: [v1 / 1mV, v2 / 1mV]")
    }
    return sample
  }

  private static func checkInputs(_ net: NetworkBox, _ count: Int, _ c: CallContext, at span: Span) throws {
    guard count == net.network.inputCount else {
      throw c.failure("the network takes \(net.network.inputCount) inputs, this has \(count)", at: span)
    }
  }

  private static func layerIndex(_ net: NetworkBox, _ argument: CallArgument, _ c: CallContext) throws -> Int {
    try count(argument, "the layer", c, at: 1...max(1, net.network.layers.count)) - 1
  }

  /// A whole number within `range`.
  static func count(_ argument: CallArgument, _ what: String, _ c: CallContext, at range: ClosedRange<Int>) throws
    -> Int
  {
    guard case .quantity(let q) = argument.value, q.dimension.isDimensionless, q.value == q.value.rounded(),
      let n = Int(checking: q.value), range.contains(n)
    else {
      throw c.failure("\(what) is a whole number from \(range.lowerBound) to \(range.upperBound)", at: argument.span)
    }
    return n
  }

  /// The word of a word parameter, or `fallback` when it is not given.
  private static func choice<Choice: RawRepresentable & CaseIterable>(
    _ argument: CallArgument?, _ fallback: Choice, _ c: CallContext
  ) throws -> Choice where Choice.RawValue == String {
    guard let argument else { return fallback }
    let choices = Choice.allCases.map(\.rawValue)
    guard case .string(let word) = argument.value, let choice = Choice(rawValue: word) else {
      var guess: String? = nil
      if case .string(let word) = argument.value { guess = closestName(to: word, among: choices) }
      throw c.failure(
        "\(argument.label ?? "this") is one of \(choices.joined(separator: ", "))", at: argument.span,
        hint: guess.map { "did you mean '\($0)'?" })
    }
    return choice
  }

  /// A matrix as a list of rows of plain numbers.
  private static func matrixValue(_ m: Matrix) -> Value {
    .list(ValueList((0..<m.rows).map { .list(ValueList(numbers: m.row($0), dimension: .none)) }))
  }
}
