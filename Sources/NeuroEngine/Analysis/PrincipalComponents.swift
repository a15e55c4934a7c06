/// Principal component analysis of samples (rows) by features (columns): the directions along which the
/// samples vary most, from the eigenvectors of their covariance matrix (cyclic Jacobi rotations).
public struct PrincipalComponents: Sendable {
  /// The components, largest variance first, each a unit vector over the features.
  public var components: [[Double]]
  /// The variance along each component, and its share of the total.
  public var variances: [Double]
  public var explained: [Double]
  /// Each feature's mean, removed before projecting.
  public var mean: [Double]

  /// The analysis of `rows` (each the same length, at least two of them).
  public init(rows: [[Double]]) {
    let n = rows.count, d = rows.first?.count ?? 0
    mean = (0..<d).map { j in rows.reduce(0) { $0 + $1[j] } / Double(max(1, n)) }
    var covariance = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
    for row in rows {
      let centred = zip(row, mean).map { $0 - $1 }
      for i in 0..<d where centred[i] != 0 {
        for j in i..<d { covariance[i][j] += centred[i] * centred[j] }
      }
    }
    for i in 0..<d {
      for j in i..<d {
        covariance[i][j] /= Double(max(1, n - 1))
        covariance[j][i] = covariance[i][j]
      }
    }
    let (values, vectors) = Self.eigen(covariance)
    let order = values.indices.sorted { values[$0] > values[$1] }
    variances = order.map { max(0, values[$0]) }
    components = order.map { k in (0..<d).map { vectors[$0][k] } }
    let total = variances.reduce(0, +)
    explained = variances.map { total > 0 ? $0 / total : 0 }
  }

  /// A sample's coordinates along the first `count` components.
  public func project(_ row: [Double], count: Int) -> [Double] {
    components.prefix(count).map { component in
      zip(zip(row, mean), component).reduce(0) { $0 + ($1.0.0 - $1.0.1) * $1.1 }
    }
  }

  /// Eigenvalues and eigenvectors (columns) of a symmetric matrix by cyclic Jacobi rotations, until the
  /// off-diagonal part is negligible (at most 100 sweeps).
  static func eigen(_ matrix: [[Double]]) -> (values: [Double], vectors: [[Double]]) {
    var a = matrix
    let d = a.count
    var v = (0..<d).map { i in (0..<d).map { $0 == i ? 1.0 : 0.0 } }
    let scale = a.indices.reduce(0) { $0 + a[$1][$1] * a[$1][$1] }
    for _ in 0..<100 {
      var off = 0.0
      for i in 0..<d { for j in (i + 1)..<max(i + 1, d) { off += a[i][j] * a[i][j] } }
      if off <= 1e-24 * max(scale, 1e-300) { break }
      for p in 0..<d {
        for q in (p + 1)..<max(p + 1, d) where a[p][q] != 0 {
          let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
          let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
          let c = 1 / (t * t + 1).squareRoot(), s = t * c
          for k in 0..<d {
            let (akp, akq) = (a[k][p], a[k][q])
            a[k][p] = c * akp - s * akq
            a[k][q] = s * akp + c * akq
          }
          for k in 0..<d {
            let (apk, aqk) = (a[p][k], a[q][k])
            a[p][k] = c * apk - s * aqk
            a[q][k] = s * apk + c * aqk
          }
          for k in 0..<d {
            let (vkp, vkq) = (v[k][p], v[k][q])
            v[k][p] = c * vkp - s * vkq
            v[k][q] = s * vkp + c * vkq
          }
        }
      }
    }
    return ((0..<d).map { a[$0][$0] }, v)
  }
}
