#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroUnits

/// Axis ticks at "nice" values (1, 2, 2.5 or 5 × 10^k) that cover a range.
public struct Ticks: Equatable, Sendable {
  public var low: Double
  public var high: Double
  public var values: [Double]

  /// About `count` ticks; the axis is widened to the outer ticks. A flat range is opened up.
  public init(covering low: Double, _ high: Double, count: Int = 5) {
    var lo = low.isFinite ? low : 0, hi = high.isFinite ? high : 1
    if lo > hi { swap(&lo, &hi) }
    if hi - lo <= 1e-12 * max(abs(lo), abs(hi), 1e-300) {
      let pad = lo == 0 ? 1 : abs(lo) * 0.05
      lo -= pad
      hi += pad
    }
    // Divided before subtracting, so that a range near ±1e308 does not overflow to infinity.
    let parts = Double(max(1, count - 1))
    let step = Ticks.niceStep(hi / parts - lo / parts)
    let first = (lo / step).rounded(.down), last = (hi / step).rounded(.up)
    self.low = first * step
    self.high = last * step
    let n = max(0, Int(saturating: min(last - first, 50)))
    values = (0...n).map { (first + Double($0)) * step }
  }

  /// Ticks placed exactly at a range's ends when it must not widen (a requested time window).
  public init(within low: Double, _ high: Double, count: Int = 5) {
    let covering = Ticks(covering: low, high, count: count)
    let top = high > low ? high : covering.high
    let slack = 1e-9 * abs(covering.high - covering.low)
    self.low = low
    self.high = top
    values = covering.values.filter { $0 >= low - slack && $0 <= top + slack }
  }

  static func niceStep(_ raw: Double) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    let magnitude = pow(10, floor(log10(raw)))
    let fraction = raw / magnitude
    let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
    return nice * magnitude
  }

  /// A tick's label, without float noise (`0.30000000000000004` prints as `0.3`; a value within `zero`
  /// of 0, the noise of a sum that should be 0, prints as `0`).
  public static func label(_ value: Double, significantDigits: Int = 5, zero: Double = 1e-12) -> String {
    formatNumber(abs(value) < zero ? 0 : value, significantDigits: significantDigits)
  }

  /// The labels of ticks, with as many digits as it takes for each to read as its own value (a trace that
  /// barely moves around -70 gets `-70.00002`, `-70.00004`, … rather than five times `-70`).
  public static func labels(_ values: [Double]) -> [String] {
    let gaps = zip(values, values.dropFirst()).map { abs($1 - $0) }.filter { $0 > 0 }
    let tolerance = (gaps.min() ?? 0) * 0.01
    // Zero is what lies far closer to 0 than the ticks to each other (a window of 1e-12 ms keeps its ticks).
    let zero = min(1e-12, (gaps.min() ?? 1) * 1e-6)
    func readable(_ labels: [String]) -> Bool {
      Set(labels).count == labels.count
        && zip(labels, values).allSatisfy { label, value in Double(label).map { abs($0 - value) <= tolerance } ?? true }
    }
    var labels = values.map { label($0, zero: zero) }
    for digits in 6...15 where !readable(labels) {
      labels = values.map { label($0, significantDigits: digits, zero: zero) }
    }
    return labels
  }
}
