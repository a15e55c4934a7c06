import NeuroEngine
import NeuroUnits

/// Every value a neuro program computes with.
public enum Value {
  /// A number, with or without a unit.
  case quantity(Quantity)
  case bool(Bool)
  case string(String)
  case list([Value])
  /// A neuron model with its parameters, e.g. the result of `lif(tau: 10ms)`.
  case model(NeuronModel)
  /// A neuron in the simulation.
  case neuron(NeuronHandle)
  /// A recorded variable of a neuron, e.g. `n.v`.
  case trace(TraceValue)
  /// A built-in function.
  case builtin(Builtin)
}

/// A neuron in the simulation, by its name and its group.
public struct NeuronHandle: Equatable {
  public var name: String
  public var group: GroupID
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
    case .neuron: return "a neuron"
    case .trace(let t): return "a trace of \(t.dimension.word)"
    case .builtin: return "a function"
    }
  }

  /// How the REPL shows the value.
  var shown: String {
    switch self {
    case .quantity(let q): return q.formatted
    case .bool(let b): return b ? "true" : "false"
    case .string(let s): return "\"\(s)\""
    case .list(let items): return "[" + items.map(\.shown).joined(separator: ", ") + "]"
    case .model(let m): return m.described
    case .neuron(let n): return "neuron \(n.name)"
    case .trace(let t): return t.summary
    case .builtin(let b): return "function \(b.name)(\(b.signature))"
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
    return "trace \(label): \(samples) from \(start) to \(end), min \(Quantity(lo, dimension).formatted), max \(Quantity(hi, dimension).formatted)"
  }
}
