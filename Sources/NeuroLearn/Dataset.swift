import NeuroEngine
import NeuroUnits

/// Samples for a network: features (one sample a row) and, for classification, a class index per
/// sample with the classes' names; for regression, target values.
public struct Dataset: Sendable {
  public var features: Matrix
  /// The class of each sample (an index into `classNames`), for classification.
  public var labels: [Int]
  public var classNames: [String]
  /// Target values (one sample a row), for regression; nil for classification.
  public var targets: Matrix?
  public var featureNames: [String]

  public init(features: Matrix, labels: [Int], classNames: [String], featureNames: [String]) {
    self.features = features
    self.labels = labels
    self.classNames = classNames
    self.featureNames = featureNames
  }

  public var count: Int { features.rows }

  /// The samples at `indices`.
  public func subset(_ indices: [Int]) -> Dataset {
    var copy = self
    copy.features = features.rows(indices)
    copy.labels = labels.isEmpty ? [] : indices.map { labels[$0] }
    copy.targets = targets?.rows(indices)
    return copy
  }

  /// A shuffled split with `testFraction` of each class in the second part (stratified).
  public func split(testFraction: Double, random: inout RandomSource) -> (train: Dataset, test: Dataset) {
    var train: [Int] = [], test: [Int] = []
    let groups =
      labels.isEmpty ? [Array(0..<count)] : classNames.indices.map { c in labels.indices.filter { labels[$0] == c } }
    for var group in groups where !group.isEmpty {
      random.shuffle(&group)
      // Each class keeps at least one sample on the training side.
      let held = min(group.count - 1, Int(saturating: Double(group.count) * testFraction))
      test += group.prefix(held)
      train += group.dropFirst(held)
    }
    random.shuffle(&train)
    random.shuffle(&test)
    return (subset(train), subset(test))
  }

  /// Each feature's mean and standard deviation over these samples.
  public func featureStatistics() -> (mean: [Double], sd: [Double]) {
    let n = Double(count), m = features.columns
    var mean = [Double](repeating: 0, count: m), sd = [Double](repeating: 0, count: m)
    for r in 0..<count {
      for j in 0..<m { mean[j] += features.values[r * m + j] / n }
    }
    for r in 0..<count {
      for j in 0..<m {
        let d = features.values[r * m + j] - mean[j]
        sd[j] += d * d / n
      }
    }
    return (mean, sd.map { $0.squareRoot() })
  }

  /// The features shifted and scaled by another set's statistics (a constant feature is only shifted).
  public func standardized(mean: [Double], sd: [Double]) -> Dataset {
    var copy = self
    let m = features.columns
    for r in 0..<count {
      for j in 0..<m {
        let scale = sd[j] > 0 ? sd[j] : 1
        copy.features.values[r * m + j] = (features.values[r * m + j] - mean[j]) / scale
      }
    }
    return copy
  }

  /// What a network's outputs are compared with: one-hot rows (or one 0/1 column for two classes and
  /// one output), or the targets.
  public func targetMatrix(outputs: Int) -> Matrix {
    if let targets { return targets }
    if outputs == 1 { return Matrix(rows: count, columns: 1, values: labels.map(Double.init)) }
    var y = Matrix(rows: count, columns: outputs)
    for (r, label) in labels.enumerated() where label < outputs { y[r, label] = 1 }
    return y
  }

  /// `count` samples of uniform random features in [0, 1) with random class labels (the article's example).
  public static func random(count: Int, features: Int, classes: Int, random: inout RandomSource) -> Dataset {
    let values = (0..<(count * features)).map { _ in random.uniform() }
    let labels = (0..<count).map { _ in
      min(classes - 1, Int(saturating: random.uniform() * Double(classes), rounding: .down))
    }
    return Dataset(
      features: Matrix(rows: count, columns: features, values: values), labels: labels,
      classNames: (0..<classes).map(String.init), featureNames: (0..<features).map { "x\($0)" })
  }
}
