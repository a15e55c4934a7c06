/// `model NAME { … }`: the clauses of a model written in neuro.
extension Parser {
  mutating func parseModel(_ start: Span) throws -> ModelDeclaration {
    let (name, nameSpan) = try expectIdentifier("a model name after 'model'")
    var declaration = ModelDeclaration(name: name, nameSpan: nameSpan)
    declaration.documentation = documentation(above: start)
    let open = current
    try expect(.leftBrace, "'{' after the model's name", hint: "model name { dv/dt = … }")
    var failedClauses = false
    blockDepth += 1
    defer { blockDepth -= 1 }
    while true {
      skipSeparators()
      if match(.rightBrace) { break }
      if check(.endOfInput) {
        throw error(
          "expected '}' to close '{' opened at \(open.span.start.line):\(open.span.start.column), found end of input",
          at: current)
      }
      do {
        try parseModelClause(&declaration)
        try expectEndOfStatement()
      } catch {
        if check(.endOfInput) { throw error }
        synchronize()
        failedClauses = true
      }
    }
    if failedClauses { throw Abandon() }
    if declaration.equations.isEmpty {
      throw error(
        "the model '\(name)' has no equation", span: nameSpan, hint: "write one line per state variable: dv/dt = …")
    }
    return declaration
  }

  private mutating func parseModelClause(_ declaration: inout ModelDeclaration) throws {
    guard case .identifier(let word) = current.kind else {
      throw error(
        "expected an equation (dv/dt = …), on, params, init, method or refractory, found "
          + "\(current.kind.describedForHumans)",
        at: current)
    }
    let next = tokens[min(position + 1, tokens.count - 1)].kind
    let afterNext = tokens[min(position + 2, tokens.count - 1)].kind
    if word.count > 1, word.hasPrefix("d"), next == .slash, afterNext == .identifier("dt") {
      let stateSpan = advance().span
      advance()
      advance()
      try expect(.equal, "'=' after d\(word.dropFirst())/dt")
      let state = String(word.dropFirst())
      if declaration.equations.contains(where: { $0.state == state }) {
        throw error("'\(state)' has two equations", span: stateSpan)
      }
      declaration.equations.append((state, stateSpan, try parseExpression()))
      return
    }
    advance()
    switch word {
    case "on":
      if declaration.condition != nil { throw error("a model has one 'on' clause", at: previous) }
      declaration.condition = try parseExpression()
      try expect(.leftBrace, "'{' and the resets", hint: "on v > 0mV { v = V_r; w += b }")
      while true {
        while check(.newline) || check(.semicolon) { advance() }
        if match(.rightBrace) { break }
        let (state, stateSpan) = try expectIdentifier("a state variable to reset")
        let increment: Bool
        if match(.equal) {
          increment = false
        } else if match(.plusEqual) {
          increment = true
        } else {
          throw error("expected '=' or '+=' after '\(state)'", at: current)
        }
        declaration.resets.append((state, stateSpan, increment, try parseExpression()))
        if !(check(.newline) || check(.semicolon) || check(.rightBrace)) {
          throw error("expected a new line or ';' between resets", at: current)
        }
      }
    case "params", "init":
      var fields: [RecordField] = []
      repeat {
        while check(.newline) { advance() }
        let (name, nameSpan) = try expectIdentifier("a name")
        try expect(.colon, "':' after '\(name)'", hint: "\(word) \(name): 10mV")
        fields.append(RecordField(name: name, nameSpan: nameSpan, value: try parseExpression()))
      } while match(.comma)
      if word == "params" { declaration.parameters += fields } else { declaration.initialValues += fields }
    case "method":
      _ = match(.colon)
      let (method, span) = try expectIdentifier("an integration method (euler, rk2, rk4, exponential_euler)")
      declaration.method = (method, span)
    case "refractory":
      _ = match(.colon)
      declaration.refractory = try parseExpression()
    default:
      throw error(
        "expected an equation (dv/dt = …), on, params, init, method or refractory, found '\(word)'", at: previous)
    }
  }
}
