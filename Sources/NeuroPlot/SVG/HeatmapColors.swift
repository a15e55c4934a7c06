import NeuroUnits

extension Heatmap {
  /// The colour at `fraction` (0 to 1) of the way from the smallest value to the largest, through blue,
  /// teal and green to yellow; light grey for a value that is not a number.
  static func color(_ fraction: Double) -> String {
    guard fraction.isFinite else { return "#d9d9d9" }
    let stops: [(Double, Double, Double)] = [
      (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37),
    ]
    let position = max(0, min(1, fraction)) * Double(stops.count - 1)
    let i = min(stops.count - 2, Int(saturating: position, rounding: .down)), t = position - Double(i)
    let (a, b) = (stops[i], stops[i + 1])
    let channels = [a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t, a.2 + (b.2 - a.2) * t]
    return "#" + channels.map { hex(Int(saturating: $0)) }.joined()
  }

  /// Two hex digits of a channel from 0 to 255.
  private static func hex(_ value: Int) -> String {
    let digits = Array("0123456789abcdef"), v = max(0, min(255, value))
    return String([digits[v / 16], digits[v % 16]])
  }
}
