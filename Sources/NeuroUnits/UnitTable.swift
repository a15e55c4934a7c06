/// Every unit suffix a literal may carry (`ms`, `nA`, `MΩ`, `Mohm`, `uS`, ...),
/// built as data from prefixes × base units.
public enum UnitTable {
  /// The unit a suffix names, or nil when it names none.
  public static func unit(named suffix: String) -> Unit? { table[suffix] }

  /// Every accepted spelling, for "did you mean" suggestions.
  public static var allSpellings: [String] { spellings }

  /// The base unit that prints a dimension directly, if one does.
  public static func baseUnit(for dimension: Dimension) -> BaseUnit? {
    BaseUnit.all.first { $0.dimension == dimension }
  }

  private static let (table, spellings): ([String: Unit], [String]) = {
    var table: [String: Unit] = [:]
    var spellings: [String] = []
    for base in BaseUnit.all {
      for baseSpelling in [base.symbol] + base.aliases {
        for prefix in UnitPrefix.all {
          for prefixSpelling in [prefix.symbol] + prefix.aliases {
            let spelling = prefixSpelling + baseSpelling
            table[spelling] = Unit(symbol: prefix.symbol + base.symbol, scale: prefix.scale, dimension: base.dimension)
            spellings.append(spelling)
          }
        }
      }
    }
    return (table, spellings)
  }()
}
