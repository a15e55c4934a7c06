import NeuroEngine
import NeuroLearn
import NeuroUnits

/// Artificial neural networks: layers and networks, optimizers, and what a trained network says
/// (evaluate, predict, accuracy, confusion); datasets and looking inside are in files of their own.
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

  // MARK: checks shared by the functions above

  static func network(_ c: CallContext, _ name: String, usage: String) throws -> NetworkBox {
    guard let first = c.arguments.first, case .network(let net) = first.value else {
      throw c.failure(
        "\(name) needs a network first, found \(c.arguments.first?.value.describedKind ?? "nothing")", hint: usage)
    }
    return net
  }

  static func networkAndData(_ c: CallContext, _ name: String) throws -> (NetworkBox, Dataset) {
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
  static func plainSample(_ c: CallContext, _ name: String) throws -> [Double] {
    let (sample, dimension) = try numbers(c.keeping([c.arguments[1]]), name)
    guard dimension.isDimensionless else {
      throw c.failure(
        "a network takes plain numbers, found \(dimension.word) (\(dimension.naturalSymbol))", at: c.arguments[1].span,
        hint: "divide by the unit first: [v1 / 1mV, v2 / 1mV]")
    }
    return sample
  }

  static func checkInputs(_ net: NetworkBox, _ count: Int, _ c: CallContext, at span: Span) throws {
    guard count == net.network.inputCount else {
      throw c.failure("the network takes \(net.network.inputCount) inputs, this has \(count)", at: span)
    }
  }

  static func layerIndex(_ net: NetworkBox, _ argument: CallArgument, _ c: CallContext) throws -> Int {
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

  /// The word of a word parameter (`activation: relu`, `pairing: nearest`), or `fallback` when it is not
  /// given; a word it does not know is an error naming the words it does, and the closest.
  static func choice<Choice: RawRepresentable & CaseIterable>(
    _ argument: CallArgument?, _ fallback: Choice, _ c: CallContext
  ) throws -> Choice where Choice.RawValue == String {
    guard let argument else { return fallback }
    let choices = Choice.allCases.map(\.rawValue)
    let name = argument.label ?? "this"
    guard case .string(let word) = argument.value, let choice = Choice(rawValue: word) else {
      var guess: String? = nil
      if case .string(let word) = argument.value { guess = closestName(to: word, among: choices) }
      throw c.failure(
        "\(name) is one of \(choices.joined(separator: ", "))", at: argument.span,
        hint: guess.map { "did you mean '\($0)'?" } ?? "\(name): \(fallback.rawValue)")
    }
    return choice
  }

  /// A matrix as a list of rows of plain numbers.
  static func matrixValue(_ m: Matrix) -> Value {
    .list(ValueList((0..<m.rows).map { .list(ValueList(numbers: m.row($0), dimension: .none)) }))
  }
}
