/// A Hopfield network of ±1 units storing patterns by the Hebbian rule: W = (1/N) Σ_μ ξ^μ ξ^μᵀ with a
/// zero diagonal (Hopfield 1982). The weights are kept as whole-number sums Σ_μ ξ_i ξ_j; W is those over N.
/// States and patterns are arrays of +1 and −1.
public struct HopfieldNetwork: Sendable {
  /// N, the number of units.
  public let units: Int
  /// The patterns stored, in the order they were.
  public private(set) var patterns: [[Int8]] = []
  /// Σ_μ ξ_i ξ_j for each pair (row i, column j), zero on the diagonal: N × W, row after row.
  public private(set) var weightSums: [Int32]

  /// A network of `units` units storing nothing yet.
  public init(units: Int) {
    self.units = units
    weightSums = Array(repeating: 0, count: units * units)
  }

  /// A network storing `patterns`, all of one length.
  public init(storing patterns: [[Int8]]) {
    self.init(units: patterns.first?.count ?? 0)
    for pattern in patterns { store(pattern) }
  }

  /// Adds one pattern by the Hebbian rule: W_ij += ξ_i ξ_j / N for i ≠ j.
  public mutating func store(_ pattern: [Int8]) {
    precondition(pattern.count == units, "a pattern of \(pattern.count) units for a network of \(units)")
    patterns.append(pattern)
    let n = units
    let xi = pattern.map(Int32.init)
    weightSums.withUnsafeMutableBufferPointer { w in
      xi.withUnsafeBufferPointer { xi in
        for i in 0..<n {
          let row = UnsafeMutableBufferPointer(rebasing: w[(i * n)..<(i * n + n)])
          if xi[i] > 0 {
            for j in 0..<n { row[j] &+= xi[j] }
          } else {
            for j in 0..<n { row[j] &-= xi[j] }
          }
          row[i] = 0
        }
      }
    }
  }

  /// The weight W_ij.
  public func weight(_ i: Int, _ j: Int) -> Double { Double(weightSums[i * units + j]) / Double(units) }

  /// N × the local field of each unit, h_i = Σ_j W_ij s_j, as whole numbers.
  public func fieldSums(_ state: [Int8]) -> [Int32] {
    let n = units
    let s = state.map(Int32.init)
    var h = [Int32](repeating: 0, count: n)
    weightSums.withUnsafeBufferPointer { w in
      s.withUnsafeBufferPointer { s in
        for i in 0..<n {
          let row = UnsafeBufferPointer(rebasing: w[(i * n)..<(i * n + n)])
          var sum: Int32 = 0
          for j in 0..<n { sum &+= row[j] &* s[j] }
          h[i] = sum
        }
      }
    }
    return h
  }

  /// The energy E = −½ sᵀWs of a state.
  public func energy(_ state: [Int8]) -> Double { energy(state, fieldSums: fieldSums(state)) }

  /// The energy of a state whose field sums are known: −½ Σ_i s_i h_i.
  func energy(_ state: [Int8], fieldSums h: [Int32]) -> Double {
    var sum = 0
    for i in 0..<units { sum += Int(state[i]) * Int(h[i]) }
    return -0.5 * Double(sum) / Double(units)
  }

  /// The overlap m = (1/N) Σ_i a_i b_i of two states: 1 when equal, −1 when opposite, near 0 when unrelated.
  public static func overlap(_ a: [Int8], _ b: [Int8]) -> Double {
    precondition(a.count == b.count, "states of \(a.count) and \(b.count) units")
    let sum = zip(a, b).reduce(0) { $0 + Int($1.0) * Int($1.1) }
    return Double(sum) / Double(max(1, a.count))
  }
}
