import Testing
@testable import NeuroLang

private func parse(_ text: String) -> ([Stmt], [Diagnostic]) {
  Parser.parse(Source(name: "t", text: text))
}

private func statement(_ text: String) throws -> StmtKind {
  let (statements, diagnostics) = parse(text)
  try #require(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
  try #require(statements.count == 1)
  return statements[0].kind
}

@Suite struct ParserTests {
  @Test func everyStatementForm() throws {
    guard case .define("x", _, _) = try statement("let x = 1") else {
      Issue.record("let")
      return
    }
    guard case .assign("x", _, _) = try statement("x = 2") else {
      Issue.record("assign")
      return
    }
    guard case .assignMember(_, "tau", _, _) = try statement("n.tau = 20ms") else {
      Issue.record("member")
      return
    }
    guard case .neuron("n", _, _) = try statement("neuron n = lif(tau: 10ms)") else {
      Issue.record("neuron")
      return
    }
    guard case .inject(_, _, let window) = try statement("inject n 2.5nA from 20ms to 60ms"), window.from != nil,
      window.to != nil,
      window.length == nil
    else {
      Issue.record("inject")
      return
    }
    guard case .inject(_, _, let open) = try statement("inject n -1nA"), open.from == nil, open.to == nil,
      open.length == nil
    else {
      Issue.record("inject constant")
      return
    }
    guard case .inject(_, _, let relative) = try statement("inject n 1nA for 30ms"), relative.from == nil,
      relative.length != nil
    else {
      Issue.record("inject for")
      return
    }
    guard case .event(_, _, let times, let delay) = try statement("event n.g_exc += 20nS in 10ms"), times.isEmpty,
      delay != nil
    else {
      Issue.record("event in")
      return
    }
    guard case .event(_, _, let at, nil) = try statement("event n.g_exc += 20nS at 10ms, 20ms"), at.count == 2 else {
      Issue.record("event at")
      return
    }
    guard case .run = try statement("run 100ms") else {
      Issue.record("run")
      return
    }
    guard case .reset = try statement("reset") else {
      Issue.record("reset")
      return
    }
    guard case .plot(let traces, .some, .some) = try statement("plot n.v, m.v from 20ms to 60ms"), traces.count == 2
    else {
      Issue.record("plot")
      return
    }
    guard case .print(let values) = try statement("print 1, 2, 3"), values.count == 3 else {
      Issue.record("print")
      return
    }
    guard case .importFile("presets") = try statement("import \"presets\"") else {
      Issue.record("import")
      return
    }
    guard case .expression = try statement("2.5nA * 10MΩ") else {
      Issue.record("expression")
      return
    }
  }

  /// `plot(…)` is the built-in that gives a figure; `plot …` without a call filling the line is the statement.
  @Test func plotAsAFunctionAndAsAStatement() throws {
    guard case .define("f", _, let value) = try statement("let f = plot(n.v, from: 10ms)"),
      case .call(let callee, let arguments) = value.kind, case .name("plot") = callee.kind,
      arguments.map(\.label) == [nil, "from"]
    else {
      Issue.record("let f = plot(…)")
      return
    }
    guard case .expression(let call) = try statement("plot(n.v, m.v, to: 30ms)"), case .call(_, let all) = call.kind,
      all.count == 3
    else {
      Issue.record("plot(…) on its own line")
      return
    }
    guard case .plot(let traces, .some, nil) = try statement("plot (n.v) from 10ms"), traces.count == 1 else {
      Issue.record("plot (…) from")
      return
    }
    guard case .expression = try statement("raster(p, from: 0ms, to: 20ms)") else {
      Issue.record("raster(…)")
      return
    }
    let (_, diagnostics) = parse("let f = plot n.v")
    #expect(diagnostics.first?.message == "expected an expression, found 'plot'")
  }

  @Test func precedence() throws {
    guard case .expression(let e) = try statement("1 + 2 * 3 ^ 2"),
      case .binary(.add, _, let right) = e.kind,
      case .binary(.multiply, _, let power) = right.kind,
      case .binary(.power, _, _) = power.kind
    else {
      Issue.record("1 + (2 * (3 ^ 2))")
      return
    }
    guard case .expression(let neg) = try statement("-2 ^ 2"), case .unary(.negate, _) = neg.kind else {
      Issue.record("-(2 ^ 2)")
      return
    }
    guard case .expression(let logic) = try statement("not a and b or c"), case .binary(.or, let l, _) = logic.kind,
      case .binary(.and, let n, _) = l.kind, case .unary(.not, _) = n.kind
    else {
      Issue.record("((not a) and b) or c")
      return
    }
  }

  @Test func namedAndPositionalArguments() throws {
    guard case .expression(let e) = try statement("f(1, tau: 2ms)"), case .call(_, let args) = e.kind else {
      Issue.record("call")
      return
    }
    #expect(args.map(\.label) == [nil, "tau"])
  }

  @Test(arguments: [
    ("print (1 + 2", 1, 13, "expected ')' to close '(' opened at 1:7, found end of input"),
    ("let = 3", 1, 5, "expected a name after 'let', found '='"),
    ("\n\nlet x = 2 +* 3", 3, 12, "expected an expression, found '*'"),
    ("run", 1, 4, "expected a duration after 'run'"),
    ("print 1 2", 1, 9, "expected the end of the statement, found a number"),
    ("let neuron = 1", 1, 5, "'neuron' is a reserved word and cannot be used as a name"),
    ("x = = 2", 1, 5, "expected an expression, found '='"),
    ("f(a = 1)", 1, 5, "named arguments use ':', not '='"),
  ])
  func syntaxErrorsAreLocated(text: String, line: Int, column: Int, message: String) throws {
    let (_, diagnostics) = parse(text)
    let d = try #require(diagnostics.first)
    #expect(diagnostics.count == 1)
    #expect(d.message == message)
    #expect(d.span?.start.line == line)
    #expect(d.span?.start.column == column)
    #expect(d.kind == .syntax)
  }

  @Test func recoveryGivesOneMessagePerMistake() {
    let (statements, diagnostics) = parse("let a = )\nlet b = 2\nprint (\nprint 3 3\nlet c = 4")
    #expect(diagnostics.map(\.span?.start.line) == [1, 3, 4])
    #expect(statements.count == 2)
  }

  @Test func incompleteInputIsRecognised() {
    #expect(
      InputCompleteness(of: Source(name: "t", text: "neuron n = lif(tau: 10ms,")) == .incomplete(insideBrackets: true))
    #expect(InputCompleteness(of: Source(name: "t", text: "print 1 +")) == .incomplete(insideBrackets: false))
    #expect(InputCompleteness(of: Source(name: "t", text: "print 1 + 2")) == .complete)
    #expect(InputCompleteness(of: Source(name: "t", text: "print 1 )")) == .complete)
  }
}
