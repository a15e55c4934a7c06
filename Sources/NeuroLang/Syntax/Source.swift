/// A piece of neuro source text with a name (a file path or `<repl>`), split
/// into characters so that columns count what a person sees (`µ` is one column).
public struct Source: Sendable {
  public let name: String
  public let characters: [Character]
  private let lineStarts: [Int]

  public init(name: String, text: String) {
    self.name = name
    characters = Array(text)
    var starts = [0]
    for (i, c) in characters.enumerated() where c == "\n" || c == "\r\n" { starts.append(i + 1) }
    lineStarts = starts
  }

  /// The text of line `n` (1-based), without its line break.
  public func line(_ n: Int) -> String {
    guard n >= 1, n <= lineStarts.count else { return "" }
    let start = lineStarts[n - 1]
    var end = n < lineStarts.count ? lineStarts[n] : characters.count
    while end > start, characters[end - 1] == "\n" || characters[end - 1] == "\r\n" || characters[end - 1] == "\r" {
      end -= 1
    }
    return String(characters[start..<end])
  }

  public var lineCount: Int { lineStarts.count }

  /// The text between two character offsets.
  public func text(_ span: Span) -> String {
    let lo = max(0, min(span.start.offset, characters.count))
    let hi = max(lo, min(span.end.offset, characters.count))
    return String(characters[lo..<hi])
  }
}

/// A position in a source: character offset, 1-based line and column.
public struct SourceLocation: Hashable, Sendable {
  public var offset: Int
  public var line: Int
  public var column: Int

  public init(offset: Int, line: Int, column: Int) {
    self.offset = offset
    self.line = line
    self.column = column
  }
}

/// A range of source, start inclusive and end exclusive.
public struct Span: Hashable, Sendable {
  public var start: SourceLocation
  public var end: SourceLocation

  public init(start: SourceLocation, end: SourceLocation) {
    self.start = start
    self.end = end
  }

  /// The smallest span covering both.
  public func through(_ other: Span) -> Span {
    Span(
      start: start.offset <= other.start.offset ? start : other.start,
      end: end.offset >= other.end.offset ? end : other.end)
  }
}
