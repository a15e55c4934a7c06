#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Adaptive Runge–Kutta integration of a two-variable neuron whose first variable spikes when it
/// reaches a peak (Izhikevich, AdEx): Bogacki–Shampine 3(2) steps, each step's error kept within an
/// absolute tolerance per variable plus a relative one, the step size carried from one call to the next.
/// The spike is placed where the first variable reaches the peak inside the accepted step.
public struct AdaptivePlanarStep: Sendable, Equatable {
  /// The absolute error allowed per step, per variable.
  public var absolute: SIMD2<Double>
  /// The error allowed per step relative to each variable's size.
  public var relative: Double
  /// The first variable's value at which the neuron spikes.
  public var peak: Double

  public init(absolute: SIMD2<Double>, relative: Double, peak: Double) {
    self.absolute = absolute
    self.relative = relative
    self.peak = peak
  }

  /// Advances `y` over `duration` or until it spikes; returns the time the spike came after the start (with
  /// `y` where it reached the peak, the second variable interpolated), or nil. `h` is the trial step size,
  /// updated for the next call.
  @inline(__always)
  public func advance(
    _ y: inout SIMD2<Double>, step h: inout Double, duration: Double,
    derivative: (SIMD2<Double>) -> SIMD2<Double>
  ) -> Double? {
    var t = 0.0
    var k1 = derivative(y)
    let smallest = duration * 1e-12
    var attempts = 0
    while t < duration {
      attempts += 1
      let last = duration - t <= h * 1.000001
      let step = last ? duration - t : h
      let k2 = derivative(y + 0.5 * step * k1)
      let k3 = derivative(y + 0.75 * step * k2)
      let increment: SIMD2<Double> = (2.0 / 9) * k1 + (1.0 / 3) * k2 + (4.0 / 9) * k3
      let next: SIMD2<Double> = y + step * increment
      let k4 = derivative(next)
      let lower: SIMD2<Double> = (7.0 / 24) * k1 + 0.25 * k2 + (1.0 / 3) * k3 + 0.125 * k4
      let difference: SIMD2<Double> = step * (increment - lower)
      let error = max(
        abs(difference.x) / (absolute.x + relative * max(abs(y.x), abs(next.x))),
        abs(difference.y) / (absolute.y + relative * max(abs(y.y), abs(next.y))))
      let crossed = !(next.x < peak)
      guard error <= 1 || step <= smallest || attempts > 100_000 else {
        h = error.isFinite ? step * max(0.2, 0.9 * cbrt(1 / error)) : step * 0.25
        continue
      }
      if crossed {
        let fraction = next.x.isFinite && next.x != y.x ? min(1, max(0, (peak - y.x) / (next.x - y.x))) : 1
        y = SIMD2(peak, y.y + fraction * (next.y - y.y))
        h = max(step, smallest)
        return t + fraction * step
      }
      t = last ? duration : t + step
      y = next
      k1 = k4
      // Grown by up to 5 times (0.9 ∛(1/error) reaches 5 below an error of 0.0058), never past the whole step:
      // a step that already spans the call and is accurate stays, without a cube root.
      if !(last && h >= duration && error < 0.2) {
        let grown = error > 0.0058 ? step * max(0.2, 0.9 * cbrt(1 / error)) : step * 5
        h = min(duration, last ? max(h, grown) : grown)
      }
    }
    return nil
  }

  /// At most this many spikes a step (a reset at or above the peak would otherwise fire without end).
  static let largestSpikesPerStep = 8

  /// Advances `y` over `duration`, spike after spike: `spiked` gets the time each came after the start, resets `y`
  /// and says whether to go on (false: the neuron is held for the rest of the step).
  @inline(__always)
  func advanceFiring(
    _ y: inout SIMD2<Double>, step h: inout Double, duration: Double,
    derivative: (SIMD2<Double>) -> SIMD2<Double>, spiked: (Double, inout SIMD2<Double>) -> Bool
  ) {
    var elapsed = 0.0
    for _ in 0..<Self.largestSpikesPerStep {
      guard let spike = advance(&y, step: &h, duration: duration - elapsed, derivative: derivative) else { return }
      elapsed = min(duration, elapsed + spike)
      guard spiked(elapsed, &y) else { return }
    }
  }
}
