import Testing

@testable import NeuroEngine
@testable import NeuroLearn

/// Cross-validation of a linear decoder: near perfect on classes a line separates, at chance on labels that
/// have nothing to do with the features (where training accuracy alone would mislead).
@Suite struct CrossValidationTests {
  @Test func foldsKeepEachClassShare() {
    var random = RandomSource(seed: 1)
    let labels = (0..<60).map { $0 % 3 }
    let folds = CrossValidation.assignFolds(labels, folds: 5, random: &random)
    for k in 0..<5 {
      for c in 0..<3 { #expect(labels.indices.filter { folds[$0] == k && labels[$0] == c }.count == 4) }
    }
  }

  @Test func separableClassesAreDecodedOnHeldOutSamples() {
    var random = RandomSource(seed: 2)
    var values: [Double] = [], labels: [Int] = []
    for i in 0..<200 {
      let label = i % 2
      values += [Double(label) * 4 + random.normal(), random.normal()]
      labels.append(label)
    }
    let data = Dataset(
      features: Matrix(rows: 200, columns: 2, values: values), labels: labels, classNames: ["a", "b"],
      featureNames: ["x", "y"])
    let result = CrossValidation.linearDecoder(data, folds: 5, epochs: 30, seed: 1)
    #expect((result?.heldOut.count ?? 0) == 5)
    #expect((result?.heldOut.min() ?? 0) > 0.9)
  }

  @Test func randomLabelsAreAtChanceHeldOutThoughTrainingLooksBetter() {
    var random = RandomSource(seed: 3)
    let data = Dataset.random(count: 100, features: 40, classes: 2, random: &random)
    guard let result = CrossValidation.linearDecoder(data, folds: 5, epochs: 100, seed: 1) else { return }
    let heldOut = result.heldOut.reduce(0, +) / 5, training = result.training.reduce(0, +) / 5
    // 100 samples: chance is 0.5 ± 0.05 (one standard deviation); 40 features let it memorise 80.
    #expect(abs(heldOut - 0.5) < 0.15)
    #expect(training > heldOut + 0.2)
  }
}
