import NeuroEngine
import NeuroUnits

/// A model expression compiled for the engine, with the dimension of its value.
struct TypedExpression {
  var node: EquationNode
  var dimension: Dimension
}

/// The one typed pass over a model's expressions: each expression becomes its engine node and
/// its dimension together, and every mismatch (units of a sum or comparison, an exponent, a
/// function's argument, an unknown name) is an error at the sub-expression that has it.
struct ModelExpressionChecker {
  /// The largest exponent, in size, on a quantity with a unit (its unit's powers stay small).
  static let largestExponent = 12.0
  /// The largest exponent, in size, on a plain number (a steep Hill term: `(x / k)^20`).
  static let largestPlainExponent = 1000.0

  let modelName: String
  let states: [String]
  /// The parameters in declaration order (their index is the node's), with their values.
  var parameters: [(name: String, value: Quantity)] = []
  /// Each state variable's dimension, once inferred.
  var stateDimensions: [String: Dimension] = [:]
  let interpreter: Interpreter

  init(modelName: String, states: [String], interpreter: Interpreter) {
    self.modelName = modelName
    self.states = states
    self.interpreter = interpreter
  }

  /// A runtime error at a span of the model's source.
  func failure(_ message: String, _ span: Span, hint: String? = nil) -> Diagnostic {
    interpreter.failure(message, at: span, hint: hint)
  }

  /// A dimension in words with its usual unit: `voltage (mV)`, `a plain number`.
  func words(_ d: Dimension) -> String {
    d.isDimensionless ? "a plain number" : "\(d.word) (\(d.naturalSymbol))"
  }

  /// What a name in an equation means: a state variable, a parameter, the input current I, or time t.
  func symbol(_ name: String, _ span: Span) throws -> TypedExpression {
    if let i = states.firstIndex(of: name) {
      return TypedExpression(node: .state(i), dimension: stateDimensions[name] ?? .none)
    }
    if let i = parameters.firstIndex(where: { $0.name == name }) {
      return TypedExpression(node: .parameter(i), dimension: parameters[i].value.dimension)
    }
    if name == "I" { return TypedExpression(node: .input, dimension: .current) }
    if name == "t" { return TypedExpression(node: .time, dimension: .time) }
    let known = states + parameters.map(\.name) + ["I", "t"]
    throw failure(
      "unknown name '\(name)' in model \(modelName)", span,
      hint: closestName(to: name, among: known).map { "did you mean '\($0)'?" }
        ?? "declare it as a parameter: params \(name): …")
  }

  /// The expression as an engine node with its dimension; the first mismatch, inner parts first, is the error.
  func typed(_ expr: Expr) throws -> TypedExpression {
    switch expr.kind {
    case .number(let q): return TypedExpression(node: .constant(q.value), dimension: q.dimension)
    case .name(let name): return try symbol(name, expr.span)
    case .unary(.negate, let a):
      let x = try typed(a)
      return TypedExpression(node: .negate(x.node), dimension: x.dimension)
    case .binary(let op, let a, let b):
      let (x, y) = (try typed(a), try typed(b))
      switch op {
      case .add, .subtract:
        try requireSameUnits(op, x, y, expr)
        let node = op == .add ? EquationNode.add(x.node, y.node) : .subtract(x.node, y.node)
        return TypedExpression(node: node, dimension: x.dimension)
      case .multiply: return TypedExpression(node: .multiply(x.node, y.node), dimension: x.dimension * y.dimension)
      case .divide: return TypedExpression(node: .divide(x.node, y.node), dimension: x.dimension / y.dimension)
      case .power: return try power(x, b)
      case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
        try requireSameUnits(op, x, y, expr)
        throw failure("'\(op.rawValue)' has no place in an equation", expr.span)
      default:
        throw failure("'\(op.rawValue)' has no place in an equation", expr.span)
      }
    case .call(let callee, let arguments): return try call(callee, arguments, expr)
    default:
      throw failure("this has no place in an equation", expr.span)
    }
  }

  /// The two sides of the comparison `a op b` (the `on` condition), which must agree in units.
  func compared(_ op: BinaryOperator, _ a: Expr, _ b: Expr, in expr: Expr) throws
    -> (left: EquationNode, right: EquationNode)
  {
    let (x, y) = (try typed(a), try typed(b))
    try requireSameUnits(op, x, y, expr)
    return (x.node, y.node)
  }

  private func requireSameUnits(_ op: BinaryOperator, _ x: TypedExpression, _ y: TypedExpression, _ expr: Expr) throws {
    guard x.dimension != y.dimension else { return }
    let verb = op == .add ? "add" : op == .subtract ? "subtract" : "compare"
    throw failure(
      "cannot \(verb) \(words(x.dimension)) and \(words(y.dimension))", expr.span,
      hint: UnitHints.hint(x.dimension, y.dimension))
  }

  /// `base ^ exponent`: the exponent a plain number written out; on a plain base at most 1000 in size,
  /// on a quantity with a unit whole and at most 12.
  private func power(_ base: TypedExpression, _ exponent: Expr) throws -> TypedExpression {
    guard case .number(let q) = exponent.kind, q.dimension.isDimensionless else {
      throw failure("an exponent in a model must be a plain number written out", exponent.span, hint: "v^2")
    }
    let node = EquationNode.power(base.node, q.value)
    if base.dimension.isDimensionless {
      guard abs(q.value) <= Self.largestPlainExponent else {
        let written = interpreter.source.text(exponent.span)
        throw failure("an exponent in a model must lie between -1000 and 1000, not \(written)", exponent.span)
      }
      return TypedExpression(node: node, dimension: .none)
    }
    guard q.value == q.value.rounded(), abs(q.value) <= Self.largestExponent, let n = Int32(checking: q.value) else {
      throw failure("\(base.dimension.word) can only be raised to a whole power", exponent.span)
    }
    return TypedExpression(node: node, dimension: base.dimension.power(n))
  }

  /// `f(x)` for one of the math functions: abs keeps the unit, sqrt halves it, the others need a plain number.
  private func call(_ callee: Expr, _ arguments: [Argument], _ expr: Expr) throws -> TypedExpression {
    guard case .name(let name) = callee.kind, let function = MathFunction(rawValue: name) else {
      let names = MathFunction.allCases.map(\.rawValue).joined(separator: ", ")
      throw failure("equations may call \(names) only", callee.span)
    }
    guard arguments.count == 1, arguments[0].label == nil else {
      throw failure("\(name) takes one argument", expr.span)
    }
    let argument = try typed(arguments[0].value), d = argument.dimension
    let node = EquationNode.function(function, argument.node)
    switch function {
    case .abs: return TypedExpression(node: node, dimension: d)
    case .sqrt:
      let halves = d.exponents / 2
      guard halves &* 2 == d.exponents else {
        throw failure("cannot take the square root of \(words(d))", arguments[0].value.span)
      }
      return TypedExpression(node: node, dimension: Dimension(exponents: halves))
    default:
      guard d.isDimensionless else {
        throw failure(
          "\(name) needs a plain number, but this is \(words(d))", arguments[0].value.span,
          hint: "divide by a unit first, e.g. \(name)((v - V_T) / Delta_T)")
      }
      return TypedExpression(node: node, dimension: .none)
    }
  }
}
