#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a layer does to its weighted sums, sample by sample (softmax across a sample's units).
public enum Activation: String, Sendable, CaseIterable {
  case linear, relu, sigmoid, tanh, softmax

  /// The activations of a batch of sums (one sample a row).
  public func apply(_ z: Matrix) -> Matrix {
    var a = z
    switch self {
    case .linear: break
    case .relu: a.values.withUnsafeMutableBufferPointer { v in for i in v.indices { v[i] = max(0, v[i]) } }
    case .sigmoid:
      a.values.withUnsafeMutableBufferPointer { v in for i in v.indices { v[i] = Activation.sigmoid(v[i]) } }
    case .tanh: a.values.withUnsafeMutableBufferPointer { v in for i in v.indices { v[i] = Glibc.tanh(v[i]) } }
    case .softmax:
      for r in 0..<a.rows {
        let range = (r * a.columns)..<((r + 1) * a.columns)
        let top = a.values[range].max() ?? 0
        var total = 0.0
        for i in range {
          a.values[i] = exp(a.values[i] - top)
          total += a.values[i]
        }
        for i in range { a.values[i] /= total }
      }
    }
    return a
  }

  /// The gradient with respect to the sums, from the gradient with respect to the activations `a`.
  public func backward(_ gradient: Matrix, activations a: Matrix) -> Matrix {
    var g = gradient
    switch self {
    case .linear: break
    case .relu:
      a.values.withUnsafeBufferPointer { a in
        g.values.withUnsafeMutableBufferPointer { g in for i in g.indices where a[i] <= 0 { g[i] = 0 } }
      }
    case .sigmoid: for i in g.values.indices { g.values[i] *= a.values[i] * (1 - a.values[i]) }
    case .tanh: for i in g.values.indices { g.values[i] *= 1 - a.values[i] * a.values[i] }
    case .softmax:
      // ∂L/∂z_i = a_i (g_i − Σ_j g_j a_j), per sample.
      for r in 0..<g.rows {
        let range = (r * g.columns)..<((r + 1) * g.columns)
        var weighted = 0.0
        for i in range { weighted += gradient.values[i] * a.values[i] }
        for i in range { g.values[i] = a.values[i] * (gradient.values[i] - weighted) }
      }
    }
    return g
  }

  /// 1 / (1 + e^−x), without overflow for large |x|.
  @inline(__always)
  static func sigmoid(_ x: Double) -> Double { x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x)) }
}
