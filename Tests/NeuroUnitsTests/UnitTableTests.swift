import Testing
@testable import NeuroUnits

@Suite struct UnitTableTests {
  @Test(arguments: [
    ("s", 1.0, Dimension.time), ("ms", 1e-3, .time), ("us", 1e-6, .time), ("µs", 1e-6, .time),
    ("V", 1, .voltage), ("mV", 1e-3, .voltage), ("uV", 1e-6, .voltage), ("µV", 1e-6, .voltage),
    ("A", 1, .current), ("mA", 1e-3, .current), ("uA", 1e-6, .current), ("µA", 1e-6, .current),
    ("nA", 1e-9, .current), ("pA", 1e-12, .current),
    ("ohm", 1, .resistance), ("Ω", 1, .resistance), ("kΩ", 1e3, .resistance), ("kohm", 1e3, .resistance),
    ("MΩ", 1e6, .resistance), ("Mohm", 1e6, .resistance), ("GΩ", 1e9, .resistance), ("Gohm", 1e9, .resistance),
    ("\u{2126}", 1, .resistance), ("M\u{2126}", 1e6, .resistance),
    ("F", 1, .capacitance), ("uF", 1e-6, .capacitance), ("µF", 1e-6, .capacitance),
    ("nF", 1e-9, .capacitance), ("pF", 1e-12, .capacitance),
    ("S", 1, .conductance), ("mS", 1e-3, .conductance), ("uS", 1e-6, .conductance),
    ("µS", 1e-6, .conductance), ("\u{03BC}S", 1e-6, .conductance), ("nS", 1e-9, .conductance),
    ("Hz", 1, .frequency), ("kHz", 1e3, .frequency),
  ])
  func everySuffixParses(suffix: String, scale: Double, dimension: Dimension) throws {
    let unit = try #require(UnitTable.unit(named: suffix))
    #expect(unit.dimension == dimension)
    #expect(abs(unit.scale - scale) <= 1e-15 * scale)
  }

  @Test(arguments: ["mx", "volt", "", "nm", "MV2", "Ohm"])
  func unknownSuffixesAreRejected(suffix: String) {
    #expect(UnitTable.unit(named: suffix) == nil)
  }

  @Test func caseDistinguishesSiemensFromSeconds() {
    #expect(UnitTable.unit(named: "ms")?.dimension == .time)
    #expect(UnitTable.unit(named: "mS")?.dimension == .conductance)
  }

  /// Reading a suffix by splitting it agrees, spelling by spelling, with a table of every prefix × base
  /// spelling where later entries win.
  @Test func splittingAgreesWithTheTableOfEverySpelling() {
    var table: [String: Unit] = [:]
    for base in BaseUnit.all {
      for baseSpelling in [base.symbol] + base.aliases {
        for prefix in UnitPrefix.all {
          for prefixSpelling in [prefix.symbol] + prefix.aliases {
            table[prefixSpelling + baseSpelling] = Unit(
              symbol: prefix.symbol + base.symbol, scale: prefix.scale,
              dimension: base.dimension)
          }
        }
      }
    }
    #expect(table.count > 90)
    for (spelling, unit) in table {
      let read = UnitTable.unit(named: spelling)
      #expect(
        read?.symbol == unit.symbol && read?.scale == unit.scale && read?.dimension == unit.dimension,
        "\(spelling)")
    }
    #expect(Set(UnitTable.allSpellings) == Set(table.keys))
  }
}
