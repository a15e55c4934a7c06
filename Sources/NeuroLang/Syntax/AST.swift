import NeuroUnits

/// An expression and the source it was written in.
public struct Expr: Sendable {
  public var kind: ExprKind
  public var span: Span
}

/// The forms an expression takes.
public indirect enum ExprKind: Sendable {
  case number(Quantity)
  case string(String)
  case bool(Bool)
  case name(String)
  case list([Expr])
  case unary(UnaryOperator, Expr)
  case binary(BinaryOperator, Expr, Expr)
  case call(callee: Expr, arguments: [Argument])
  /// `append(xs, v)`: v added to the end of the list held in the name xs, in place (gives no value).
  case append(list: String, listSpan: Span, item: Expr)
  case member(Expr, name: String, nameSpan: Span)
  case index(Expr, Expr)
  /// `xs[a..b]`: items a to b, both included (either end may be left out).
  case slice(Expr, from: Expr?, to: Expr?)
  /// `"rate = {rate(n)}"`
  case interpolation([InterpolationPart])
  /// `{currents: xs, rates: ys}`
  case record([RecordField])
  /// `0nA to 3nA step 0.25nA`, both ends included.
  case range(from: Expr, to: Expr, step: Expr?)
  /// `x in mV` (a plain number) or `x as mV` (printed in mV).
  case convert(Expr, unit: Unit, unitText: String, unitSpan: Span, keepsUnit: Bool)
  /// `load "file.csv"`
  case load(Expr)
}

/// A piece of an interpolated string.
public enum InterpolationPart: Sendable {
  case text(String)
  case expression(Expr)
}

/// A named field of a record literal.
public struct RecordField: Sendable {
  public var name: String
  public var nameSpan: Span
  public var value: Expr
}

/// A parameter of a user function, with its default value if it has one.
public struct Parameter: Sendable {
  public var name: String
  public var span: Span
  public var defaultValue: Expr?
}

/// `fn name(a, b: 2) { … }`, with the `##` comment lines above it as its documentation.
public struct FunctionDeclaration: Sendable {
  public var name: String
  public var nameSpan: Span
  public var parameters: [Parameter]
  public var body: [Stmt]
  public var documentation: String?
}

/// An option of `connect … with …`: a value, a rule's name (`rule: one_to_one`), or a draw per
/// synapse (`weight: uniform(1mV, 2mV)`, `delay: normal(2ms, 0.5ms)`).
public struct ConnectOption: Sendable {
  /// How a per-synapse value is drawn.
  public enum Distribution: String, Sendable { case uniform, normal }
  /// What the option's value is read as.
  public enum Form: Sendable {
    case value
    case word(String)
    case draw(Distribution, Expr, Expr)
  }
  public var label: String?
  public var labelSpan: Span?
  public var value: Expr
  public var form: Form
}

/// A call argument, positional or named (`tau: 10ms`).
public struct Argument: Sendable {
  public var label: String?
  public var labelSpan: Span?
  public var value: Expr
}

public enum UnaryOperator: String, Sendable { case negate = "-", not }

public enum BinaryOperator: String, Sendable {
  case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
  case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
  case and, or
}

/// A statement and the source it was written in.
public struct Stmt: Sendable {
  public var kind: StmtKind
  public var span: Span
}

/// The forms a statement takes.
public enum StmtKind: Sendable {
  /// `let x = expr`
  case define(name: String, nameSpan: Span, value: Expr)
  /// `x = expr` (also `dt = 0.05ms`)
  case assign(name: String, nameSpan: Span, value: Expr)
  /// `n.tau = 20ms`
  case assignMember(object: Expr, member: String, memberSpan: Span, value: Expr)
  /// `neuron n = lif(...)`
  case neuron(name: String, nameSpan: Span, model: Expr)
  /// `inject n 2.5nA from 20ms to 60ms`, `inject n 1nA for 30ms`
  case inject(target: Expr, current: Expr, window: TimeWindow)
  /// `run 100ms`
  case run(duration: Expr)
  /// `reset`
  case reset
  /// `plot n.v, m.v from 20ms to 60ms`
  case plot(traces: [Expr], from: Expr?, to: Expr?)
  /// `print a, b`
  case print([Expr])
  /// `import "name"`
  case importFile(path: String)
  /// A bare expression (the REPL prints its value).
  case expression(Expr)
  /// `fn name(…) { … }`
  case function(FunctionDeclaration)
  /// `if c { … } else if d { … } else { … }`
  case conditional(branches: [(condition: Expr, body: [Stmt])], otherwise: [Stmt]?)
  /// `for x in xs { … }`
  case forEach(name: String, nameSpan: Span, sequence: Expr, body: [Stmt])
  /// `while c { … }`
  case repeatWhile(condition: Expr, body: [Stmt])
  /// `return` or `return expr`
  case returnValue(Expr?)
  case breakLoop
  case continueLoop
  /// `save n.v to "v.csv"`
  case save(value: Expr, path: Expr)
  /// `export nest to "net.py"`: the world's network as a script for another simulator.
  case export(target: String, targetSpan: Span, path: Expr)
  /// `seed 42`
  case seed(Expr)
  /// `threads 2`
  case threads(Expr)
  /// `report "r.md"`
  case report(Expr)
  /// `check accuracy` or `check accuracy, dt: 0.01ms`
  case checkAccuracy(options: [Argument])
  /// `model name { dv/dt = … }`
  case model(ModelDeclaration)
  /// `event n.g_exc += 5nS at 20ms, 60ms`, `event n.g_exc += 5nS in 10ms`
  case event(target: Expr, amount: Expr, times: [Expr], delay: Expr?)
  /// `population exc[3200] = lif(…)`
  case population(name: String, nameSpan: Span, size: Expr, model: Expr)
  /// `input noise = poisson(1000, rate: 10Hz)`
  case input(name: String, nameSpan: Span, source: Expr)
  /// `connect exc -> inh with p: 0.02, weight: 1.62mV`; `let syn = connect …` also names the connection.
  case connect(pre: Expr, post: Expr, options: [ConnectOption], name: (String, Span)?)
  /// `drive net with poisson(1000, rate: 20Hz), weight: 0.1mV`: independent Poisson events into each neuron.
  case drive(target: Expr, source: Expr, options: [ConnectOption])
  /// `fit net on data with loss: binary_crossentropy, epochs: 10`; `let h = fit …` names the history.
  case fit(network: Expr, data: Expr, options: [Argument], name: (String, Span)?)
  /// `record exc.v[0..9]`
  case record(Expr)
  /// `raster exc from 0ms to 200ms`
  case raster(Expr, from: Expr?, to: Expr?)
  /// `heatmap weights(a, b)`
  case heatmap(Expr)
  /// `hist isi(exc)` or `hist xs, bins: 20`
  case histogram(Expr, options: [Argument])
}

/// A model written in neuro: equations, threshold and resets, parameters, initial values.
public struct ModelDeclaration: Sendable {
  public var name: String
  public var nameSpan: Span
  /// `dv/dt = …`, one per state variable.
  public var equations: [(state: String, stateSpan: Span, rightSide: Expr)] = []
  /// `on v > 0mV { … }`
  public var condition: Expr?
  public var resets: [(state: String, stateSpan: Span, increment: Bool, value: Expr)] = []
  public var parameters: [RecordField] = []
  public var initialValues: [RecordField] = []
  public var method: (name: String, span: Span)?
  public var refractory: Expr?
  public var documentation: String?
}

/// When a stimulus flows: `from` and `to` count from t = 0, `for` is a length (from now
/// when there is no `from`).
public struct TimeWindow: Sendable {
  public var from: Expr?
  public var to: Expr?
  public var length: Expr?
}
