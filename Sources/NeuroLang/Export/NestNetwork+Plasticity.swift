import NeuroEngine

/// A plastic `connect` as NEST's `stdp_synapse`: Δw = λ·Wmax·K+ at a postsynaptic spike (times
/// (1 − w/Wmax) when multiplicative), −α·λ·Wmax·K− at a presynaptic one (times w/Wmax), all-to-all
/// traces, weights within [0, Wmax]: neuro's rule with λ = A_LTP / w_max and α = A_LTD / A_LTP.
extension NestNetwork {
  /// Makes `connection` plastic as `plasticity` asks, with tau_minus set on its target population (NEST
  /// keeps it per neuron); `factor` turns neuro's weights into NEST's.
  mutating func makePlastic(_ connection: inout Connection, _ plasticity: Plasticity, factor: Double, runs: Bool)
    throws(NestProblem)
  {
    if plasticity.shortTerm != nil {
      throw NestProblem("short-term plasticity (stp) is not exported to NEST yet")
    }
    guard let rule = plasticity.stdp else { return }
    if runs {
      throw NestProblem(
        "plastic synapses do not run through NEST yet (their weights are not read back); export nest writes them")
    }
    guard rule.pairing == .allToAll else {
      throw NestProblem("stdp with pairing: nearest has no exact NEST counterpart (its nearest-spike synapses differ)")
    }
    guard factor > 0 else { throw NestProblem("stdp onto NEST's inhibitory port (negative weights) is not exported") }
    guard rule.potentiation > 0, rule.maxWeight > 0 else {
      throw NestProblem("stdp without potentiation (a_ltp = 0) has no NEST counterpart")
    }
    if connection.pre.isSource { sources[connection.pre.index].throughParrots = true }
    let tauMinus = rule.tauDepression * 1e3, post = connection.post.index
    if let set = populations[post].parameters.first(where: { $0.name == "tau_minus" }) {
      guard set.value == tauMinus else {
        throw NestProblem("stdp rules with different tau_ltd onto one population (NEST keeps tau_minus per neuron)")
      }
    } else {
      populations[post].parameters.append(Parameter(name: "tau_minus", value: tauMinus))
    }
    let wMax = rule.maxWeight * factor, exponent = rule.update == .multiplicative ? 1.0 : 0.0
    connection.synapse = Synapse(
      model: "stdp_synapse",
      parameters: [
        Parameter(name: "tau_plus", value: rule.tauPotentiation * 1e3),
        Parameter(name: "lambda", value: rule.potentiation / rule.maxWeight),
        Parameter(name: "alpha", value: rule.depression / rule.potentiation),
        Parameter(name: "mu_plus", value: exponent), Parameter(name: "mu_minus", value: exponent),
        Parameter(name: "Wmax", value: wMax),
      ])
    // neuro starts drawn weights within [0, w_max], as NEST's rule keeps them.
    if case .constant(let w) = connection.weight {
      connection.weight = .constant(min(wMax, max(0, w)))
    } else {
      connection.weight = .atMost(.atLeast(connection.weight, 0), wMax)
    }
  }
}
