import NeuroUnits

/// A function written in Swift that neuro code can call.
public struct Builtin: Sendable {
  public var name: String
  /// The parameters as a user writes them: `neuron` or `tau: time, …`.
  public var signature: String
  /// One line on what it does, for `:help`.
  public var summary: String
  /// Names it takes as `name: value`, for completion.
  public var parameterNames: [String] = []
  var body: @Sendable (CallContext) throws -> Value

  init(name: String, signature: String, summary: String, parameterNames: [String] = [],
       body: @escaping @Sendable (CallContext) throws -> Value) {
    self.name = name
    self.signature = signature
    self.summary = summary
    self.parameterNames = parameterNames
    self.body = body
  }

  func call(_ context: CallContext) throws -> Value { try body(context) }
}

/// The arguments of one call, with helpers that check them and report errors at the right place.
struct CallContext {
  let interpreter: Interpreter
  let arguments: [Argument]
  let span: Expr
  let calleeSpan: Span

  func failure(_ message: String, at span: Span? = nil, hint: String? = nil) -> Diagnostic {
    interpreter.failure(message, at: span ?? self.span.span, hint: hint)
  }

  /// Checks that the call has exactly `count` positional arguments, naming them in the error.
  func expectPositional(_ count: Int, _ name: String, _ usage: String) throws {
    if let named = arguments.first(where: { $0.label != nil }), let labelSpan = named.labelSpan {
      throw failure("\(name) takes no named arguments", at: labelSpan, hint: "write \(usage)")
    }
    guard arguments.count == count else {
      let what = count == 1 ? "one argument" : "\(count) arguments"
      throw failure("\(name) takes \(what), found \(arguments.count)", hint: "write \(usage)")
    }
  }

  /// The value of positional argument `i`.
  func value(_ i: Int) throws -> Value { try interpreter.evaluate(arguments[i].value) }

  /// Argument `i` as a neuron.
  func neuron(_ i: Int, for name: String) throws -> NeuronHandle {
    let v = try value(i)
    guard case .neuron(let handle) = v else {
      throw failure("\(name) needs a neuron, found \(v.describedKind)", at: arguments[i].value.span,
                    hint: "make one with: neuron n = lif()")
    }
    try interpreter.checkLive(handle, at: arguments[i].value.span)
    return handle
  }

  /// Argument `i` as a quantity.
  func quantity(_ i: Int, for name: String) throws -> Quantity {
    let v = try value(i)
    guard case .quantity(let q) = v else {
      throw failure("\(name) needs a number, found \(v.describedKind)", at: arguments[i].value.span)
    }
    return q
  }
}
