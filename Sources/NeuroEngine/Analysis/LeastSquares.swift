/// Least squares for the fits of models to data: small linear systems and Levenberg–Marquardt.
public enum LeastSquares {
  /// The normal equations of a least-squares problem at one point: JᵀJ, Jᵀr and the sum of squared
  /// residuals rᵀr, for residuals r = data − model and J the model's derivatives by each parameter.
  public struct Normal: Sendable {
    public var jtj: [[Double]]
    public var jtr: [Double]
    public var cost = 0.0

    public init(parameters n: Int) {
      jtj = Array(repeating: Array(repeating: 0, count: n), count: n)
      jtr = Array(repeating: 0, count: n)
    }

    /// Adds one residual with its row of the Jacobian.
    public mutating func add(residual r: Double, gradient g: [Double]) {
      for i in g.indices {
        jtr[i] += g[i] * r
        for j in i..<g.count { jtj[i][j] += g[i] * g[j] }
      }
      cost += r * r
    }

    /// The same with the row in the first lanes of a vector (one per parameter): no array made per residual.
    public mutating func add(residual r: Double, gradient g: SIMD8<Double>) {
      let n = jtr.count
      for i in 0..<n {
        jtr[i] += g[i] * r
        for j in i..<n { jtj[i][j] += g[i] * g[j] }
      }
      cost += r * r
    }

    /// The symmetric JᵀJ, its lower half filled from the upper.
    var matrix: [[Double]] {
      var m = jtj
      for i in m.indices { for j in 0..<i { m[i][j] = m[j][i] } }
      return m
    }
  }

  /// Solves a x = b by Gaussian elimination with partial pivoting; nil when a is singular to working precision
  /// (a pivot below 1e-12 of the largest entry of its column).
  public static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
    var m = a, x = b
    let n = b.count
    for col in 0..<n {
      guard let pivot = (col..<n).max(by: { Swift.abs(m[$0][col]) < Swift.abs(m[$1][col]) }),
        Swift.abs(m[pivot][col]) > 1e-12 * columnSize(a, col)
      else { return nil }
      m.swapAt(col, pivot)
      x.swapAt(col, pivot)
      for row in (col + 1)..<n where m[row][col] != 0 {
        let factor = m[row][col] / m[col][col]
        for k in col..<n { m[row][k] -= factor * m[col][k] }
        x[row] -= factor * x[col]
      }
    }
    for row in stride(from: n - 1, through: 0, by: -1) {
      var sum = x[row]
      for k in (row + 1)..<n { sum -= m[row][k] * x[k] }
      x[row] = sum / m[row][row]
    }
    return x.allSatisfy(\.isFinite) ? x : nil
  }

  /// The largest magnitude in column `col` of a matrix, the yardstick for a pivot that is zero in all but rounding.
  private static func columnSize(_ a: [[Double]], _ col: Int) -> Double {
    a.map { Swift.abs($0[col]) }.max() ?? 0
  }

  /// Minimises the sum of squared residuals from `start` by Levenberg–Marquardt (Marquardt's scaling of the
  /// damping by the diagonal of JᵀJ, so that the parameters' units do not matter). `normal(p)` gives the
  /// normal equations at p, or nil where the model is not defined. Nil when no step can be solved for.
  public static func levenbergMarquardt(
    from start: [Double], iterations: Int = 200, _ normal: ([Double]) -> Normal?
  ) -> (parameters: [Double], normal: Normal)? {
    guard var current = normal(start) else { return nil }
    var p = start
    var lambda = 1e-3
    for _ in 0..<iterations {
      var a = current.matrix
      for i in a.indices { a[i][i] += lambda * Swift.max(a[i][i], 1e-300) }
      guard let step = solve(a, current.jtr) else {
        lambda *= 10
        if lambda > 1e12 { break }
        continue
      }
      let trial = zip(p, step).map { $0 + $1 }
      if let next = normal(trial), next.cost < current.cost {
        let small = zip(step, trial).allSatisfy { Swift.abs($0) <= 1e-12 * Swift.max(Swift.abs($1), 1e-9) }
        p = trial
        current = next
        lambda = Swift.max(lambda / 10, 1e-12)
        if small { break }
      } else {
        lambda *= 10
        if lambda > 1e12 { break }
      }
    }
    return solve(current.matrix, current.jtr) == nil ? nil : (p, current)
  }
}
