import NeuroEngine
import NeuroUnits

/// Turns a `model` declaration into a model kind: checks that every equation, threshold and
/// reset is consistent in its units (pointing at the offending sub-expression), infers the
/// unit of each state variable, and compiles the equations for the engine, once.
struct ModelCompiler {
  let declaration: ModelDeclaration
  let interpreter: Interpreter
  /// The typed pass, with the model's parameters and, once inferred, its variables' units.
  private var checker: ModelExpressionChecker
  private var parameters: [(name: String, value: Quantity)] { checker.parameters }
  private var states: [String] { checker.states }

  init(_ declaration: ModelDeclaration, interpreter: Interpreter) {
    self.declaration = declaration
    self.interpreter = interpreter
    checker = ModelExpressionChecker(
      modelName: declaration.name, states: declaration.equations.map(\.state),
      interpreter: interpreter)
  }

  private func failure(_ message: String, _ span: Span, hint: String? = nil) -> Diagnostic {
    interpreter.failure(message, at: span, hint: hint)
  }

  /// The model kind, or the first diagnostic: parameters, units of the state variables, then each
  /// equation, the condition, the resets and the initial values through the typed pass.
  mutating func compile() throws -> ModelKind {
    try readParameters()
    let partners = try checker.inferStateDimensions(of: declaration)
    let derivatives = try declaration.equations.map(compileRate)
    let (threshold, inclusive) = try compileThreshold()
    let resets = try declaration.resets.map(compileReset)
    let initial = try states.map { state -> EquationNode in
      if let field = declaration.initialValues.first(where: { $0.name == state }) {
        return try checker.typed(field.value).node
      }
      if let partner = partners[state], let index = parameters.firstIndex(where: { $0.name == partner }) {
        return .parameter(index)
      }
      return .constant(0)
    }
    let refractory =
      try declaration.refractory.map { expr -> Double in
        let value = try interpreter.evaluate(expr)
        guard case .quantity(let q) = value, q.dimension == .time, q.value >= 0 else {
          throw failure(
            "refractory needs a time that is not negative", expr.span,
            hint: value.writtenWithUnit(.time).map { "add a unit: refractory \($0)" } ?? "refractory 2ms")
        }
        return q.value
      } ?? 0
    let methods = try chooseMethods(derivatives)
    return makeKind(
      derivatives: derivatives, threshold: threshold, inclusive: inclusive, resets: resets,
      initial: initial, refractory: refractory, methods: methods)
  }

  /// Evaluates the parameters (each once, no state variable or built-in symbol among them).
  private mutating func readParameters() throws {
    for field in declaration.parameters {
      if parameters.contains(where: { $0.name == field.name }) {
        throw failure("'\(field.name)' is given twice", field.nameSpan)
      }
      if states.contains(field.name) || ["I", "t"].contains(field.name) {
        throw failure("'\(field.name)' is a state variable or a built-in symbol, not a parameter", field.nameSpan)
      }
      guard case .quantity(let q) = try interpreter.evaluate(field.value) else {
        throw failure("the parameter '\(field.name)' needs a number with its unit", field.value.span)
      }
      checker.parameters.append((field.name, q))
    }
    for field in declaration.initialValues where !states.contains(field.name) {
      throw failure(
        "'\(field.name)' is not a state variable of \(declaration.name)", field.nameSpan,
        hint: "its state variables are \(states.joined(separator: ", "))")
    }
  }

  // MARK: - Checking and compiling

  /// A right side, which must have the units of its variable's rate.
  private func compileRate(_ equation: (state: String, stateSpan: Span, rightSide: Expr)) throws -> EquationNode {
    let expected = (checker.stateDimensions[equation.state] ?? .none) / .time
    return try advisingOnPlainParameters { checker in
      let rate = try checker.typed(equation.rightSide)
      guard rate.dimension == expected else {
        let message =
          "d\(equation.state)/dt must be \(checker.words(expected)), "
          + "but this is \(checker.words(rate.dimension))"
        throw checker.failure(message, equation.rightSide.span, hint: hintForRate(rate.dimension, expected))
      }
      return rate.node
    }
  }

  /// A reset, whose value must have the units of its variable.
  private func compileReset(_ reset: (state: String, stateSpan: Span, increment: Bool, value: Expr)) throws
    -> EquationModel.Reset
  {
    guard let index = states.firstIndex(of: reset.state) else {
      throw failure(
        "'\(reset.state)' is not a state variable of \(declaration.name)", reset.stateSpan,
        hint: "its state variables are \(states.joined(separator: ", "))")
    }
    let expected = checker.stateDimensions[reset.state] ?? .none
    let value = try advisingOnPlainParameters { checker in
      let value = try checker.typed(reset.value)
      guard value.dimension == expected else {
        let message =
          "\(reset.state) is \(checker.words(expected)), "
          + "but its reset is \(checker.words(value.dimension))"
        throw checker.failure(message, reset.value.span)
      }
      return value.node
    }
    return EquationModel.Reset(state: index, value: value, increment: reset.increment)
  }

  /// Runs a check; when it fails and giving one parameter written as a plain number a unit would
  /// make it pass, the error's hint names that parameter and the unit (`params tau: 10ms`).
  private func advisingOnPlainParameters<T>(_ check: (ModelExpressionChecker) throws -> T) throws -> T {
    do {
      return try check(checker)
    } catch var diagnostic as Diagnostic {
      let candidates = BaseUnit.all.map(\.dimension)
      for (i, parameter) in parameters.enumerated() where parameter.value.dimension.isDimensionless {
        for candidate in candidates {
          var trial = checker
          trial.parameters[i].value = Quantity(parameter.value.value, candidate)
          guard (try? check(trial)) != nil else { continue }
          let written =
            declaration.parameters.first { $0.name == parameter.name }
            .map { interpreter.source.text($0.value.span) } ?? formatNumber(parameter.value.value)
          diagnostic.hint =
            "the parameter '\(parameter.name)' is a plain number; with a unit the units agree: "
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

  /// The `on` condition as an expression that crosses zero upward, and whether equality fires.
  private func compileThreshold() throws -> (EquationNode?, Bool) {
    guard let condition = declaration.condition else {
      if let reset = declaration.resets.first { throw failure("resets need an 'on' condition", reset.stateSpan) }
      return (nil, false)
    }
    guard case .binary(let op, let a, let b) = condition.kind,
      [.greater, .greaterEqual, .less, .lessEqual].contains(op)
    else {
      throw failure("the 'on' condition must compare two values", condition.span, hint: "on v > 0mV { … }")
    }
    let (left, right) = try advisingOnPlainParameters { try $0.compared(op, a, b, in: condition) }
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
        let message =
          name == "exact"
          ? "exact integration is for the built-in models" : "unknown integration method '\(name)'"
        throw failure(
          message, span,
          hint: "choose one of: \(userMethods.map(\.rawValue).joined(separator: ", ")) "
            + "(exponential_euler is exact for linear equations)")
      }
      chosen = method
    } else {
      let linear = derivatives.enumerated().allSatisfy { i, f in !f.derivative(withRespectTo: i).depends(on: i) }
      chosen = linear ? .exponentialEuler : .rk2
    }
    return [chosen] + userMethods.filter { $0 != chosen }
  }

  private func makeKind(
    derivatives: [EquationNode], threshold: EquationNode?, inclusive: Bool,
    resets: [EquationModel.Reset], initial: [EquationNode], refractory: Double,
    methods: [IntegrationMethod]
  ) -> ModelKind {
    let names = parameters.map(\.name), stateNames = states
    @Sendable func engineModel(_ values: [String: Double], _ method: IntegrationMethod) -> EquationModel {
      EquationModel(
        stateNames: stateNames, derivatives: derivatives, threshold: threshold,
        inclusiveThreshold: inclusive, resets: resets, initialValues: initial,
        parameters: names.map { values[$0] ?? 0 }, method: method, refractoryPeriod: refractory)
    }
    return ModelKind(
      name: declaration.name,
      summary: declaration.documentation
        ?? "a model written in neuro: " + declaration.equations.map { "d\($0.state)/dt = …" }.joined(separator: ", "),
      parameters: parameters.map {
        ModelParameter(
          name: $0.name, dimension: $0.value.dimension, defaultValue: $0.value.value,
          meaning: "parameter of \(declaration.name)")
      },
      variables: states.map { ($0, checker.stateDimensions[$0] ?? .none, "state variable") },
      methods: methods,
      planarFlow: stateNames.count == 2 ? planarFlow(derivatives, names) : nil,
      usesInput: derivatives.contains(where: \.readsInput),
      validate: { finiteValues($0) },
      makeGroup: { values, method, count in EquationGroup(count: count, model: engineModel(values, method)) },
      timeScales: { values, method in
        // Each variable's own time constant at the starting values: 1 / |∂(dx/dt)/∂x|. Exponential
        // Euler takes that part exactly, so it needs no such bound.
        guard method != .exponentialEuler else { return [] }
        let parameters = names.map { values[$0] ?? 0 }
        let start = initial.map { $0.value(state: { _ in 0 }, parameters: parameters, input: 0, time: 0) }
        return derivatives.enumerated().compactMap { i, f in
          let rate = f.derivative(withRespectTo: i).value(
            state: { start.indices.contains($0) ? start[$0] : 0 },
            parameters: parameters, input: 0, time: 0)
          guard rate < 0, rate.isFinite, i < stateNames.count else { return nil }
          return ("the time constant of \(stateNames[i]) at its starting value", -1 / rate)
        }
      })
  }

  /// The flow of a model of two state variables, from its equations, with given parameters and input.
  private func planarFlow(_ derivatives: [EquationNode], _ names: [String])
    -> @Sendable ([String: Double], Double) -> PlanarSystem
  {
    { values, input in
      let parameters = names.map { values[$0] ?? 0 }
      return PlanarSystem { x, y in
        let state: (Int) -> Double = { $0 == 0 ? x : y }
        let dx = derivatives[0].value(state: state, parameters: parameters, input: input, time: 0)
        let dy = derivatives[1].value(state: state, parameters: parameters, input: input, time: 0)
        return (dx, dy)
      }
    }
  }
}
