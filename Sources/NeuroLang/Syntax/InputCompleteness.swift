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

  /// What the REPL does with the lines gathered so far.
  public enum Step: Sendable {
    /// Read another line.
    case waitForMore
    /// Run the lines: they are complete, or end in an empty line outside brackets (the error then
    /// says what is missing).
    case run
    /// Two empty lines in a row inside an unclosed bracket: report it, drop the lines, start fresh.
    case abandon(Diagnostic)
  }

  /// The REPL's next step after reading `lines`.
  public static func step(after lines: [String]) -> Step {
    let source = Source(name: "<repl>", text: lines.joined(separator: "\n"))
    guard case .incomplete(let insideBrackets) = InputCompleteness(of: source) else { return .run }
    func isBlank(_ line: String) -> Bool { line.allSatisfy(\.isWhitespace) }
    guard let last = lines.last, isBlank(last) else { return .waitForMore }
    if !insideBrackets { return .run }
    guard lines.count >= 2, isBlank(lines[lines.count - 2]) else { return .waitForMore }
    return .abandon(unclosedBracket(in: source))
  }

  /// The innermost bracket left open in a source, as an error at that bracket.
  static func unclosedBracket(in source: Source) -> Diagnostic {
    var lexer = Lexer(source)
    var open: [Token] = []
    for token in lexer.tokenize() {
      switch token.kind {
      case .leftParen, .leftBracket, .leftBrace: open.append(token)
      case .rightParen, .rightBracket, .rightBrace: _ = open.popLast()
      default: break
      }
    }
    let closers: [Token.Kind: String] = [.leftParen: ")", .leftBracket: "]", .leftBrace: "}"]
    guard let bracket = open.last else {
      return Diagnostic(.syntax, "the input was left unfinished", in: source, hint: "two empty lines start afresh")
    }
    let text = source.text(bracket.span)
    return Diagnostic(
      .syntax, "'\(text)' is never closed", at: bracket.span, in: source,
      hint: "two empty lines dropped this input; type it again with its '\(closers[bracket.kind] ?? "")'")
  }
}
