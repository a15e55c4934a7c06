import NeuroEngine
import NeuroLearn
import NeuroPlot
import NeuroUnits

/// Every value a neuro program computes with. The cases with large payloads are `indirect` (boxed),
/// so that a list item costs what a number does, not what the largest case would.
public enum Value {
  /// A number, with or without a unit.
  case quantity(Quantity)
  case bool(Bool)
  case string(String)
  case list(ValueList)
  /// A neuron model with its parameters, e.g. the result of `lif(tau: 10ms)`.
  indirect case model(NeuronModel)
  /// A neuron in the simulation.
  indirect case neuron(NeuronHandle)
  /// A recorded variable of a neuron, e.g. `n.v`.
  indirect case trace(TraceValue)
  /// A built-in function.
  indirect case builtin(Builtin)
  /// A function written in neuro.
  indirect case function(UserFunction)
  /// Named values: `{currents: …, rates: …}`.
  indirect case record(Record)
  /// Columns printed side by side, from `table(…)`.
  indirect case table(Table)
  /// What a statement-like call returns (`append`); the REPL prints nothing for it.
  case nothing
  /// A current that changes in time, for `inject`: `ramp(0nA, 2nA)`, `sine(1nA, 10Hz)`, `noise(1nA, 0.5nA)`.
  indirect case waveform(Waveform)
  /// A figure from `plot(…)`, `raster(…)`, `hist(…)` or `heatmap(…)`, drawn when shown.
  indirect case figure(Figure)
  /// A plasticity rule for `connect … plasticity: …`: `stdp(…)`, `stp(…)`.
  indirect case plasticity(PlasticityRule)
  /// A connection named by `let syn = connect …`.
  indirect case connection(ConnectionHandle)
  /// An artificial neural network: `sequential(dense(…), …)`.
  indirect case network(NetworkBox)
  /// A layer for `sequential`: `dense(32, activation: relu)`.
  indirect case layer(LayerSpec)
  /// Samples with features and classes: `dataset("iris")`.
  indirect case dataset(Dataset)
  /// An optimizer with its settings: `adam(learning_rate: 0.01)`.
  indirect case optimizer(Optimizer)
  /// A Hopfield network of ±1 units with the patterns it stores: `hopfield([letter("A"), letter("T")])`.
  indirect case hopfield(HopfieldNetwork)
}

/// A current's shape and size (A), before it is injected.
public struct Waveform {
  public var amplitude: Double
  public var shape: StepCurrent.Shape
  /// How it is written: `sine(1 nA, 10 Hz)`.
  public var described: String
}

/// A function written in neuro, with the scope it was defined in.
public struct UserFunction {
  public var declaration: FunctionDeclaration
  let closure: Scope
  /// The source it was written in, for locating errors in its body.
  let source: Source
}

/// Named values in the order they were given.
public struct Record {
  public var fields: [(name: String, value: Value)]

  public subscript(name: String) -> Value? { fields.first { $0.name == name }?.value }
}

/// Neurons in the simulation: a whole group (a neuron is a group of one), or a slice of one (`exc[0..99]`).
public struct NeuronHandle: Equatable {
  public var name: String
  public var group: GroupID
  /// The neurons of the group this handle covers.
  public var range: Range<Int> = 0..<1
  /// How many neurons the whole group has.
  public var groupSize: Int = 1

  /// True for a population (or a slice of one), false for a single neuron.
  var isPopulation: Bool { groupSize > 1 }

  /// How it is written: `exc`, `exc[0..99]`, `exc[5]`.
  var label: String {
    if range == 0..<groupSize { return name }
    return range.count == 1 ? "\(name)[\(range.lowerBound)]" : "\(name)[\(range.lowerBound)..\(range.upperBound - 1)]"
  }
}

/// A recorded time series with its dimension and where it came from.
public struct TraceValue {
  /// How the trace was named: `n.v`.
  public var label: String
  public var trace: Trace
  public var dimension: Dimension
  /// Spike times (s) of the neuron, marked on plots.
  public var spikeTimes: [Double]
}

extension Value {
  /// The kind of a value in words, for error messages: `voltage (mV)`, `a neuron`.
  var describedKind: String {
    switch self {
    case .quantity(let q): return q.describedKind
    case .bool: return "a boolean"
    case .string: return "a string"
    case .list: return "a list"
    case .model: return "a neuron model"
    case .neuron(let n): return n.isPopulation ? "a population" : "a neuron"
    case .trace(let t): return "a trace of \(t.dimension.word)"
    case .builtin, .function: return "a function"
    case .record: return "a record"
    case .table: return "a table"
    case .nothing: return "nothing"
    case .waveform: return "a current waveform"
    case .figure(let f): return "a \(f.kind) figure"
    case .plasticity: return "a plasticity rule"
    case .connection: return "a connection"
    case .network: return "a network"
    case .layer: return "a layer"
    case .dataset: return "a dataset"
    case .optimizer: return "an optimizer"
    case .hopfield: return "a Hopfield network"
    }
  }

  /// For a plain number where a quantity of `dimension` is wanted: the number with that dimension's
  /// usual unit (`50ms`), for hints that add the unit to the student's own number; nil otherwise.
  func writtenWithUnit(_ dimension: Dimension) -> String? {
    guard case .quantity(let q) = self, q.dimension.isDimensionless, !dimension.isDimensionless else { return nil }
    return formatNumber(q.value) + dimension.naturalSymbol
  }

  /// How the REPL shows the value.
  var shown: String {
    switch self {
    case .quantity(let q): return q.formatted
    case .bool(let b): return b ? "true" : "false"
    case .string(let s): return "\"\(s)\""
    case .list(let items): return "[" + items.map(\.shown).joined(separator: ", ") + "]"
    case .model(let m): return m.described
    case .neuron(let n): return n.isPopulation ? "population \(n.label) (\(n.range.count) neurons)" : "neuron \(n.name)"
    case .trace(let t): return t.summary
    case .builtin(let b): return "function \(b.name)(\(b.signature))"
    case .function(let f):
      return "function \(f.declaration.name)(\(f.declaration.parameters.map(\.name).joined(separator: ", ")))"
    case .record(let r): return "{" + r.fields.map { "\($0.name): \($0.value.shown)" }.joined(separator: ", ") + "}"
    case .table(let t): return t.rendered
    case .nothing: return ""
    case .waveform(let w): return w.described
    case .figure(let f): return "\(f.kind) \"\(f.heading)\""
    case .plasticity(let rule): return rule.described
    case .connection(let c): return "connection \(c.name): \(c.label)"
    case .network(let box): return box.network.described
    case .layer(let layer): return layer.described
    case .dataset(let data): return data.described
    case .optimizer(let optimizer): return optimizer.described
    case .hopfield(let network): return network.described
    }
  }
}

extension TraceValue {
  /// A one-line summary: length, time span, extremes.
  var summary: String {
    let values = trace.values
    let start = Quantity(trace.start, .time).formatted, end = Quantity(trace.end, .time).formatted
    guard let lo = values.min(), let hi = values.max() else { return "trace \(label): empty" }
    let samples = values.count == 1 ? "1 sample" : "\(values.count) samples"
    return
      "trace \(label): \(samples) from \(start) to \(end), min \(Quantity(lo, dimension).formatted), max "
      + "\(Quantity(hi, dimension).formatted)"
  }
}
