#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The LIF F–I curve fitted to measured rates by least squares.
///
/// In currents, the analytic rate is f(I) = 1 / (t_ref + τ ln((I − ρ I_th) / (I − I_th))) above the rheobase
/// I_th = (v_th − v_rest) / R, and 0 below it, where ρ = (v_reset − v_rest) / (v_th − v_rest) says where the
/// reset lies. The rates fix τ, I_th and t_ref (ρ is given); R follows from I_th once v_th − v_rest is known.
/// The fit scans I_th for the best linear fit of 1/f against the logarithm (which gives τ and t_ref), then
/// refines all three by Levenberg–Marquardt; a negative t_ref is refitted at 0.
public struct FICurveFit: Sendable {
  /// The membrane time constant (s).
  public var tau: Double
  /// The smallest current that makes the neuron fire (A).
  public var rheobase: Double
  /// The refractory period (s).
  public var refractoryPeriod: Double
  /// The root mean square of data − model over the currents (Hz).
  public var residual: Double

  /// Why rates cannot be fitted.
  public enum Problem: Error, Equatable, Sendable {
    /// Fewer currents at which the neuron fires than parameters to fit.
    case tooFewFiring(Int)
    /// The rates do not tell τ, the rheobase and the refractory period apart.
    case illConditioned
  }

  /// Fits rates (Hz) measured at currents (A), the reset at `resetRatio` = (v_reset − v_rest) / (v_th − v_rest).
  public static func fit(currents: [Double], rates: [Double], resetRatio: Double) throws(Problem) -> FICurveFit {
    // Nanoamperes, milliseconds and kilohertz keep the numbers near 1.
    let data = zip(currents, rates).map { (current: $0 * 1e9, rate: $1 * 1e-3) }.sorted { $0.current < $1.current }
    let firing = data.filter { $0.rate > 0 }
    guard firing.count >= 4, let lowest = firing.first?.current, let highest = firing.last?.current else {
      throw .tooFewFiring(firing.count)
    }
    let silent = data.filter { $0.rate <= 0 && $0.current < lowest }.last?.current
    let curve = Curve(currents: data.map(\.current), rates: data.map(\.rate), ratio: resetRatio)
    // The rheobase lies below the lowest current that fires, above the highest that does not.
    let floor = silent ?? (lowest - max(highest - lowest, abs(lowest)))
    var start: [Double]? = nil, best = Double.infinity
    for i in 0..<200 {
      let threshold = floor + (lowest - floor) * Double(i) / 200
      guard let (tau, refractory) = curve.linearFit(threshold: threshold), tau > 0 else { continue }
      let p = [tau, threshold, max(refractory, 0)]
      if let cost = curve.normal(p)?.cost, cost < best { (start, best) = (p, cost) }
    }
    guard let start else { throw .illConditioned }
    guard var (p, normal) = LeastSquares.levenbergMarquardt(from: start, { curve.normal($0) }) else {
      throw .illConditioned
    }
    if p[2] < 0 {
      guard let (q, refitted) = LeastSquares.levenbergMarquardt(from: [p[0], p[1]], { curve.normal($0) })
      else { throw .illConditioned }
      (p, normal) = (q + [0], refitted)
    }
    return FICurveFit(
      tau: p[0] * 1e-3, rheobase: p[1] * 1e-9, refractoryPeriod: p[2] * 1e-3,
      residual: (normal.cost / Double(data.count)).squareRoot() * 1e3)
  }

  /// The fitted rate (Hz) at a current (A).
  public func rate(at current: Double, resetRatio: Double) -> Double {
    let p = [tau * 1e3, rheobase * 1e9, refractoryPeriod * 1e3]
    return (Curve(currents: [], rates: [], ratio: resetRatio).rate(current * 1e9, p)?.rate ?? 0) * 1e3
  }
}

/// The F–I curve in nA, ms and kHz, with its derivatives by (τ, I_th, t_ref).
private struct Curve {
  var currents: [Double], rates: [Double], ratio: Double

  /// The rate and its derivatives at current `i`; nil where the formula has no meaning.
  func rate(_ i: Double, _ p: [Double]) -> (rate: Double, gradient: [Double])? {
    let (tau, threshold, refractory) = (p[0], p[1], p[2])
    guard i > threshold else { return (0, [0, 0, 0]) }
    let upper = i - ratio * threshold, lower = i - threshold
    guard upper > 0 else { return nil }
    let l = log(upper / lower), period = refractory + tau * l
    guard period > 0 else { return nil }
    let f = 1 / period
    return (f, [-f * f * l, -f * f * tau * (1 / lower - ratio / upper), -f * f])
  }

  /// τ and t_ref from a linear fit of 1/f against ln((I − ρ I_th) / (I − I_th)) over the currents that fire.
  func linearFit(threshold: Double) -> (tau: Double, refractory: Double)? {
    var xs: [Double] = [], ys: [Double] = []
    for (i, f) in zip(currents, rates) where f > 0 {
      guard i > threshold, i - ratio * threshold > 0 else { return nil }
      xs.append(log((i - ratio * threshold) / (i - threshold)))
      ys.append(1 / f)
    }
    let n = Double(xs.count)
    let (sx, sy) = (xs.reduce(0, +), ys.reduce(0, +))
    let sxx = xs.reduce(0) { $0 + $1 * $1 }, sxy = zip(xs, ys).reduce(0) { $0 + $1.0 * $1.1 }
    guard let solution = LeastSquares.solve([[sxx, sx], [sx, n]], [sxy, sy]) else { return nil }
    return (solution[0], solution[1])
  }

  /// The normal equations at (τ, I_th) or (τ, I_th, t_ref).
  func normal(_ p: [Double]) -> LeastSquares.Normal? {
    let fitted = p.count
    let full = fitted == 3 ? p : p + [0]
    guard full[0] > 0 else { return nil }
    var normal = LeastSquares.Normal(parameters: fitted)
    for (i, f) in zip(currents, rates) {
      guard let model = rate(i, full) else { return nil }
      normal.add(residual: f - model.rate, gradient: Array(model.gradient.prefix(fitted)))
    }
    return normal
  }
}
