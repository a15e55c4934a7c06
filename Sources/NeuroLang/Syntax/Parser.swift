import NeuroUnits

/// Builds statements from tokens. Each mistake is reported once: after an
/// error the parser skips to the next line and goes on.
public struct Parser {
  let source: Source
  var tokens: [Token]
  var position = 0
  public internal(set) var diagnostics: [Diagnostic] = []
  /// Lines on which the lexer reported an error; the parser adds none there (one message per mistake).
  private var linesWithLexicalErrors: Set<Int> = []
  /// How many blocks `{ … }` enclose the statement being parsed.
  var blockDepth = 0
  /// How many loops and functions enclose it (for `break` and `return`).
  var loopDepth = 0
  var functionDepth = 0
  /// How many brackets, blocks, signs and `load`s enclose what is being parsed now.
  var nesting = 0
  /// Deeper input is refused: every phase after the parser recurses over the tree it builds.
  static let maximumNesting = 200
  /// Binary operators in the statement so far: a flat chain makes a tree as deep as it is long.
  var operatorsInStatement = 0
  static let maximumOperators = 10_000
  /// Set after input nested too deeply: the parser stops there (each line below would say it again).
  var gaveUp = false
  /// False where `to` belongs to the statement (`inject n 1nA from 0ms to 5ms`), not to a range.
  var rangesAllowed = true
  /// True where `in` followed by anything but a unit belongs to the statement (`event … in 10ms`).
  var inEndsExpression = false

  /// Thrown inside the parser to abandon the current statement.
  struct Abandon: Error {}

  public init(_ source: Source) {
    self.init(source, lexer: Lexer(source))
  }

  /// A parser over what a lexer reads (all of a source, or an expression inside a string).
  init(_ source: Source, lexer: Lexer) {
    self.source = source
    var lexer = lexer
    tokens = lexer.tokenize()
    diagnostics = lexer.diagnostics
    linesWithLexicalErrors = Set(lexer.diagnostics.compactMap { $0.span?.start.line })
  }

  /// Parses the whole source: statements, and every syntax error found.
  public static func parse(_ source: Source) -> (statements: [Stmt], diagnostics: [Diagnostic]) {
    LargeStack.run {
      var parser = Parser(source)
      let statements = parser.parseProgram()
      return (statements, parser.diagnostics)
    }
  }

  /// Parses one level deeper, refusing input nested more than `maximumNesting` levels.
  mutating func nested<T>(_ parse: (inout Parser) throws -> T) throws -> T {
    guard nesting < Self.maximumNesting else {
      gaveUp = true
      throw error(
        "nested too deeply (more than \(Self.maximumNesting) levels)", at: current,
        hint: "give the inner parts names with let")
    }
    nesting += 1
    defer { nesting -= 1 }
    return try parse(&self)
  }

  /// Counts one more binary operator in the statement, refusing more than `maximumOperators`.
  mutating func countOperator() throws {
    operatorsInStatement += 1
    guard operatorsInStatement <= Self.maximumOperators else {
      throw error(
        "this statement is too long (more than \(Self.maximumOperators) operators)", at: current,
        hint: "split it over several lines with let, or use sum() on a list")
    }
  }

  /// Every statement up to the end of input.
  public mutating func parseProgram() -> [Stmt] {
    var statements: [Stmt] = []
    while true {
      skipSeparators()
      if check(.endOfInput) { return statements }
      do {
        let statement = try parseStatement()
        try expectEndOfStatement()
        statements.append(statement)
      } catch {
        if gaveUp { return statements }
        synchronize()
      }
    }
  }

  // MARK: - Token helpers

  var current: Token { tokens[min(position, tokens.count - 1)] }
  var previous: Token { tokens[max(0, min(position - 1, tokens.count - 1))] }

  func check(_ kind: Token.Kind) -> Bool { current.kind == kind }
  func check(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

  @discardableResult
  mutating func advance() -> Token {
    let token = current
    if position < tokens.count - 1 { position += 1 }
    return token
  }

  mutating func match(_ kind: Token.Kind) -> Bool {
    guard check(kind) else { return false }
    advance()
    return true
  }

  mutating func match(_ keyword: Keyword) -> Bool { match(.keyword(keyword)) }

  /// Consumes a token of `kind` or reports what was expected.
  @discardableResult
  mutating func expect(_ kind: Token.Kind, _ what: String, hint: String? = nil) throws -> Token {
    if check(kind) { return advance() }
    throw error("expected \(what), found \(current.kind.describedForHumans)", at: current, hint: spacedUnitHint ?? hint)
  }

  mutating func expectIdentifier(_ what: String) throws -> (String, Span) {
    if case .identifier(let name) = current.kind {
      advance()
      return (name, previous.span)
    }
    if case .keyword(let k) = current.kind {
      throw error("'\(k.rawValue)' is a reserved word and cannot be used as a name", at: current)
    }
    throw error("expected \(what), found \(current.kind.describedForHumans)", at: current)
  }

  /// Records a syntax error at a token; the caller throws the result.
  mutating func error(_ message: String, at token: Token, hint: String? = nil) -> Abandon {
    error(message, span: token.span, incomplete: isEndOfInput(token), hint: hint)
  }

  mutating func error(_ message: String, span: Span, incomplete: Bool = false, hint: String? = nil) -> Abandon {
    var diagnostic = Diagnostic(.syntax, message, at: span, in: source, hint: hint)
    diagnostic.isIncompleteInput = incomplete
    if !linesWithLexicalErrors.contains(span.start.line) { diagnostics.append(diagnostic) }
    return Abandon()
  }

  /// True for the end of input, or a line break with nothing after it (the REPL then reads on).
  private func isEndOfInput(_ token: Token) -> Bool {
    if token.kind == .endOfInput { return true }
    guard token.kind == .newline, token == current else { return false }
    return tokens[position...].allSatisfy { $0.kind == .newline || $0.kind == .endOfInput }
  }

  mutating func skipSeparators() {
    while check(.newline) || check(.semicolon) { advance() }
  }

  /// Skips to the start of the next statement after an error (inside a block, not past its '}').
  /// A block opened on the broken line is skipped whole, so its lines add no errors of their own.
  mutating func synchronize() {
    var depth = 0
    while !check(.endOfInput) {
      if depth == 0 && (check(.newline) || check(.semicolon) || (blockDepth > 0 && check(.rightBrace))) { return }
      if check(.leftBrace) { depth += 1 }
      if check(.rightBrace) { depth -= 1 }
      advance()
    }
  }

  /// Words that begin a statement: keywords, and the names that do so only at a line's start.
  static let statementWords = (keywordStatements.keys.map(\.rawValue) + contextualStatements.keys).sorted()

  /// The statement word a lone first word followed by a name or a value was probably meant to be
  /// (`nuron k = lif()`, `pirnt x`).
  private var misspelledStatementWord: String? {
    guard position >= 1, case .identifier(let word) = previous.kind else { return nil }
    switch current.kind {
    case .identifier, .number, .string: break
    default: return nil
    }
    let before = position >= 2 ? tokens[position - 2].kind : .newline
    guard before == .newline || before == .semicolon || before == .leftBrace else { return nil }
    return closestName(to: word, among: Parser.statementWords)
  }

  /// The hint for a unit name written after a number with a space between (`10 ms`), wherever it stops the parse.
  var spacedUnitHint: String? {
    guard position >= 1, case .identifier(let name) = current.kind, UnitTable.unit(named: name) != nil,
      case .number = previous.kind
    else { return nil }
    return "write the unit right after the number, without a space: \(source.text(previous.span))\(name)"
  }

  mutating func expectEndOfStatement() throws {
    if check(.newline) || check(.semicolon) || check(.endOfInput) { return }
    if blockDepth > 0 && check(.rightBrace) { return }
    var hint: String? = nil
    if let word = misspelledStatementWord {
      hint = "did you mean '\(word)'?"
    } else if let spaced = spacedUnitHint {
      hint = spaced
    } else if check(.equal) {
      hint = "only a name or a parameter such as n.tau can be assigned"
    } else if check(.rightBrace) {
      hint = "there is no open '{' for this '}' to close"
    } else if check(.else) {
      hint = "'else' goes on the same line as the '}' before it: } else {"
    }
    throw error("expected the end of the statement, found \(current.kind.describedForHumans)", at: current, hint: hint)
  }
}
