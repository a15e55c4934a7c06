import NeuroEngine

/// How `fit` trains.
public struct TrainingOptions: Sendable {
  public var loss: Loss
  public var optimizer: Optimizer
  public var epochs: Int
  public var batchSize: Int
  /// The fraction of the samples held out (stratified, shuffled) to measure each epoch on.
  public var validationFraction: Double

  public init(loss: Loss, optimizer: Optimizer, epochs: Int, batchSize: Int, validationFraction: Double) {
    self.loss = loss
    self.optimizer = optimizer
    self.epochs = epochs
    self.batchSize = batchSize
    self.validationFraction = validationFraction
  }
}

/// What one epoch reached.
public struct EpochResult: Sendable {
  public var epoch: Int
  public var loss: Double
  public var accuracy: Double?
  public var validationLoss: Double?
  public var validationAccuracy: Double?
  /// Wall time of the epoch (s), when a clock was given.
  public var seconds: Double?
}

/// Every epoch of a `fit`, and whether it was stopped early.
public struct History: Sendable {
  public var epochs: [EpochResult] = []
  public var interrupted = false
}

extension Sequential {
  /// Trains on `data` (shuffled every epoch; a held-out share, the same for every fit) and reports each
  /// epoch; `progress` hears after every batch
  /// (batches done, batches in the epoch, mean loss so far). Stops after the batch in which `shouldStop`
  /// says yes, keeping the weights reached.
  public mutating func fit(
    _ data: Dataset, _ options: TrainingOptions, random: inout RandomSource, clock: (() -> Double)? = nil,
    shouldStop: () -> Bool = { false }, progress: (Int, Int, Double) -> Void = { _, _, _ in },
    onEpoch: (EpochResult) -> Void = { _ in }
  ) -> History {
    var (train, validation) = (data, Dataset?.none)
    if options.validationFraction > 0 {
      // Its own fixed stream: every fit on the same data holds out the same samples, as Keras's last
      // fraction is, so that validation never leaks into training.
      var fixed = RandomSource(seed: 0x5EED_0F_DA7A)
      let (kept, held) = data.split(testFraction: options.validationFraction, random: &fixed)
      (train, validation) = (kept, held)
    }
    let y = train.targetMatrix(outputs: outputCount)
    var history = History()
    let batches = max(1, (train.count + options.batchSize - 1) / options.batchSize)
    for epoch in 1...max(1, options.epochs) {
      let started = clock?()
      var order = Array(0..<train.count)
      random.shuffle(&order)
      // Loss and accuracy over the epoch from each batch's outputs as it was trained, as Keras reports them.
      var total = 0.0, seen = 0, right = 0
      for b in 0..<batches {
        let chosen = Array(order[(b * options.batchSize)..<min(order.count, (b + 1) * options.batchSize)])
        guard !chosen.isEmpty else { continue }
        let (batchLoss, outputs) = trainStep(
          train.features.rows(chosen), y.rows(chosen), loss: options.loss, optimizer: options.optimizer)
        total += batchLoss * Double(chosen.count)
        seen += chosen.count
        if train.targets == nil {
          let predicted = predictedClasses(outputs, predictions: outputs)
          right += zip(predicted, chosen).filter { $0 == train.labels[$1] }.count
        }
        progress(b + 1, batches, total / Double(max(1, seen)))
        if shouldStop() {
          history.interrupted = true
          break
        }
      }
      var result = EpochResult(epoch: epoch, loss: total / Double(max(1, seen)))
      if train.targets == nil { result.accuracy = Double(right) / Double(max(1, seen)) }
      if let validation, validation.count > 0 {
        let measured = evaluate(validation, loss: options.loss)
        (result.validationLoss, result.validationAccuracy) = (measured.loss, measured.accuracy)
      }
      result.seconds = started.flatMap { start in clock.map { $0() - start } }
      history.epochs.append(result)
      onEpoch(result)
      if history.interrupted { break }
    }
    return history
  }

  /// The mean loss on `data`, and the fraction classified right (nil for regression).
  public func evaluate(_ data: Dataset, loss: Loss) -> (loss: Double, accuracy: Double?) {
    let p = predict(data.features)
    let value = loss.value(p, data.targetMatrix(outputs: outputCount))
    return (value, data.targets == nil ? accuracy(data, predictions: p) : nil)
  }

  /// The class each sample is given: the largest output, or output > 0.5 for a single output.
  public func predictedClasses(_ x: Matrix, predictions: Matrix? = nil) -> [Int] {
    let p = predictions ?? predict(x)
    return (0..<p.rows).map { r in
      if p.columns == 1 { return p.values[r] > 0.5 ? 1 : 0 }
      let row = p.values[(r * p.columns)..<((r + 1) * p.columns)]
      return (row.indices.max { row[$0] < row[$1] } ?? r * p.columns) - r * p.columns
    }
  }

  /// The fraction of samples whose predicted class is their label.
  public func accuracy(_ data: Dataset, predictions: Matrix? = nil) -> Double {
    guard data.count > 0 else { return 0 }
    let predicted = predictedClasses(data.features, predictions: predictions)
    return Double(zip(predicted, data.labels).filter { $0 == $1 }.count) / Double(data.count)
  }

  /// counts[true class][predicted class].
  public func confusionMatrix(_ data: Dataset) -> [[Int]] {
    let classes = max(data.classNames.count, outputCount == 1 ? 2 : outputCount)
    var counts = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
    for (label, predicted) in zip(data.labels, predictedClasses(data.features))
    where label < classes && predicted < classes {
      counts[label][predicted] += 1
    }
    return counts
  }
}
