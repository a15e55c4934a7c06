/// Statements: one per line, each starting with a keyword or an expression.
extension Parser {
  /// Parses one statement.
  mutating func parseStatement() throws -> Stmt {
    operatorsInStatement = 0
    let start = current.span
    let kind: StmtKind
    switch current.kind {
    case .keyword(.let):
      advance()
      let (name, nameSpan) = try expectIdentifier("a name after 'let'")
      try expect(.equal, "'=' after the name", hint: "a definition reads: let x = 10mV")
      kind = .define(name: name, nameSpan: nameSpan, value: try parseExpression())
    case .keyword(.neuron):
      advance()
      let (name, nameSpan) = try expectIdentifier("a name after 'neuron'")
      try expect(.equal, "'=' after the neuron's name", hint: "a neuron is made like this: neuron n = lif(tau: 10ms)")
      kind = .neuron(name: name, nameSpan: nameSpan, model: try parseExpression())
    case .keyword(.inject):
      advance()
      if check(.newline) || check(.endOfInput) {
        throw error("expected a neuron after 'inject'", at: current, hint: "inject n 2.5nA from 20ms to 60ms")
      }
      let target = try parsePostfix()
      if atStatementEnd || check(.from) || check(.to) {
        throw error("expected a current after the neuron", at: current, hint: "inject n 2.5nA from 20ms to 60ms")
      }
      let amount = try parseExpressionWithoutRange()
      let (from, to) = try parseTimeWindow()
      kind = .inject(target: target, current: amount, from: from, to: to)
    case .keyword(.run):
      advance()
      if atStatementEnd {
        throw error("expected a duration after 'run'", at: current, hint: "run 100ms")
      }
      kind = .run(duration: try parseExpression())
    case .keyword(.reset):
      advance()
      kind = .reset
    case .keyword(.plot):
      advance()
      if atStatementEnd {
        throw error("expected something to plot", at: current, hint: "plot n.v")
      }
      var traces = [try parseExpressionWithoutRange()]
      while match(.comma) { traces.append(try parseExpressionWithoutRange()) }
      let (from, to) = try parseTimeWindow()
      kind = .plot(traces: traces, from: from, to: to)
    case .keyword(.print):
      advance()
      var values: [Expr] = []
      if !atStatementEnd {
        values.append(try parseExpression())
        while match(.comma) { values.append(try parseExpression()) }
      }
      kind = .print(values)
    case .keyword(.import):
      advance()
      guard case .string(let path) = current.kind else {
        throw error("expected a file name in quotes after 'import'", at: current, hint: "import \"presets\"")
      }
      advance()
      kind = .importFile(path: path)
    case .keyword(.fn):
      advance()
      kind = try parseFunction(start)
    case .keyword(.if):
      advance()
      kind = try parseConditional()
    case .keyword(.for):
      advance()
      kind = try parseForEach()
    case .keyword(.while):
      advance()
      let condition = try parseExpression()
      loopDepth += 1
      defer { loopDepth -= 1 }
      kind = .repeatWhile(condition: condition, body: try parseBlock(after: "while …"))
    case .keyword(.return):
      if functionDepth == 0 { throw error("'return' outside a function", at: current) }
      advance()
      kind = .returnValue(atStatementEnd ? nil : try parseExpression())
    case .keyword(.break), .keyword(.continue):
      let isBreak = current.kind == .keyword(.break)
      if loopDepth == 0 {
        throw error("'\(isBreak ? "break" : "continue")' outside a loop", at: current, hint: "it belongs inside for … { } or while … { }")
      }
      advance()
      kind = isBreak ? .breakLoop : .continueLoop
    case .keyword(.save):
      advance()
      let value = try parseExpressionWithoutRange()
      try expect(.keyword(.to), "'to' and a file name", hint: "save n.v to \"v.csv\"")
      kind = .save(value: value, path: try parseExpression())
    case .keyword(.seed):
      advance()
      if atStatementEnd { throw error("expected a number after 'seed'", at: current, hint: "seed 42") }
      kind = .seed(try parseExpression())
    case .identifier("population") where isIdentifier(at: 1) && tokenKind(at: 2) == .leftBracket:
      advance()
      let (name, nameSpan) = try expectIdentifier("a population name")
      try expect(.leftBracket, "'[' and the number of neurons")
      let size = try parseExpression()
      try expect(.rightBracket, "']' after the number of neurons", hint: "population exc[3200] = lif()")
      try expect(.equal, "'=' and a model", hint: "population exc[3200] = lif()")
      kind = .population(name: name, nameSpan: nameSpan, size: size, model: try parseExpression())
    case .identifier("input") where isIdentifier(at: 1) && tokenKind(at: 2) == .equal:
      advance()
      let (name, nameSpan) = try expectIdentifier("an input name")
      advance()
      kind = .input(name: name, nameSpan: nameSpan, source: try parseExpression())
    case .identifier("connect") where isIdentifier(at: 1) && statementHasArrow:
      advance()
      let pre = try parsePostfix()
      try expect(.arrow, "'->' between the two groups of neurons", hint: "connect exc -> inh with p: 0.02, weight: 1mV")
      let post = try parsePostfix()
      var options: [Argument] = []
      if case .identifier("with") = current.kind {
        advance()
        repeat { options.append(try parseArgument()) } while match(.comma)
      }
      kind = .connect(pre: pre, post: post, options: options)
    case .identifier("record") where isIdentifier(at: 1) && tokenKind(at: 2) == .dot:
      advance()
      kind = .record(try parseExpressionWithoutRange())
    case .identifier("hist") where !atStatementEnd(after: 1) && tokenKind(at: 1) != .equal && tokenKind(at: 1) != .leftParen:
      advance()
      let values = try parseExpression()
      var options: [Argument] = []
      while match(.comma) { options.append(try parseArgument()) }
      kind = .histogram(values, options: options)
    case .identifier("heatmap") where !atStatementEnd(after: 1) && tokenKind(at: 1) != .equal && tokenKind(at: 1) != .leftParen:
      advance()
      kind = .heatmap(try parseExpression())
    case .identifier("raster") where isIdentifier(at: 1):
      advance()
      let target = try parsePostfix()
      let (from, to) = try parseTimeWindow()
      kind = .raster(target, from: from, to: to)
    case .identifier("model") where isIdentifier(at: 1) && tokenKind(at: 2) == .leftBrace:
      advance()
      kind = .model(try parseModel(start))
    case .identifier("event") where isIdentifier(at: 1) && tokenKind(at: 2) == .dot:
      advance()
      let target = try parsePostfix()
      try expect(.plusEqual, "'+=' after the state variable", hint: "event n.g_exc += 5nS at 20ms")
      let amount = try parseExpressionWithoutRange()
      guard case .identifier("at") = current.kind else {
        throw error("expected 'at' and the times of the event, found \(current.kind.describedForHumans)", at: current,
                    hint: "event n.g_exc += 5nS at 20ms, 60ms")
      }
      advance()
      var times = [try parseExpression()]
      while match(.comma) { times.append(try parseExpression()) }
      kind = .event(target: target, amount: amount, times: times)
    case .keyword(.else):
      throw error("'else' without an 'if'", at: current, hint: "'else' goes on the same line as the '}' before it: } else {")
    default:
      kind = try parseExpressionOrAssignment()
    }
    return Stmt(kind: kind, span: start.through(previous.span))
  }

  /// Optional `from T1` and `to T2`, in that order.
  private mutating func parseTimeWindow() throws -> (Expr?, Expr?) {
    var from: Expr? = nil, to: Expr? = nil
    if match(.from) { from = try parseExpressionWithoutRange() }
    if match(.to) { to = try parseExpressionWithoutRange() }
    if check(.from) {
      throw error("'from' must come before 'to'", at: current, hint: "from 20ms to 60ms")
    }
    return (from, to)
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
      throw error("cannot assign to this expression", span: target.span,
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
      throw error("blocks nested too deeply (more than \(Self.maximumNesting) levels)", at: open,
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
        throw error("expected '}' to close '{' opened at \(open.span.start.line):\(open.span.start.column), found end of input", at: current)
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
        throw error("a parameter without a default cannot follow one with a default", span: span,
                    hint: "put '\(parameter)' before the parameters that have defaults")
      }
      parameters.append(Parameter(name: parameter, span: span, defaultValue: defaultValue))
      if !match(.comma) { break }
    }
    if !match(.rightParen) {
      throw error("expected ')' to close '(' opened at \(open.span.start.line):\(open.span.start.column), found \(current.kind.describedForHumans)", at: current)
    }
    let savedLoops = loopDepth
    loopDepth = 0
    functionDepth += 1
    defer {
      functionDepth -= 1
      loopDepth = savedLoops
    }
    let body = try parseBlock(after: "fn \(name)(…)")
    return .function(FunctionDeclaration(
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

  /// True when the token `ahead` places on ends the statement.
  func atStatementEnd(after ahead: Int) -> Bool {
    switch tokenKind(at: ahead) {
    case .newline, .semicolon, .endOfInput, .rightBrace: return true
    default: return false
    }
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
