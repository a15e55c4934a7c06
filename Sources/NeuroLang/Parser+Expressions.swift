import NeuroUnits

/// Expressions, by precedence from loosest to tightest:
/// `or`, `and`, `not`, comparisons, `+ -`, `* /`, unary `-`, `^`, calls and members.
extension Parser {
  /// Parses a whole expression.
  mutating func parseExpression() throws -> Expr { try parseOr() }

  private mutating func parseOr() throws -> Expr {
    try parseLeftAssociative([.keyword(.or): .or]) { try $0.parseAnd() }
  }

  private mutating func parseAnd() throws -> Expr {
    try parseLeftAssociative([.keyword(.and): .and]) { try $0.parseNot() }
  }

  /// One precedence level of left-associative operators: `next (op next)*`.
  private mutating func parseLeftAssociative(
    _ operators: [Token.Kind: BinaryOperator], next: (inout Parser) throws -> Expr
  ) throws -> Expr {
    var left = try next(&self)
    while let op = operators[current.kind] {
      advance()
      left = binary(op, left, try next(&self))
    }
    return left
  }

  private mutating func parseNot() throws -> Expr {
    guard check(.not) else { return try parseComparison() }
    let start = advance().span
    let operand = try parseNot()
    return Expr(kind: .unary(.not, operand), span: start.through(operand.span))
  }

  private mutating func parseComparison() throws -> Expr {
    let left = try parseAdditive()
    guard let op = comparisonOperator(current.kind) else { return left }
    advance()
    let result = binary(op, left, try parseAdditive())
    if comparisonOperator(current.kind) != nil {
      throw error("comparisons cannot be chained", at: current, hint: "combine them with 'and': a < b and b < c")
    }
    return result
  }

  private func comparisonOperator(_ kind: Token.Kind) -> BinaryOperator? {
    switch kind {
    case .equalEqual: return .equal
    case .bangEqual: return .notEqual
    case .less: return .less
    case .lessEqual: return .lessEqual
    case .greater: return .greater
    case .greaterEqual: return .greaterEqual
    default: return nil
    }
  }

  private mutating func parseAdditive() throws -> Expr {
    try parseLeftAssociative([.plus: .add, .minus: .subtract]) { try $0.parseMultiplicative() }
  }

  private mutating func parseMultiplicative() throws -> Expr {
    try parseLeftAssociative([.star: .multiply, .slash: .divide]) { try $0.parseUnary() }
  }

  private mutating func parseUnary() throws -> Expr {
    if check(.minus) {
      let start = advance().span
      let operand = try parseUnary()
      return Expr(kind: .unary(.negate, operand), span: start.through(operand.span))
    }
    if check(.plus) {
      advance()
      return try parseUnary()
    }
    return try parsePower()
  }

  /// `a ^ b`, right-associative, binding tighter than unary minus on its left (`-2^2` is -4).
  private mutating func parsePower() throws -> Expr {
    let base = try parsePostfix()
    guard match(.caret) else { return base }
    return binary(.power, base, try parseUnary())
  }

  /// A primary followed by calls `f(…)`, members `.v` and indexing `[i]`.
  mutating func parsePostfix() throws -> Expr {
    var expr = try parsePrimary()
    while true {
      if check(.leftParen) {
        let open = advance()
        var arguments: [Argument] = []
        if !check(.rightParen) {
          repeat {
            if check(.rightParen) { break }
            arguments.append(try parseArgument())
          } while match(.comma)
        }
        try expectClosing(.rightParen, ")", opened: open)
        expr = Expr(kind: .call(callee: expr, arguments: arguments), span: expr.span.through(previous.span))
      } else if match(.dot) {
        let (name, nameSpan) = try expectIdentifier("a name after '.'")
        expr = Expr(kind: .member(expr, name: name, nameSpan: nameSpan), span: expr.span.through(nameSpan))
      } else if check(.leftBracket) {
        let open = advance()
        let index = try parseExpression()
        try expectClosing(.rightBracket, "]", opened: open)
        expr = Expr(kind: .index(expr, index), span: expr.span.through(previous.span))
      } else {
        return expr
      }
    }
  }

  private mutating func parseArgument() throws -> Argument {
    if case .identifier(let label) = current.kind, tokens[min(position + 1, tokens.count - 1)].kind == .colon {
      let labelSpan = advance().span
      advance()
      return Argument(label: label, labelSpan: labelSpan, value: try parseExpression())
    }
    let value = try parseExpression()
    if check(.equal), case .name(let label) = value.kind {
      throw error("named arguments use ':', not '='", at: current, hint: "write \(label): value")
    }
    return Argument(label: nil, labelSpan: nil, value: value)
  }

  private mutating func parsePrimary() throws -> Expr {
    let token = current
    switch token.kind {
    case .number(let value, let suffix):
      advance()
      var quantity = Quantity(value)
      if let suffix, let unit = UnitTable.unit(named: suffix) { quantity = Quantity(value, unit: unit) }
      return Expr(kind: .number(quantity), span: token.span)
    case .string(let text):
      advance()
      return Expr(kind: .string(text), span: token.span)
    case .keyword(.true):
      advance()
      return Expr(kind: .bool(true), span: token.span)
    case .keyword(.false):
      advance()
      return Expr(kind: .bool(false), span: token.span)
    case .identifier(let name):
      advance()
      return Expr(kind: .name(name), span: token.span)
    case .leftParen:
      advance()
      let inner = try parseExpression()
      try expectClosing(.rightParen, ")", opened: token)
      return Expr(kind: inner.kind, span: token.span.through(previous.span))
    case .leftBracket:
      advance()
      var elements: [Expr] = []
      while !check(.rightBracket) {
        elements.append(try parseExpression())
        if !match(.comma) { break }
      }
      try expectClosing(.rightBracket, "]", opened: token)
      return Expr(kind: .list(elements), span: token.span.through(previous.span))
    case .keyword(let keyword):
      throw error("expected an expression, found '\(keyword.rawValue)'", at: token,
                  hint: keywordHint(keyword))
    default:
      throw error("expected an expression, found \(token.kind.describedForHumans)", at: token)
    }
  }

  private func keywordHint(_ keyword: Keyword) -> String? {
    switch keyword {
    case .run, .reset, .plot, .print, .inject, .neuron, .let, .import:
      return "'\(keyword.rawValue)' starts a statement of its own line"
    default:
      return nil
    }
  }

  /// Expects the bracket that closes `open`, naming where it was opened.
  private mutating func expectClosing(_ kind: Token.Kind, _ symbol: String, opened open: Token) throws {
    if match(kind) { return }
    let at = "\(open.span.start.line):\(open.span.start.column)"
    throw error("expected '\(symbol)' to close '\(open.kind.symbol)' opened at \(at), found \(current.kind.describedForHumans)",
                at: current)
  }

  private func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr) -> Expr {
    Expr(kind: .binary(op, left, right), span: left.span.through(right.span))
  }
}
