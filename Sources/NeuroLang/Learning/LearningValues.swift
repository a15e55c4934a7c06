import NeuroEngine
import NeuroLearn
import NeuroUnits

/// A network as a value: shared, as Keras's models are (`fit` trains it in place, and every name
/// that holds it sees the new weights).
public final class NetworkBox {
  public var network: Sequential
  /// The classes of the data it was last fitted on: other data must name the same classes.
  public var classNames: [String]? = nil
  /// The loss of its last `fit` (`evaluate` reports it); before any, the one its output suggests.
  public var loss: Loss

  init(_ network: Sequential) {
    self.network = network
    loss = Self.naturalLoss(for: network.layers.last?.activation ?? .linear)
  }

  /// Cross-entropy for probabilities (sigmoid, softmax), squared error otherwise.
  static func naturalLoss(for activation: Activation) -> Loss {
    switch activation {
    case .sigmoid: return .binaryCrossentropy
    case .softmax: return .categoricalCrossentropy
    default: return .meanSquaredError
    }
  }
}

/// A layer before it is part of a network: `dense(32, input: 10, activation: relu)`.
public struct LayerSpec {
  public var units: Int
  /// The number of inputs, given for a network's first layer.
  public var inputs: Int?
  public var activation: Activation
  public var initializer: Initializer

  var described: String {
    "dense(\(units)\(inputs.map { ", input: \($0)" } ?? ""), activation: \(activation.rawValue))"
  }
}

extension Dataset {
  /// `dataset: 150 samples, 4 features, 3 classes (setosa 50, versicolor 50, virginica 50)`.
  var described: String {
    var counts = [Int](repeating: 0, count: classNames.count)
    for label in labels where label < counts.count { counts[label] += 1 }
    let classes = zip(classNames, counts).prefix(10).map { "\($0) \($1)" }.joined(separator: ", ")
    let more = classNames.count > 10 ? ", …" : ""
    return "dataset: \(count) samples, \(features.columns) features, \(classNames.count) classes (\(classes)\(more))"
  }
}

extension Sequential {
  /// `network: 10 → 32 → 1, 385 parameters`.
  var described: String {
    "network: " + ([inputCount] + layers.map(\.units)).map(String.init).joined(separator: " → ")
      + ", \(parameterCount) parameters"
  }

}

extension Optimizer {
  /// `adam(learning_rate: 0.001)`.
  var described: String {
    switch self {
    case .sgd(let rate, let momentum):
      return "sgd(learning_rate: \(formatNumber(rate)), momentum: \(formatNumber(momentum)))"
    case .adam(let rate, let beta1, let beta2, _):
      return
        "adam(learning_rate: \(formatNumber(rate)), beta_1: \(formatNumber(beta1)), beta_2: \(formatNumber(beta2)))"
    }
  }
}
