/// Whether typed input is a whole program yet, for the REPL's continuation prompt.
public enum InputCompleteness: Equatable, Sendable {
  case complete
  /// The input stops mid-statement; `insideBrackets` when a bracket is still open.
  case incomplete(insideBrackets: Bool)

  /// Judges a source by the parser's own "unexpected end of input" errors.
  public init(of source: Source) {
    let (_, diagnostics) = Parser.parse(source)
    guard diagnostics.contains(where: \.isIncompleteInput) else {
      self = .complete
      return
    }
    var lexer = Lexer(source)
    _ = lexer.tokenize()
    self = .incomplete(insideBrackets: lexer.endedInsideBrackets)
  }
}
