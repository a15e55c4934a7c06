import NeuroUnits

/// Turns source text into tokens. Newlines end statements except inside
/// parentheses and brackets; a number may carry a unit suffix (`2.5nA`, `10MΩ`).
public struct Lexer {
  private let source: Source
  private let chars: [Character]
  private var index = 0
  private var line = 1
  private var column = 1
  private var bracketDepth = 0
  private var braceDepth = 0
  /// Where lexing stops (the end of the source, or of an interpolated expression).
  private let endIndex: Int
  /// Where the last token or comment ended: end of input is reported there, not on a blank line after it.
  private var lastContentEnd = SourceLocation(offset: 0, line: 1, column: 1)
  public private(set) var diagnostics: [Diagnostic] = []
  /// At most this many errors are shown for one line; the rest are counted in one last note.
  static let errorsShownPerLine = 10
  private var errorsOnLine = (
    line: 0, shown: 0, hidden: 0,
    span: Span(start: SourceLocation(offset: 0, line: 1, column: 1), end: SourceLocation(offset: 0, line: 1, column: 1))
  )

  public init(_ source: Source) {
    self.source = source
    chars = source.characters
    endIndex = chars.count
  }

  /// A lexer for part of a source (an expression inside a string), keeping its positions.
  init(_ source: Source, from start: SourceLocation, to endOffset: Int) {
    self.init(source, from: start, to: endOffset, lastContent: start)
  }

  private init(_ source: Source, from start: SourceLocation, to endOffset: Int, lastContent: SourceLocation) {
    self.source = source
    chars = source.characters
    endIndex = min(endOffset, chars.count)
    index = start.offset
    line = start.line
    column = start.column
    lastContentEnd = lastContent
  }

  /// Every token of the source, ending with `.endOfInput`.
  public mutating func tokenize() -> [Token] {
    var tokens: [Token] = []
    while true {
      let token = nextToken()
      tokens.append(token)
      if token.kind == .endOfInput {
        reportHiddenErrors()
        return tokens
      }
      if token.kind != .newline { lastContentEnd = token.span.end }
    }
  }

  /// True when the source ended inside an open parenthesis, bracket or brace.
  public var endedInsideBrackets: Bool { bracketDepth > 0 || braceDepth > 0 }

  private var location: SourceLocation { SourceLocation(offset: index, line: line, column: column) }
  private var current: Character? { index < endIndex ? chars[index] : nil }
  private func peek(_ ahead: Int = 1) -> Character? { index + ahead < endIndex ? chars[index + ahead] : nil }

  private mutating func advance() {
    guard index < endIndex else { return }
    if chars[index] == "\n" || chars[index] == "\r\n" {
      line += 1
      column = 1
    } else {
      column += 1
    }
    index += 1
  }

  /// The next token; characters that start none are reported and skipped (in a loop, however many).
  private mutating func nextToken() -> Token {
    while true {
      if let token = scanToken() { return token }
    }
  }

  /// The next token, or nil after reporting a character that starts none.
  private mutating func scanToken() -> Token? {
    while let c = current {
      if c == " " || c == "\t" || c == "\r" || c == "\u{FEFF}" {
        advance()
      } else if c == "#" {
        while let d = current, d != "\n", d != "\r\n" { advance() }
        lastContentEnd = location
      } else if (c == "\n" || c == "\r\n") && bracketDepth > 0 && !nextLineStartsStatement() {
        advance()
      } else {
        break
      }
    }
    let start = location
    guard let c = current else { return Token(.endOfInput, Span(start: lastContentEnd, end: lastContentEnd)) }
    if c == "\n" || c == "\r\n" {
      advance()
      bracketDepth = 0
      return Token(.newline, Span(start: start, end: start))
    }
    if c.isASCII && c.isNumber { return number(from: start) }
    if isIdentifierStart(c) { return word(from: start) }
    if c == "\"" { return string(from: start) }
    advance()
    let kind: Token.Kind?
    switch c {
    case "(":
      bracketDepth += 1
      kind = .leftParen
    case ")":
      bracketDepth = max(0, bracketDepth - 1)
      kind = .rightParen
    case "[":
      bracketDepth += 1
      kind = .leftBracket
    case "]":
      bracketDepth = max(0, bracketDepth - 1)
      kind = .rightBracket
    case "{":
      braceDepth += 1
      kind = .leftBrace
    case "}":
      braceDepth = max(0, braceDepth - 1)
      kind = .rightBrace
    case ",": kind = .comma
    case ":": kind = .colon
    case ".": kind = match(".") ? .dotDot : .dot
    case ";": kind = .semicolon
    case "+": kind = match("=") ? .plusEqual : .plus
    case "*": kind = .star
    case "/": kind = .slash
    case "^": kind = .caret
    case "-": kind = match(">") ? .arrow : .minus
    case "=": kind = match("=") ? .equalEqual : .equal
    case "<": kind = match("=") ? .lessEqual : .less
    case ">": kind = match("=") ? .greaterEqual : .greater
    case "!": kind = match("=") ? .bangEqual : nil
    case "−": kind = .minus  // U+2212, pasted from papers
    case "×", "·": kind = .star
    default: kind = nil
    }
    let span = Span(start: start, end: location)
    if let kind { return Token(kind, span) }
    report(unexpectedCharacterMessage(c), span, hint: unexpectedCharacterHint(c))
    return nil
  }

  /// True when the next line begins with a keyword that only starts statements: a
  /// bracket left open above it was forgotten, and the error stays on its own line.
  private func nextLineStartsStatement() -> Bool {
    var i = index + 1
    while i < endIndex, chars[i] == " " || chars[i] == "\t" { i += 1 }
    var word = ""
    while i < endIndex, isIdentifierPart(chars[i]) {
      word.append(chars[i])
      i += 1
    }
    guard let keyword = Keyword(rawValue: word) else { return false }
    return Parser.keywordStatements[keyword] != nil
  }

  private mutating func match(_ expected: Character) -> Bool {
    guard current == expected else { return false }
    advance()
    return true
  }

  private func isIdentifierStart(_ c: Character) -> Bool { c == "_" || c.isLetter }
  private func isIdentifierPart(_ c: Character) -> Bool { c == "_" || c.isLetter || (c.isASCII && c.isNumber) }

  private mutating func number(from start: SourceLocation) -> Token {
    var text = ""
    func isDigit(_ c: Character?) -> Bool { c.map { $0.isASCII && $0.isNumber } ?? false }
    while isDigit(current) || current == "_" {
      if let c = current, c != "_" { text.append(c) }
      advance()
    }
    if current == ".", isDigit(peek()) {
      text.append(".")
      advance()
      appendDigits(to: &text)
    }
    if current == "e" || current == "E" {
      let signed = (peek() == "+" || peek() == "-") && isDigit(peek(2))
      if isDigit(peek()) || signed {
        text.append("e")
        advance()
        if signed, let sign = current {
          text.append(sign)
          advance()
        }
        appendDigits(to: &text)
      }
    }
    let value = Double(text) ?? .nan
    guard let c = current, isIdentifierStart(c) else {
      return Token(.number(value, unit: nil), Span(start: start, end: location))
    }
    let suffixStart = location
    var suffix = ""
    while let c = current, isIdentifierPart(c) {
      suffix.append(c)
      advance()
    }
    let span = Span(start: start, end: location)
    if UnitTable.unit(named: suffix) == nil {
      let suggestion = closestUnitSpelling(to: suffix)
      report(
        "unknown unit '\(suffix)'", Span(start: suffixStart, end: location),
        hint: suggestion.map { "did you mean '\($0)'?" }
          ?? "units are s, ms, mV, nA, pA, MΩ (or Mohm), nF, pF, uS, nS, Hz and their SI prefixes")
    }
    return Token(.number(value, unit: suffix), span)
  }

  private mutating func appendDigits(to text: inout String) {
    while let c = current, c.isASCII, c.isNumber {
      text.append(c)
      advance()
    }
  }

  private mutating func word(from start: SourceLocation) -> Token {
    var text = ""
    while let c = current, isIdentifierPart(c) {
      text.append(c)
      advance()
    }
    let span = Span(start: start, end: location)
    if let keyword = Keyword(rawValue: text) { return Token(.keyword(keyword), span) }
    return Token(.identifier(text), span)
  }

  private mutating func string(from start: SourceLocation) -> Token {
    advance()
    var segments: [StringSegment] = []
    var text = ""
    var brokenInterpolation = false
    while let c = current, c != "\"" {
      if c == "\n" || c == "\r\n" { break }
      if c == "\\" {
        escape(into: &text)
      } else if c == "{" && peek() == "{" || c == "}" && peek() == "}" {
        text.append(c)
        advance()
        advance()
      } else if c == "{" {
        if !text.isEmpty { segments.append(.text(text)) }
        text = ""
        guard let code = interpolation() else {
          brokenInterpolation = true
          break
        }
        segments.append(code)
      } else {
        text.append(c)
        advance()
      }
    }
    if current == "\"" {
      advance()
    } else if !brokenInterpolation {
      report(
        "unterminated string", Span(start: start, end: location), hint: "close the string with \" on the same line")
    }
    let span = Span(start: start, end: location)
    if segments.isEmpty { return Token(.string(text), span) }
    if !text.isEmpty { segments.append(.text(text)) }
    return Token(.interpolatedString(segments), span)
  }

  private mutating func escape(into text: inout String) {
    let escapeStart = location
    advance()
    switch current {
    case "n": text.append("\n")
    case "t": text.append("\t")
    case "\"": text.append("\"")
    case "\\": text.append("\\")
    case "{": text.append("{")
    case "}": text.append("}")
    default:
      advance()
      report(
        "unknown escape in string", Span(start: escapeStart, end: location),
        hint: "strings know \\n, \\t, \\\", \\\\, \\{ and \\}")
      return
    }
    advance()
  }

  /// The expression between `{` and `}` in a string, as a source range.
  private mutating func interpolation() -> StringSegment? {
    let open = location
    advance()
    let codeStart = location
    var depth = 0
    while let c = current, c != "\n", c != "\r\n" {
      if c == "}" && depth == 0 {
        let segment = StringSegment.code(start: codeStart, endOffset: index)
        advance()
        return segment
      }
      if c == "(" || c == "[" || c == "{" { depth += 1 }
      if c == ")" || c == "]" || c == "}" { depth -= 1 }
      if c == "\"" { break }
      advance()
    }
    report(
      "unterminated '{' in string", Span(start: open, end: location),
      hint: "close the expression with '}', or write {{ for a literal brace")
    return nil
  }

  private mutating func report(_ message: String, _ span: Span, hint: String? = nil) {
    if span.start.line != errorsOnLine.line {
      reportHiddenErrors()
      errorsOnLine = (span.start.line, 0, 0, span)
    }
    if errorsOnLine.shown >= Self.errorsShownPerLine {
      errorsOnLine.span = errorsOnLine.hidden == 0 ? span : Span(start: errorsOnLine.span.start, end: span.end)
      errorsOnLine.hidden += 1
      return
    }
    errorsOnLine.shown += 1
    diagnostics.append(Diagnostic(.syntax, message, at: span, in: source, hint: hint))
  }

  /// One note for the errors of a line past the first few, so that a line of garbage gives a page, not a flood.
  private mutating func reportHiddenErrors() {
    guard errorsOnLine.hidden > 0 else { return }
    let n = errorsOnLine.hidden
    diagnostics.append(
      Diagnostic(
        .syntax, "… and \(n) more \(n == 1 ? "error" : "errors") on this line", at: errorsOnLine.span, in: source))
    errorsOnLine.hidden = 0
  }

  private func unexpectedCharacterMessage(_ c: Character) -> String {
    let printable = c.unicodeScalars.allSatisfy {
      $0.properties.isAlphabetic || $0.properties.generalCategory != .control
    }
    if printable { return "unexpected character '\(c)'" }
    let code = c.unicodeScalars.first.map { String($0.value, radix: 16, uppercase: true) } ?? "?"
    return "unexpected character U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code)"
  }

  private func unexpectedCharacterHint(_ c: Character) -> String? {
    switch c {
    case "!": return "write 'not' for negation, '!=' for not equal"
    case "&": return "write 'and'"
    case "|": return "write 'or'"
    case "'": return "strings use double quotes: \"text\""
    case "%": return "a percentage is a plain fraction: write 0.3 for 30 % (there is no remainder operator)"
    case "°": return "angles are plain numbers of degrees: 45, not 45°"
    default: return nil
    }
  }
}
