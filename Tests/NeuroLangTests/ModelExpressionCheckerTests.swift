import NeuroEngine
@testable import NeuroLang
import NeuroUnits
import Testing

/// A checker for a model with state variables `v` (voltage) and `x` (plain) and parameters
/// `E_L` (voltage), `tau` (time) and `k` (plain), and the expression parsed from `text`.
private func checkerAndExpression(_ text: String) throws -> (ModelExpressionChecker, Expr) {
  let source = Source(name: "t", text: text)
  let (statements, diagnostics) = Parser.parse(source)
  try #require(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
  guard case .expression(let expr)? = statements.first?.kind else { throw CheckerTestError.notAnExpression }
  let interpreter = Interpreter(host: Host(write: { _ in }, report: { _ in }))
  interpreter.source = source
  var checker = ModelExpressionChecker(modelName: "m", states: ["v", "x"], interpreter: interpreter)
  checker.parameters = [("E_L", Quantity(-0.07, .voltage)), ("tau", Quantity(0.01, .time)), ("k", Quantity(2))]
  checker.stateDimensions = ["v": .voltage, "x": .none]
  return (checker, expr)
}

private enum CheckerTestError: Error { case notAnExpression }

/// The message of the diagnostic the typed pass gives for `text`, or nil when it types.
private func message(_ text: String) throws -> String? {
  let (checker, expr) = try checkerAndExpression(text)
  do {
    _ = try checker.typed(expr)
    return nil
  } catch let diagnostic as Diagnostic {
    return diagnostic.message
  }
}

@Suite struct ModelExpressionCheckerTests {
  @Test(arguments: [
    ("(E_L - v) / tau", Dimension.voltage / .time),
    ("(E_L - v + 10MΩ * I) / tau", Dimension.voltage / .time),
    ("v^2 / 1mV", Dimension.voltage),
    ("sqrt(v * v)", Dimension.voltage),
    ("abs(I)", Dimension.current),
    ("exp((v - E_L) / 2mV) * k", Dimension.none),
    ("x^0.5 - k", Dimension.none),
    ("-t / tau", Dimension.none),
  ])
  func dimensions(_ text: String, _ expected: Dimension) throws {
    let (checker, expr) = try checkerAndExpression(text)
    #expect(try checker.typed(expr).dimension == expected)
  }

  @Test func theNodeIsTheEnginesExpression() throws {
    let (checker, expr) = try checkerAndExpression("(E_L - v) / tau * x^2 + I / 1nF")
    let typed = try checker.typed(expr)
    let leak = EquationNode.divide(.subtract(.parameter(0), .state(0)), .parameter(1))
    #expect(typed.node == .add(.multiply(leak, .power(.state(1), 2)), .divide(.input, .constant(1e-9))))
  }

  @Test(arguments: [
    ("x^3e9", "an exponent in a model must lie between -1000 and 1000, not 3e9"),
    ("x^1001", "an exponent in a model must lie between -1000 and 1000, not 1001"),
    ("v^3e9", "voltage can only be raised to a whole power"),
    ("v^2.5", "voltage can only be raised to a whole power"),
    ("v^k", "an exponent in a model must be a plain number written out"),
    ("v + I", "cannot add voltage (mV) and current (nA)"),
    ("exp(v)", "exp needs a plain number, but this is voltage (mV)"),
    ("sqrt(v)", "cannot take the square root of voltage (mV)"),
    ("foo(v)", "equations may call exp, log, sqrt, abs, sin, cos, tanh only"),
    ("v / tua", "unknown name 'tua' in model m"),
    ("(v > E_L) * 1mV", "'>' has no place in an equation"),
  ])
  func diagnostics(_ text: String, _ expected: String) throws {
    #expect(try message(text) == expected)
  }

  @Test func theExponentBoundIsTwelve() throws {
    #expect(try message("x^12") == nil)
    #expect(try message("v^12") == nil)
    #expect(try message("v^13") != nil)
  }
}
