import NeuroEngine

/// A linear decoder (one softmax layer) judged on data it was not trained on: k-fold cross-validation with
/// folds that keep each class's share, features standardised with each training part's statistics.
public enum CrossValidation {
  /// Each fold's accuracy on its held-out samples and on the samples it was trained on.
  public struct Result: Sendable, Equatable {
    public var heldOut: [Double]
    public var training: [Double]
  }

  /// Trains and tests `folds` decoders (Adam, learning rate 0.01, batches of 32, `epochs` each); nil when
  /// `shouldStop` says yes (asked between epochs).
  public static func linearDecoder(
    _ data: Dataset, folds: Int, epochs: Int, seed: UInt64, shouldStop: () -> Bool = { false }
  ) -> Result? {
    var random = RandomSource(seed: seed)
    let fold = assignFolds(data.labels, folds: folds, random: &random)
    let classes = max(data.classNames.count, (data.labels.max() ?? 0) + 1)
    var result = Result(heldOut: [], training: [])
    for k in 0..<folds {
      let test = data.labels.indices.filter { fold[$0] == k }, train = data.labels.indices.filter { fold[$0] != k }
      guard !test.isEmpty, !train.isEmpty else { continue }
      let statistics = data.subset(train).featureStatistics()
      let (trainPart, testPart) = (
        data.subset(train).standardized(mean: statistics.mean, sd: statistics.sd),
        data.subset(test).standardized(mean: statistics.mean, sd: statistics.sd)
      )
      var decoder = Sequential(layers: [
        Dense(
          inputs: data.features.columns, units: classes, activation: .softmax, initializer: .glorotUniform,
          random: &random)
      ])
      let options = TrainingOptions(
        loss: .categoricalCrossentropy, optimizer: .adam(learningRate: 0.01), epochs: 1, batchSize: 32,
        validationFraction: 0)
      for _ in 0..<epochs {
        if shouldStop() { return nil }
        _ = decoder.fit(trainPart, options, random: &random)
      }
      result.heldOut.append(decoder.accuracy(testPart))
      result.training.append(decoder.accuracy(trainPart))
    }
    return result
  }

  /// A fold for every sample: each class's samples shuffled and dealt out in turn, so every fold holds its
  /// share of each class.
  static func assignFolds(_ labels: [Int], folds: Int, random: inout RandomSource) -> [Int] {
    var fold = [Int](repeating: 0, count: labels.count)
    var next = 0
    for label in Set(labels).sorted() {
      var members = labels.indices.filter { labels[$0] == label }
      random.shuffle(&members)
      for i in members {
        fold[i] = next % folds
        next += 1
      }
    }
    return fold
  }
}
