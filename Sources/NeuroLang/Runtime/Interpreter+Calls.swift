/// Calling built-in functions and functions written in neuro.
extension Interpreter {
  func call(_ calleeExpr: Expr, _ arguments: [Argument], _ expr: Expr) throws -> Value {
    let callee = try evaluate(calleeExpr)
    switch callee {
    case .builtin(let function):
      return try function.call(CallContext(interpreter: self, arguments: arguments, span: expr, calleeSpan: calleeExpr.span))
    case .function(let function):
      return try call(function, arguments, expr)
    default:
      throw failure("\(callee.describedKind) cannot be called", at: calleeExpr.span)
    }
  }

  /// Binds arguments to parameters (by position, then by name, then defaults) and runs the body.
  private func call(_ function: UserFunction, _ arguments: [Argument], _ expr: Expr) throws -> Value {
    let declaration = function.declaration
    let parameterNames = declaration.parameters.map(\.name)
    var bound: [String: Value] = [:]
    var position = 0
    for argument in arguments {
      if let label = argument.label, let labelSpan = argument.labelSpan {
        guard parameterNames.contains(label) else {
          throw failure("\(declaration.name) has no parameter '\(label)'", at: labelSpan,
                        hint: closestName(to: label, among: parameterNames).map { "did you mean '\($0)'?" }
                          ?? "its parameters are \(parameterNames.joined(separator: ", "))")
        }
        guard bound[label] == nil else { throw failure("'\(label)' is given twice", at: labelSpan) }
        bound[label] = try evaluate(argument.value)
      } else {
        guard position < parameterNames.count else {
          throw failure("\(declaration.name) takes \(parameterNames.count) arguments, found \(arguments.count)",
                        at: argument.value.span, hint: "\(declaration.name)(\(parameterNames.joined(separator: ", ")))")
        }
        guard bound[parameterNames[position]] == nil else {
          throw failure("'\(parameterNames[position])' is given twice", at: argument.value.span)
        }
        bound[parameterNames[position]] = try evaluate(argument.value)
        position += 1
      }
    }
    guard callDepth < Interpreter.maximumCallDepth else {
      throw failure("calls nested deeper than \(Interpreter.maximumCallDepth) (endless recursion?)", at: expr.span,
                    hint: "a recursive function needs a case that returns without calling itself")
    }
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
}
