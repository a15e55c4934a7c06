import NeuroEngine
import NeuroUnits

/// The neuron models built into the language, each with its parameters in the units a
/// student meets them in, and the engine group that runs it.
extension ModelKind {
  /// A parameter with its default (SI), the unit the literature writes it in, and its usual range (SI).
  private static func p(_ name: String, _ dimension: Dimension, _ value: Double, _ meaning: String,
                        unit: String = "", typical: ClosedRange<Double>? = nil, note: String? = nil) -> ModelParameter {
    ModelParameter(name: name, dimension: dimension, defaultValue: value, meaning: meaning, unit: unit, unitNote: note,
                   typical: typical)
  }

  /// The leaky integrate-and-fire neuron.
  static let lif = ModelKind(
    name: "lif",
    summary: "leaky integrate-and-fire neuron: tau dv/dt = -(v - v_rest) + R I; spike when v > v_th (reported at the end of the step), then v = v_reset, held until t_ref after that step began (t_ref - dt after the reported spike)",
    parameters: [
      p("tau", .time, 10e-3, "membrane time constant", unit: "ms", typical: 1e-3...100e-3),
      p("v_rest", .voltage, -70e-3, "resting potential", unit: "mV", typical: -100e-3...50e-3),
      p("v_th", .voltage, -55e-3, "spike threshold", unit: "mV", typical: -100e-3...50e-3),
      p("v_reset", .voltage, -70e-3, "potential after a spike", unit: "mV", typical: -100e-3...50e-3),
      p("R", .resistance, 10e6, "membrane resistance", unit: "MΩ", typical: 1e6...2e9),
      p("t_ref", .time, 0, "refractory period, counted from the start of the spike's step", unit: "ms", typical: 0...20e-3),
    ],
    variables: [("v", .voltage, "membrane potential")],
    methods: [.exact, .euler],
    validate: { values in
      if let problem = positive(["tau", "R"], values, ["tau": .time, "R": .resistance]) { return problem }
      if !((values["t_ref"] ?? 0) >= 0) { return "t_ref cannot be negative (\(Quantity(values["t_ref"] ?? 0, .time).formatted))" }
      let vTh = values["v_th"] ?? 0, vReset = values["v_reset"] ?? 0
      if !(vReset < vTh) {
        return "v_reset (\(Quantity(vReset, .voltage).formatted)) must be below v_th (\(Quantity(vTh, .voltage).formatted))"
      }
      return finiteValues(values)
    },
    makeGroup: { values, method, count in LIFGroup(count: count, parameters: lifParameters(values, method)) },
    timeScales: { values, method in method == .exact ? [] : [("tau", values["tau"] ?? 0)] })

  /// The conductance-based point neuron of the source article.
  static let conductance = ModelKind(
    name: "cond",
    summary: "conductance-based neuron: C dV/dt = -g_leak (V - V_rest) + g_exc (V_exc - V) + g_inh (V_inh - V) + I_ext + I; event n.g_exc += 5nS at 20ms adds a decaying synaptic conductance",
    parameters: [
      p("C", .capacitance, 1e-9, "membrane capacitance", unit: "nF", typical: 5e-12...10e-9),
      p("g_leak", .conductance, 0.1e-6, "leak conductance", unit: "µS", typical: 0.5e-9...1e-6),
      p("V_rest", .voltage, -70e-3, "resting (leak reversal) potential", unit: "mV", typical: -100e-3...50e-3),
      p("V_exc", .voltage, 0, "excitatory reversal potential", unit: "mV", typical: -100e-3...50e-3),
      p("V_inh", .voltage, -80e-3, "inhibitory reversal potential", unit: "mV", typical: -100e-3...50e-3),
      p("g_exc", .conductance, 0, "constant excitatory conductance", unit: "µS", typical: 0...5e-6),
      p("g_inh", .conductance, 0, "constant inhibitory conductance", unit: "µS", typical: 0...5e-6),
      p("tau_exc", .time, 5e-3, "decay of synaptic excitation", unit: "ms", typical: 0.2e-3...100e-3),
      p("tau_inh", .time, 10e-3, "decay of synaptic inhibition", unit: "ms", typical: 0.2e-3...100e-3),
      p("I_ext", .current, 0, "constant external current", unit: "nA", typical: 0...10e-9),
      p("v_th", .voltage, 1, "spike threshold (1 V: none)", unit: "mV"),
      p("v_reset", .voltage, -70e-3, "potential after a spike", unit: "mV", typical: -100e-3...50e-3),
      p("t_ref", .time, 0, "refractory period", unit: "ms", typical: 0...20e-3),
    ],
    variables: [("v", .voltage, "membrane potential"), ("g_exc", .conductance, "excitatory conductance"),
                ("g_inh", .conductance, "inhibitory conductance")],
    methods: [.exponentialEuler],
    validate: { values in
      positive(["C", "g_leak", "tau_exc", "tau_inh"], values, ["C": .capacitance, "g_leak": .conductance, "tau_exc": .time, "tau_inh": .time])
        ?? ((values["g_exc"] ?? 0) < 0 || (values["g_inh"] ?? 0) < 0 ? "conductances cannot be negative" : nil)
        ?? finiteValues(values)
    },
    makeGroup: { values, _, count in ConductanceGroup(count: count, parameters: conductanceParameters(values)) },
    timeScales: { values, _ in
      [("C / g_leak", (values["C"] ?? 0) / (values["g_leak"] ?? 1)), ("tau_exc", values["tau_exc"] ?? 0), ("tau_inh", values["tau_inh"] ?? 0)]
    })

  /// Izhikevich (2003), with the paper's presets.
  static let izhikevich = ModelKind(
    name: "izhikevich",
    summary: "Izhikevich (2003): dv/dt = (0.04 v² + 5 v + 140 - u + R I)/ms with v in mV, du/dt = a (b v - u); at v ≥ 30 mV: v = c, u += d",
    parameters: [
      p("a", .frequency, 20, "recovery rate (the paper's 0.02/ms)", unit: "/ms", typical: 2...200, note: "Izhikevich's unit"),
      p("b", .none, 0.2, "sensitivity of u to v", typical: 0...1),
      p("c", .voltage, -65e-3, "reset potential", unit: "mV", typical: -100e-3...50e-3),
      p("d", .voltage, 8e-3, "jump of u after a spike", unit: "mV", typical: 0...20e-3),
      p("R", .resistance, 1e6, "turns current into the paper's input (10 nA is I = 10)", unit: "MΩ", typical: 0.01e6...100e6),
    ],
    variables: [("v", .voltage, "membrane potential"), ("u", .voltage, "recovery variable")],
    methods: [.euler],
    presets: [
      izhikevichPreset("regular_spiking", 0.02, 0.2, -65, 8, "tonic spiking that adapts (excitatory cortex); 10 nA"),
      izhikevichPreset("intrinsically_bursting", 0.02, 0.2, -55, 4, "a burst, then single spikes; 10 nA"),
      izhikevichPreset("chattering", 0.02, 0.2, -50, 2, "repeated fast bursts; 10 nA"),
      izhikevichPreset("fast_spiking", 0.1, 0.2, -65, 2, "fast firing without adaptation (inhibitory interneurons); 10 nA"),
      izhikevichPreset("low_threshold_spiking", 0.02, 0.25, -65, 2, "fast firing that adapts, low threshold; 10 nA"),
      izhikevichPreset("thalamo_cortical", 0.02, 0.25, -65, 0.05, "tonic firing, rebound bursts after inhibition; 10 nA"),
      izhikevichPreset("resonator", 0.1, 0.26, -65, 2, "damped oscillations, fires to well-timed input; 10 nA"),
    ],
    validate: { values in finiteValues(values) },
    makeGroup: { values, _, count in IzhikevichGroup(count: count, parameters: izhikevichParameters(values)) },
    timeScales: { _, _ in [("the millisecond scale of its equations", 1e-3)] })

  /// The adaptive exponential integrate-and-fire neuron with the presets of Naud et al. (2008).
  static let adex = ModelKind(
    name: "adex",
    summary: "adaptive exponential integrate-and-fire (Brette & Gerstner 2005): C dv/dt = -g_L (v - E_L) + g_L Delta_T exp((v - V_T)/Delta_T) - w + I, tau_w dw/dt = a (v - E_L) - w; at v > v_peak: v = V_r, w += b",
    parameters: [
      p("C", .capacitance, 281e-12, "membrane capacitance", unit: "pF", typical: 10e-12...2e-9),
      p("g_L", .conductance, 30e-9, "leak conductance", unit: "nS", typical: 0.5e-9...200e-9),
      p("E_L", .voltage, -70.6e-3, "leak reversal potential", unit: "mV", typical: -100e-3...50e-3),
      p("V_T", .voltage, -50.4e-3, "threshold of the exponential", unit: "mV", typical: -100e-3...50e-3),
      p("Delta_T", .voltage, 2e-3, "sharpness of the spike onset", unit: "mV", typical: 0.2e-3...10e-3),
      p("tau_w", .time, 144e-3, "adaptation time constant", unit: "ms", typical: 1e-3...2),
      p("a", .conductance, 4e-9, "subthreshold adaptation", unit: "nS", typical: 0...100e-9),
      p("b", .current, 80.5e-12, "spike-triggered adaptation", unit: "pA", typical: 0...1e-9),
      p("V_r", .voltage, -70.6e-3, "reset potential", unit: "mV", typical: -100e-3...50e-3),
      p("v_peak", .voltage, 0, "spike cut-off", unit: "mV", typical: -100e-3...50e-3),
      p("t_ref", .time, 0, "refractory period", unit: "ms", typical: 0...20e-3),
    ],
    variables: [("v", .voltage, "membrane potential"), ("w", .current, "adaptation current")],
    methods: [.euler],
    presets: [
      adexPreset("tonic", 200, 10, -70, -50, 2, 30, 2, 0, -58, 500),
      adexPreset("adapting", 200, 12, -70, -50, 2, 300, 2, 60, -58, 500),
      adexPreset("initial_burst", 130, 18, -58, -50, 2, 150, 4, 120, -50, 400),
      adexPreset("regular_bursting", 200, 10, -58, -50, 2, 120, 2, 100, -46, 210),
      adexPreset("delayed", 200, 12, -70, -50, 2, 300, -10, 0, -58, 300),
      adexPreset("transient", 100, 10, -65, -50, 2, 90, 10, 100, -47, 180),
    ],
    validate: { values in
      positive(["C", "g_L", "Delta_T", "tau_w"], values, ["C": .capacitance, "g_L": .conductance, "Delta_T": .voltage, "tau_w": .time])
        ?? finiteValues(values)
    },
    makeGroup: { values, _, count in AdExGroup(count: count, parameters: adexParameters(values)) },
    timeScales: { values, _ in [("C / g_L", (values["C"] ?? 0) / (values["g_L"] ?? 1)), ("tau_w", values["tau_w"] ?? 0)] })

  /// Independent Poisson spike sources (inputs for networks).
  static let poisson = ModelKind(
    name: "poisson",
    summary: "Poisson spike sources: each fires independently at `rate` (population noise[1000] = poisson(rate: 10Hz))",
    parameters: [p("rate", .frequency, 10, "firing rate of each source", unit: "Hz", typical: 0...1000)],
    variables: [],
    methods: [.exact],
    validate: { values in (values["rate"] ?? 0) < 0 ? "rate cannot be negative" : finiteValues(values) },
    makeGroup: { values, _, count in
      PoissonGroup(count: count, rate: values["rate"] ?? 0, seed: UInt64(saturating: values["seed"] ?? 1))
    })

  /// Sources firing at given times (made by `input stim = spike_times([…])`, not called directly).
  static let spikeTimes = ModelKind(
    name: "spike_times", summary: "sources that fire at given times: input stim = spike_times([10ms, 50ms])",
    parameters: [], variables: [], methods: [.exact],
    validate: { _ in nil },
    makeGroup: { _, _, count in SpikeTimesGroup(times: Array(repeating: [], count: count)) })

  /// Hodgkin and Huxley's squid axon (1952), for a 1 cm² patch.
  static let hodgkinHuxley = ModelKind(
    name: "hh",
    summary: "Hodgkin–Huxley (1952) squid axon, 1 cm² patch (µA read as µA/cm²): sodium, potassium and leak currents with gates m, h, n; rests at -65 mV",
    parameters: [
      p("C", .capacitance, 1e-6, "membrane capacitance", unit: "µF", typical: 0.1e-6...10e-6, note: "1 µF/cm² on neuro's 1 cm² patch"),
      p("g_Na", .conductance, 120e-3, "peak sodium conductance", unit: "mS", typical: 1e-3...1, note: "the paper's mS/cm² on neuro's 1 cm² patch"),
      p("g_K", .conductance, 36e-3, "peak potassium conductance", unit: "mS", typical: 1e-3...1, note: "the paper's mS/cm² on neuro's 1 cm² patch"),
      p("g_L", .conductance, 0.3e-3, "leak conductance", unit: "mS", typical: 0.01e-3...10e-3, note: "the paper's mS/cm² on neuro's 1 cm² patch"),
      p("E_Na", .voltage, 50e-3, "sodium reversal potential", unit: "mV", typical: -100e-3...100e-3),
      p("E_K", .voltage, -77e-3, "potassium reversal potential", unit: "mV", typical: -100e-3...100e-3),
      p("E_L", .voltage, -54.387e-3, "leak reversal potential", unit: "mV", typical: -100e-3...100e-3),
    ],
    variables: [("v", .voltage, "membrane potential"), ("m", .none, "sodium activation"),
                ("h", .none, "sodium inactivation"), ("n", .none, "potassium activation")],
    methods: [.exponentialEuler],
    validate: { values in
      positive(["C"], values, ["C": .capacitance]) ?? finiteValues(values)
    },
    makeGroup: { values, _, count in HodgkinHuxleyGroup(count: count, parameters: hodgkinHuxleyParameters(values)) },
    timeScales: { _, _ in [("its sodium activation (m, about 0.5 ms)", 0.5e-3)] })
}

private func izhikevichPreset(_ name: String, _ a: Double, _ b: Double, _ c: Double, _ d: Double, _ note: String) -> ModelPreset {
  ModelPreset(name: name, values: ["a": a * 1e3, "b": b, "c": c * 1e-3, "d": d * 1e-3], note: note)
}

private func adexPreset(_ name: String, _ c: Double, _ gL: Double, _ eL: Double, _ vT: Double, _ slope: Double,
                        _ tauW: Double, _ a: Double, _ b: Double, _ vR: Double, _ current: Double) -> ModelPreset {
  ModelPreset(
    name: name,
    values: ["C": c * 1e-12, "g_L": gL * 1e-9, "E_L": eL * 1e-3, "V_T": vT * 1e-3, "Delta_T": slope * 1e-3,
             "tau_w": tauW * 1e-3, "a": a * 1e-9, "b": b * 1e-12, "V_r": vR * 1e-3],
    note: "Naud et al. (2008); inject \(formatNumber(current))pA")
}

private func lifParameters(_ values: [String: Double], _ method: IntegrationMethod) -> LIFParameters {
  LIFParameters(
    tau: values["tau"] ?? 0, restingPotential: values["v_rest"] ?? 0, threshold: values["v_th"] ?? 0,
    resetPotential: values["v_reset"] ?? 0, resistance: values["R"] ?? 0,
    refractoryPeriod: values["t_ref"] ?? 0, method: method)
}

/// A parameter struct with the named values put into its fields.
private func filled<P>(_ start: P, _ values: [String: Double], _ fields: [(String, WritableKeyPath<P, Double>)]) -> P {
  var p = start
  for (name, field) in fields { if let value = values[name] { p[keyPath: field] = value } }
  return p
}

private func conductanceParameters(_ values: [String: Double]) -> ConductanceParameters {
  filled(ConductanceParameters(), values, [
    ("C", \.capacitance), ("g_leak", \.leak), ("V_rest", \.restingPotential), ("V_exc", \.excitatoryReversal),
    ("V_inh", \.inhibitoryReversal), ("g_exc", \.excitatoryConductance), ("g_inh", \.inhibitoryConductance),
    ("tau_exc", \.excitatoryDecay), ("tau_inh", \.inhibitoryDecay), ("I_ext", \.externalCurrent), ("v_th", \.threshold),
    ("v_reset", \.resetPotential), ("t_ref", \.refractoryPeriod),
  ])
}

private func izhikevichParameters(_ values: [String: Double]) -> IzhikevichParameters {
  filled(IzhikevichParameters(), values, [("a", \.a), ("b", \.b), ("c", \.c), ("d", \.d), ("R", \.resistance)])
}

private func adexParameters(_ values: [String: Double]) -> AdExParameters {
  filled(AdExParameters(), values, [
    ("C", \.capacitance), ("g_L", \.leak), ("E_L", \.restingPotential), ("V_T", \.thresholdPotential), ("Delta_T", \.slope),
    ("tau_w", \.adaptationTime), ("a", \.subthresholdAdaptation), ("b", \.spikeAdaptation), ("V_r", \.resetPotential),
    ("v_peak", \.peak), ("t_ref", \.refractoryPeriod),
  ])
}

private func hodgkinHuxleyParameters(_ values: [String: Double]) -> HodgkinHuxleyParameters {
  filled(HodgkinHuxleyParameters(), values, [
    ("C", \.capacitance), ("g_Na", \.sodium), ("g_K", \.potassium), ("g_L", \.leak), ("E_Na", \.sodiumReversal),
    ("E_K", \.potassiumReversal), ("E_L", \.leakReversal),
  ])
}
