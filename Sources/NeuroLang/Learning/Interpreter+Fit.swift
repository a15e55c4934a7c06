import NeuroEngine
import NeuroLearn
import NeuroUnits

/// `fit net on data with …`: training a network, with a live progress line in a terminal and one line an
/// epoch, Ctrl-C stopping it with the weights kept, and the history as a record of lists.
extension Interpreter {
  /// The options `fit … with` takes.
  public static let fitOptions = ["loss", "optimizer", "epochs", "batch", "validation", "quiet"]
  /// The losses `fit … loss:` takes.
  public static let lossNames = Loss.allCases.map(\.rawValue)

  func fit(_ networkExpr: Expr, _ dataExpr: Expr, _ arguments: [Argument], name: (String, Span)?, _ span: Span)
    throws
  {
    if let (name, nameSpan) = name { try checkDefinable(name, at: nameSpan) }
    guard case .network(let net) = try evaluate(networkExpr) else {
      throw failure(
        "fit needs a network first", at: networkExpr.span,
        hint: "let net = sequential(dense(8, input: 2, activation: tanh), dense(1, activation: sigmoid))")
    }
    let dataValue = try evaluate(dataExpr)
    guard case .dataset(let data) = dataValue else {
      var hint = "let data = dataset(\"iris\"); fit net on data"
      if case .record(let record) = dataValue, case .dataset? = record["train"] {
        hint = "fit … on \(source.text(dataExpr.span)).train"
      }
      throw failure("fit needs a dataset after 'on', found \(dataValue.describedKind)", at: dataExpr.span, hint: hint)
    }
    var options = TrainingOptions(
      loss: net.loss, optimizer: .adam(), epochs: 1, batchSize: 32, validationFraction: 0)
    var quiet = false
    var given: Set<String> = []
    for argument in arguments {
      guard let label = argument.label, let labelSpan = argument.labelSpan else {
        throw failure("fit takes named options", at: argument.value.span, hint: "fit net on data with epochs: 10")
      }
      guard Self.fitOptions.contains(label) else {
        throw failure(
          "fit has no option '\(label)'", at: labelSpan,
          hint: closestName(to: label, among: Self.fitOptions).map { "did you mean '\($0)'?" }
            ?? "its options are \(Self.fitOptions.joined(separator: ", "))")
      }
      guard given.insert(label).inserted else { throw failure("\(label) is given twice", at: labelSpan) }
      if label == "quiet" {
        guard case .bool(let b) = try evaluate(argument.value) else {
          throw failure("quiet is true or false", at: argument.value.span, hint: "quiet: true")
        }
        quiet = b
        continue
      }
      try setFitOption(label, argument, &options)
    }
    try checkShapes(net.network, data, options.loss, at: span)
    if options.validationFraction > 0 {
      let held = data.classNames.indices.reduce(0) { total, c in
        let members = data.labels.filter { $0 == c }.count
        return total + max(0, min(members - 1, Int(saturating: Double(members) * options.validationFraction)))
      }
      guard held > 0, held < data.count else {
        throw failure(
          "validation: \(formatNumber(options.validationFraction)) holds out \(held) of \(data.count) samples: "
            + (held == 0 ? "none to validate on (each class keeps one for training)" : "none left to train on"),
          at: arguments.first { $0.label == "validation" }?.value.span ?? span,
          hint: held == 0 ? "a larger share, or more samples" : "a smaller share: validation: 0.2")
      }
    }
    let widest = net.network.layers.map(\.units).max() ?? 1
    guard world.fits(Double(min(options.batchSize, data.count)) * Double(widest) * 8 * 8) else {
      throw failure(
        "batches of \(options.batchSize) through layers of \(widest) units would not fit in memory", at: span,
        hint: "batch: 32")
    }
    let total = options.epochs
    let started = host.wallClock?()
    var epoch = 1
    let history = net.network.fit(
      data, options, random: &world.random, clock: host.liveProgress == nil ? nil : host.clock,
      shouldStop: host.shouldStop,
      progress: { batch, batches, loss in
        // About fifty updates an epoch at most: a terminal line is not free.
        guard let live = self.host.liveProgress, batch == batches || batch % max(1, batches / 50) == 0 else { return }
        let done = batch * 20 / max(1, batches)
        let bar = String(repeating: "=", count: done) + String(repeating: " ", count: 20 - done)
        live("epoch \(epoch)/\(total) [\(bar)] \(batch)/\(batches) · loss \(formatNumber(loss, significantDigits: 4))")
      },
      onEpoch: { result in
        epoch += 1
        self.host.liveProgress?("")
        if !quiet { self.host.note(self.epochLine(result, of: total) + "\n") }
      })
    net.loss = options.loss
    net.classNames = data.targets == nil ? data.classNames : nil
    if quiet, let last = history.epochs.last { host.note(epochLine(last, of: total) + "\n") }
    if let started, let now = host.wallClock?() {
      let seconds = formatNumber(now - started, significantDigits: 4)
      host.note("fit: \(history.epochs.count) epochs · \(seconds) s of wall time\n")
    }
    if history.interrupted {
      host.write("fit stopped in epoch \(history.epochs.count) of \(total): the weights reached so far are kept\n")
    }
    guard let (name, _) = name else { return }
    func column(_ values: [Double?]) -> Value {
      .list(ValueList(numbers: values.map { $0 ?? .nan }, dimension: .none))
    }
    var fields: [(String, Value)] = [
      ("epoch", column(history.epochs.map { Double($0.epoch) })), ("loss", column(history.epochs.map(\.loss))),
    ]
    if data.targets == nil { fields.append(("accuracy", column(history.epochs.map(\.accuracy)))) }
    if options.validationFraction > 0 {
      fields.append(("val_loss", column(history.epochs.map(\.validationLoss))))
      if data.targets == nil { fields.append(("val_accuracy", column(history.epochs.map(\.validationAccuracy)))) }
    }
    scope.define(name, .record(Record(fields: fields)))
  }

  /// `epoch 3/10 · loss 0.6931 · accuracy 0.52 · val_loss 0.69 · val_accuracy 0.5 · 12 ms`.
  private func epochLine(_ result: EpochResult, of total: Int) -> String {
    func number(_ x: Double) -> String { formatNumber(x, significantDigits: 4) }
    var parts = ["epoch \(result.epoch)/\(total)", "loss \(number(result.loss))"]
    if let accuracy = result.accuracy { parts.append("accuracy \(number(accuracy))") }
    if let loss = result.validationLoss { parts.append("val_loss \(number(loss))") }
    if let accuracy = result.validationAccuracy { parts.append("val_accuracy \(number(accuracy))") }
    if let seconds = result.seconds { parts.append("\(formatNumber(seconds * 1e3, significantDigits: 3)) ms") }
    return parts.joined(separator: " · ")
  }

  private func setFitOption(_ label: String, _ argument: Argument, _ options: inout TrainingOptions) throws {
    let span = argument.value.span
    switch label {
    case "loss":
      guard case .name(let word) = argument.value.kind, let loss = Loss(rawValue: word) else {
        let words = Loss.allCases.map(\.rawValue)
        var guess: String? = nil
        if case .name(let word) = argument.value.kind { guess = closestName(to: word, among: words) }
        throw failure(
          "loss is one of \(words.joined(separator: ", "))", at: span,
          hint: guess.map { "did you mean '\($0)'?" } ?? "loss: binary_crossentropy")
      }
      options.loss = loss
    case "optimizer":
      if case .name(let word) = argument.value.kind, word == "adam" || word == "sgd", scope.lookup(word) == nil {
        options.optimizer = word == "adam" ? .adam() : .sgd()
        return
      }
      guard case .optimizer(let optimizer) = try evaluate(argument.value) else {
        throw failure(
          "optimizer is adam or sgd, or one with settings", at: span,
          hint: "optimizer: adam, optimizer: sgd(learning_rate: 0.1, momentum: 0.9)")
      }
      options.optimizer = optimizer
    case "epochs", "batch":
      let value = try evaluate(argument.value)
      guard case .quantity(let q) = value, q.dimension.isDimensionless, q.value == q.value.rounded(),
        let n = Int(checking: q.value), n >= 1, n <= (label == "epochs" ? 100_000 : 1_000_000)
      else {
        throw failure(
          "\(label) is a whole number from 1 to \(label == "epochs" ? "100000" : "1000000")", at: span,
          hint: label == "epochs" ? "epochs: 10" : "batch: 32")
      }
      if label == "epochs" { options.epochs = n } else { options.batchSize = n }
    default:
      guard case .quantity(let q) = try evaluate(argument.value), q.dimension.isDimensionless, q.value >= 0,
        q.value < 1
      else {
        throw failure(
          "validation is the share held out each epoch, from 0 to below 1", at: span, hint: "validation: 0.2")
      }
      options.validationFraction = q.value
    }
  }

  /// The network's inputs match the features, and its outputs the classes and the loss.
  private func checkShapes(_ net: Sequential, _ data: Dataset, _ loss: Loss, at span: Span) throws {
    guard data.features.columns == net.inputCount else {
      throw failure(
        "the network takes \(net.inputCount) inputs, but the data has \(data.features.columns) features", at: span,
        hint: "the first layer: dense(…, input: \(data.features.columns))")
    }
    try checkClasses(net, data, at: span)
    let last = net.layers.last?.activation ?? .linear
    if loss == .categoricalCrossentropy, last != .softmax {
      throw failure(
        "categorical_crossentropy compares probabilities: the last layer needs activation: softmax", at: span)
    }
    if loss == .binaryCrossentropy, last != .sigmoid {
      throw failure(
        "binary_crossentropy compares probabilities: the last layer needs activation: sigmoid", at: span,
        hint: last == .softmax ? "for softmax outputs, loss: categorical_crossentropy" : nil)
    }
  }
}

extension Interpreter {
  /// The data's classes fit the network's outputs (one sigmoid output for two classes), there are at
  /// least two, and a network already fitted on named classes is given the same ones.
  func checkClasses(_ net: Sequential, _ data: Dataset, learned: [String]? = nil, at span: Span) throws {
    guard data.targets == nil else { return }
    let classes = data.classNames.count, outputs = net.outputCount
    guard classes >= 2 else {
      throw failure(
        "the data has \(classes == 1 ? "one class" : "no classes"): there is nothing to tell apart", at: span)
    }
    if outputs == 1, net.layers.last?.activation == .softmax {
      throw failure(
        "a softmax over one output always gives 1", at: span,
        hint: "one sigmoid output for two classes: dense(1, activation: sigmoid)")
    }
    if outputs != classes, !(outputs == 1 && classes == 2) {
      throw failure(
        "the data has \(classes) classes, but the network has \(outputs) outputs", at: span,
        hint: classes == 2
          ? "one output with sigmoid (binary_crossentropy), or two with softmax"
          : "the last layer: dense(\(classes), activation: softmax)")
    }
    if let learned, learned != data.classNames {
      throw failure(
        "the network learned the classes \(learned.joined(separator: ", ")); this data has "
          + data.classNames.joined(separator: ", "),
        at: span, hint: "evaluate it on data with the same classes (the test part of the same split)")
    }
  }
}
