import Foundation
import NeuroUnits
import Testing

@testable import NeuroLang

/// The TextMate grammar in `editors/`: up to date with the language's lists, and giving every token of every
/// golden script the scope of its class.
@Suite struct EditorGrammarTests {
  @Test func checkedInGrammarIsUpToDate() throws {
    if ProcessInfo.processInfo.environment["NEURO_WRITE_GRAMMAR"] == "1" {
      try EditorGrammar.text.write(to: EditorGrammar.path, atomically: true, encoding: .utf8)
    }
    let checkedIn = try String(contentsOf: EditorGrammar.path, encoding: .utf8)
    #expect(
      checkedIn == EditorGrammar.text,
      "NEURO_WRITE_GRAMMAR=1 swift test --filter EditorGrammarTests writes editors/neuro.tmLanguage.json anew")
  }

  /// The unit alternation takes every spelling the lexer takes, and nothing more.
  @Test func unitRuleTakesExactlyTheLexersUnits() throws {
    let unit = try NSRegularExpression(pattern: "^(?:\(EditorGrammar.unit))$")
    func matches(_ text: String) -> Bool {
      unit.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
    for spelling in UnitTable.allSpellings { #expect(matches(spelling), "\(spelling)") }
    for word in ["m", "Mo", "sec", "mHzz", "kk", "nA2", "uohms"] {
      #expect(matches(word) == (UnitTable.unit(named: word) != nil), "\(word)")
    }
  }

  /// The scope a token's first character should have; nil where several fit (a name).
  private static func expectedScope(_ kind: Token.Kind) -> String? {
    switch kind {
    case .number(_, unit: nil): return "constant.numeric.neuro"
    case .number: return "keyword.other.unit.neuro"  // checked at the unit's first character
    case .string, .interpolatedString: return "string.quoted.double.neuro"
    case .keyword(let keyword): return EditorGrammar.scope(of: keyword)
    case .identifier: return nil
    case .leftParen, .rightParen: return "punctuation.section.parens.neuro"
    case .leftBracket, .rightBracket: return "punctuation.section.brackets.neuro"
    case .leftBrace, .rightBrace: return "punctuation.section.braces.neuro"
    case .comma: return "punctuation.separator.comma.neuro"
    case .colon: return "punctuation.separator.colon.neuro"
    case .dot: return "punctuation.accessor.neuro"
    case .semicolon: return "punctuation.terminator.statement.neuro"
    case .dotDot: return "keyword.operator.range.neuro"
    case .plus, .minus, .star, .slash, .caret: return "keyword.operator.arithmetic.neuro"
    case .equal, .plusEqual: return "keyword.operator.assignment.neuro"
    case .equalEqual, .bangEqual, .less, .lessEqual, .greater, .greaterEqual: return "keyword.operator.comparison.neuro"
    case .arrow: return "keyword.operator.arrow.neuro"
    case .newline, .endOfInput: return nil
    }
  }

  /// A token's class, for the check that the golden scripts show every one.
  private static func tokenClass(_ kind: Token.Kind) -> String {
    switch kind {
    case .number(_, let unit): return unit == nil ? "number" : "number with unit"
    case .identifier: return "identifier"
    case .string: return "string"
    case .interpolatedString: return "interpolated string"
    case .keyword(let keyword): return "keyword " + EditorGrammar.scope(of: keyword)
    default: return kind.symbol.isEmpty ? "\(kind)" : kind.symbol
    }
  }

  private static let identifierScopes: Set<String> = [
    "variable.other.neuro", "variable.parameter.neuro", "support.function.builtin.neuro", "support.class.model.neuro",
    "keyword.other.statement.neuro", "entity.name.function.neuro", "entity.name.type.neuro",
  ]

  /// Every token of every golden script gets the scope of its class (tokens inside `{…}` of a string too,
  /// under meta.interpolation), comments theirs, and every class of token occurs.
  @Test func everyGoldenScriptTokenHasItsScope() throws {
    var engine = TextMateScopes(grammar: EditorGrammar.grammar)
    var seen: Set<String> = []
    var problems: [String] = []
    for file in GoldenScripts.all {
      let text = try String(contentsOf: GoldenScripts.root.appendingPathComponent(file), encoding: .utf8)
      let source = Source(name: file, text: text)
      var lexer = Lexer(source)
      let tokens = lexer.tokenize()
      let badLines = Set(lexer.diagnostics.compactMap { $0.span?.start.line })
      let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        .map(String.init)
      let lineScopes = try engine.scopes(of: lines)
      func scopes(at location: NeuroLang.SourceLocation) -> [String] {
        let line = lines[location.line - 1]
        let index = line.index(line.startIndex, offsetBy: min(location.column - 1, line.count))
        let offset = line.utf16.distance(from: line.startIndex, to: index)
        return offset < lineScopes[location.line - 1].count ? lineScopes[location.line - 1][offset] : []
      }
      func check(_ tokens: [Token], inside: Bool) {
        for (index, token) in tokens.enumerated() where !badLines.contains(token.span.start.line) {
          seen.insert(Self.tokenClass(token.kind))
          var at = token.span.start
          if case .number(_, let unit?) = token.kind { at.column = token.span.end.column - unit.count }
          let found = scopes(at: at)
          let expected = Self.expectedScope(token.kind)
          let fits = expected.map { found.contains($0) } ?? !Self.identifierScopes.isDisjoint(with: found)
          let nested = !inside || found.contains("meta.interpolation.neuro")
          if token.kind != .newline, token.kind != .endOfInput, !fits || !nested {
            problems.append("\(file):\(at.line):\(at.column) \(token.kind): \(found)")
          }
          if case .identifier(let name) = token.kind, EditorGrammar.statementWords.contains(name),
            index == 0 || [.newline, .semicolon].contains(tokens[index - 1].kind),
            ![.leftParen, .equal, .dot, .colon, .leftBracket, .comma].contains(tokens[index + 1].kind),
            !found.contains("keyword.other.statement.neuro")
          {
            problems.append("\(file):\(at.line):\(at.column) statement word \(name): \(found)")
          }
          guard case .interpolatedString(let segments) = token.kind else { continue }
          for case .code(let start, let endOffset) in segments {
            var inner = Lexer(source, from: start, to: endOffset)
            check(inner.tokenize(), inside: true)
          }
        }
      }
      check(tokens, inside: false)
      for (number, line) in lines.enumerated() where !badLines.contains(number + 1) {
        let spans = tokens.filter { $0.span.start.line == number + 1 }.map { $0.span.start.column..<$0.span.end.column }
        let characters = Array(line)
        guard
          let column = characters.indices.map({ $0 + 1 }).first(where: { column in
            characters[column - 1] == "#" && !spans.contains { $0.contains(column) }
          })
        else { continue }
        seen.insert("comment")
        let found = scopes(at: NeuroLang.SourceLocation(offset: 0, line: number + 1, column: column))
        if !found.contains("comment.line.number-sign.neuro") {
          problems.append("\(file):\(number + 1) comment: \(found)")
        }
      }
    }
    #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.prefix(20).joined(separator: "\n"))")
    let symbols: [Token.Kind] = [
      .leftParen, .rightParen, .leftBracket, .rightBracket, .leftBrace, .rightBrace, .comma, .colon, .dot, .dotDot,
      .semicolon, .plus, .minus, .star, .slash, .caret, .equal, .equalEqual, .bangEqual, .less, .lessEqual, .greater,
      .greaterEqual, .arrow, .plusEqual,
    ]
    let classes =
      ["number", "number with unit", "identifier", "string", "interpolated string", "comment"]
      + Set(Keyword.allCases.map { "keyword " + EditorGrammar.scope(of: $0) }) + symbols.map(\.symbol)
    #expect(Set(classes).subtracting(seen).isEmpty, "not in a golden script: \(Set(classes).subtracting(seen))")
  }
}
