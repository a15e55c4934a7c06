#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A right side that is affine in the state and the input, c + Σ aₖ xₖ + β I, with constant coefficients.
struct AffineForm: Equatable {
  var constant = 0.0
  var states: [Double]
  var input = 0.0

  init(stateCount: Int) { states = Array(repeating: 0, count: stateCount) }

  /// The affine form of a folded expression, or nil when it is not affine (a product of states, a
  /// function, the time, …).
  init?(_ node: EquationNode, stateCount: Int) {
    self.init(stateCount: stateCount)
    switch node {
    case .constant(let x): constant = x
    case .state(let k): states[k] = 1
    case .input: input = 1
    case .parameter, .time, .power, .function: return nil
    case .negate(let a):
      guard let a = AffineForm(a, stateCount: stateCount) else { return nil }
      self = a.scaled(by: -1)
    case .add(let a, let b), .subtract(let a, let b):
      guard let a = AffineForm(a, stateCount: stateCount), let b = AffineForm(b, stateCount: stateCount) else {
        return nil
      }
      let sign: Double = if case .add = node { 1 } else { -1 }
      self = a.plus(b.scaled(by: sign))
    case .multiply(let a, let b):
      guard let a = AffineForm(a, stateCount: stateCount), let b = AffineForm(b, stateCount: stateCount) else {
        return nil
      }
      if let c = a.constantValue {
        self = b.scaled(by: c)
      } else if let c = b.constantValue {
        self = a.scaled(by: c)
      } else {
        return nil
      }
    case .divide(let a, let b):
      guard let a = AffineForm(a, stateCount: stateCount), let c = AffineForm(b, stateCount: stateCount)?.constantValue,
        c != 0
      else { return nil }
      self = a.scaled(by: 1 / c)
    }
  }

  /// The value when the form is a constant alone.
  var constantValue: Double? { states.allSatisfy { $0 == 0 } && input == 0 ? constant : nil }

  func scaled(by c: Double) -> AffineForm {
    var result = self
    result.constant *= c
    result.states = states.map { $0 * c }
    result.input *= c
    return result
  }

  func plus(_ other: AffineForm) -> AffineForm {
    var result = self
    result.constant += other.constant
    result.states = zip(states, other.states).map(+)
    result.input += other.input
    return result
  }
}

/// The step of a one-variable model whose right side is affine (a LIF written by hand, …), in one pass
/// that also finds whether any neuron crossed the threshold: x += K (c + a x + β I), K the method's
/// factor for the step (dt for Euler; (e^{a dt} − 1) / a for exponential Euler, exact here).
struct AffineUpdate {
  let form: AffineForm
  /// The method's factor, set for the time step.
  var factor = 0.0

  /// Sets the factor for Euler or for the exact (exponential) step; `scale` is the right side's
  /// constant factor kept out of the form.
  mutating func prepare(dt: Double, scale: Double, exponential: Bool) {
    let slope = scale * form.states[0]
    let h = slope * dt
    factor = scale * (!exponential || Swift.abs(h) < 1e-9 ? dt : expm1(h) / slope)
  }

  /// Advances `n` lanes of the state `x` under `input`, four at a time; whether any lane ends above
  /// `level` (or at it, when `inclusive`).
  func advance(
    _ x: UnsafeMutablePointer<Double>, input: UnsafePointer<Double>, n: Int, level: Double, inclusive: Bool
  ) -> Bool {
    let (c, a, b, k) = (form.constant, form.states[0], form.input, factor)
    let states = UnsafeMutableBufferPointer(start: x, count: n)
    let inputs = UnsafeBufferPointer(start: input, count: n)
    var crossed = SIMDMask<SIMD4<Int64>>(repeating: false)
    var j = 0
    while j < n {
      let lanes = min(4, n - j)
      let old = states.lanes(at: j, count: lanes)
      let next = old + k * (c + a * old + b * inputs.lanes(at: j, count: lanes))
      states.setLanes(next, at: j, count: lanes)
      var reached = inclusive ? next .>= level : next .> level
      if lanes < 4 { reached = reached .& (SIMD4<Int64>(0, 1, 2, 3) .< Int64(lanes)) }
      crossed = crossed .| reached
      j += lanes
    }
    return any(crossed)
  }
}
