import Foundation
import NeuroEngine
import NeuroUnits

/// How running some source ended; the executable turns it into an exit code.
public enum ExecutionResult: Equatable, Sendable {
  case success
  case syntaxError
  case runtimeError
}

/// A session: the names defined so far and the simulation they build. It runs
/// source statement by statement and reports through its host.
public final class Interpreter {
  public var host: Host
  var globals: [String: Value] = [:]
  var neuronModels: [String: NeuronModel] = [:]
  /// Neuron names in the order they were first defined, for run summaries.
  var neuronOrder: [String] = []
  let simulation = Simulation()
  /// The source being run, for locating runtime errors.
  var source = Source(name: "<none>", text: "")
  /// Files imported so far (absolute paths), each run once.
  var importedFiles: Set<String> = []
  var importStack: [String] = []

  public init(host: Host) {
    self.host = host
  }

  /// Runs a whole source and reports what goes wrong. In the REPL (`echo`), a bare
  /// expression prints its value.
  @discardableResult
  public func execute(_ source: Source, echo: Bool = false) -> ExecutionResult {
    do {
      try run(source, echo: echo)
      return .success
    } catch let diagnostic as Diagnostic {
      host.report(diagnostic)
      return diagnostic.kind == .syntax ? .syntaxError : .runtimeError
    } catch {
      host.report(Diagnostic(.runtime, "\(error)", in: source))
      return .runtimeError
    }
  }

  /// Runs a source; syntax errors but the last are reported, the last (or a runtime error) is thrown.
  func run(_ source: Source, echo: Bool) throws {
    let (statements, diagnostics) = Parser.parse(source)
    if let last = diagnostics.last {
      diagnostics.dropLast().forEach(host.report)
      throw last
    }
    let saved = self.source
    self.source = source
    defer { self.source = saved }
    for statement in statements { try execute(statement, echo: echo) }
  }

  /// Names defined in the session, for `:vars`-like listings and completion.
  public var definedNames: [String] { globals.keys.sorted() }

  /// A runtime error at a span of the current source.
  func failure(_ message: String, at span: Span, hint: String? = nil) -> Diagnostic {
    Diagnostic(.runtime, message, at: span, in: source, hint: hint)
  }

  func execute(_ statement: Stmt, echo: Bool) throws {
    switch statement.kind {
    case .define(let name, let nameSpan, let valueExpr):
      try checkDefinable(name, at: nameSpan)
      globals[name] = try evaluate(valueExpr)
      neuronModels[name] = nil
    case .assign(let name, let nameSpan, let valueExpr):
      try assign(name, at: nameSpan, valueExpr)
    case .assignMember(let object, let member, let memberSpan, let valueExpr):
      try assignParameter(object, member, memberSpan, valueExpr)
    case .neuron(let name, let nameSpan, let modelExpr):
      try defineNeuron(name, at: nameSpan, modelExpr)
    case .inject(let target, let amount, let from, let to):
      try inject(target, amount, from: from, to: to)
    case .run(let duration):
      try run(duration)
    case .reset:
      simulation.reset()
    case .plot(let traces, let from, let to):
      try plot(traces, from: from, to: to)
    case .print(let exprs):
      let values = try exprs.map(evaluate)
      host.write(values.map { text(of: $0, quoted: false) }.joined(separator: " ") + "\n")
    case .importFile(let path):
      try importFile(path, at: statement.span)
    case .expression(let expr):
      let value = try evaluate(expr)
      if echo { host.write(text(of: value, quoted: true) + "\n") }
    }
  }

  /// A value as print (unquoted strings) or the REPL (quoted) shows it; a neuron with its model and spikes.
  func text(of value: Value, quoted: Bool) -> String {
    switch value {
    case .string(let s) where !quoted: return s
    case .neuron(let handle):
      guard let model = neuronModels[handle.name] else { return value.shown }
      let count = simulation.spikeTimes(handle.group).count
      let time = Quantity(simulation.recordedDuration(handle.group), .time).formatted
      return "neuron \(handle.name) = \(model.described) · \(count) \(count == 1 ? "spike" : "spikes") in \(time)"
    case .list(let items): return "[" + items.map { text(of: $0, quoted: true) }.joined(separator: ", ") + "]"
    default: return value.shown
    }
  }

  private func checkDefinable(_ name: String, at span: Span) throws {
    if name == "dt" {
      throw failure("'dt' is the simulation's time step and cannot be redefined", at: span,
                    hint: "set it with: dt = 0.05ms")
    }
    if Builtins.all[name] != nil || ModelKind.all[name] != nil {
      throw failure("'\(name)' is a built-in function and cannot be redefined", at: span,
                    hint: "choose another name")
    }
  }

  private func assign(_ name: String, at span: Span, _ valueExpr: Expr) throws {
    let value = try evaluate(valueExpr)
    if name == "dt" { return try setTimeStep(value, at: valueExpr.span) }
    guard let old = globals[name] else {
      try checkDefinable(name, at: span)
      throw failure("'\(name)' is not defined yet", at: span, hint: "define it first: let \(name) = …")
    }
    if case .neuron = old {
      throw failure("'\(name)' is a neuron", at: span, hint: "redefine it with: neuron \(name) = lif(…)")
    }
    globals[name] = value
  }

  private func setTimeStep(_ value: Value, at span: Span) throws {
    guard case .quantity(let q) = value, q.dimension == .time else {
      throw failure("the time step must be a time, not \(value.describedKind)", at: span, hint: "dt = 0.05ms")
    }
    guard q.value > 0, q.value <= 1e-2 else {
      throw failure("the time step must be between 0 and 10 ms, not \(q.formatted)", at: span)
    }
    guard simulation.setTimeStep(q.value) else {
      throw failure("the time step can only change at t = 0 (now t = \(Quantity(simulation.time, .time).formatted))",
                    at: span, hint: "write 'reset' first to go back to t = 0")
    }
  }
}
