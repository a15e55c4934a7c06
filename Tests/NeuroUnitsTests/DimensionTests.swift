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

  @Test func wrappingNeverTraps() {
    let huge = Dimension.time.power(Int32.max)
    _ = huge * huge
    _ = huge.power(Int32.max)
  }
}
