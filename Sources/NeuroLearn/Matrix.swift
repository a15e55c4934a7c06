/// A matrix of doubles, row by row in one contiguous array: a batch of samples (one a row), a layer's
/// weights (one row per input), their gradients.
public struct Matrix: Sendable, Equatable {
  public let rows: Int
  public let columns: Int
  public var values: [Double]

  public init(rows: Int, columns: Int, values: [Double]) {
    precondition(values.count == rows * columns, "a matrix needs rows × columns values")
    self.rows = rows
    self.columns = columns
    self.values = values
  }

  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    self.init(rows: rows, columns: columns, values: Array(repeating: value, count: rows * columns))
  }

  public subscript(row: Int, column: Int) -> Double {
    get { values[row * columns + column] }
    set { values[row * columns + column] = newValue }
  }

  /// Row `r` as an array.
  public func row(_ r: Int) -> [Double] { Array(values[(r * columns)..<((r + 1) * columns)]) }

  /// The rows at `indices`, in that order.
  public func rows(_ indices: some Collection<Int>) -> Matrix {
    var picked: [Double] = []
    picked.reserveCapacity(indices.count * columns)
    for r in indices { picked += values[(r * columns)..<((r + 1) * columns)] }
    return Matrix(rows: indices.count, columns: columns, values: picked)
  }
}

/// The products a dense layer needs, written for contiguous rows: each output row is a sum of scaled
/// rows, kept in SIMD registers 32 columns at a time while the sum runs.
extension Matrix {
  /// self · other.
  public func times(_ other: Matrix) -> Matrix {
    precondition(columns == other.rows)
    let (k, n) = (columns, other.columns)
    // Row i of the product: Σ_t a[i, t] · (row t of other).
    return Matrix.sums(rows: rows, width: n, terms: k, of: self, other) { a, i, t in a[i * k + t] }
  }

  /// selfᵀ · other (self is rows × columns, other rows × m): a sum over the rows of both.
  public func transposedTimes(_ other: Matrix) -> Matrix {
    precondition(rows == other.rows)
    let k = columns
    // Row i of the product: Σ_r a[r, i] · (row r of other).
    return Matrix.sums(rows: k, width: other.columns, terms: rows, of: self, other) { a, i, r in a[r * k + i] }
  }

  /// The `rows` × `width` matrix whose row i is Σ_t coefficient(a, i, t) · (row t of b): four rows at a
  /// time, sharing the loads of b's rows, then one at a time.
  private static func sums(
    rows: Int, width: Int, terms: Int, of first: Matrix, _ second: Matrix,
    coefficient: (UnsafePointer<Double>, Int, Int) -> Double
  ) -> Matrix {
    var result = Matrix(rows: rows, columns: width)
    first.values.withUnsafeBufferPointer { a in
      second.values.withUnsafeBufferPointer { b in
        result.values.withUnsafeMutableBufferPointer { c in
          guard let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress else { return }
          var i = 0
          while i + 4 <= rows {
            sumOfScaledRows4(into: c + i * width, width: width, terms: terms) { t in
              let s = SIMD4(
                coefficient(a, i, t), coefficient(a, i + 1, t), coefficient(a, i + 2, t), coefficient(a, i + 3, t))
              return (s, b + t * width)
            }
            i += 4
          }
          while i < rows {
            sumOfScaledRows(into: c + i * width, width: width, terms: terms) { (coefficient(a, i, $0), b + $0 * width) }
            i += 1
          }
        }
      }
    }
    return result
  }

  /// self · otherᵀ (self is rows × columns, other m × columns): other transposed once, then `times`.
  public func timesTransposed(_ other: Matrix) -> Matrix { times(other.transposed) }

  /// Columns as rows.
  public var transposed: Matrix {
    var result = Matrix(rows: columns, columns: rows)
    for i in 0..<rows {
      for j in 0..<columns { result.values[j * rows + i] = values[i * columns + j] }
    }
    return result
  }
}

/// Writes Σ_t s_t · row_t into `out` (`width` doubles), where `term(t)` gives s_t and row_t: 32 columns at
/// a time in four SIMD registers, then 8, then one by one, every product fused as in the four-row kernel.
@inline(__always)
func sumOfScaledRows(
  into out: UnsafeMutablePointer<Double>, width: Int, terms: Int,
  _ term: (Int) -> (Double, UnsafePointer<Double>)
) {
  typealias V = SIMD8<Double>
  var j = 0
  while j + 32 <= width {
    var (s0, s1, s2, s3) = (V(), V(), V(), V())
    for t in 0..<terms {
      let (x, row) = term(t)
      let p = UnsafeRawPointer(row + j), v = V(repeating: x)
      s0.addProduct(v, p.loadUnaligned(as: V.self))
      s1.addProduct(v, p.loadUnaligned(fromByteOffset: 64, as: V.self))
      s2.addProduct(v, p.loadUnaligned(fromByteOffset: 128, as: V.self))
      s3.addProduct(v, p.loadUnaligned(fromByteOffset: 192, as: V.self))
    }
    let o = UnsafeMutableRawPointer(out + j)
    o.storeBytes(of: s0, as: V.self)
    o.storeBytes(of: s1, toByteOffset: 64, as: V.self)
    o.storeBytes(of: s2, toByteOffset: 128, as: V.self)
    o.storeBytes(of: s3, toByteOffset: 192, as: V.self)
    j += 32
  }
  while j + 8 <= width {
    var s = V()
    for t in 0..<terms {
      let (x, row) = term(t)
      s.addProduct(V(repeating: x), UnsafeRawPointer(row + j).loadUnaligned(as: V.self))
    }
    UnsafeMutableRawPointer(out + j).storeBytes(of: s, as: V.self)
    j += 8
  }
  while j < width {
    var s = 0.0
    for t in 0..<terms {
      let (x, row) = term(t)
      s.addProduct(x, row[j])
    }
    out[j] = s
    j += 1
  }
}

/// Four rows of output at once, `out` and the three rows after it (`width` apart): row q is
/// Σ_t s_t[q] · row_t. Each row_t is loaded once for the four: 8 SIMD registers of sums, 16 columns at
/// a time, then one column at a time (fused, as in the one-row kernel).
@inline(__always)
func sumOfScaledRows4(
  into out: UnsafeMutablePointer<Double>, width: Int, terms: Int,
  _ term: (Int) -> (SIMD4<Double>, UnsafePointer<Double>)
) {
  typealias V = SIMD8<Double>
  var j = 0
  while j + 16 <= width {
    var (a0, a1, b0, b1, c0, c1, d0, d1) = (V(), V(), V(), V(), V(), V(), V(), V())
    for t in 0..<terms {
      let (x, row) = term(t)
      let p = UnsafeRawPointer(row + j)
      let (w0, w1) = (p.loadUnaligned(as: V.self), p.loadUnaligned(fromByteOffset: 64, as: V.self))
      let (xa, xb, xc, xd) = (V(repeating: x[0]), V(repeating: x[1]), V(repeating: x[2]), V(repeating: x[3]))
      a0.addProduct(xa, w0)
      a1.addProduct(xa, w1)
      b0.addProduct(xb, w0)
      b1.addProduct(xb, w1)
      c0.addProduct(xc, w0)
      c1.addProduct(xc, w1)
      d0.addProduct(xd, w0)
      d1.addProduct(xd, w1)
    }
    for (q, (s0, s1)) in [(a0, a1), (b0, b1), (c0, c1), (d0, d1)].enumerated() {
      let o = UnsafeMutableRawPointer(out + q * width + j)
      o.storeBytes(of: s0, as: V.self)
      o.storeBytes(of: s1, toByteOffset: 64, as: V.self)
    }
    j += 16
  }
  while j < width {
    var s = SIMD4<Double>()
    for t in 0..<terms {
      let (x, row) = term(t)
      s.addProduct(x, SIMD4(repeating: row[j]))
    }
    for q in 0..<4 { out[q * width + j] = s[q] }
    j += 1
  }
}
