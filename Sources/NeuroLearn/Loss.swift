#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How far a network's outputs are from the targets, averaged over a batch, and its gradient.
public enum Loss: String, Sendable, CaseIterable {
  /// −[y log p + (1 − y) log(1 − p)] per output (sigmoid outputs, labels 0 or 1).
  case binaryCrossentropy = "binary_crossentropy"
  /// −Σ y log p per sample (softmax outputs, one-hot labels).
  case categoricalCrossentropy = "categorical_crossentropy"
  /// (p − y)² per output, averaged.
  case meanSquaredError = "mean_squared_error"

  /// Probabilities are kept this far from 0 and 1, as Keras does (its epsilon, 1e-7).
  static let clip = 1e-7

  /// The mean loss of predictions `p` against targets `y` (same shape).
  public func value(_ p: Matrix, _ y: Matrix) -> Double {
    var total = 0.0
    switch self {
    case .binaryCrossentropy:
      for i in p.values.indices {
        let q = min(1 - Loss.clip, max(Loss.clip, p.values[i]))
        total -= y.values[i] * log(q) + (1 - y.values[i]) * log(1 - q)
      }
      return total / Double(p.values.count)
    case .categoricalCrossentropy:
      for i in p.values.indices where y.values[i] != 0 {
        total -= y.values[i] * log(min(1, max(Loss.clip, p.values[i])))
      }
      return total / Double(p.rows)
    case .meanSquaredError:
      for i in p.values.indices { total += (p.values[i] - y.values[i]) * (p.values[i] - y.values[i]) }
      return total / Double(p.values.count)
    }
  }

  /// ∂(mean loss)/∂p.
  public func gradient(_ p: Matrix, _ y: Matrix) -> Matrix {
    var g = p
    switch self {
    case .binaryCrossentropy:
      let n = Double(p.values.count)
      for i in p.values.indices {
        let q = min(1 - Loss.clip, max(Loss.clip, p.values[i]))
        g.values[i] = (q - y.values[i]) / (q * (1 - q)) / n
      }
    case .categoricalCrossentropy:
      let n = Double(p.rows)
      for i in p.values.indices {
        g.values[i] = y.values[i] == 0 ? 0 : -y.values[i] / max(Loss.clip, p.values[i]) / n
      }
    case .meanSquaredError:
      let n = Double(p.values.count)
      for i in p.values.indices { g.values[i] = 2 * (p.values[i] - y.values[i]) / n }
    }
    return g
  }
}
