/// Random ±1 patterns and corrupted copies, from a seeded generator.
public enum Patterns {
  /// `units` independent units, each +1 or −1 with probability ½.
  public static func random(units: Int, _ random: inout RandomSource) -> [Int8] {
    (0..<units).map { _ in random.next() >> 63 == 1 ? 1 : -1 }
  }

  /// A copy of `pattern` with exactly `flips` distinct units (chosen at random) of opposite sign.
  public static func corrupted(_ pattern: [Int8], flips: Int, _ random: inout RandomSource) -> [Int8] {
    var order = Array(pattern.indices)
    random.shuffle(&order)
    var copy = pattern
    for i in order.prefix(flips) { copy[i] = -copy[i] }
    return copy
  }
}
