import NeuroEngine

/// A group of neurons as a NEST population: its model and parameters from the model's `NestMapping`,
/// its synapses (for `lif`), its initial state, per-neuron values and recordings.
extension NestNetwork {
  static func population(_ id: GroupID, name: String, model: NeuronModel, group: any NeuronGroup, world: World)
    throws(NestProblem) -> (Population, NestSynapses)
  {
    let kind = model.kind
    guard let mapping = kind.nest else {
      let what = ModelKind.all[kind.name] == nil ? "a model of your own (\(kind.name))" : "a \(kind.name) model"
      throw NestProblem("\(what) has no NEST counterpart")
    }
    let dt = world.simulation.dt
    var parameters = mapping.parameters(model.values, dt).map { Parameter(name: $0.name, value: $0.value) }
    var ports = NestSynapses(model: mapping.model)
    if let lif = group as? LIFGroup {
      let channels = lif.channels
      var weights = [[Draw]](repeating: [], count: channels.count)
      for projection in world.simulation.allProjections where projection.post == id {
        if let spec = world.built.connections[projection.id], weights.indices.contains(projection.channel) {
          weights[projection.channel].append(spec.weight)
        }
      }
      if model.method == .euler {
        throw NestProblem("method: euler has no NEST counterpart (NEST integrates LIF exactly)")
      }
      ports = try NestSynapses(channels: channels, weights: weights, resistance: model.values["R"] ?? 10e6)
      if ports.model == "iaf_cond_exp" {
        // iaf_cond_exp has a leak conductance, not a time constant, and no precise variant: its t_ref counts
        // from the end of the step as on neuro's grid.
        let resistance = model.values["R"] ?? 10e6
        parameters.removeAll { $0.name == "tau_m" || $0.name == "t_ref" }
        parameters.append(Parameter(name: "g_L", value: 1e9 / resistance))
        parameters.append(Parameter(name: "t_ref", value: NestMapping.refractory(model.values["t_ref"] ?? 0, dt)))
      } else if !NestMapping.onTheGrid(model.values), (model.values["t_ref"] ?? 0) >= dt {
        // iaf_psc_delta_ps, iaf_psc_exp_ps: the crossing inside the step, as neuro finds it. They take no t_ref
        // under a step, so a shorter one keeps the grid model (spikes at the step's end, within a step of neuro's).
        // A delta synapse acts there at the moment it arrives, as neuro's does from the next step: no step added.
        ports.model += "_ps"
        ports.delayPlusStep = false
      }
      parameters += ports.parameters.map { Parameter(name: $0.name, value: $0.value) }
    } else if kind.name == ModelKind.lif.name {
      throw NestProblem("its group is not a lif group")
    } else if kind.name == ModelKind.izhikevich.name && model.method != .euler {
      throw NestProblem(
        "izhikevich's adaptive steps have no NEST counterpart (NEST's izhikevich takes forward Euler steps): "
          + "izhikevich(method: euler) exports")
    }
    var perNeuron: [Parameter.PerNeuron] = []
    for assignment in world.built.neuronParameters[id] ?? [] {
      perNeuron += try lifValues(assignment, model: model, ports: ports)
    }
    var initial: [Parameter.PerNeuron] = []
    var start = group
    start.resetState()
    for (variable, target) in mapping.variables.sorted(by: { $0.key < $1.key }) {
      guard let values = start.values(of: variable), !values.isEmpty else { continue }
      initial.append(
        Parameter.PerNeuron(name: target.nest, range: 0..<values.count, values: values.map { $0 / target.toSI }))
    }
    var recorded: [Recording] = []
    let asked =
      world.built.recordings[id]
      ?? (group.count == 1 ? Dictionary(uniqueKeysWithValues: mapping.variables.keys.map { ($0, [0]) }) : [:])
    for (variable, neurons) in asked.sorted(by: { $0.key < $1.key }) {
      guard let target = mapping.variables[variable] else {
        if group.count == 1 { continue }  // a single neuron's synaptic channels are recorded unasked
        throw NestProblem("its recorded variable \(variable) has no NEST counterpart")
      }
      recorded.append(Recording(variable: variable, nest: target.nest, toSI: target.toSI, neurons: neurons))
    }
    let population = Population(
      name: name, model: ports.model, count: group.count, parameters: parameters, initial: initial,
      perNeuron: perNeuron, recorded: recorded,
      state: mapping.variables.sorted(by: { $0.key < $1.key }).map {
        Recording(variable: $0.key, nest: $0.value.nest, toSI: $0.value.toSI, neurons: [])
      })
    return (population, ports)
  }

  /// A lif parameter given per neuron, as NEST's parameters (R sets C_m = tau / R, and g_L = 1 / R).
  private static func lifValues(
    _ assignment: (name: String, range: Range<Int>, values: [Double]), model: NeuronModel, ports: NestSynapses
  ) throws(NestProblem) -> [Parameter.PerNeuron] {
    let millivolts = ["v_rest": "E_L", "v_th": "V_th", "v_reset": "V_reset"]
    if let name = millivolts[assignment.name] {
      return [Parameter.PerNeuron(name: name, range: assignment.range, values: assignment.values.map { $0 * 1e3 })]
    }
    guard assignment.name == "R" else {
      throw NestProblem("its per-neuron \(assignment.name) has no NEST counterpart")
    }
    let tau = model.values["tau"] ?? 10e-3
    let capacitance = Parameter.PerNeuron(
      name: "C_m", range: assignment.range, values: assignment.values.map { tau / $0 * 1e12 })
    if ports.model == "iaf_cond_exp" {
      return [
        capacitance,
        Parameter.PerNeuron(name: "g_L", range: assignment.range, values: assignment.values.map { 1e9 / $0 }),
      ]
    }
    if ports.weightFactor.contains(where: { $0 != 1e12 && $0 != 1e3 }) {
      throw NestProblem("a per-neuron R with synapses in volts (weight: …mV, tau_syn: …) has no NEST counterpart")
    }
    return [capacitance]
  }
}
