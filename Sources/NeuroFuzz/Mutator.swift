/// Mutations of a seed script: lines dropped, repeated, swapped or spliced in; numbers pushed
/// to extremes; brackets, signs and stray characters inserted.
enum Mutator {
  static func mutate(_ text: String, splicing other: String, _ r: inout FuzzRandom) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let donor = other.split(separator: "\n").map(String.init)
    for _ in 0..<(1 + r.below(4)) {
      let i = r.below(max(1, lines.count))
      switch r.below(9) {
      case 0: if !lines.isEmpty { lines.remove(at: i) }
      case 1: if !lines.isEmpty { lines.insert(lines[i], at: i) }
      case 2: if !donor.isEmpty { lines.insert(r.pick(donor), at: min(i, lines.count)) }
      case 3: lines.insert(Generator.statement(&r), at: min(i, lines.count))
      case 4, 5: if !lines.isEmpty { lines[i] = replacingNumber(lines[i], &r) }
      case 6:
        if !lines.isEmpty {
          lines[i] = inserting(
            r.pick(["(", ")", "[", "]", "{", "}", "-", "\"", "@", "..", ",", ":", "\u{0}", "é", "\r"]), into: lines[i],
            &r)
        }
      case 7: if lines.count > 1 { lines.swapAt(i, r.below(lines.count)) }
      default: if !lines.isEmpty { lines[i] = String(lines[i].prefix(r.below(lines[i].count + 1))) }
      }
    }
    return lines.joined(separator: "\n")
  }

  /// One number of the line (with its unit) replaced by an extreme one.
  static func replacingNumber(_ line: String, _ r: inout FuzzRandom) -> String {
    let chars = Array(line)
    let starts = chars.indices.filter {
      chars[$0].isNumber && ($0 == 0 || !(chars[$0 - 1].isLetter || chars[$0 - 1].isNumber || chars[$0 - 1] == "."))
    }
    guard !starts.isEmpty else { return line }
    let start = r.pick(starts)
    var end = start
    while end < chars.count, chars[end].isNumber || chars[end] == "." || chars[end] == "e" { end += 1 }
    let replacement = r.chance(70) ? r.pick(Generator.extremes) : String(r.below(100_000))
    return String(chars[..<start]) + replacement + String(chars[end...])
  }

  static func inserting(_ piece: String, into line: String, _ r: inout FuzzRandom) -> String {
    let chars = Array(line)
    let at = r.below(chars.count + 1)
    return String(chars[..<at]) + String(repeating: piece, count: r.chance(10) ? 1 + r.below(3000) : 1)
      + String(chars[at...])
  }
}
