import Testing
@testable import NeuroLang

private func kinds(_ text: String) -> [Token.Kind] {
  var lexer = Lexer(Source(name: "t", text: text))
  return lexer.tokenize().map(\.kind)
}

@Suite struct LexerTests {
  @Test func numbersCarryTheirUnitSuffix() {
    #expect(
      kinds("2.5nA 10MΩ 1e-3 3ms") == [
        .number(2.5, unit: "nA"), .number(10, unit: "MΩ"), .number(1e-3, unit: nil), .number(3, unit: "ms"),
        .endOfInput,
      ])
  }

  @Test func exponentNeedsDigits() {
    #expect(kinds("2e3 2e-3") == [.number(2000, unit: nil), .number(0.002, unit: nil), .endOfInput])
  }

  @Test func keywordsIdentifiersAndOperators() {
    #expect(
      kinds("neuron n = lif(tau: 10ms)") == [
        .keyword(.neuron), .identifier("n"), .equal, .identifier("lif"), .leftParen, .identifier("tau"), .colon,
        .number(10, unit: "ms"), .rightParen, .endOfInput,
      ])
    #expect(
      kinds("a->b == c != d <= e >= f") == [
        .identifier("a"), .arrow, .identifier("b"), .equalEqual, .identifier("c"), .bangEqual, .identifier("d"),
        .lessEqual, .identifier("e"), .greaterEqual, .identifier("f"), .endOfInput,
      ])
  }

  @Test func newlinesEndStatementsOutsideBrackets() {
    #expect(kinds("a\nb") == [.identifier("a"), .newline, .identifier("b"), .endOfInput])
    #expect(kinds("(a\nb)") == [.leftParen, .identifier("a"), .identifier("b"), .rightParen, .endOfInput])
  }

  @Test func commentsAndStrings() {
    #expect(kinds("print \"a # b\\n\" # comment") == [.keyword(.print), .string("a # b\n"), .endOfInput])
  }

  @Test func columnsCountCharactersNotBytes() {
    var lexer = Lexer(Source(name: "t", text: "let r = 10MΩ + x"))
    let tokens = lexer.tokenize()
    #expect(tokens[4].span.start.column == 14)  // '+' (byte counting would say 15)
    #expect(tokens[5].span.start.column == 16)
  }

  @Test func unknownUnitSuggestsTheClosestOne() throws {
    var lexer = Lexer(Source(name: "t", text: "print 10mx"))
    _ = lexer.tokenize()
    let d = try #require(lexer.diagnostics.first)
    #expect(d.message == "unknown unit 'mx'")
    #expect(d.span?.start.column == 9)
    #expect(d.hint != nil)
  }

  @Test(arguments: ["@", "$", "`", "\u{07}", "🧠"])
  func strayCharactersAreDiagnosedNotFatal(_ text: String) {
    var lexer = Lexer(Source(name: "t", text: "1 \(text) 2"))
    let tokens = lexer.tokenize()
    #expect(lexer.diagnostics.count == 1)
    #expect(tokens.last?.kind == .endOfInput)
  }
}
