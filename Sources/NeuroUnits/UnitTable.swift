/// Every unit suffix a literal may carry (`ms`, `nA`, `MΩ`, `Mohm`, `uS`, ...): a prefix's spelling
/// followed by a base unit's, read by splitting the suffix (no table is built: start-up stays short).
public enum UnitTable {
  /// The unit a suffix names, or nil when it names none. Where a spelling splits two ways, the
  /// later base unit and prefix in their lists win.
  public static func unit(named suffix: String) -> Unit? {
    var found: Unit? = nil
    for base in BaseUnit.all {
      for baseSpelling in [base.symbol] + base.aliases where suffix.hasSuffix(baseSpelling) {
        let prefixSpelling = suffix.dropLast(baseSpelling.count)
        for prefix in UnitPrefix.all
        where prefix.symbol == prefixSpelling || prefix.aliases.contains(String(prefixSpelling)) {
          found = Unit(symbol: prefix.symbol + base.symbol, scale: prefix.scale, dimension: base.dimension)
        }
      }
    }
    return found
  }

  /// Every accepted spelling, for "did you mean" suggestions.
  public static var allSpellings: [String] { spellings }

  /// The base unit that prints a dimension directly, if one does.
  public static func baseUnit(for dimension: Dimension) -> BaseUnit? {
    BaseUnit.all.first { $0.dimension == dimension }
  }

  private static let spellings: [String] = BaseUnit.all.flatMap { base in
    ([base.symbol] + base.aliases).flatMap { baseSpelling in
      UnitPrefix.all.flatMap { prefix in ([prefix.symbol] + prefix.aliases).map { $0 + baseSpelling } }
    }
  }
}
