/// An error or warning found in neuro source: what went wrong, where, and how to fix it.
/// The core only produces these; the executable decides how to show them.
public struct Diagnostic: Error, Sendable {
  /// A syntax error stops a script before it runs (exit 65); a runtime error while it runs (exit 70);
  /// a warning is reported and the program goes on.
  public enum Kind: Sendable { case syntax, runtime, warning }

  public var kind: Kind
  public var message: String
  public var span: Span?
  public var source: Source?
  public var hint: String?
  /// True when the source simply ended too soon (the REPL then asks for more).
  public var isIncompleteInput: Bool = false

  public init(_ kind: Kind, _ message: String, at span: Span? = nil, in source: Source? = nil, hint: String? = nil) {
    self.kind = kind
    self.message = message
    self.span = span
    self.source = source
    self.hint = hint
  }
}

extension Diagnostic {
  /// The diagnostic in the rustc style: message, location, source line, caret, hint.
  /// With `color`, the ANSI colours of a terminal are used.
  public func rendered(color: Bool = false) -> String {
    let isWarning = kind == .warning
    let red = color ? (isWarning ? "\u{1B}[1;33m" : "\u{1B}[1;31m") : "", blue = color ? "\u{1B}[1;34m" : ""
    let bold = color ? "\u{1B}[1m" : "", reset = color ? "\u{1B}[0m" : ""
    var out = "\(red)\(isWarning ? "warning" : "error")\(reset)\(bold): \(message)\(reset)\n"
    if let span, let source {
      let lineNumber = String(span.start.line)
      let gutter = String(repeating: " ", count: lineNumber.count)
      out += "\(gutter)\(blue)-->\(reset) \(source.name):\(span.start.line):\(span.start.column)\n"
      let fullText = source.line(span.start.line)
      let lineLength = fullText.count
      let startColumn = min(span.start.column, lineLength + 1)
      let endColumn = span.end.line == span.start.line ? span.end.column : lineLength + 1
      // A long line is shown as a window around the caret (as Clang does), so that a line of
      // 50 000 characters gives a few lines of output, not 50 000 columns per diagnostic.
      let window = Self.window(of: fullText, around: startColumn)
      let text = window.text
      out += "\(gutter) \(blue)|\(reset)\n"
      out += "\(blue)\(lineNumber) |\(reset) \(text)\n"
      let caretStart = startColumn - window.firstColumn + 1
      let width = max(1, min(min(endColumn, lineLength + 1) - startColumn, text.count + 1 - caretStart))
      let pad = String(repeating: " ", count: max(0, caretStart - 1))
      out += "\(gutter) \(blue)|\(reset) \(pad)\(red)\(String(repeating: "^", count: width))\(reset)\n"
    } else if let source {
      out += " --> \(source.name)\n"
    }
    if let hint {
      let gutter = String(repeating: " ", count: span.map { String($0.start.line).count } ?? 1)
      out += "\(gutter) \(blue)=\(reset) \(bold)hint:\(reset) \(hint)\n"
    }
    return out
  }

  /// Lines longer than this are shown in part.
  static let widestLineShown = 120

  /// The part of a long line around `column` with "…" where it was cut, and the column of
  /// the line that its first character stands for (an "…" stands for the column before).
  static func window(of line: String, around column: Int) -> (text: String, firstColumn: Int) {
    let characters = Array(line)
    guard characters.count > widestLineShown else { return (line, 1) }
    let first = max(0, min(column - 1 - widestLineShown / 3, characters.count - widestLineShown))
    let last = min(characters.count, first + widestLineShown)
    let text = (first > 0 ? "…" : "") + String(characters[first..<last]) + (last < characters.count ? "…" : "")
    return (text, first > 0 ? first : 1)
  }
}
