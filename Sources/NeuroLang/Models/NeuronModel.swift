import NeuroEngine
import NeuroUnits

/// A neuron model as the language sees it: a kind (built-in or written in neuro) with parameter values.
public struct NeuronModel {
  public var kind: ModelKind
  /// Parameter values in SI units, by name.
  public var values: [String: Double]
  public var method: IntegrationMethod

  /// The model written out as a call with every parameter: `lif(tau: 10 ms, …)`.
  var described: String {
    var parts = kind.parameters.map {
      "\($0.name): \(Quantity(values[$0.name] ?? $0.defaultValue, $0.dimension).formatted)"
    }
    for choice in kind.choices { parts.append("\(choice.name): \(choice.word(values[choice.name]))") }
    if kind.methods.count > 1 { parts.append("method: \(method.rawValue)") }
    return "\(kind.name)(\(parts.joined(separator: ", ")))"
  }

  /// A group of `count` neurons of this model for the engine.
  public func makeGroup(count: Int) -> any NeuronGroup { kind.makeGroup(values, method, count) }
}

/// A parameter of a model: its name, dimension, default and meaning.
public struct ModelParameter: Sendable {
  public var name: String
  public var dimension: Dimension
  public var defaultValue: Double
  public var meaning: String
  /// The unit the literature gives it in, as typed after a number (`ms`, `/ms`, `pF`); empty for a plain number.
  public var unit: String = ""
  /// Why that unit, when it is not the obvious one (Izhikevich's per millisecond, HH's per cm²).
  public var unitNote: String? = nil
  /// The values (SI) the literature uses; a value about 100 times outside draws a warning.
  public var typical: ClosedRange<Double>? = nil
}

/// A parameter that takes one of a few words (`f: relu|sigmoid`), the first the default.
public struct ModelChoice: Sendable {
  public var name: String
  public var words: [String]
  public var meaning: String

  /// The word a stored index stands for (the default when there is none).
  func word(_ index: Double?) -> String {
    let i = index.flatMap { Int(checking: $0) } ?? 0
    return words.indices.contains(i) ? words[i] : words[0]
  }
}

/// Named parameter values from a paper, e.g. Izhikevich's "chattering".
public struct ModelPreset: Sendable {
  public var name: String
  public var values: [String: Double]
  /// What it shows and under which input.
  public var note: String
}

/// A kind of neuron model known to the language, with its parameters and state variables.
public struct ModelKind: Sendable {
  public var name: String
  public var summary: String
  public var parameters: [ModelParameter]
  /// Recordable state variables and their dimensions.
  public var variables: [(name: String, dimension: Dimension, meaning: String)]
  /// The integration methods the model accepts, the default first.
  public var methods: [IntegrationMethod]
  public var presets: [ModelPreset] = []
  /// Parameters that take a word (`f: sigmoid`), kept among the values as the word's index.
  public var choices: [ModelChoice] = []
  /// What `inject` gives it: a current (nA) for neurons, a drive (Hz) for rate units.
  public var inputDimension: Dimension = .current
  /// How its help shows it in use, when not as `neuron n = NAME(…)` (sources are inputs).
  public var example: String? = nil
  /// Whether its groups draw random numbers: each group made gets a seed of its own from the world's.
  public var usesSeed = false
  /// For a model of two state variables (the first two of `variables`): its flow with given values under a
  /// constant input (SI), for phase planes; nil for others.
  var planarFlow: (@Sendable (_ values: [String: Double], _ input: Double) -> PlanarSystem)? = nil
  /// Whether it feels an injected input (false for sources, decision circuits, and models written in neuro
  /// whose equations never read I).
  var usesInput = true
  /// Checks a complete set of values; returns a message naming what is wrong.
  var validate: @Sendable ([String: Double]) -> String?
  /// Builds an engine group of this kind.
  var makeGroup: @Sendable (_ values: [String: Double], _ method: IntegrationMethod, _ count: Int) -> any NeuronGroup
  /// The time constants a step must resolve (named, in seconds) for given values and method; a
  /// time step above a fifth of the smallest is a warning before a run. Empty where any step is stable.
  var timeScales:
    @Sendable (_ values: [String: Double], _ method: IntegrationMethod) -> [(name: String, value: Double)] = { _, _ in
      []
    }
  /// Its NEST counterpart for `export nest` and `--engine nest` (nil: none).
  public var nest: NestMapping? = nil

  /// The names its call takes as `name: value`: its parameters, `preset` when it has presets, and `method`.
  var callParameterNames: [String] {
    parameters.map(\.name) + choices.map(\.name) + (presets.isEmpty ? [] : ["preset"]) + ["method"]
  }

  func parameter(_ name: String) -> ModelParameter? { parameters.first { $0.name == name } }
  func preset(_ name: String) -> ModelPreset? { presets.first { $0.name == name } }
  func choice(_ name: String) -> ModelChoice? { choices.first { $0.name == name } }
  func variable(_ name: String) -> (name: String, dimension: Dimension, meaning: String)? {
    variables.first { $0.name == name }
  }

  /// Every built-in kind, by name.
  /// Every word a model's call takes after a name: its methods, choices and presets.
  static let words: Set<String> = Set(
    all.values.flatMap { kind in
      kind.methods.map(\.rawValue) + kind.choices.flatMap(\.words) + kind.presets.map(\.name)
    })

  static let all: [String: ModelKind] = Dictionary(
    uniqueKeysWithValues: [lif, conductance, izhikevich, adex, hodgkinHuxley, poisson, rate, wongWang, tuned].map {
      ($0.name, $0)
    })
}

/// Checks that every value is finite (the least a model asks).
func finiteValues(_ values: [String: Double]) -> String? {
  for (name, value) in values.sorted(by: { $0.key < $1.key }) where !value.isFinite {
    return "\(name) must be a finite number"
  }
  return nil
}

/// Checks that the named values are positive.
func positive(_ names: [String], _ values: [String: Double], _ dimensions: [String: Dimension]) -> String? {
  for name in names where !((values[name] ?? 0) > 0) {
    return "\(name) must be positive, not \(Quantity(values[name] ?? 0, dimensions[name] ?? .none).formatted)"
  }
  return nil
}
