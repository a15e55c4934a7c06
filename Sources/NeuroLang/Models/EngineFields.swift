import NeuroEngine
import NeuroUnits

/// The parameters of an engine group, with the engine's defaults.
protocol EngineParameters: Sendable {
  init()
}

extension LIFParameters: EngineParameters {
  init() { self.init(method: .exact) }
}
extension ConductanceParameters: EngineParameters {}
extension IzhikevichParameters: EngineParameters {}
extension AdExParameters: EngineParameters {}
extension HodgkinHuxleyParameters: EngineParameters {}

/// One parameter of a built-in model as the language shows it (name, dimension, meaning, unit, usual
/// range) and the field of the engine's parameters it sets. Its default is the engine's, so it lives once.
struct EngineField<P: EngineParameters>: Sendable {
  let parameter: ModelParameter
  let field: WritableKeyPath<P, Double> & Sendable

  init(
    _ name: String, _ field: WritableKeyPath<P, Double> & Sendable, _ dimension: Dimension, _ meaning: String,
    unit: String = "", typical: ClosedRange<Double>? = nil, note: String? = nil
  ) {
    self.field = field
    parameter = ModelParameter(
      name: name, dimension: dimension, defaultValue: P()[keyPath: field], meaning: meaning,
      unit: unit, unitNote: note, typical: typical)
  }
}

extension Array {
  /// The model's parameters in the language, in the order of the table.
  func modelParameters<P>() -> [ModelParameter] where Element == EngineField<P> { map(\.parameter) }

  /// The engine's parameters with each named value put into its field (the rest keep the engine's defaults).
  func engineParameters<P>(_ values: [String: Double]) -> P where Element == EngineField<P> {
    var parameters = P()
    for entry in self { if let value = values[entry.parameter.name] { parameters[keyPath: entry.field] = value } }
    return parameters
  }
}
