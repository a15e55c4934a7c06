/// A model whose neurons can be replayed one at a time for `why`: a group of one neuron of the same model and
/// parameters, at the state every neuron of the group starts in (these models keep no per-neuron values).
protocol LoneNeuronModel: NeuronGroup {
  /// One neuron of this group's model, at its initial state.
  func loneNeuron() -> any NeuronGroup
}

extension IzhikevichGroup: LoneNeuronModel {
  func loneNeuron() -> any NeuronGroup { IzhikevichGroup(count: 1, parameters: parameters) }
}

extension AdExGroup: LoneNeuronModel {
  func loneNeuron() -> any NeuronGroup { AdExGroup(count: 1, parameters: parameters) }
}

extension HodgkinHuxleyGroup: LoneNeuronModel {
  func loneNeuron() -> any NeuronGroup { HodgkinHuxleyGroup(count: 1, parameters: parameters) }
}

extension ConductanceGroup: LoneNeuronModel {
  func loneNeuron() -> any NeuronGroup { ConductanceGroup(count: 1, parameters: parameters) }
}

extension EquationGroup: LoneNeuronModel {
  func loneNeuron() -> any NeuronGroup { EquationGroup(count: 1, model: model) }
}
