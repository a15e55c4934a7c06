/// The words the language reserves.
public enum Keyword: String, CaseIterable, Hashable, Sendable {
  case `let`, neuron, inject, from, to, run, reset, plot, print, `import`, `true`, `false`
  case and, or, not
  case fn, `if`, `else`, `for`, `in`, `while`, `return`, `break`, `continue`, `as`, step
  case save, load, seed
}

/// A piece of an interpolated string: text, or the source range of an expression.
public enum StringSegment: Hashable, Sendable {
  case text(String)
  case code(start: SourceLocation, endOffset: Int)
}

/// One lexical token and where it stands.
public struct Token: Equatable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// A number and its unit suffix as written (`2.5` and `nA`), nil for a plain number.
    case number(Double, unit: String?)
    case identifier(String)
    case string(String)
    /// A string with `{expression}` parts.
    case interpolatedString([StringSegment])
    case keyword(Keyword)
    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case comma, colon, dot, dotDot, semicolon
    case plus, minus, star, slash, caret
    case equal, equalEqual, bangEqual, less, lessEqual, greater, greaterEqual, arrow, plusEqual
    case newline
    case endOfInput
  }

  public var kind: Kind
  public var span: Span

  public init(_ kind: Kind, _ span: Span) {
    self.kind = kind
    self.span = span
  }
}

extension Token.Kind {
  /// How the token reads in an error message: `')'`, `number`, `end of line`.
  public var describedForHumans: String {
    switch self {
    case .number: return "a number"
    case .identifier(let name): return "'\(name)'"
    case .string, .interpolatedString: return "a string"
    case .keyword(let k): return "'\(k.rawValue)'"
    case .newline: return "end of line"
    case .endOfInput: return "end of input"
    default: return "'\(symbol)'"
    }
  }

  /// The punctuation's own text.
  var symbol: String {
    switch self {
    case .leftParen: return "("
    case .rightParen: return ")"
    case .leftBracket: return "["
    case .rightBracket: return "]"
    case .leftBrace: return "{"
    case .rightBrace: return "}"
    case .comma: return ","
    case .colon: return ":"
    case .dot: return "."
    case .dotDot: return ".."
    case .semicolon: return ";"
    case .plus: return "+"
    case .minus: return "-"
    case .star: return "*"
    case .slash: return "/"
    case .caret: return "^"
    case .equal: return "="
    case .equalEqual: return "=="
    case .bangEqual: return "!="
    case .less: return "<"
    case .lessEqual: return "<="
    case .greater: return ">"
    case .greaterEqual: return ">="
    case .arrow: return "->"
    case .plusEqual: return "+="
    default: return ""
    }
  }
}
