import CReadline
import Glibc
import NeuroLang

/// Tab completion for readline: keywords, names in scope, built-ins, REPL commands, parameter
/// names inside a call such as `lif(`, and the words of `preset:` and `method:`. What exists comes
/// from the session; where the cursor stands is decided here.
enum Completion {
  /// The session whose names are offered.
  static var source: Interpreter?
  private static var matches: [String] = []
  private static var next = 0
  static let commands = [
    ":help", ":vars", ":load", ":reset", ":quit", ":lesson", ":lessons", ":check", ":hint", ":solution", ":next",
    ":restart",
  ]

  static func install() {
    rl_attempted_completion_function = { text, start, _ in
      rl_attempted_completion_over = 1
      let word = text.map { String(cString: $0) } ?? ""
      let line = rl_line_buffer.map { String(cString: $0) } ?? ""
      let before = String(line.utf8.prefix(Int(start))) ?? ""
      Completion.prepare(word: word, before: before)
      return rl_completion_matches(text) { _, state in
        if state == 0 { Completion.next = 0 }
        guard Completion.next < Completion.matches.count else { return nil }
        defer { Completion.next += 1 }
        return strdup(Completion.matches[Completion.next])
      }
    }
    rl_basic_word_break_characters = UnsafePointer(strdup(wordBreaks))
  }

  /// The characters that end the word being completed.
  static let wordBreaks = " \t\n\"\\'`@$><=;|&{(,+-*/^[]"

  private static func prepare(word: String, before: String) {
    matches = source.map { completions(of: word, lineBeforeWord: before, in: $0) } ?? []
  }

  /// Completions of the word being typed: a `:command` at the start of a line, else `candidates`.
  static func completions(of word: String, lineBeforeWord: String, in session: Interpreter) -> [String] {
    if lineBeforeWord.allSatisfy(\.isWhitespace), word.hasPrefix(":") {
      return commands.filter { $0.hasPrefix(word) }
    }
    return candidates(of: word, lineBeforeWord: lineBeforeWord, in: session)
  }

  /// Completions of the word being typed: inside a model's call its parameter names, and after
  /// `preset:` or `method:` their words; inside another call its parameter names and every name;
  /// else names in scope, built-ins and keywords.
  static func candidates(of word: String, lineBeforeWord: String, in session: Interpreter) -> [String] {
    var candidates = session.knownNames
    if let callee = innermostOpenCall(lineBeforeWord) {
      let last = lineBeforeWord.split(separator: " ").last.map(String.init) ?? ""
      if last.hasSuffix(":") {
        let label = String(last.dropLast().reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
        if let words = session.words(forParameter: label, ofCall: callee) { candidates = words }
      } else if let names = session.parameterNames(ofCall: callee) {
        let labels = names.map { $0 + ":" }
        candidates = session.takesOnlyNamedValues(callee) ? labels : labels + candidates
      }
    } else if let (statement, clause) = optionStatements.lazy.compactMap({ statement in
      withClause(lineBeforeWord, statement.markers).map { (statement, $0) }
    }).first {
      if clause.isEmpty || clause.hasSuffix(",") {
        candidates = statement.options.map { $0 + ":" }
      } else if let words = statement.words.first(where: { lineBeforeWord.hasSuffix(" \($0.key): ") })?.value {
        candidates = words
      }
    }
    return Array(Set(candidates.filter { $0.hasPrefix(word) })).sorted()
  }

  /// The statements whose options follow `with`: the words that mark them, their option names, and the
  /// words some options take.
  private static let optionStatements: [(markers: [String], options: [String], words: [String: [String]])] = [
    (["connect ", "->"], Interpreter.connectOptions, ["rule": ["all_to_all", "one_to_one"]]),
    (["fit ", " on "], Interpreter.fitOptions, ["loss": Interpreter.lossNames, "optimizer": ["adam", "sgd"]]),
  ]

  /// What follows ` with ` in a statement marked by all of `markers` (trimmed), or nil for another line.
  private static func withClause(_ line: String, _ markers: [String]) -> String? {
    guard let with = line.firstRange(of: " with "), markers.allSatisfy({ line.contains($0) }) else { return nil }
    return String(line[with.upperBound...]).trimmed()
  }

  /// The name before the innermost `(` not yet closed: `lif` in `neuron n = lif(tau: 10ms, `.
  private static func innermostOpenCall(_ text: String) -> String? {
    var depth = 0
    var index = text.endIndex
    while index > text.startIndex {
      index = text.index(before: index)
      let c = text[index]
      if c == ")" { depth += 1 }
      if c == "(" {
        if depth == 0 {
          let name = text[..<index].reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
          return name.isEmpty ? nil : String(name.reversed())
        }
        depth -= 1
      }
    }
    return nil
  }
}
