import NeuroEngine
import NeuroUnits

/// Turns a `model` declaration into a model kind: checks that every equation, threshold and
/// reset is consistent in its units (pointing at the offending sub-expression), infers the
/// unit of each state variable, and compiles the equations for the engine, once.
struct ModelCompiler {
  let declaration: ModelDeclaration
  let interpreter: Interpreter
  private var parameters: [(name: String, value: Quantity)] = []
  private var stateDimensions: [String: Dimension] = [:]
  /// The parameter a state variable was matched with (`E_L - v`): its natural starting value.
  private var partners: [String: String] = [:]
  private var states: [String] { declaration.equations.map(\.state) }

  init(_ declaration: ModelDeclaration, interpreter: Interpreter) {
    self.declaration = declaration
    self.interpreter = interpreter
  }

  private func failure(_ message: String, _ span: Span, hint: String? = nil) -> Diagnostic {
    interpreter.failure(message, at: span, hint: hint)
  }

  /// A dimension in words with its usual unit: `voltage (mV)`, `a plain number`.
  private func words(_ d: Dimension) -> String {
    d.isDimensionless ? "a plain number" : "\(d.word) (\(d.naturalSymbol))"
  }

  mutating func compile() throws -> ModelKind {
    try readParameters()
    try inferStateDimensions()
    let derivatives = try declaration.equations.map { equation -> EquationNode in
      try checkingPlainParameters { try $0.checkRate(equation) }
      return try node(equation.rightSide)
    }
    let (threshold, inclusive) = try compileThreshold()
    let resets = try declaration.resets.map { reset -> EquationModel.Reset in
      guard let index = states.firstIndex(of: reset.state) else {
        throw failure("'\(reset.state)' is not a state variable of \(declaration.name)", reset.stateSpan,
                      hint: "its state variables are \(states.joined(separator: ", "))")
      }
      try checkingPlainParameters { compiler in
        let found = try compiler.dimension(reset.value), expected = compiler.stateDimensions[reset.state] ?? .none
        guard found == expected else {
          throw compiler.failure("\(reset.state) is \(compiler.words(expected)), but its reset is \(compiler.words(found))", reset.value.span)
        }
      }
      return EquationModel.Reset(state: index, value: try node(reset.value), increment: reset.increment)
    }
    let initial = try states.map { state -> EquationNode in
      if let field = declaration.initialValues.first(where: { $0.name == state }) { return try node(field.value) }
      if let partner = partners[state], let index = parameters.firstIndex(where: { $0.name == partner }) { return .parameter(index) }
      return .constant(0)
    }
    let refractory = try declaration.refractory.map { expr -> Double in
      let value = try interpreter.evaluate(expr)
      guard case .quantity(let q) = value, q.dimension == .time, q.value >= 0 else {
        throw failure("refractory needs a time that is not negative", expr.span,
                      hint: value.writtenWithUnit(.time).map { "add a unit: refractory \($0)" } ?? "refractory 2ms")
      }
      return q.value
    } ?? 0
    let methods = try chooseMethods(derivatives)
    return makeKind(derivatives: derivatives, threshold: threshold, inclusive: inclusive, resets: resets, initial: initial,
                    refractory: refractory, methods: methods)
  }

  private mutating func readParameters() throws {
    for field in declaration.parameters {
      if parameters.contains(where: { $0.name == field.name }) { throw failure("'\(field.name)' is given twice", field.nameSpan) }
      if states.contains(field.name) || ["I", "t"].contains(field.name) {
        throw failure("'\(field.name)' is a state variable or a built-in symbol, not a parameter", field.nameSpan)
      }
      guard case .quantity(let q) = try interpreter.evaluate(field.value) else {
        throw failure("the parameter '\(field.name)' needs a number with its unit", field.value.span)
      }
      parameters.append((field.name, q))
    }
    for field in declaration.initialValues where !states.contains(field.name) {
      throw failure("'\(field.name)' is not a state variable of \(declaration.name)", field.nameSpan,
                    hint: "its state variables are \(states.joined(separator: ", "))")
    }
  }

  // MARK: - Units

  /// Gives each state variable a dimension: from its initial value, else from what it is
  /// added to, subtracted from or compared with, else from its equation's right side.
  private mutating func inferStateDimensions() throws {
    for field in declaration.initialValues {
      stateDimensions[field.name] = try inferred(field.value) ?? Dimension.none
    }
    for _ in 0...states.count {
      for equation in declaration.equations {
        let rate = try inferred(equation.rightSide)
        if stateDimensions[equation.state] == nil, let rate { stateDimensions[equation.state] = rate * .time }
      }
      if let condition = declaration.condition { _ = try inferred(condition) }
      for reset in declaration.resets {
        let value = try inferred(reset.value)
        if stateDimensions[reset.state] == nil, let value, states.contains(reset.state) { stateDimensions[reset.state] = value }
      }
    }
    for equation in declaration.equations where stateDimensions[equation.state] == nil {
      throw failure("cannot tell the unit of '\(equation.state)'", equation.stateSpan,
                    hint: "give it a starting value with its unit: init \(equation.state): 0mV")
    }
  }

  /// The dimension if it can be told yet; matches unknown state variables to known partners.
  private mutating func inferred(_ expr: Expr) throws -> Dimension? {
    switch expr.kind {
    case .number(let q): return q.dimension
    case .name(let name):
      if let d = stateDimensions[name] { return d }
      if states.contains(name) { return nil }
      return try dimension(expr)
    case .unary(_, let a): return try inferred(a)
    case .binary(let op, let a, let b):
      let (da, db) = (try inferred(a), try inferred(b))
      switch op {
      case .add, .subtract, .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
        if da == nil, let db { match(a, db, partner: b) }
        if db == nil, let da { match(b, da, partner: a) }
        return [.less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual].contains(op) ? Dimension.none : (da ?? db)
      case .multiply: return da.flatMap { x in db.map { x * $0 } }
      case .divide: return da.flatMap { x in db.map { x / $0 } }
      case .power:
        guard let da, case .number(let q) = b.kind, abs(q.value) <= 12, let n = Int32(checking: q.value) else { return nil }
        return da.power(n)
      default: return nil
      }
    case .call: return Dimension.none
    default: return nil
    }
  }

  private mutating func match(_ expr: Expr, _ dimension: Dimension, partner: Expr) {
    var target = expr
    if case .unary(.negate, let inner) = expr.kind { target = inner }
    guard case .name(let name) = target.kind, states.contains(name), stateDimensions[name] == nil else { return }
    stateDimensions[name] = dimension
    if case .name(let other) = partner.kind, parameters.contains(where: { $0.name == other }) { partners[name] = other }
  }

  /// The dimension of an expression, every mismatch an error at the sub-expression that has it.
  private func dimension(_ expr: Expr) throws -> Dimension {
    switch expr.kind {
    case .number(let q): return q.dimension
    case .name(let name): return try symbol(name, expr.span).dimension
    case .unary(.negate, let a): return try dimension(a)
    case .binary(let op, let a, let b):
      let (da, db) = (try dimension(a), try dimension(b))
      switch op {
      case .add, .subtract, .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
        guard da == db else {
          let verb = op == .add ? "add" : op == .subtract ? "subtract" : "compare"
          throw failure("cannot \(verb) \(words(da)) and \(words(db))", expr.span, hint: UnitHints.hint(da, db))
        }
        return op == .add || op == .subtract ? da : .none
      case .multiply: return da * db
      case .divide: return da / db
      case .power:
        guard case .number(let q) = b.kind, q.dimension.isDimensionless else {
          throw failure("an exponent in a model must be a plain number written out", b.span, hint: "v^2")
        }
        if da.isDimensionless { return .none }
        guard q.value == q.value.rounded(), abs(q.value) <= 12, let n = Int32(checking: q.value) else {
          throw failure("\(da.word) can only be raised to a whole power", b.span)
        }
        return da.power(n)
      default:
        throw failure("'\(op.rawValue)' has no place in an equation", expr.span)
      }
    case .call(let callee, let arguments):
      guard case .name(let name) = callee.kind, let function = MathFunction(rawValue: name) else {
        throw failure("equations may call \(MathFunction.allCases.map(\.rawValue).joined(separator: ", ")) only", callee.span)
      }
      guard arguments.count == 1, arguments[0].label == nil else {
        throw failure("\(name) takes one argument", expr.span)
      }
      let d = try dimension(arguments[0].value)
      switch function {
      case .abs: return d
      case .sqrt:
        let halves = d.exponents / 2
        guard halves &* 2 == d.exponents else { throw failure("cannot take the square root of \(words(d))", arguments[0].value.span) }
        return Dimension(exponents: halves)
      default:
        guard d.isDimensionless else {
          throw failure("\(name) needs a plain number, but this is \(words(d))", arguments[0].value.span,
                        hint: "divide by a unit first, e.g. \(name)((v - V_T) / Delta_T)")
        }
        return .none
      }
    default:
      throw failure("this has no place in an equation", expr.span)
    }
  }

  /// What a name in an equation means: a state variable, a parameter, the input current I, or time t.
  private func symbol(_ name: String, _ span: Span) throws -> (node: EquationNode, dimension: Dimension) {
    if let i = states.firstIndex(of: name) { return (.state(i), stateDimensions[name] ?? .none) }
    if let i = parameters.firstIndex(where: { $0.name == name }) { return (.parameter(i), parameters[i].value.dimension) }
    if name == "I" { return (.input, .current) }
    if name == "t" { return (.time, .time) }
    let known = states + parameters.map(\.name) + ["I", "t"]
    throw failure("unknown name '\(name)' in model \(declaration.name)", span,
                  hint: closestName(to: name, among: known).map { "did you mean '\($0)'?" }
                    ?? "declare it as a parameter: params \(name): …")
  }

  /// Checks that a right side has the units of its variable's rate.
  private func checkRate(_ equation: (state: String, stateSpan: Span, rightSide: Expr)) throws {
    let expected = (stateDimensions[equation.state] ?? .none) / .time
    let found = try dimension(equation.rightSide)
    guard found == expected else {
      throw failure("d\(equation.state)/dt must be \(words(expected)), but this is \(words(found))", equation.rightSide.span,
                    hint: hintForRate(found, expected))
    }
  }

  /// Runs a unit check; when it fails and giving one parameter written as a plain number a unit would
  /// make it pass, the error's hint names that parameter and the unit (`params tau: 10ms`).
  private func checkingPlainParameters(_ check: (ModelCompiler) throws -> Void) throws {
    do {
      try check(self)
    } catch var diagnostic as Diagnostic {
      let candidates = BaseUnit.all.map(\.dimension)
      for (i, parameter) in parameters.enumerated() where parameter.value.dimension.isDimensionless {
        for candidate in candidates {
          var trial = self
          trial.parameters[i].value = Quantity(parameter.value.value, candidate)
          guard (try? check(trial)) != nil else { continue }
          let written = declaration.parameters.first { $0.name == parameter.name }
            .map { interpreter.source.text($0.value.span) } ?? formatNumber(parameter.value.value)
          diagnostic.hint = "the parameter '\(parameter.name)' is a plain number; with a unit the units agree: "
            + "params \(parameter.name): \(written)\(candidate.naturalSymbol)"
          throw diagnostic
        }
      }
      throw diagnostic
    }
  }

  private func hintForRate(_ found: Dimension, _ expected: Dimension) -> String? {
    if found == expected * .time { return "divide by a time constant" }
    if found * .time == expected * .capacitance { return "divide by a capacitance: (…) / C" }
    return nil
  }

  // MARK: - Compiling

  private func node(_ expr: Expr) throws -> EquationNode {
    switch expr.kind {
    case .number(let q): return .constant(q.value)
    case .name(let name): return try symbol(name, expr.span).node
    case .unary(.negate, let a): return .negate(try node(a))
    case .binary(let op, let a, let b):
      switch op {
      case .add: return .add(try node(a), try node(b))
      case .subtract: return .subtract(try node(a), try node(b))
      case .multiply: return .multiply(try node(a), try node(b))
      case .divide: return .divide(try node(a), try node(b))
      case .power:
        guard case .number(let q) = b.kind else { throw failure("an exponent must be a number", b.span) }
        return .power(try node(a), q.value)
      default: throw failure("'\(op.rawValue)' has no place in an equation", expr.span)
      }
    case .call(let callee, let arguments):
      guard case .name(let name) = callee.kind, let function = MathFunction(rawValue: name), arguments.count == 1 else {
        throw failure("equations may call \(MathFunction.allCases.map(\.rawValue).joined(separator: ", ")) only", callee.span)
      }
      return .function(function, try node(arguments[0].value))
    default:
      throw failure("this has no place in an equation", expr.span)
    }
  }

  private func compileThreshold() throws -> (EquationNode?, Bool) {
    guard let condition = declaration.condition else {
      if let reset = declaration.resets.first { throw failure("resets need an 'on' condition", reset.stateSpan) }
      return (nil, false)
    }
    guard case .binary(let op, let a, let b) = condition.kind, [.greater, .greaterEqual, .less, .lessEqual].contains(op) else {
      throw failure("the 'on' condition must compare two values", condition.span, hint: "on v > 0mV { … }")
    }
    try checkingPlainParameters { _ = try $0.dimension(condition) }
    let (left, right) = (try node(a), try node(b))
    switch op {
    case .greater: return (.subtract(left, right), false)
    case .greaterEqual: return (.subtract(left, right), true)
    case .less: return (.subtract(right, left), false)
    default: return (.subtract(right, left), true)
    }
  }

  /// The declared method, or exponential Euler when every equation is linear in its own
  /// variable (exact then), else second-order Runge–Kutta; the others follow.
  private func chooseMethods(_ derivatives: [EquationNode]) throws -> [IntegrationMethod] {
    let userMethods: [IntegrationMethod] = [.euler, .rk2, .rk4, .exponentialEuler]
    var chosen: IntegrationMethod
    if let (name, span) = declaration.method {
      guard let method = IntegrationMethod(rawValue: name), userMethods.contains(method) else {
        throw failure(name == "exact" ? "exact integration is for the built-in models" : "unknown integration method '\(name)'", span,
                      hint: "choose one of: \(userMethods.map(\.rawValue).joined(separator: ", ")) (exponential_euler is exact for linear equations)")
      }
      chosen = method
    } else {
      let linear = derivatives.enumerated().allSatisfy { i, f in !f.derivative(withRespectTo: i).depends(on: i) }
      chosen = linear ? .exponentialEuler : .rk2
    }
    return [chosen] + userMethods.filter { $0 != chosen }
  }

  private func makeKind(derivatives: [EquationNode], threshold: EquationNode?, inclusive: Bool,
                        resets: [EquationModel.Reset], initial: [EquationNode], refractory: Double,
                        methods: [IntegrationMethod]) -> ModelKind {
    let names = parameters.map(\.name), stateNames = states
    @Sendable func engineModel(_ values: [String: Double], _ method: IntegrationMethod) -> EquationModel {
      EquationModel(stateNames: stateNames, derivatives: derivatives, threshold: threshold, inclusiveThreshold: inclusive,
                    resets: resets, initialValues: initial, parameters: names.map { values[$0] ?? 0 }, method: method,
                    refractoryPeriod: refractory)
    }
    return ModelKind(
      name: declaration.name,
      summary: declaration.documentation ?? "a model written in neuro: " + declaration.equations.map { "d\($0.state)/dt = …" }.joined(separator: ", "),
      parameters: parameters.map { ModelParameter(name: $0.name, dimension: $0.value.dimension, defaultValue: $0.value.value,
                                                  meaning: "parameter of \(declaration.name)") },
      variables: states.map { ($0, stateDimensions[$0] ?? .none, "state variable") },
      methods: methods,
      validate: { finiteValues($0) },
      makeGroup: { values, method, count in EquationGroup(count: count, model: engineModel(values, method)) },
      update: { group, values, method in
        guard var equations = group as? EquationGroup else { return }
        equations.reparameterize(names.map { values[$0] ?? 0 })
        group = equations
      },
      timeScales: { values, method in
        // Each variable's own time constant at the starting values: 1 / |∂(dx/dt)/∂x|. Exponential
        // Euler takes that part exactly, so it needs no such bound.
        guard method != .exponentialEuler else { return [] }
        let parameters = names.map { values[$0] ?? 0 }
        let start = initial.map { $0.value(state: { _ in 0 }, parameters: parameters, input: 0, time: 0) }
        return derivatives.enumerated().compactMap { i, f in
          let rate = f.derivative(withRespectTo: i).value(state: { start.indices.contains($0) ? start[$0] : 0 },
                                                          parameters: parameters, input: 0, time: 0)
          guard rate < 0, rate.isFinite, i < stateNames.count else { return nil }
          return ("the time constant of \(stateNames[i]) at its starting value", -1 / rate)
        }
      })
  }
}
