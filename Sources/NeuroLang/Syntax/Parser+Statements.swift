import NeuroUnits

/// Statements: one per line, each starting with a keyword or an expression.
extension Parser {
  /// Parses one statement: a reserved keyword's, a contextual statement word's when what follows
  /// fits it, or an expression (perhaps assigned to).
  mutating func parseStatement() throws -> Stmt {
    operatorsInStatement = 0
    let start = current.span
    let kind: StmtKind
    if let call = parseWholeLinePlotCall() {
      kind = call
    } else if case .keyword(let keyword) = current.kind, let parse = Parser.keywordStatements[keyword] {
      kind = try parse(&self, start)
    } else if case .identifier(let word) = current.kind, let (fits, parse) = Parser.contextualStatements[word],
      fits(self)
    {
      kind = try parse(&self, start)
    } else if check(.else) {
      throw error(
        "'else' without an 'if'", at: current, hint: "'else' goes on the same line as the '}' before it: } else {")
    } else {
      kind = try parseExpressionOrAssignment()
    }
    return Stmt(kind: kind, span: start.through(previous.span))
  }

  /// `plot(n.v, m.v, from: 10ms)` on a line of its own: a call of the built-in (its figure is drawn), when the
  /// whole line parses as one expression; else nil, and the line is the `plot` statement (`plot (n.v) from 10ms`).
  private mutating func parseWholeLinePlotCall() -> StmtKind? {
    guard check(.keyword(.plot)), tokenKind(at: 1) == .leftParen else { return nil }
    let saved = self
    if let expr = try? parseExpression(), atStatementEnd { return .expression(expr) }
    self = saved
    return nil
  }

  typealias StatementParser = @Sendable (inout Parser, Span) throws -> StmtKind

  /// The statement each reserved keyword starts.
  static let keywordStatements: [Keyword: StatementParser] = [
    .`let`: { p, _ in try p.parseDefinition() },
    .neuron: { p, _ in try p.parseNeuron() },
    .inject: { p, _ in try p.parseInjection() },
    .run: { p, _ in try p.parseRun() },
    .reset: { p, _ in try p.parseReset() },
    .plot: { p, _ in try p.parsePlot() },
    .print: { p, _ in try p.parsePrint() },
    .`import`: { p, _ in try p.parseImport() },
    .fn: { p, start in try p.parseFunctionStatement(start) },
    .`if`: { p, _ in try p.parseIf() },
    .`for`: { p, _ in try p.parseFor() },
    .`while`: { p, _ in try p.parseWhile() },
    .`return`: { p, _ in try p.parseReturn() },
    .`break`: { p, _ in try p.parseBreakOrContinue() },
    .`continue`: { p, _ in try p.parseBreakOrContinue() },
    .save: { p, _ in try p.parseSave() },
    .seed: { p, _ in try p.parseSeed() },
  ]

  /// Statement words that are not reserved: each starts its statement only when the tokens after
  /// it fit (`connect a -> b`, `population exc[10] = …`), so that the word can still name a value.
  static let contextualStatements: [String: (fits: @Sendable (Parser) -> Bool, parse: StatementParser)] = [
    "population": (
      { p in p.isIdentifier(at: 1) && p.tokenKind(at: 2) == .leftBracket }, { p, _ in try p.parsePopulation() }
    ),
    "input": ({ p in p.isIdentifier(at: 1) && p.tokenKind(at: 2) == .equal }, { p, _ in try p.parseInput() }),
    "connect": ({ p in p.isIdentifier(at: 1) && p.statementHasArrow }, { p, _ in try p.parseConnect() }),
    "drive": ({ p in p.isIdentifier(at: 1) }, { p, _ in try p.parseDrive() }),
    "fit": (
      { p in
        !p.atStatementEnd(after: 1) && p.tokenKind(at: 1) != .equal && p.statementHasWord("on")
      },
      { p, _ in try p.parseFit() }
    ),
    "record": ({ p in p.isIdentifier(at: 1) && p.tokenKind(at: 2) == .dot }, { p, _ in try p.parseRecord() }),
    "hist": (
      { p in !p.atStatementEnd(after: 1) && p.tokenKind(at: 1) != .equal && p.tokenKind(at: 1) != .leftParen },
      { p, _ in try p.parseHistogram() }
    ),
    "heatmap": (
      { p in !p.atStatementEnd(after: 1) && p.tokenKind(at: 1) != .equal && p.tokenKind(at: 1) != .leftParen },
      { p, _ in try p.parseHeatmap() }
    ),
    "raster": ({ p in p.isIdentifier(at: 1) }, { p, _ in try p.parseRaster() }),
    "model": (
      { p in p.isIdentifier(at: 1) && p.tokenKind(at: 2) == .leftBrace },
      { p, start in try p.parseModelStatement(start) }
    ),
    "event": ({ p in p.isIdentifier(at: 1) && p.tokenKind(at: 2) == .dot }, { p, _ in try p.parseEvent() }),
    "threads": (
      { p in
        // `threads 2`, `threads n`, `threads "two"` (a diagnostic); not `threads + 1` with a value so named.
        switch p.tokenKind(at: 1) {
        case .number, .identifier, .string, .interpolatedString: return true
        default: return false
        }
      },
      { p, _ in
        p.advance()
        return .threads(try p.parseExpression())
      }
    ),
    "report": (
      { p in
        switch p.tokenKind(at: 1) {
        case .string, .interpolatedString: return true
        default: return false
        }
      },
      { p, _ in
        p.advance()
        return .report(try p.parseExpression())
      }
    ),
    "check": ({ p in p.isIdentifier(at: 1) || p.atStatementEnd(after: 1) }, { p, _ in try p.parseCheck() }),
    "why": (
      { p in !p.atStatementEnd(after: 1) && p.tokenKind(at: 1) != .equal && p.tokenKind(at: 1) != .leftParen },
      { p, start in try p.parseWhy(start) }
    ),
    "explain": (
      { p in !p.atStatementEnd(after: 1) && p.tokenKind(at: 1) != .equal && p.tokenKind(at: 1) != .leftParen },
      { p, start in try p.parseWhy(start) }
    ),
    "export": (
      { p in p.isIdentifier(at: 1) && (p.tokenKind(at: 2) == .keyword(.to) || p.atStatementEnd(after: 2)) },
      { p, _ in try p.parseExport() }
    ),
  ]

  /// `from A to B`, either part optional; with `allowingLength`, `for D` instead of `to B`.
  mutating func parseTimeWindow(allowingLength: Bool = false) throws -> TimeWindow {
    var window = TimeWindow()
    if match(.from) { window.from = try parseExpressionWithoutRange() }
    if match(.to) {
      window.to = try parseExpressionWithoutRange()
    } else if allowingLength, match(.for) {
      window.length = try parseExpressionWithoutRange()
    }
    if check(.from) {
      throw error("'from' must come before 'to'", at: current, hint: "from 20ms to 60ms")
    }
    if check(.for) || check(.to) {
      throw error(
        allowingLength
          ? "give either 'to' (an end time) or 'for' (a duration), not both"
          : "expected the end of the line, found \(current.kind.describedForHumans)",
        at: current, hint: allowingLength ? "inject n 1nA from 20ms for 40ms" : nil)
    }
    return window
  }

  private mutating func parseExpressionOrAssignment() throws -> StmtKind {
    let target = try parseExpression()
    guard check(.equal) else { return .expression(target) }
    let equalToken = advance()
    switch target.kind {
    case .name(let name):
      return .assign(name: name, nameSpan: target.span, value: try parseExpression())
    case .member(let object, let member, let memberSpan):
      return .assignMember(object: object, member: member, memberSpan: memberSpan, value: try parseExpression())
    default:
      throw error(
        "cannot assign to this expression", span: target.span,
        hint: equalToken.span.start.line == target.span.start.line
          ? "to compare, write '=='; to define a name, write 'let x = …'" : nil)
    }
  }
}

/// Blocks, functions and control flow.
extension Parser {
  /// `{ statements }`, each statement recovering from its own errors.
  mutating func parseBlock(after what: String) throws -> [Stmt] {
    let open = current
    try expect(.leftBrace, "'{' after \(what)", hint: "a block reads: \(what) { … }")
    guard nesting < Self.maximumNesting else {
      gaveUp = true
      throw error(
        "blocks nested too deeply (more than \(Self.maximumNesting) levels)", at: open,
        hint: "move the inner blocks into a function")
    }
    blockDepth += 1
    nesting += 1
    defer {
      blockDepth -= 1
      nesting -= 1
    }
    var statements: [Stmt] = []
    while true {
      skipSeparators()
      if match(.rightBrace) { return statements }
      if check(.endOfInput) {
        throw error(
          "expected '}' to close '{' opened at \(open.span.start.line):\(open.span.start.column), found end of input",
          at: current)
      }
      do {
        let statement = try parseStatement()
        try expectEndOfStatement()
        statements.append(statement)
      } catch {
        if check(.endOfInput) || gaveUp { throw error }
        synchronize()
      }
    }
  }

  mutating func parseFunction(_ start: Span) throws -> StmtKind {
    let (name, nameSpan) = try expectIdentifier("a function name after 'fn'")
    let open = try expect(.leftParen, "'(' after the function's name", hint: "fn name(a, b: 2) { … }")
    var parameters: [Parameter] = []
    var seen: Set<String> = []
    while !check(.rightParen) {
      let (parameter, span) = try expectIdentifier("a parameter name")
      guard seen.insert(parameter).inserted else {
        throw error("the parameter '\(parameter)' is named twice", span: span)
      }
      let defaultValue = match(.colon) ? try parseExpression() : nil
      if defaultValue == nil, parameters.last?.defaultValue != nil {
        throw error(
          "a parameter without a default cannot follow one with a default", span: span,
          hint: "put '\(parameter)' before the parameters that have defaults")
      }
      parameters.append(Parameter(name: parameter, span: span, defaultValue: defaultValue))
      if !match(.comma) { break }
    }
    if !match(.rightParen) {
      throw error(
        "expected ')' to close '(' opened at \(open.span.start.line):\(open.span.start.column), found "
          + "\(current.kind.describedForHumans)",
        at: current)
    }
    let savedLoops = loopDepth
    loopDepth = 0
    functionDepth += 1
    defer {
      functionDepth -= 1
      loopDepth = savedLoops
    }
    let body = try parseBlock(after: "fn \(name)(…)")
    return .function(
      FunctionDeclaration(
        name: name, nameSpan: nameSpan, parameters: parameters, body: body, documentation: documentation(above: start)))
  }

  /// The `##` comment lines right above a line, joined.
  func documentation(above span: Span) -> String? {
    var lines: [String] = []
    var n = span.start.line - 1
    while n >= 1 {
      let text = source.line(n).drop { $0 == " " || $0 == "\t" }
      guard text.hasPrefix("##") else { break }
      lines.insert(String(text.dropFirst(2).drop { $0 == " " }), at: 0)
      n -= 1
    }
    return lines.isEmpty ? nil : lines.joined(separator: "\n")
  }

  mutating func parseConditional() throws -> StmtKind {
    var branches: [(condition: Expr, body: [Stmt])] = []
    var otherwise: [Stmt]? = nil
    repeat {
      let condition = try parseExpression()
      branches.append((condition, try parseBlock(after: "if …")))
      guard match(.else) else { break }
      if match(.if) { continue }
      otherwise = try parseBlock(after: "else")
      break
    } while true
    return .conditional(branches: branches, otherwise: otherwise)
  }

  mutating func parseForEach() throws -> StmtKind {
    let (name, nameSpan) = try expectIdentifier("a name after 'for'")
    try expect(.keyword(.in), "'in' after the loop's name", hint: "for x in [1, 2, 3] { … }")
    let sequence = try parseExpression()
    loopDepth += 1
    defer { loopDepth -= 1 }
    return .forEach(name: name, nameSpan: nameSpan, sequence: sequence, body: try parseBlock(after: "for \(name) in …"))
  }

  /// The kind of the token `ahead` places on.
  func tokenKind(at ahead: Int) -> Token.Kind { tokens[min(position + ahead, tokens.count - 1)].kind }

  func isIdentifier(at ahead: Int) -> Bool {
    if case .identifier = tokenKind(at: ahead) { return true }
    return false
  }

  /// True when the token `ahead` places on is the name of a unit (`mV`, `ms`).
  func isUnitName(at ahead: Int) -> Bool {
    if case .identifier(let name) = tokenKind(at: ahead) { return UnitTable.unit(named: name) != nil }
    return false
  }

  /// True when the token `ahead` places on ends the statement.
  func atStatementEnd(after ahead: Int) -> Bool {
    switch tokenKind(at: ahead) {
    case .newline, .semicolon, .endOfInput, .rightBrace: return true
    default: return false
    }
  }

  /// True when the word `word` comes before the end of the statement (`fit net on data`).
  func statementHasWord(_ word: String) -> Bool {
    var i = position
    while i < tokens.count {
      switch tokens[i].kind {
      case .identifier(let w) where w == word: return true
      case .newline, .semicolon, .endOfInput: return false
      default: i += 1
      }
    }
    return false
  }

  /// True when `->` comes before the end of the statement (a connect statement).
  var statementHasArrow: Bool {
    var i = position
    while i < tokens.count {
      switch tokens[i].kind {
      case .arrow: return true
      case .newline, .semicolon, .endOfInput: return false
      default: i += 1
      }
    }
    return false
  }

  /// True at the end of a statement (nothing more to read on it).
  var atStatementEnd: Bool {
    check(.newline) || check(.semicolon) || check(.endOfInput) || (blockDepth > 0 && check(.rightBrace))
  }
}
