import Testing
@testable import NeuroUnits

private func q(_ value: Double, _ suffix: String) -> Quantity {
  Quantity(value, unit: UnitTable.unit(named: suffix)!)
}

@Suite struct FormattingTests {
  @Test func ohmsLawPrintsWithPrefix() {
    #expect((q(2.5, "nA") * q(10, "MΩ")).formatted == "25 mV")
    #expect((q(2.5, "nA") * q(2, "kΩ")).formatted == "5 µV")
    #expect((q(1, "nF") / q(0.1, "uS")).formatted == "10 ms")
  }

  @Test(arguments: [
    (0.001, Dimension.time, "1 ms"), (0.1e-3, .time, "0.1 ms"), (5e-6, .time, "5 µs"), (2000, .time, "2000 s"),
    (-0.07, .voltage, "-70 mV"), (0, .voltage, "0 mV"), (0, .current, "0 nA"),
    (5e-10, .current, "500 pA"), (1e7, .resistance, "10 MΩ"), (1.5e-10, .capacitance, "150 pF"),
    (2e-8, .conductance, "20 nS"), (40, .frequency, "40 Hz"), (2500, .frequency, "2.5 kHz"),
    (1.62e-3, .voltage, "1.62 mV"), (1.0 / 3.0, .none, "0.333333"), (42, .none, "42"),
  ])
  func prefixChoice(value: Double, dimension: Dimension, text: String) {
    #expect(Quantity(value, dimension).formatted == text)
  }

  @Test func compoundUnitsUseNamedParts() {
    #expect(Quantity(2.5, .voltage / .time).formatted == "2.5 mV/ms")
    #expect((Dimension.voltage / .time).word == "voltage per time")
    #expect(Quantity(4e-6, .voltage.power(2)).formatted == "4 mV²")
  }

  @Test func describedKindNamesTheDimensionInWords() {
    #expect(q(10, "mV").describedKind == "voltage (mV)")
    #expect(q(2, "nA").describedKind == "current (nA)")
    #expect(q(10, "ms").describedKind == "time (ms)")
    #expect(Quantity(3).describedKind == "a plain number")
  }

  @Test func numbersPrintCleanly() {
    #expect(formatNumber(1e9) == "1000000000")
    #expect(formatNumber(1.5e20) == "1.5e20")
    #expect(formatNumber(1e-5) == "1e-5")
    #expect(formatNumber(-0.0) == "0")
    #expect(formatNumber(.nan) == "nan")
    #expect(formatNumber(-.infinity) == "-inf")
  }
}
