import Foundation

/// Enough of a TextMate engine to test a grammar: `match`, `begin`/`end` (kept across lines), `captures`,
/// `include` of `#name` and `$self`; at each place the earliest match wins, ties going to the first pattern and
/// to a rule's end. It gives the scopes at each UTF-16 offset of each line.
struct TextMateScopes {
  private let grammar: [String: Any]
  private var cache: [String: NSRegularExpression] = [:]

  init(grammar: [String: Any]) {
    self.grammar = grammar
  }

  /// The patterns a list stands for, its includes replaced by what they name.
  private func expanded(_ list: [[String: Any]]) -> [[String: Any]] {
    list.flatMap { rule -> [[String: Any]] in
      guard let include = rule["include"] as? String else {
        return rule["match"] == nil && rule["begin"] == nil
          ? expanded(rule["patterns"] as? [[String: Any]] ?? []) : [rule]
      }
      if include == "$self" { return expanded(grammar["patterns"] as? [[String: Any]] ?? []) }
      let entry = (grammar["repository"] as? [String: Any])?[String(include.dropFirst())] as? [String: Any] ?? [:]
      return expanded([entry])
    }
  }

  private mutating func regex(_ pattern: String) throws -> NSRegularExpression {
    if let known = cache[pattern] { return known }
    let made = try NSRegularExpression(pattern: pattern)
    cache[pattern] = made
    return made
  }

  /// The scopes at each UTF-16 offset of each line of `text`.
  mutating func scopes(of lines: [String]) throws -> [[[String]]] {
    var stack: [[String: Any]] = []
    var result: [[[String]]] = []
    for line in lines {
      let text = line as NSString
      var scopes = [[String]](repeating: [], count: text.length)
      var position = 0
      func stackScopes() -> [String] { stack.compactMap { $0["name"] as? String } }
      func mark(_ range: NSRange, _ names: [String]) {
        for offset in range.lowerBound..<range.upperBound where offset < scopes.count { scopes[offset] += names }
      }
      func markCaptures(_ match: NSTextCheckingResult, _ captures: Any?) {
        for (key, value) in captures as? [String: [String: String]] ?? [:] {
          guard let group = Int(key), group < match.numberOfRanges, let name = value["name"] else { continue }
          let range = match.range(at: group)
          if range.location != NSNotFound { mark(range, [name]) }
        }
      }
      while position <= text.length {
        let searched = NSRange(location: position, length: text.length - position)
        let options: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds]
        var best: (match: NSTextCheckingResult, rule: [String: Any]?)? = nil
        if let end = stack.last?["end"] as? String,
          let found = try regex(end).firstMatch(in: line, options: options, range: searched)
        {
          best = (found, nil)
        }
        let patterns = expanded(
          stack.last?["patterns"] as? [[String: Any]] ?? grammar["patterns"] as? [[String: Any]] ?? [])
        for rule in patterns {
          guard let pattern = (rule["match"] ?? rule["begin"]) as? String,
            let found = try regex(pattern).firstMatch(in: line, options: options, range: searched),
            found.range.location < best?.match.range.location ?? Int.max
          else { continue }
          best = (found, rule)
        }
        guard let (match, rule) = best else { break }
        mark(NSRange(location: position, length: match.range.location - position), stackScopes())
        if let rule, rule["begin"] != nil {
          stack.append(rule)
          mark(match.range, stackScopes())
          markCaptures(match, rule["beginCaptures"])
        } else if let rule {
          mark(match.range, stackScopes() + [rule["name"] as? String].compactMap { $0 })
          markCaptures(match, rule["captures"])
        } else {
          mark(match.range, stackScopes())
          markCaptures(match, stack.last?["endCaptures"])
          stack.removeLast()
        }
        position = match.range.upperBound + (match.range.length == 0 && rule != nil ? 1 : 0)
      }
      if position < text.length {
        mark(NSRange(location: position, length: text.length - position), stackScopes())
      }
      result.append(scopes)
    }
    return result
  }
}
