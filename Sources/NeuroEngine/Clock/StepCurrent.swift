#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroUnits

/// A current switched on at `start` and off at `end` (seconds; nil for open ends),
/// compared on the step grid so that 20 ms at dt = 0.1 ms is exactly step 200. It flows
/// into every neuron of its group, or into `neurons` only; its shape is constant, a ramp,
/// a sine or noise.
public struct StepCurrent: Sendable, Equatable {
  public var amplitude: Double
  public var start: Double?
  public var end: Double?
  public var neurons: Range<Int>? = nil
  public var shape: Shape = .constant

  /// How the current changes while it flows (`amplitude` is its start, peak or mean).
  public enum Shape: Sendable, Equatable {
    case constant
    /// From `amplitude` to `to`, linearly over the window (which must then have an end).
    case ramp(to: Double)
    /// `amplitude · sin(2π f (t - start))`.
    case sine(frequency: Double)
    /// A new normal value each step: mean `amplitude`, standard deviation `sd`, independent per neuron.
    case noise(sd: Double, seed: UInt64)
  }

  public init(
    amplitude: Double, start: Double? = nil, end: Double? = nil, neurons: Range<Int>? = nil,
    shape: Shape = .constant
  ) {
    self.amplitude = amplitude
    self.start = start
    self.end = end
    self.neurons = neurons
    self.shape = shape
  }

  /// True for the simple case: the same fixed current into every neuron of the group.
  var isUniformConstant: Bool { neurons == nil && shape == .constant }

  /// The value at step `k` (not for noise, which differs per neuron); computed in seconds, never in
  /// step counts, which open ends make unbounded.
  func value(atStep k: Int, dt: Double) -> Double {
    let t = Double(k) * dt - (start ?? 0)
    switch shape {
    case .constant, .noise: return amplitude
    case .ramp(let to):
      let length = (end ?? .infinity) - (start ?? 0)
      return length > 0 && length.isFinite ? amplitude + (to - amplitude) * t / length : amplitude
    case .sine(let frequency): return amplitude * sin(2 * Double.pi * frequency * t)
    }
  }

  /// The half-open range of steps during which the current flows.
  public func activeSteps(dt: Double) -> Range<Int> {
    let first = start.map { Int(clampingToSteps: $0 / dt) } ?? Int.min
    let last = end.map { Int(clampingToSteps: $0 / dt) } ?? Int.max
    return first < last ? first..<last : first..<first
  }
}

extension Int {
  /// The nearest whole step count, clamped so that huge or odd values never trap.
  public init(clampingToSteps x: Double) {
    self = Swift.min(Int.max / 2, Swift.max(Int.min / 2, Int(saturating: x)))
  }
}

extension [StepCurrent] {
  /// The total current (A) into one neuron at each of `steps`, as the clock adds the currents up; nil when one
  /// of them is noise, whose values are drawn afresh each run.
  public func values(neuron: Int, steps: Range<Int>, dt: Double) -> [Double]? {
    let flowing = filter { $0.neurons?.contains(neuron) ?? true }
    if flowing.contains(where: { if case .noise = $0.shape { true } else { false } }) { return nil }
    let windows = flowing.map { $0.activeSteps(dt: dt) }
    return steps.map { k in
      zip(flowing, windows).reduce(0) { total, pair in
        pair.1.contains(k) ? total + pair.0.value(atStep: k, dt: dt) : total
      }
    }
  }
}
