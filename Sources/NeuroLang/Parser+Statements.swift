/// Statements: one per line, each starting with a keyword or an expression.
extension Parser {
  /// Parses one statement.
  mutating func parseStatement() throws -> Stmt {
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
      if check(.newline) || check(.endOfInput) || check(.from) || check(.to) {
        throw error("expected a current after the neuron", at: current, hint: "inject n 2.5nA from 20ms to 60ms")
      }
      let amount = try parseExpression()
      let (from, to) = try parseTimeWindow()
      kind = .inject(target: target, current: amount, from: from, to: to)
    case .keyword(.run):
      advance()
      if check(.newline) || check(.endOfInput) || check(.semicolon) {
        throw error("expected a duration after 'run'", at: current, hint: "run 100ms")
      }
      kind = .run(duration: try parseExpression())
    case .keyword(.reset):
      advance()
      kind = .reset
    case .keyword(.plot):
      advance()
      if check(.newline) || check(.endOfInput) || check(.semicolon) {
        throw error("expected something to plot", at: current, hint: "plot n.v")
      }
      var traces = [try parseExpression()]
      while match(.comma) { traces.append(try parseExpression()) }
      let (from, to) = try parseTimeWindow()
      kind = .plot(traces: traces, from: from, to: to)
    case .keyword(.print):
      advance()
      var values: [Expr] = []
      if !(check(.newline) || check(.endOfInput) || check(.semicolon)) {
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
    default:
      kind = try parseExpressionOrAssignment()
    }
    return Stmt(kind: kind, span: start.through(previous.span))
  }

  /// Optional `from T1` and `to T2`, in that order.
  private mutating func parseTimeWindow() throws -> (Expr?, Expr?) {
    var from: Expr? = nil, to: Expr? = nil
    if match(.from) { from = try parseExpression() }
    if match(.to) { to = try parseExpression() }
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
