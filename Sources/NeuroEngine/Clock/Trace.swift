/// A recorded time series: samples at `start`, `start + dt`, ... (SI units).
public struct Trace: Sendable, Equatable {
  public var start: Double
  public var dt: Double
  public var values: [Double]

  public init(start: Double, dt: Double, values: [Double]) {
    self.start = start
    self.dt = dt
    self.values = values
  }

  /// The time of sample `i`.
  public func time(at i: Int) -> Double { start + Double(i) * dt }

  /// The time of the last sample.
  public var end: Double { time(at: max(0, values.count - 1)) }
}
