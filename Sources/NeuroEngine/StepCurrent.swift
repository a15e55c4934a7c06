/// A current switched on at `start` and off at `end` (seconds; nil for open ends),
/// compared on the step grid so that 20 ms at dt = 0.1 ms is exactly step 200.
public struct StepCurrent: Sendable, Equatable {
  public var amplitude: Double
  public var start: Double?
  public var end: Double?

  public init(amplitude: Double, start: Double? = nil, end: Double? = nil) {
    self.amplitude = amplitude
    self.start = start
    self.end = end
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
    if x.isNaN { self = 0; return }
    let rounded = x.rounded()
    if rounded >= 9.0e18 { self = Int.max / 2; return }
    if rounded <= -9.0e18 { self = Int.min / 2; return }
    self = Int(rounded)
  }
}
