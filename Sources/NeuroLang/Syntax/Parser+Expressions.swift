import NeuroUnits

/// Expressions, by precedence from loosest to tightest:
/// `or`, `and`, `not`, comparisons, `+ -`, `* /`, unary `-`, `^`, calls and members.
extension Parser {
  /// Parses a whole expression, a range `a to b step s` included where ranges are allowed.
  mutating func parseExpression() throws -> Expr {
    let start = try parseOr()
    guard rangesAllowed, match(.to) else { return start }
    let end = try parseOr()
    let step = match(.step) ? try parseOr() : nil
    return Expr(kind: .range(from: start, to: end, step: step), span: start.span.through((step ?? end).span))
  }

  /// An expression in which `to` ends the expression (`inject n 1nA to 50ms`).
  mutating func parseExpressionWithoutRange() throws -> Expr {
    let saved = rangesAllowed
    rangesAllowed = false
    defer { rangesAllowed = saved }
    return try parseExpression()
  }

  /// An expression that ends before an `in` that is not a unit conversion (`event n.g += 5nS in 10ms`).
  mutating func parseExpressionStoppingAtIn() throws -> Expr {
    let saved = (rangesAllowed, inEndsExpression)
    (rangesAllowed, inEndsExpression) = (false, true)
    defer { (rangesAllowed, inEndsExpression) = saved }
    return try parseExpression()
  }

  /// An expression inside brackets, where ranges are always allowed.
  private mutating func parseNestedExpression() throws -> Expr {
    let saved = rangesAllowed
    rangesAllowed = true
    defer { rangesAllowed = saved }
    return try nested { try $0.parseExpression() }
  }

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
      try countOperator()
      advance()
      left = binary(op, left, try next(&self))
    }
    return left
  }

  private mutating func parseNot() throws -> Expr {
    guard check(.not) else { return try parseComparison() }
    let start = advance().span
    let operand = try nested { try $0.parseNot() }
    return Expr(kind: .unary(.not, operand), span: start.through(operand.span))
  }

  private mutating func parseComparison() throws -> Expr {
    let left = try parseConversion()
    guard let op = comparisonOperator(current.kind) else { return left }
    advance()
    let result = binary(op, left, try parseConversion())
    if comparisonOperator(current.kind) != nil {
      throw error("comparisons cannot be chained", at: current, hint: "combine them with 'and': a < b and b < c")
    }
    return result
  }

  /// `x in mV`, `x as mV/ms`.
  private mutating func parseConversion() throws -> Expr {
    var expr = try parseAdditive()
    while check(.in) || check(.as) {
      if inEndsExpression, check(.in), !isUnitName(at: 1) { break }
      let keepsUnit = advance().kind == .keyword(.as)
      let unitStart = current.span
      guard case .identifier(let name) = current.kind, var unit = UnitTable.unit(named: name) else {
        throw error(
          "expected a unit after '\(keepsUnit ? "as" : "in")', found \(current.kind.describedForHumans)", at: current,
          hint: "for example: x in mV, or x as ms")
      }
      advance()
      var text = name
      if check(.slash), case .identifier(let denominatorName) = tokens[min(position + 1, tokens.count - 1)].kind,
        let denominator = UnitTable.unit(named: denominatorName)
      {
        advance()
        advance()
        unit = Unit(
          symbol: unit.symbol + "/" + denominator.symbol, scale: unit.scale / denominator.scale,
          dimension: unit.dimension / denominator.dimension)
        text += "/" + denominatorName
      }
      let unitSpan = unitStart.through(previous.span)
      expr = Expr(
        kind: .convert(expr, unit: unit, unitText: text, unitSpan: unitSpan, keepsUnit: keepsUnit),
        span: expr.span.through(unitSpan))
    }
    return expr
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
      let operand = try nested { try $0.parseUnary() }
      return Expr(kind: .unary(.negate, operand), span: start.through(operand.span))
    }
    if check(.plus) {
      advance()
      return try nested { try $0.parseUnary() }
    }
    return try parsePower()
  }

  /// `a ^ b`, right-associative, binding tighter than unary minus on its left (`-2^2` is -4).
  private mutating func parsePower() throws -> Expr {
    let base = try parsePostfix()
    guard match(.caret) else { return base }
    try countOperator()
    return binary(.power, base, try nested { try $0.parseUnary() })
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
        let span = expr.span.through(previous.span)
        if case .name("append") = expr.kind {
          expr = try appendExpression(arguments, span)
        } else {
          expr = Expr(kind: .call(callee: expr, arguments: arguments), span: span)
        }
      } else if match(.dot) {
        let (name, nameSpan) = try expectIdentifier("a name after '.'")
        expr = Expr(kind: .member(expr, name: name, nameSpan: nameSpan), span: expr.span.through(nameSpan))
      } else if check(.leftBracket) {
        let open = advance()
        let lower = check(.dotDot) ? nil : try parseNestedExpression()
        if match(.dotDot) {
          let upper = check(.rightBracket) ? nil : try parseNestedExpression()
          try expectClosing(.rightBracket, "]", opened: open)
          expr = Expr(kind: .slice(expr, from: lower, to: upper), span: expr.span.through(previous.span))
        } else if let lower {
          try expectClosing(.rightBracket, "]", opened: open)
          expr = Expr(kind: .index(expr, lower), span: expr.span.through(previous.span))
        } else {
          throw error("expected an index", at: current)
        }
      } else {
        return expr
      }
    }
  }

  /// `append(xs, v)` names the list it changes rather than taking its value: a form of its own.
  private mutating func appendExpression(_ arguments: [Argument], _ span: Span) throws -> Expr {
    if let named = arguments.first(where: { $0.label != nil }), let labelSpan = named.labelSpan {
      throw error("append takes no named arguments", span: labelSpan, hint: "write append(xs, value)")
    }
    guard arguments.count == 2 else {
      throw error("append takes 2 arguments, found \(arguments.count)", span: span, hint: "write append(xs, value)")
    }
    guard case .name(let list) = arguments[0].value.kind else {
      throw error("append needs the name of a list", span: arguments[0].value.span, hint: "let xs = []; append(xs, 1)")
    }
    return Expr(kind: .append(list: list, listSpan: arguments[0].value.span, item: arguments[1].value), span: span)
  }

  mutating func parseArgument() throws -> Argument {
    if let label = argumentLabel, tokens[min(position + 1, tokens.count - 1)].kind == .colon {
      let labelSpan = advance().span
      advance()
      return Argument(label: label, labelSpan: labelSpan, value: try parseNestedExpression())
    }
    let value = try parseNestedExpression()
    if check(.equal), case .name(let label) = value.kind {
      throw error("named arguments use ':', not '='", at: current, hint: "write \(label): value")
    }
    return Argument(label: nil, labelSpan: nil, value: value)
  }

  /// The current token as an argument's label (when a colon follows): a name, or a keyword — `from`, `to` and
  /// `seed` are labels of built-ins (`plot(n.v, from: 10ms)`, `decisions(wong_wang(), seed: 2)`), and any other
  /// (`estimate(neuron: 10)`) is left to the call to refuse with the parameter it meant.
  private var argumentLabel: String? {
    switch current.kind {
    case .identifier(let label): return label
    case .keyword(let keyword): return keyword.rawValue
    default: return nil
    }
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
      let inner = try parseNestedExpression()
      try expectClosing(.rightParen, ")", opened: token)
      return Expr(kind: inner.kind, span: token.span.through(previous.span))
    case .leftBracket:
      advance()
      var elements: [Expr] = []
      while !check(.rightBracket) {
        elements.append(try parseNestedExpression())
        if !match(.comma) { break }
      }
      try expectClosing(.rightBracket, "]", opened: token)
      return Expr(kind: .list(elements), span: token.span.through(previous.span))
    case .interpolatedString(let segments):
      advance()
      return Expr(kind: .interpolation(try interpolationParts(segments, token)), span: token.span)
    case .leftBrace:
      return try parseRecord()
    case .keyword(.load):
      advance()
      let path = try nested { try $0.parsePostfix() }
      return Expr(kind: .load(path), span: token.span.through(path.span))
    case .keyword(.plot) where tokenKind(at: 1) == .leftParen:
      // `plot(n.v)`: the built-in that gives a figure; `plot n.v` alone is the statement.
      advance()
      return Expr(kind: .name(Keyword.plot.rawValue), span: token.span)
    case .keyword(let keyword):
      throw error(
        "expected an expression, found '\(keyword.rawValue)'", at: token,
        hint: keywordHint(keyword))
    default:
      throw error("expected an expression, found \(token.kind.describedForHumans)", at: token)
    }
  }

  /// `{name: value, …}`
  private mutating func parseRecord() throws -> Expr {
    let open = advance()
    var fields: [RecordField] = []
    var seen: Set<String> = []
    while true {
      while check(.newline) { advance() }
      if check(.rightBrace) { break }
      let (name, nameSpan) = try expectIdentifier("a field name")
      guard seen.insert(name).inserted else { throw error("the field '\(name)' is given twice", span: nameSpan) }
      try expect(.colon, "':' after the field name", hint: "a record reads: {a: 1, b: 2mV}")
      fields.append(RecordField(name: name, nameSpan: nameSpan, value: try parseNestedExpression()))
      while check(.newline) { advance() }
      if !match(.comma) { break }
    }
    while check(.newline) { advance() }
    try expectClosing(.rightBrace, "}", opened: open)
    return Expr(kind: .record(fields), span: open.span.through(previous.span))
  }

  /// The text and expressions of an interpolated string, each expression parsed where it stands.
  private mutating func interpolationParts(_ segments: [StringSegment], _ token: Token) throws -> [InterpolationPart] {
    var parts: [InterpolationPart] = []
    for segment in segments {
      switch segment {
      case .text(let text):
        parts.append(.text(text))
      case .code(let start, let endOffset):
        var inner = Parser(source, lexer: Lexer(source, from: start, to: endOffset))
        if inner.check(.endOfInput) {
          throw error(
            "empty {} in a string", span: Span(start: start, end: start), hint: "write {{}} for literal braces")
        }
        do {
          let expr = try inner.parseNestedExpression()
          if !inner.check(.endOfInput) {
            throw inner.error("unexpected \(inner.current.kind.describedForHumans) in '{…}'", at: inner.current)
          }
          parts.append(.expression(expr))
        } catch {
          diagnostics += inner.diagnostics
          throw Abandon()
        }
      }
    }
    return parts
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
    throw error(
      "expected '\(symbol)' to close '\(open.kind.symbol)' opened at \(at), found \(current.kind.describedForHumans)",
      at: current, hint: spacedUnitHint)
  }

  private func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr) -> Expr {
    Expr(kind: .binary(op, left, right), span: left.span.through(right.span))
  }
}
