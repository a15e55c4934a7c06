import NeuroEngine
import NeuroUnits

/// A neuron model as the language sees it: a catalogued kind with parameter values.
public struct NeuronModel {
  public var kind: ModelKind
  /// Parameter values in SI units, by name.
  public var values: [String: Double]
  public var method: IntegrationMethod

  /// The model written out as a call with every parameter: `lif(tau: 10 ms, …)`.
  var described: String {
    let parameters = kind.parameters.map { "\($0.name): \(Quantity(values[$0.name] ?? $0.defaultValue, $0.dimension).formatted)" }
    return "\(kind.name)(\(parameters.joined(separator: ", ")), method: \(method.rawValue))"
  }

  /// A group of `count` neurons of this model for the engine.
  func makeGroup(count: Int) -> any NeuronGroup { kind.makeGroup(values, method, count) }
}

/// A parameter of a model: its name, dimension, default and meaning.
public struct ModelParameter: Sendable {
  public var name: String
  public var dimension: Dimension
  public var defaultValue: Double
  public var meaning: String
}

/// A kind of neuron model known to the language, with its parameters and state variables.
public struct ModelKind: Sendable {
  public var name: String
  public var summary: String
  public var parameters: [ModelParameter]
  /// Recordable state variables and their dimensions.
  public var variables: [(name: String, dimension: Dimension, meaning: String)]
  /// Checks a complete set of values; returns a message naming what is wrong.
  var validate: @Sendable ([String: Double]) -> String?
  /// Builds an engine group of this kind.
  var makeGroup: @Sendable (_ values: [String: Double], _ method: IntegrationMethod, _ count: Int) -> any NeuronGroup
  /// Gives an existing group new parameter values, keeping its state.
  var update: @Sendable (_ group: inout any NeuronGroup, _ values: [String: Double], _ method: IntegrationMethod) -> Void

  func parameter(_ name: String) -> ModelParameter? { parameters.first { $0.name == name } }

  /// The leaky integrate-and-fire neuron.
  static let lif = ModelKind(
    name: "lif",
    summary: "leaky integrate-and-fire neuron: tau dv/dt = -(v - v_rest) + R I; spike when v > v_th, then v = v_reset for t_ref",
    parameters: [
      ModelParameter(name: "tau", dimension: .time, defaultValue: 10e-3, meaning: "membrane time constant"),
      ModelParameter(name: "v_rest", dimension: .voltage, defaultValue: -70e-3, meaning: "resting potential"),
      ModelParameter(name: "v_th", dimension: .voltage, defaultValue: -55e-3, meaning: "spike threshold"),
      ModelParameter(name: "v_reset", dimension: .voltage, defaultValue: -70e-3, meaning: "potential after a spike"),
      ModelParameter(name: "R", dimension: .resistance, defaultValue: 10e6, meaning: "membrane resistance"),
      ModelParameter(name: "t_ref", dimension: .time, defaultValue: 0, meaning: "refractory period"),
    ],
    variables: [("v", .voltage, "membrane potential")],
    validate: { values in
      let tau = values["tau"] ?? 0, r = values["R"] ?? 0, tRef = values["t_ref"] ?? 0
      let vTh = values["v_th"] ?? 0, vReset = values["v_reset"] ?? 0
      if !(tau > 0) { return "tau must be positive, not \(Quantity(tau, .time).formatted)" }
      if !(r > 0) { return "R must be positive, not \(Quantity(r, .resistance).formatted)" }
      if !(tRef >= 0) { return "t_ref cannot be negative (\(Quantity(tRef, .time).formatted))" }
      if !(vReset < vTh) {
        return "v_reset (\(Quantity(vReset, .voltage).formatted)) must be below v_th (\(Quantity(vTh, .voltage).formatted))"
      }
      for (name, value) in values where !value.isFinite { return "\(name) must be a finite number" }
      return nil
    },
    makeGroup: { values, method, count in LIFGroup(count: count, parameters: lifParameters(values, method)) },
    update: { group, values, method in
      guard var lif = group as? LIFGroup else { return }
      lif.parameters = lifParameters(values, method)
      group = lif
    })

  /// Every model kind, by name.
  static let all: [String: ModelKind] = ["lif": lif]
}

private func lifParameters(_ values: [String: Double], _ method: IntegrationMethod) -> LIFParameters {
  LIFParameters(
    tau: values["tau"] ?? 0, restingPotential: values["v_rest"] ?? 0, threshold: values["v_th"] ?? 0,
    resetPotential: values["v_reset"] ?? 0, resistance: values["R"] ?? 0,
    refractoryPeriod: values["t_ref"] ?? 0, method: method)
}
