/// A value for each synapse (or neuron): fixed, or drawn from a distribution.
public enum Draw: Sendable, Equatable {
  case constant(Double)
  case uniform(Double, Double)
  case normal(mean: Double, sd: Double)
  /// A value for every pair: row `i` (the i-th presynaptic neuron) holds `columns` values, one per target.
  case matrix([Double], columns: Int)

  /// One value.
  public func sample(_ random: inout RandomSource) -> Double {
    switch self {
    case .constant(let x): return x
    case .uniform(let a, let b): return a + (b - a) * random.uniform()
    case .normal(let mean, let sd): return mean + sd * random.normal()
    case .matrix(let values, _): return values.first ?? 0  // never asked: a projection reads a matrix by pair
    }
  }

  /// The value when fixed.
  public var constantValue: Double? {
    if case .constant(let x) = self { return x }
    return nil
  }

  /// The largest value it gives (for sizing delay queues); normal draws are cut at 5 standard deviations.
  public var upperBound: Double {
    switch self {
    case .constant(let x): return x
    case .uniform(let a, let b): return max(a, b)
    case .normal(let mean, let sd): return mean + 5 * abs(sd)
    case .matrix(let values, _): return values.max() ?? 0
    }
  }
}
