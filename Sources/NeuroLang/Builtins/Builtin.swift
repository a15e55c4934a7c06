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
  /// Named parameters that take a word, not a value, with the words they accept: `preset: chattering`
  /// reads the bare name as "chattering".
  var wordParameters: [String: [String]] = [:]
  /// Checks the call as written before any argument is evaluated (a model takes only named values).
  var checkShape: (@Sendable ([Argument], Interpreter) throws -> Void)?
  var body: @Sendable (CallContext) throws -> Value

  init(
    name: String, signature: String, summary: String, parameterNames: [String] = [],
    wordParameters: [String: [String]] = [:],
    checkShape: (@Sendable ([Argument], Interpreter) throws -> Void)? = nil,
    body: @escaping @Sendable (CallContext) throws -> Value
  ) {
    self.name = name
    self.signature = signature
    self.summary = summary
    self.parameterNames = parameterNames
    self.wordParameters = wordParameters
    self.checkShape = checkShape
    self.body = body
  }

  func call(_ context: CallContext) throws -> Value { try body(context) }
}

/// One argument of a call to a built-in, evaluated once: its label, its value, and the syntax it was
/// written as (for carets and for hints that rewrite the student's call).
struct CallArgument {
  var label: String?
  var labelSpan: Span?
  var value: Value
  var expr: Expr
  /// Where the argument's value was written.
  var span: Span { expr.span }
  /// The argument as written.
  var syntax: Argument { Argument(label: label, labelSpan: labelSpan, value: expr) }
}

/// The arguments of one call, evaluated once, left to right, with helpers that check them and report
/// errors at the right place.
struct CallContext {
  let interpreter: Interpreter
  let arguments: [CallArgument]
  let span: Expr
  let calleeSpan: Span

  /// The call's arguments as written.
  var syntax: [Argument] { arguments.map(\.syntax) }

  /// The same call with only some of its arguments (a built-in that takes some options out first).
  func keeping(_ kept: [CallArgument]) -> CallContext {
    CallContext(interpreter: interpreter, arguments: kept, span: span, calleeSpan: calleeSpan)
  }

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

  /// The usage hint for a call with too many positional arguments: when the extra ones can be the
  /// named `options` not given yet (in order), the student's call with those labels added
  /// (`psth(inp, bin: 50ms)` for `psth(inp, 50ms)`), else the fixed `usage`.
  func usage(positional count: Int, options: [String], else usage: String) -> String {
    let positions = arguments.indices.filter { arguments[$0].label == nil }
    let free = options.filter { option in !arguments.contains { $0.label == option } }
    let extra = positions.dropFirst(count)
    guard !extra.isEmpty, extra.count <= free.count else { return usage }
    let labels = Dictionary(uniqueKeysWithValues: zip(extra, free))
    let rewriting = CallRewriting(
      source: interpreter.source, callee: interpreter.source.text(calleeSpan), arguments: syntax)
    return rewriting.rewritten { i, argument in labels[i].map { "\($0): \(rewriting.valueText(argument))" } }
  }

  /// For a plain number at argument `i` where a quantity of `dimension` is wanted, the student's call
  /// with the unit added there: `add a unit: sine(1nA, 10Hz)`; nil for anything else.
  func unitHint(at i: Int, _ q: Quantity, _ dimension: Dimension) -> String? {
    guard let written = Value.quantity(q).writtenWithUnit(dimension) else { return nil }
    let rewriting = CallRewriting(
      source: interpreter.source, callee: interpreter.source.text(calleeSpan), arguments: syntax)
    return "add a unit: "
      + rewriting.rewritten { j, argument in j == i ? (argument.label.map { "\($0): " } ?? "") + written : nil }
  }

  /// The value of argument `i`.
  func value(_ i: Int) throws -> Value { arguments[i].value }

  /// Argument `i` as a neuron.
  func neuron(_ i: Int, for name: String) throws -> NeuronHandle {
    let v = try value(i)
    guard case .neuron(let handle) = v else {
      throw failure(
        "\(name) needs a neuron, found \(v.describedKind)", at: arguments[i].span,
        hint: "make one with: neuron n = lif()")
    }
    try interpreter.checkLive(handle, at: arguments[i].span)
    return handle
  }

  /// Argument `i` as a quantity.
  func quantity(_ i: Int, for name: String) throws -> Quantity {
    let v = try value(i)
    guard case .quantity(let q) = v else {
      throw failure("\(name) needs a number, found \(v.describedKind)", at: arguments[i].span)
    }
    return q
  }
}
