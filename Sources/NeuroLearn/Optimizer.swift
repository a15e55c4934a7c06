#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How gradients change the parameters, with Keras's defaults.
public enum Optimizer: Sendable, Equatable {
  /// Plain gradient descent, with momentum: v ← μv − ηg, θ ← θ + v (Keras: η 0.01, μ 0).
  case sgd(learningRate: Double = 0.01, momentum: Double = 0)
  /// Adam (Kingma & Ba 2015; Keras: η 0.001, β₁ 0.9, β₂ 0.999, ε 1e-7).
  case adam(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-7)

  public var name: String {
    switch self {
    case .sgd: return "sgd"
    case .adam: return "adam"
    }
  }
}

/// An optimizer's memory for one array of parameters: velocities, or Adam's moment estimates.
struct OptimizerState: Sendable {
  var first: [Double]
  var second: [Double]
  var steps = 0

  init(count: Int) {
    first = Array(repeating: 0, count: count)
    second = Array(repeating: 0, count: count)
  }

  /// One step of `optimizer` on `parameters` down `gradient`.
  mutating func update(_ parameters: inout [Double], _ gradient: [Double], _ optimizer: Optimizer) {
    switch optimizer {
    case .sgd(let rate, let momentum):
      for i in parameters.indices {
        first[i] = momentum * first[i] - rate * gradient[i]
        parameters[i] += first[i]
      }
    case .adam(let rate, let beta1, let beta2, let epsilon):
      steps += 1
      let t = Double(steps)
      // Keras folds the bias corrections into the step size.
      let step = rate * (1 - pow(beta2, t)).squareRoot() / (1 - pow(beta1, t))
      first.withUnsafeMutableBufferPointer { m in
        second.withUnsafeMutableBufferPointer { v in
          parameters.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeBufferPointer { g in
              // Eight parameters at a time, then the rest.
              typealias V = SIMD8<Double>
              var i = 0
              if let mp = m.baseAddress, let vp = v.baseAddress, let pp = p.baseAddress, let gp = g.baseAddress {
                while i + 8 <= p.count {
                  let gv = UnsafeRawPointer(gp + i).loadUnaligned(as: V.self)
                  var mv = UnsafeRawPointer(mp + i).loadUnaligned(as: V.self)
                  var vv = UnsafeRawPointer(vp + i).loadUnaligned(as: V.self)
                  mv = beta1 * mv + (1 - beta1) * gv
                  vv = beta2 * vv + (1 - beta2) * gv * gv
                  let pv = UnsafeRawPointer(pp + i).loadUnaligned(as: V.self) - step * mv / (vv.squareRoot() + epsilon)
                  UnsafeMutableRawPointer(mp + i).storeBytes(of: mv, as: V.self)
                  UnsafeMutableRawPointer(vp + i).storeBytes(of: vv, as: V.self)
                  UnsafeMutableRawPointer(pp + i).storeBytes(of: pv, as: V.self)
                  i += 8
                }
              }
              while i < p.count {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                p[i] -= step * m[i] / (v[i].squareRoot() + epsilon)
                i += 1
              }
            }
          }
        }
      }
    }
  }
}
