#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroUnits

/// "Did you mean": the closest known name, by rustc's rule: a case-insensitive
/// exact match first, else the nearest within an edit distance of max(len, 3) / 3.
public func closestName(to name: String, among candidates: [String]) -> String? {
  closestNames(to: name, among: candidates, limit: 1).first
}

/// Up to `limit` close names, nearest first.
public func closestNames(to name: String, among candidates: [String], limit: Int) -> [String] {
  let lowered = name.lowercased()
  if let exact = candidates.first(where: { $0.lowercased() == lowered && $0 != name }) { return [exact] }
  let allowed = max(name.count, 3) / 3
  let scored = candidates.compactMap { candidate -> (String, Int)? in
    guard candidate != name else { return nil }
    let d = editDistance(lowered, candidate.lowercased())
    return d <= allowed ? (candidate, d) : nil
  }
  var seen = Set<String>()
  return scored.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
    .map(\.0).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
}

/// Edit distance between two strings, by characters: insertions, deletions,
/// substitutions and swaps of neighbours (`tua` is one edit from `tau`).
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a), b = Array(b)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var beforePrevious = [Int](repeating: 0, count: b.count + 1)
  var previous = Array(0...b.count)
  var row = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    row[0] = i
    for j in 1...b.count {
      row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
        row[j] = min(row[j], beforePrevious[j - 2] + 1)
      }
    }
    (beforePrevious, previous, row) = (previous, row, beforePrevious)
  }
  return previous[b.count]
}

/// The unit a mistyped suffix most likely means: a spelling that differs only in case first,
/// preferring the scale neuroscience works at (`mv` is `mV`, not `MV`, megavolts), else the
/// nearest spelling.
func closestUnitSpelling(to suffix: String) -> String? {
  let spellings = UnitTable.allSpellings
  let sameLetters = spellings.filter { $0.lowercased() == suffix.lowercased() && $0 != suffix }
  if let best = sameLetters.min(by: { distanceFromUsualScale($0) < distanceFromUsualScale($1) }) { return best }
  return closestName(to: suffix, among: spellings)
}

/// How many powers of ten a unit is from the one its dimension is usually shown in (mV, nA, ms, ...).
private func distanceFromUsualScale(_ spelling: String) -> Double {
  guard let unit = UnitTable.unit(named: spelling) else { return .infinity }
  let usual = UnitTable.unit(named: unit.dimension.naturalSymbol)?.scale ?? 1
  return abs(log10(unit.scale / usual))
}
