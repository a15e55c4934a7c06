// `make bench-learn`: the fits of the artificial-neural-network benchmark, timed inside one process:
// the handwritten digits (64-64-10, ReLU, softmax, Adam, batch 32, 20 epochs, 80/20 stratified split,
// standardised) and the article's example (10-32-1 on 100 random samples, 10 epochs, batch 32).
import FoundationEssentials
import NeuroEngine
import NeuroLearn
import NeuroUnits

#if canImport(Glibc)
  import Glibc
#endif

func now() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func digits() throws -> Dataset {
  let text = try String(contentsOfFile: "data/digits.csv", encoding: .utf8)
  var values: [Double] = [], labels: [Int] = []
  for line in text.split(separator: "\n").dropFirst() {
    let cells = line.split(separator: ",").compactMap { Double($0) }
    values += cells.dropLast()
    labels.append(Int(saturating: cells[cells.count - 1]))
  }
  return Dataset(
    features: Matrix(rows: labels.count, columns: 64, values: values), labels: labels,
    classNames: (0..<10).map(String.init), featureNames: (0..<64).map { "p\($0)" })
}

let data = try digits()
var best = Double.infinity, accuracy = 0.0
for run in 1...5 {
  var random = RandomSource(seed: UInt64(run))
  let (train, test) = data.split(testFraction: 0.2, random: &random)
  let (mean, sd) = train.featureStatistics()
  var net = Sequential(layers: [
    Dense(inputs: 64, units: 64, activation: .relu, initializer: .glorotUniform, random: &random),
    Dense(inputs: 64, units: 10, activation: .softmax, initializer: .glorotUniform, random: &random),
  ])
  let options = TrainingOptions(
    loss: .categoricalCrossentropy, optimizer: .adam(), epochs: 20, batchSize: 32, validationFraction: 0)
  let standardized = train.standardized(mean: mean, sd: sd)
  let start = now()
  _ = net.fit(standardized, options, random: &random)
  best = min(best, now() - start)
  accuracy = net.accuracy(test.standardized(mean: mean, sd: sd))
}
print(
  "digits 64-64-10, 20 epochs: fit \(formatNumber(best * 1e3, significantDigits: 3)) ms (best of 5), "
    + "test accuracy \(formatNumber(accuracy, significantDigits: 3))")
