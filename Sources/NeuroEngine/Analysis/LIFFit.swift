#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A leaky integrate-and-fire model fitted to a voltage trace recorded under a known current.
///
/// Between spikes an exactly integrated LIF is linear: v[k+1] = a v[k] + b I[k] + c with a = exp(−dt/τ),
/// b = (1 − a) R, c = (1 − a) v_rest. Spikes are the resets seen in the trace (drops larger than half its
/// range); a linear regression on the steps between them gives a, b and c to start from, and
/// Levenberg–Marquardt then fits the model's whole trajectory, reset at the data's spikes (τ, R, v_rest,
/// v_reset and the first voltage), which measurement noise does not bias. The refractory period is the number
/// of steps after a reset that the voltage holds still, chosen in turn with the other parameters.
/// The threshold lies between the last voltage before each spike and where the model would have gone
/// next; the fit takes the middle, averaged over spikes. The model fitted resets on the samples, as a
/// recording shows it: a LIF with `timing: grid`.
public struct LIFFit: Sendable {
  public var parameters: LIFParameters
  /// The fitted voltage at the first sample (V).
  public var initialVoltage: Double
  /// The root mean square of data − model over the samples, the model reset at the data's spikes (V).
  public var residual: Double
  /// The samples at which the data was reset (the first sample after each spike).
  public var resets: [Int]

  /// Why a trace cannot be fitted.
  public enum Problem: Error, Equatable, Sendable {
    /// Fewer samples between spikes than a fit needs.
    case tooShort(usable: Int)
    /// A sample of the voltage or the current that is not a finite number.
    case notFinite(sample: Int)
    /// The current is the same at every step: only the voltage it settles at, v_rest + R I (V), is known.
    case constantCurrent(steady: Double)
    /// The voltage does not relax towards a steady value as a leaky membrane does (a ≤ 0 or a ≥ 1).
    case noLeak
    /// The data cannot tell the parameters apart (the current barely changes between spikes).
    case illConditioned
    /// Stopped on request.
    case interrupted
  }

  /// Fits `voltage` (V), sampled every `dt` (s), under `current` (A; `current[k]` flows from sample k to k + 1).
  /// `shouldStop` is asked between the passes over the data.
  public static func fit(
    voltage: [Double], current: [Double], dt: Double, shouldStop: () -> Bool = { false }
  ) throws(Problem) -> LIFFit {
    // Millivolts, nanoamperes and milliseconds keep every number of the fit near 1.
    let v = voltage.map { $0 * 1e3 }, input = current.prefix(voltage.count).map { $0 * 1e9 }, step = dt * 1e3
    if let bad = v.firstIndex(where: { !$0.isFinite }) ?? input.firstIndex(where: { !$0.isFinite }) {
      throw .notFinite(sample: bad)
    }
    let resets = resetSamples(v)
    let first = input.first ?? 0
    guard input.dropLast().contains(where: { $0 != first }) else {
      throw .constantCurrent(steady: try regression(v, input, resets, withCurrent: false).steady(first) * 1e-3)
    }
    let linear = try regression(v, input, resets, withCurrent: true)
    guard linear.a > 0, linear.a < 1 else { throw .noLeak }
    var path = Trajectory(voltage: v, current: input, dt: step, resets: resets, held: 0)
    var start = [-step / log(linear.a), linear.b / (1 - linear.a), linear.c / (1 - linear.a), v[0]]
    if !resets.isEmpty { start.insert(resets.map { v[$0] }.reduce(0, +) / Double(resets.count), at: 3) }
    func refit() throws(Problem) -> (parameters: [Double], normal: LeastSquares.Normal) {
      guard let result = LeastSquares.levenbergMarquardt(from: start, { path.normal($0) }), result.parameters[0] > 0
      else { throw .illConditioned }
      start = result.parameters
      return result
    }
    // The refractory period, then the others again, until the steps held after a reset settle.
    var (fitted, normal) = try refit()
    for _ in 0..<3 {
      guard let held = path.bestHeld(path.full(fitted), shouldStop: shouldStop) else { throw .interrupted }
      guard held != path.held else { break }
      path.held = held
      (fitted, normal) = try refit()
    }
    let held = path.held
    let p = path.full(fitted)
    let model = path.run(p)
    let decay = exp(-step / p[0])
    let thresholds = resets.map { j in
      let before = model[j - 1]
      return (before + decay * before + (1 - decay) * (p[2] + p[1] * input[j - 1])) / 2
    }
    let threshold = thresholds.isEmpty ? nil : thresholds.reduce(0, +) / Double(thresholds.count)
    let parameters = LIFParameters(
      tau: p[0] * 1e-3, restingPotential: p[2] * 1e-3,
      threshold: threshold.map { $0 * 1e-3 } ?? LIFParameters().threshold,
      resetPotential: resets.isEmpty ? p[2] * 1e-3 : p[3] * 1e-3, resistance: p[1] * 1e6,
      refractoryPeriod: held > 0 ? Double(held + 1) * dt : 0, spikeTiming: .grid)
    return LIFFit(
      parameters: parameters, initialVoltage: p[4] * 1e-3,
      residual: (normal.cost / Double(v.count)).squareRoot() * 1e-3, resets: resets)
  }

  /// The fitted model run freely from the first voltage under `current` (A), as the engine runs it: the
  /// voltage at each sample (V) and the samples at which it was reset.
  public func prediction(current: [Double], dt: Double, samples: Int) -> (voltage: [Double], resets: [Int]) {
    var group = LIFGroup(count: 1, parameters: parameters)
    _ = group.setValues([initialVoltage], of: "v", at: 0..<1)
    group.prepare(dt: dt)
    var voltage = [initialVoltage], resets: [Int] = [], fired: [Int] = []
    for k in 0..<max(0, samples - 1) {
      fired.removeAll(keepingCapacity: true)
      [k < current.count ? current[k] : 0].withUnsafeBufferPointer { group.step(input: $0, spikes: &fired) }
      if !fired.isEmpty { resets.append(k + 1) }
      voltage.append(group.v[0])
    }
    return (voltage, resets)
  }

  /// The samples just after a reset: a drop that the membrane's own dynamics cannot make. It must exceed twice
  /// the rises of all but the largest thousandth of steps (a leaky membrane falls no faster than it rises, a
  /// reset falls by v_th − v_reset at once), ten times the typical step (Gaussian noise of sd σ moves a step
  /// by 0.95 σ typically and by 9.5 σ about once in 10¹¹ steps), and a quarter of the largest drop (resets
  /// are alike).
  static func resetSamples(_ v: [Double]) -> [Int] {
    guard v.count > 2 else { return [] }
    let changes = zip(v.dropFirst(), v).map { $0 - $1 }
    let steps = changes.map { Swift.abs($0) }.sorted(), rises = changes.sorted()
    let rise = max(0, rises[min(rises.count - 1, rises.count * 999 / 1000)])
    let drop = -(rises.first ?? 0)
    let limit = max(2 * rise, 10 * steps[steps.count / 2], drop / 4)
    return (1..<v.count).filter { v[$0 - 1] - v[$0] > limit }
  }

  /// The linear step v[k+1] = a v[k] + b I[k] + c fitted to every step but those into a reset (in mV, nA);
  /// without the current, b = 0.
  private static func regression(_ v: [Double], _ input: [Double], _ resets: [Int], withCurrent: Bool)
    throws(Problem) -> LinearStep
  {
    let scaled = Scaled(v, input), into = Set(resets.map { $0 - 1 })
    var sums = Sums()
    for k in 0..<(v.count - 1) where !into.contains(k) { sums.add(scaled.v[k], scaled.input[k], scaled.v[k + 1]) }
    guard sums.count >= 6 else { throw .tooShort(usable: Int(sums.count)) }
    if !withCurrent, let solution = sums.solveWithoutCurrent() {
      return scaled.unscaled(a: solution[0], b: 0, c: solution[1])
    }
    guard withCurrent, let solution = sums.solve() else { throw .illConditioned }
    return scaled.unscaled(a: solution[0], b: solution[1], c: solution[2])
  }
}

/// v[k+1] = a v[k] + b I[k] + c, in mV and nA.
private struct LinearStep {
  var a, b, c: Double

  /// Where the voltage settles under a current (mV): (b I + c) / (1 − a).
  func steady(_ current: Double) -> Double { (b * current + c) / (1 - a) }
}

/// The voltage and current centred on their means and divided by their spreads, for well-conditioned sums.
private struct Scaled {
  var v: [Double], input: [Double]
  var vMean, vSpread, iMean, iSpread: Double

  init(_ voltage: [Double], _ current: [Double]) {
    func spread(_ xs: [Double], _ mean: Double) -> Double {
      let s = (xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, xs.count))).squareRoot()
      return s > 0 ? s : 1
    }
    vMean = voltage.reduce(0, +) / Double(max(1, voltage.count))
    iMean = current.reduce(0, +) / Double(max(1, current.count))
    vSpread = spread(voltage, vMean)
    iSpread = spread(current, iMean)
    let (vm, vs, im, isd) = (vMean, vSpread, iMean, iSpread)
    v = voltage.map { ($0 - vm) / vs }
    input = current.map { ($0 - im) / isd }
  }

  /// The step in mV and nA from its coefficients in scaled units.
  func unscaled(a: Double, b: Double, c: Double) -> LinearStep {
    let b = b * vSpread / iSpread
    return LinearStep(a: a, b: b, c: vMean * (1 - a) - b * iMean + c * vSpread)
  }
}

/// The sums of a linear regression of y on (x, u, 1).
private struct Sums {
  var xx = 0.0, xu = 0.0, x1 = 0.0, uu = 0.0, u1 = 0.0, count = 0.0
  var xy = 0.0, uy = 0.0, y1 = 0.0

  mutating func add(_ x: Double, _ u: Double, _ y: Double) {
    xx += x * x
    xu += x * u
    x1 += x
    uu += u * u
    u1 += u
    count += 1
    xy += x * y
    uy += u * y
    y1 += y
  }

  /// The coefficients (a, b, c); nil when singular.
  func solve() -> [Double]? {
    LeastSquares.solve([[xx, xu, x1], [xu, uu, u1], [x1, u1, count]], [xy, uy, y1])
  }

  /// The coefficients (a, c) of a regression without the current.
  func solveWithoutCurrent() -> [Double]? {
    LeastSquares.solve([[xx, x1], [x1, count]], [xy, y1])
  }
}

/// The model's voltage with the data's resets and refractory periods, and its derivatives by the parameters
/// (τ, R, v_rest, v_reset, v0), for Levenberg–Marquardt; in mV, nA and ms.
private struct Trajectory {
  var voltage: [Double], current: [Double], dt: Double, resets: [Int]
  /// The steps after each reset at which the voltage holds still: the refractory period less one step.
  var held: Int

  /// The five parameters from the fitted ones: without resets, v_reset is not fitted.
  func full(_ fitted: [Double]) -> [Double] {
    resets.isEmpty ? Array(fitted.prefix(3)) + [0] + fitted.suffix(1) : fitted
  }

  /// The model's voltage at every sample, for all five parameters.
  func run(_ p: [Double]) -> [Double] {
    var model: [Double] = []
    walk(p, held: held) { u, _ in model.append(u) }
    return model
  }

  /// The steps held after each reset that best explain the data with τ from `p` and the other parameters,
  /// on which the voltage depends linearly, fitted anew for each count: at most 200, and two fewer than the
  /// shortest interval between resets; nil when `shouldStop` says yes.
  func bestHeld(_ p: [Double], shouldStop: () -> Bool) -> Int? {
    let gaps = zip(resets.dropFirst(), resets).map { $0 - $1 }
    let longest = min((gaps.min() ?? (resets.first.map { voltage.count - $0 } ?? 0)) - 2, 200)
    guard longest > 0 else { return 0 }
    var best = (held: 0, cost: Double.infinity)
    for m in 0...longest {
      if shouldStop() { return nil }
      var normal = LeastSquares.Normal(parameters: 4), k = 0
      walk(p, held: m) { u, du in
        normal.add(residual: voltage[k] - u, gradient: SIMD8(du[1], du[2], du[3], du[4], 0, 0, 0, 0))
        k += 1
      }
      guard let step = LeastSquares.solve(normal.matrix, normal.jtr) else { continue }
      let cost = normal.cost - zip(step, normal.jtr).reduce(0) { $0 + $1.0 * $1.1 }
      if cost < best.cost { best = (m, cost) }
    }
    return best.held
  }

  /// The normal equations at the fitted parameters (four without resets, else five).
  func normal(_ fitted: [Double]) -> LeastSquares.Normal? {
    guard fitted[0] > 0 else { return nil }
    let count = resets.isEmpty ? 3 : 4
    var normal = LeastSquares.Normal(parameters: count + 1)
    var k = 0
    walk(full(fitted), held: held) { u, du in
      // τ, R, v_rest (and v_reset when there are resets), then the first voltage.
      let g = count == 4 ? du : SIMD8(du[0], du[1], du[2], du[4], 0, 0, 0, 0)
      normal.add(residual: voltage[k] - u, gradient: g)
      k += 1
    }
    return normal
  }

  /// Calls `body` with the model's voltage at each sample and its derivatives by the five parameters (the first
  /// five lanes).
  private func walk(_ p: [Double], held: Int, _ body: (Double, SIMD8<Double>) -> Void) {
    let (tau, resistance, rest, reset) = (p[0], p[1], p[2], p[3])
    let a = exp(-dt / tau), da = a * dt / (tau * tau)
    var u = p[4], du = SIMD8<Double>(0, 0, 0, 0, 1, 0, 0, 0)
    var next = 0, sinceReset = Int.max
    body(u, du)
    for k in 0..<(voltage.count - 1) {
      if next < resets.count, resets[next] == k + 1 {
        next += 1
        sinceReset = 0
        u = reset
        du = SIMD8(0, 0, 0, 1, 0, 0, 0, 0)
      } else if sinceReset < held {
        sinceReset += 1
      } else {
        let target = rest + resistance * current[k]
        du[0] = a * du[0] + da * (u - target)
        du[1] = a * du[1] + (1 - a) * current[k]
        du[2] = a * du[2] + (1 - a)
        du[3] = a * du[3]
        du[4] = a * du[4]
        u = target + a * (u - target)
        sinceReset = sinceReset == Int.max ? sinceReset : sinceReset + 1
      }
      body(u, du)
    }
  }
}
