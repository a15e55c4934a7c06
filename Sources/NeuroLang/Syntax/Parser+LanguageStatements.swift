/// The statements of the language itself: names, output, files, functions and control flow, one function each.
extension Parser {
  /// `let x = …`
  mutating func parseDefinition() throws -> StmtKind {
    advance()
    let (name, nameSpan) = try expectIdentifier("a name after 'let'")
    try expect(.equal, "'=' after the name", hint: "a definition reads: let x = 10mV")
    if case .identifier("connect") = current.kind, statementHasArrow {
      return try parseConnect(naming: (name, nameSpan))
    }
    if case .identifier("fit") = current.kind, isIdentifier(at: 1), statementHasWord("on") {
      return try parseFit(naming: (name, nameSpan))
    }
    return .define(name: name, nameSpan: nameSpan, value: try parseExpression())
  }

  /// `print a, b`
  mutating func parsePrint() throws -> StmtKind {
    advance()
    var values: [Expr] = []
    if !atStatementEnd {
      values.append(try parseExpression())
      while match(.comma) { values.append(try parseExpression()) }
    }
    return .print(values)
  }

  /// `import "lif"`
  mutating func parseImport() throws -> StmtKind {
    advance()
    guard case .string(let path) = current.kind else {
      throw error("expected a file name in quotes after 'import'", at: current, hint: "import \"presets\"")
    }
    advance()
    return .importFile(path: path)
  }

  /// `fn name(a, b: 2) { … }`
  mutating func parseFunctionStatement(_ start: Span) throws -> StmtKind {
    advance()
    return try parseFunction(start)
  }

  /// `if … { } else { }`
  mutating func parseIf() throws -> StmtKind {
    advance()
    return try parseConditional()
  }

  /// `for x in xs { }`
  mutating func parseFor() throws -> StmtKind {
    advance()
    return try parseForEach()
  }

  /// `while … { }`
  mutating func parseWhile() throws -> StmtKind {
    advance()
    let condition = try parseExpression()
    loopDepth += 1
    defer { loopDepth -= 1 }
    return .repeatWhile(condition: condition, body: try parseBlock(after: "while …"))
  }

  /// `return value`
  mutating func parseReturn() throws -> StmtKind {
    if functionDepth == 0 { throw error("'return' outside a function", at: current) }
    advance()
    return .returnValue(atStatementEnd ? nil : try parseExpression())
  }

  /// `break` and `continue`
  mutating func parseBreakOrContinue() throws -> StmtKind {
    let isBreak = current.kind == .keyword(.break)
    if loopDepth == 0 {
      throw error(
        "'\(isBreak ? "break" : "continue")' outside a loop", at: current,
        hint: "it belongs inside for … { } or while … { }")
    }
    advance()
    return isBreak ? .breakLoop : .continueLoop
  }

  /// `save n.v to "v.csv"`
  mutating func parseSave() throws -> StmtKind {
    advance()
    let value = try parseExpressionWithoutRange()
    try expect(.keyword(.to), "'to' and a file name", hint: "save n.v to \"v.csv\"")
    return .save(value: value, path: try parseExpression())
  }

  /// `seed 42`
  mutating func parseSeed() throws -> StmtKind {
    advance()
    if atStatementEnd { throw error("expected a number after 'seed'", at: current, hint: "seed 42") }
    return .seed(try parseExpression())
  }
}
