import Testing
@testable import NeuroUnits

@Suite struct DimensionTests {
  @Test func ohmsLawGivesVoltage() {
    #expect(Dimension.current * Dimension.resistance == Dimension.voltage)
  }

  @Test func rcIsTime() {
    #expect(Dimension.resistance * Dimension.capacitance == Dimension.time)
    #expect(Dimension.capacitance / Dimension.conductance == Dimension.time)
  }

  @Test func conductanceIsInverseResistance() {
    #expect(Dimension.none / Dimension.resistance == Dimension.conductance)
  }

  @Test func frequencyIsInverseTime() {
    #expect(Dimension.time.power(-1) == Dimension.frequency)
    #expect(Dimension.frequency * Dimension.time == Dimension.none)
  }

  @Test func powerAndLargestExponent() {
    let v2 = Dimension.voltage.power(2)
    #expect(v2 == Dimension.voltage * Dimension.voltage)
    #expect(v2.largestExponent == 6)
    #expect(Dimension.none.isDimensionless)
    #expect(!Dimension.time.isDimensionless)
  }

  /// Exponents wrap rather than trap; a wrapped dimension is still a value that compares.
  @Test func wrappingNeverTraps() {
    let huge = Dimension.time.power(Int32.max)
    #expect(huge.exponents[2] == Int32.max)
    let doubled = huge * huge
    #expect(doubled.exponents[2] == Int32.max &* 2)
    #expect(doubled != huge)
    #expect(huge.power(Int32.max).exponents[2] == Int32.max &* Int32.max)
    #expect((huge / huge).isDimensionless)
  }
}
