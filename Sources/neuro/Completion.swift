import CReadline
import Glibc
import NeuroLang

/// Tab completion for readline: keywords, names in scope, built-ins, REPL commands,
/// and parameter names inside a call such as `lif(`.
enum Completion {
  /// The session whose names are offered.
  static var source: Interpreter?
  private static var matches: [String] = []
  private static var next = 0
  static let commands = [":help", ":vars", ":load", ":reset", ":quit", ":lesson", ":lessons", ":check", ":hint", ":solution", ":next", ":restart"]

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
    rl_basic_word_break_characters = UnsafePointer(strdup(" \t\n\"\\'`@$><=;|&{(,+-*/^[]"))
  }

  private static func prepare(word: String, before: String) {
    if before.allSatisfy(\.isWhitespace), word.hasPrefix(":") {
      matches = commands.filter { $0.hasPrefix(word) }
      return
    }
    matches = source?.completions(of: word, lineBeforeWord: before) ?? []
  }
}
