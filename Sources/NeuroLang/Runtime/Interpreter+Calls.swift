/// Calling built-in functions and functions written in neuro.
extension Interpreter {
  func call(_ calleeExpr: Expr, _ arguments: [Argument], _ expr: Expr) throws -> Value {
    let callee = try evaluate(calleeExpr)
    switch callee {
    case .builtin(let function):
      try function.checkShape?(arguments, self)
      let evaluated = try arguments.map { argument in
        CallArgument(
          label: argument.label, labelSpan: argument.labelSpan,
          value: try argumentValue(argument, words: function.wordParameters), expr: argument.value)
      }
      return try function.call(
        CallContext(interpreter: self, arguments: evaluated, span: expr, calleeSpan: calleeExpr.span))
    case .function(let function):
      return try call(function, arguments, expr)
    default:
      throw failure("\(callee.describedKind) cannot be called", at: calleeExpr.span)
    }
  }

  /// An argument's value; a bare name given to a word parameter (`preset: chattering`) is that word.
  private func argumentValue(_ argument: Argument, words: [String: [String]]) throws -> Value {
    if let label = argument.label, words[label] != nil, case .name(let word) = argument.value.kind {
      return .string(word)
    }
    return try evaluate(argument.value)
  }

  /// Binds arguments to parameters (by position, then by name, then defaults) and runs the body.
  private func call(_ function: UserFunction, _ arguments: [Argument], _ expr: Expr) throws -> Value {
    let declaration = function.declaration
    let parameterNames = declaration.parameters.map(\.name)
    var bound: [String: Value] = [:]
    /// The parameter each argument was bound to.
    var parameters: [String] = []
    var position = 0
    for argument in arguments {
      if let label = argument.label, let labelSpan = argument.labelSpan {
        guard parameterNames.contains(label) else {
          throw failure(
            "\(declaration.name) has no parameter '\(label)'", at: labelSpan,
            hint: closestName(to: label, among: parameterNames).map { "did you mean '\($0)'?" }
              ?? "its parameters are \(parameterNames.joined(separator: ", "))")
        }
        guard bound[label] == nil else { throw failure("'\(label)' is given twice", at: labelSpan) }
        bound[label] = try evaluate(argument.value)
        parameters.append(label)
      } else {
        guard position < parameterNames.count else {
          throw failure(
            "\(declaration.name) takes \(parameterNames.count) arguments, found \(arguments.count)",
            at: argument.value.span, hint: "\(declaration.name)(\(parameterNames.joined(separator: ", ")))")
        }
        guard bound[parameterNames[position]] == nil else {
          throw failure("'\(parameterNames[position])' is given twice", at: argument.value.span)
        }
        bound[parameterNames[position]] = try evaluate(argument.value)
        parameters.append(parameterNames[position])
        position += 1
      }
    }
    guard callDepth < Interpreter.maximumCallDepth else {
      throw failure(
        "calls nested deeper than \(Interpreter.maximumCallDepth) (endless recursion?)", at: expr.span,
        hint: "a recursive function needs a case that returns without calling itself")
    }
    let callerSource = source
    do {
      return try runBody(function, bound, expr)
    } catch let inner as Diagnostic
      where inner.kind == .runtime && inner.source?.name == function.source.name
      && function.source.name != callerSource.name
    {
      throw failureAtCall(inner, function, arguments, parameters, bound, expr, in: callerSource)
    }
  }

  /// Runs a function's body with its parameters bound (defaults filled in).
  private func runBody(_ function: UserFunction, _ bound: [String: Value], _ expr: Expr) throws -> Value {
    let declaration = function.declaration
    let parameterNames = declaration.parameters.map(\.name)
    let savedScope = scope, savedSource = source
    scope = Scope(parent: function.closure)
    source = function.source
    callDepth += 1
    defer {
      scope = savedScope
      source = savedSource
      callDepth -= 1
    }
    for parameter in declaration.parameters {
      if let value = bound[parameter.name] {
        scope.define(parameter.name, value)
      } else if let defaultExpr = parameter.defaultValue {
        scope.define(parameter.name, try evaluate(defaultExpr))
      } else {
        let message = "\(declaration.name) needs a value for '\(parameter.name)'"
        let hint = "\(declaration.name)(\(parameterNames.joined(separator: ", ")))"
        scope = savedScope
        source = savedSource
        throw failure(message, at: expr.span, hint: hint)
      }
    }
    do {
      for statement in declaration.body { try execute(statement, echo: false) }
    } catch ControlFlow.returned {
      defer { returnedValue = .nothing }
      return returnedValue
    }
    return .nothing
  }

  /// An error inside a function of another file (an imported library), reported at the student's call:
  /// the inner message, where in the library it happened, and, when an argument is a plain number,
  /// the call with the unit the function's documented example uses there.
  private func failureAtCall(
    _ inner: Diagnostic, _ function: UserFunction, _ arguments: [Argument],
    _ parameters: [String], _ bound: [String: Value], _ expr: Expr, in callerSource: Source
  ) -> Diagnostic {
    let declaration = function.declaration
    let file = function.source.name.split(separator: "/").last.map(String.init) ?? function.source.name
    let place = inner.span.map { "\(file):\($0.start.line):\($0.start.column)" } ?? file
    let message = "\(inner.message) (inside \(declaration.name), \(place))"
    guard case .call(let callee, _) = expr.kind else {
      return Diagnostic(.runtime, message, at: expr.span, in: callerSource, hint: inner.hint)
    }
    let parameterNames = declaration.parameters.map(\.name)
    let plain = parameters.enumerated().filter { _, parameter in
      if case .quantity(let q)? = bound[parameter] { return q.dimension.isDimensionless }
      return false
    }.map { (index: $0.offset, parameter: $0.element) }
    guard !plain.isEmpty else {
      return Diagnostic(.runtime, message, at: expr.span, in: callerSource, hint: inner.hint)
    }
    let example = declaration.documentation.flatMap(documentedExample)
    let units = example.map { exampleUnits($0, parameterNames) } ?? [:]
    let rewriting = CallRewriting(source: callerSource, callee: callerSource.text(callee.span), arguments: arguments)
    let numbers = plain.map { rewriting.valueText(arguments[$0.index]) }.joined(separator: ", ")
    let isPlain = plain.count == 1 ? "is a plain number" : "are plain numbers"
    var hint = "\(numbers) \(isPlain) and probably need\(plain.count == 1 ? "s" : "") a unit"
    if plain.contains(where: { units[$0.parameter] != nil }) {
      hint +=
        ": "
        + rewriting.rewritten { i, argument in
          guard let entry = plain.first(where: { $0.index == i }), let unit = units[entry.parameter] else { return nil }
          return (argument.label.map { "\($0): " } ?? "") + rewriting.valueText(argument) + unit
        }
      hint += example.map { " (example: \($0))" } ?? ""
    } else if let example {
      // The example writes no unit where the plain number stands: it wants something else there.
      hint = "\(numbers) \(isPlain); compare the documented example: \(example)"
    }
    return Diagnostic(.runtime, message, at: expr.span, in: callerSource, hint: hint)
  }

  /// The `Example: …` of a function's `##` documentation, up to the end of its line.
  private func documentedExample(_ documentation: String) -> String? {
    guard let range = documentation.firstRange(of: "Example: ") else { return nil }
    let rest = documentation[range.upperBound...]
    return String(rest.prefix { $0 != "\n" }).trimmed()
  }

  /// The unit the example writes for each parameter given a number with a unit.
  private func exampleUnits(_ example: String, _ parameterNames: [String]) -> [String: String] {
    let source = Source(name: "<example>", text: example)
    guard case .expression(let expr)? = Parser.parse(source).statements.first?.kind,
      case .call(_, let arguments) = expr.kind
    else { return [:] }
    var units: [String: String] = [:]
    var position = 0
    for argument in arguments {
      let parameter = argument.label ?? (position < parameterNames.count ? parameterNames[position] : "")
      if argument.label == nil { position += 1 }
      if let unit = writtenUnit(of: argument.value, in: source) { units[parameter] = unit }
    }
    return units
  }
}
