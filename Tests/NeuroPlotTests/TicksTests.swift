import Testing
@testable import NeuroPlot

@Suite struct TicksTests {
  @Test func niceStepsCoverTheRange() {
    let t = Ticks(covering: -70.3, -54.9, count: 5)
    #expect(t.values == [-75, -70, -65, -60, -55, -50].filter { $0 >= t.low && $0 <= t.high })
    #expect(t.low <= -70.3 && t.high >= -54.9)
  }

  @Test func flatRangesAreOpenedUp() {
    let t = Ticks(covering: -70, -70)
    #expect(t.low < -70 && t.high > -70)
    let zero = Ticks(covering: 0, 0)
    #expect(zero.low < 0 && zero.high > 0)
  }

  @Test func windowsKeepTheirEnds() {
    let t = Ticks(within: 20, 60, count: 6)
    #expect(t.low == 20 && t.high == 60)
    #expect(t.values == [20, 30, 40, 50, 60])
  }

  @Test func labelsHaveNoFloatNoise() {
    #expect(Ticks.label(0.30000000000000004) == "0.3")
    #expect(Ticks.label(-1e-17) == "0")
    #expect(Ticks.label(-55) == "-55")
  }

  @Test func labelsOfABarelyMovingRangeDiffer() {
    let ticks = Ticks(covering: -70.00001, -69.99999)
    let labels = Ticks.labels(ticks.values)
    #expect(Set(labels).count == labels.count, "\(labels)")
    #expect(Ticks.labels([-70, -55, -40]) == ["-70", "-55", "-40"])
  }

  /// Odd ranges give finite, increasing ticks inside the axis, never a trap.
  @Test func oddInputsNeverTrap() {
    for (low, high) in [
      (Double.nan, Double.infinity), (1e308, -1e308), (Double.leastNonzeroMagnitude, 2 * Double.leastNonzeroMagnitude),
      (5, 5), (-0.0, 0.0),
    ] {
      let ticks = Ticks(covering: low, high)
      #expect(ticks.low.isFinite && ticks.high.isFinite && ticks.low < ticks.high, "\(low)…\(high)")
      #expect(!ticks.values.isEmpty && ticks.values.count <= 51, "\(low)…\(high)")
      #expect(zip(ticks.values, ticks.values.dropFirst()).allSatisfy { $0 < $1 }, "\(low)…\(high)")
      #expect(ticks.values.allSatisfy { $0 >= ticks.low && $0 <= ticks.high }, "\(low)…\(high)")
    }
  }

  /// Ticks of a tiny window keep their own labels: only what is far closer to 0 than the ticks'
  /// spacing prints as 0.
  @Test func aTinyWindowKeepsItsLabels() {
    let ticks = Ticks(within: 0, 1e-12, count: 6)
    #expect(Ticks.labels(ticks.values) == ["0", "2e-13", "4e-13", "6e-13", "8e-13", "1e-12"])
    #expect(Ticks.labels([-0.1, 1e-17, 0.1]) == ["-0.1", "0", "0.1"])
  }
}
