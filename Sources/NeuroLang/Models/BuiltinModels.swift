import NeuroEngine
import NeuroUnits

/// The neuron models built into the language, each with its parameters in the units a
/// student meets them in, and the engine group that runs it.
extension ModelKind {
  /// A parameter with its default (SI), the unit the literature writes it in, and its usual range (SI).
  private static func p(
    _ name: String, _ dimension: Dimension, _ value: Double, _ meaning: String,
    unit: String = "", typical: ClosedRange<Double>? = nil, note: String? = nil
  ) -> ModelParameter {
    ModelParameter(
      name: name, dimension: dimension, defaultValue: value, meaning: meaning, unit: unit, unitNote: note,
      typical: typical)
  }

  /// The parameters of `lif`, each with its engine field.
  private static let lifFields: [EngineField<LIFParameters>] = [
    EngineField("tau", \.tau, .time, "membrane time constant", unit: "ms", typical: 1e-3...100e-3),
    EngineField("v_rest", \.restingPotential, .voltage, "resting potential", unit: "mV", typical: -100e-3...50e-3),
    EngineField("v_th", \.threshold, .voltage, "spike threshold", unit: "mV", typical: -100e-3...50e-3),
    EngineField("v_reset", \.resetPotential, .voltage, "potential after a spike", unit: "mV", typical: -100e-3...50e-3),
    EngineField("R", \.resistance, .resistance, "membrane resistance", unit: "MΩ", typical: 1e6...2e9),
    EngineField(
      "t_ref", \.refractoryPeriod, .time, "refractory period (on the grid: from the start of the spike's step)",
      unit: "ms",
      typical: 0...20e-3),
  ]

  /// The parameters of `conductance`, each with its engine field.
  private static let conductanceFields: [EngineField<ConductanceParameters>] = [
    EngineField("C", \.capacitance, .capacitance, "membrane capacitance", unit: "nF", typical: 5e-12...10e-9),
    EngineField("g_leak", \.leak, .conductance, "leak conductance", unit: "µS", typical: 0.5e-9...1e-6),
    EngineField(
      "V_rest", \.restingPotential, .voltage,
      "resting (leak reversal) "
        + "potential", unit: "mV", typical: -100e-3...50e-3),
    EngineField(
      "V_exc", \.excitatoryReversal, .voltage, "excitatory reversal potential", unit: "mV", typical: -100e-3...50e-3),
    EngineField(
      "V_inh", \.inhibitoryReversal, .voltage, "inhibitory reversal potential", unit: "mV", typical: -100e-3...50e-3),
    EngineField(
      "g_exc", \.excitatoryConductance, .conductance, "constant excitatory conductance", unit: "µS", typical: 0...5e-6),
    EngineField(
      "g_inh", \.inhibitoryConductance, .conductance, "constant inhibitory conductance", unit: "µS", typical: 0...5e-6),
    EngineField(
      "tau_exc", \.excitatoryDecay, .time, "decay of synaptic excitation", unit: "ms", typical: 0.2e-3...100e-3),
    EngineField(
      "tau_inh", \.inhibitoryDecay, .time, "decay of synaptic inhibition", unit: "ms", typical: 0.2e-3...100e-3),
    EngineField("I_ext", \.externalCurrent, .current, "constant external current", unit: "nA", typical: 0...10e-9),
    EngineField("v_th", \.threshold, .voltage, "spike threshold (1 V: none)", unit: "mV"),
    EngineField("v_reset", \.resetPotential, .voltage, "potential after a spike", unit: "mV", typical: -100e-3...50e-3),
    EngineField("t_ref", \.refractoryPeriod, .time, "refractory period", unit: "ms", typical: 0...20e-3),
  ]

  /// The parameters of `izhikevich`, each with its engine field.
  private static let izhikevichFields: [EngineField<IzhikevichParameters>] = [
    EngineField(
      "a", \.a, .frequency, "recovery rate (the paper's 0.02/ms)", unit: "/ms", typical: 2...200,
      note: "Izhikevich's unit"),
    EngineField("b", \.b, .none, "sensitivity of u to v", typical: 0...1),
    EngineField("c", \.c, .voltage, "reset potential", unit: "mV", typical: -100e-3...50e-3),
    EngineField("d", \.d, .voltage, "jump of u after a spike", unit: "mV", typical: 0...20e-3),
    EngineField(
      "R", \.resistance, .resistance, "turns current into the paper's input (10 nA is I = 10)", unit: "MΩ",
      typical: 0.01e6...100e6),
  ]

  /// The parameters of `adex`, each with its engine field.
  private static let adexFields: [EngineField<AdExParameters>] = [
    EngineField("C", \.capacitance, .capacitance, "membrane capacitance", unit: "pF", typical: 10e-12...2e-9),
    EngineField("g_L", \.leak, .conductance, "leak conductance", unit: "nS", typical: 0.5e-9...200e-9),
    EngineField("E_L", \.restingPotential, .voltage, "leak reversal potential", unit: "mV", typical: -100e-3...50e-3),
    EngineField(
      "V_T", \.thresholdPotential, .voltage, "threshold of the exponential", unit: "mV", typical: -100e-3...50e-3),
    EngineField("Delta_T", \.slope, .voltage, "sharpness of the spike onset", unit: "mV", typical: 0.2e-3...10e-3),
    EngineField("tau_w", \.adaptationTime, .time, "adaptation time constant", unit: "ms", typical: 1e-3...2),
    EngineField(
      "a", \.subthresholdAdaptation, .conductance, "subthreshold adaptation", unit: "nS", typical: 0...100e-9),
    EngineField("b", \.spikeAdaptation, .current, "spike-triggered adaptation", unit: "pA", typical: 0...1e-9),
    EngineField("V_r", \.resetPotential, .voltage, "reset potential", unit: "mV", typical: -100e-3...50e-3),
    EngineField("v_peak", \.peak, .voltage, "spike cut-off", unit: "mV", typical: -100e-3...50e-3),
    EngineField("t_ref", \.refractoryPeriod, .time, "refractory period", unit: "ms", typical: 0...20e-3),
  ]

  /// The parameters of `hodgkinHuxley`, each with its engine field.
  private static let hodgkinHuxleyFields: [EngineField<HodgkinHuxleyParameters>] = [
    EngineField(
      "C", \.capacitance, .capacitance, "membrane capacitance", unit: "µF", typical: 0.1e-6...10e-6,
      note: "1 µF/cm² on neuro's 1 cm² patch"),
    EngineField(
      "g_Na", \.sodium, .conductance, "peak sodium conductance", unit: "mS", typical: 1e-3...1,
      note: "the paper's mS/cm² on neuro's 1 cm² patch"),
    EngineField(
      "g_K", \.potassium, .conductance, "peak potassium conductance", unit: "mS", typical: 1e-3...1,
      note: "the paper's mS/cm² on neuro's 1 cm² patch"),
    EngineField(
      "g_L", \.leak, .conductance, "leak conductance", unit: "mS", typical: 0.01e-3...10e-3,
      note: "the paper's mS/cm² on neuro's 1 cm² patch"),
    EngineField("E_Na", \.sodiumReversal, .voltage, "sodium reversal potential", unit: "mV", typical: -100e-3...100e-3),
    EngineField(
      "E_K", \.potassiumReversal, .voltage, "potassium reversal potential", unit: "mV", typical: -100e-3...100e-3),
    EngineField("E_L", \.leakReversal, .voltage, "leak reversal potential", unit: "mV", typical: -100e-3...100e-3),
  ]

  /// LIF's engine parameters: the named values and the integration method.
  private static func lifParameters(_ values: [String: Double], _ method: IntegrationMethod) -> LIFParameters {
    var parameters: LIFParameters = lifFields.engineParameters(values)
    parameters.method = method
    parameters.spikeTiming = values["timing"] == 1 ? .grid : .precise
    return parameters
  }

  /// The leaky integrate-and-fire neuron.
  static let lif = ModelKind(
    name: "lif",
    summary:
      "leaky integrate-and-fire neuron: tau dv/dt = -(v - v_rest) + R I; spike when v crosses v_th (at the crossing "
      + "inside the step; timing: grid puts it at the end of the step, as Brian2 does), then v = v_reset, held for "
      + "t_ref (on the grid: until t_ref after the spike's step began)",
    parameters: lifFields.modelParameters(),
    variables: [("v", .voltage, "membrane potential")],
    methods: [.exact, .euler],
    choices: [
      ModelChoice(
        name: "timing", words: SpikeTiming.allCases.map(\.rawValue),
        meaning: "where a spike falls: precise is where v crosses v_th inside the step (exact); grid is the end "
          + "of the step, as Brian2 and NEST's grid models have it (and Euler's)")
    ],
    validate: { values in
      if let problem = positive(["tau", "R"], values, ["tau": .time, "R": .resistance]) { return problem }
      if !((values["t_ref"] ?? 0) >= 0) {
        return "t_ref cannot be negative (\(Quantity(values["t_ref"] ?? 0, .time).formatted))"
      }
      let vTh = values["v_th"] ?? 0, vReset = values["v_reset"] ?? 0
      if !(vReset < vTh) {
        return
          "v_reset (\(Quantity(vReset, .voltage).formatted)) must be below v_th (\(Quantity(vTh, .voltage).formatted))"
      }
      return finiteValues(values)
    },
    makeGroup: { values, method, count in LIFGroup(count: count, parameters: lifParameters(values, method)) },
    timeScales: { values, method in method == .exact ? [] : [("tau", values["tau"] ?? 0)] },
    nest: .lif)

  /// The conductance-based point neuron of the source article.
  static let conductance = ModelKind(
    name: "cond",
    summary:
      "conductance-based neuron: C dV/dt = -g_leak (V - V_rest) + g_exc (V_exc - V) + g_inh (V_inh - V) + I_ext + I; "
      + "event n.g_exc += 5nS at 20ms adds a decaying synaptic conductance",
    parameters: conductanceFields.modelParameters(),
    variables: [
      ("v", .voltage, "membrane potential"), ("g_exc", .conductance, "excitatory conductance"),
      ("g_inh", .conductance, "inhibitory conductance"),
    ],
    methods: [.exponentialEuler],
    validate: { values in
      positive(
        ["C", "g_leak", "tau_exc", "tau_inh"], values,
        ["C": .capacitance, "g_leak": .conductance, "tau_exc": .time, "tau_inh": .time])
        ?? ((values["g_exc"] ?? 0) < 0 || (values["g_inh"] ?? 0) < 0 ? "conductances cannot be negative" : nil)
        ?? finiteValues(values)
    },
    makeGroup: { values, _, count in
      ConductanceGroup(count: count, parameters: conductanceFields.engineParameters(values))
    },
    timeScales: { values, _ in
      [
        ("C / g_leak", (values["C"] ?? 0) / (values["g_leak"] ?? 1)), ("tau_exc", values["tau_exc"] ?? 0),
        ("tau_inh", values["tau_inh"] ?? 0),
      ]
    })

  /// Izhikevich (2003), with the paper's presets.
  static let izhikevich = ModelKind(
    name: "izhikevich",
    summary:
      "Izhikevich (2003): dv/dt = (0.04 v² + 5 v + 140 - u + R I)/ms with v in mV, du/dt = a (b v - u); at v ≥ 30 "
      + "mV: v = c, u += d. Integrated by adaptive Runge–Kutta steps, each spike where v reaches 30 mV inside the "
      + "step: within 1 % of the converged spike times at dt = 0.1 ms (method: euler, the paper's forward Euler, "
      + "is 5–15 % off)",
    parameters: izhikevichFields.modelParameters(),
    variables: [("v", .voltage, "membrane potential"), ("u", .voltage, "recovery variable")],
    methods: [.adaptive, .euler],
    presets: [
      izhikevichPreset("regular_spiking", 0.02, 0.2, -65, 8, "tonic spiking that adapts (excitatory cortex); 10 nA"),
      izhikevichPreset("intrinsically_bursting", 0.02, 0.2, -55, 4, "a burst, then single spikes; 10 nA"),
      izhikevichPreset("chattering", 0.02, 0.2, -50, 2, "repeated fast bursts; 10 nA"),
      izhikevichPreset(
        "fast_spiking", 0.1, 0.2, -65, 2, "fast firing without adaptation (inhibitory interneurons); 10 nA"),
      izhikevichPreset("low_threshold_spiking", 0.02, 0.25, -65, 2, "fast firing that adapts, low threshold; 10 nA"),
      izhikevichPreset(
        "thalamo_cortical", 0.02, 0.25, -65, 0.05, "tonic firing, rebound bursts after inhibition; 10 nA"),
      izhikevichPreset("resonator", 0.1, 0.26, -65, 2, "damped oscillations, fires to well-timed input; 10 nA"),
    ],
    validate: { values in finiteValues(values) },
    makeGroup: { values, method, count in
      var parameters: IzhikevichParameters = izhikevichFields.engineParameters(values)
      parameters.method = method
      return IzhikevichGroup(count: count, parameters: parameters)
    },
    timeScales: { _, method in method == .adaptive ? [] : [("the millisecond scale of its equations", 1e-3)] },
    nest: .izhikevich)

  /// The adaptive exponential integrate-and-fire neuron with the presets of Naud et al. (2008).
  static let adex = ModelKind(
    name: "adex",
    summary:
      "adaptive exponential integrate-and-fire (Brette & Gerstner 2005): C dv/dt = -g_L (v - E_L) + g_L Delta_T "
      + "exp((v - V_T)/Delta_T) - w + I, tau_w dw/dt = a (v - E_L) - w; at v > v_peak: v = V_r, w += b. "
      + "Integrated by adaptive Runge–Kutta steps, as NEST does: within 1 % of the converged spike times at dt = "
      + "0.1 ms (method: euler is 2–13 % off and can lose spikes)",
    parameters: adexFields.modelParameters(),
    variables: [("v", .voltage, "membrane potential"), ("w", .current, "adaptation current")],
    methods: [.adaptive, .euler],
    presets: [
      adexPreset("tonic", 200, 10, -70, -50, 2, 30, 2, 0, -58, 500),
      adexPreset("adapting", 200, 12, -70, -50, 2, 300, 2, 60, -58, 500),
      adexPreset("initial_burst", 130, 18, -58, -50, 2, 150, 4, 120, -50, 400),
      adexPreset("regular_bursting", 200, 10, -58, -50, 2, 120, 2, 100, -46, 210),
      adexPreset("delayed", 200, 12, -70, -50, 2, 300, -10, 0, -58, 300),
      adexPreset("transient", 100, 10, -65, -50, 2, 90, 10, 100, -47, 180),
    ],
    validate: { values in
      positive(
        ["C", "g_L", "Delta_T", "tau_w"], values,
        ["C": .capacitance, "g_L": .conductance, "Delta_T": .voltage, "tau_w": .time])
        ?? finiteValues(values)
    },
    makeGroup: { values, method, count in
      var parameters: AdExParameters = adexFields.engineParameters(values)
      parameters.method = method
      return AdExGroup(count: count, parameters: parameters)
    },
    timeScales: { values, method in
      guard method != .adaptive else { return [] }
      return [("C / g_L", (values["C"] ?? 0) / (values["g_L"] ?? 1)), ("tau_w", values["tau_w"] ?? 0)]
    },
    nest: .adex)

  /// Independent Poisson spike sources (inputs for networks).
  static let poisson = ModelKind(
    name: "poisson",
    summary:
      "Poisson spike sources, each firing at `rate` (input noise = poisson(1000, rate: 10Hz)); independent, or with "
      + "`correlation` c the spike counts of any two correlate with coefficient c (they share a mother train at "
      + "rate/c and each keeps her spikes with probability c: Kuhn, Aertsen & Rotter 2003)",
    parameters: [
      p("rate", .frequency, 10, "firing rate of each source", unit: "Hz", typical: 0...1000),
      p("correlation", .none, 0, "correlation between any two sources (0: independent)", typical: 0...0.5),
    ],
    variables: [],
    methods: [.exact],
    example: "input noise = poisson(1000, rate: 10Hz)",
    usesSeed: true,
    usesInput: false,
    validate: { values in
      if (values["rate"] ?? 0) < 0 { return "rate cannot be negative" }
      let c = values["correlation"] ?? 0
      if !(c >= 0 && c <= 1) { return "correlation is a number from 0 to 1" }
      return finiteValues(values)
    },
    makeGroup: { values, _, count in
      PoissonGroup(
        count: count, rate: values["rate"] ?? 0, correlation: values["correlation"] ?? 0,
        seed: UInt64(saturating: values["seed"] ?? 1))
    })

  /// Sources firing at given times (made by `input stim = spike_times([…])`, not called directly).
  static let spikeTimes = ModelKind(
    name: "spike_times", summary: "sources that fire at given times: input stim = spike_times([10ms, 50ms])",
    parameters: [], variables: [], methods: [.exact], usesInput: false,
    validate: { _ in nil },
    makeGroup: { _, _, count in SpikeTimesGroup(times: Array(repeating: [], count: count)) })

  /// Hodgkin and Huxley's squid axon (1952), for a 1 cm² patch.
  static let hodgkinHuxley = ModelKind(
    name: "hh",
    summary:
      "Hodgkin–Huxley (1952) squid axon, 1 cm² patch (µA read as µA/cm²): sodium, potassium and leak currents with "
      + "gates m, h, n; rests at -65 mV. Each step is three exponential midpoint steps, each spike where v rises "
      + "through 0 mV inside the step: within 1 % of the converged spike times at dt = 0.1 ms (method: "
      + "exponential_euler, one Rush–Larsen step, makes intervals 5 % long)",
    parameters: hodgkinHuxleyFields.modelParameters(),
    variables: [
      ("v", .voltage, "membrane potential"), ("m", .none, "sodium activation"),
      ("h", .none, "sodium inactivation"), ("n", .none, "potassium activation"),
    ],
    methods: [.exponentialMidpoint, .exponentialEuler],
    validate: { values in
      positive(["C"], values, ["C": .capacitance]) ?? finiteValues(values)
    },
    makeGroup: { values, method, count in
      var parameters: HodgkinHuxleyParameters = hodgkinHuxleyFields.engineParameters(values)
      parameters.method = method
      return HodgkinHuxleyGroup(count: count, parameters: parameters)
    },
    timeScales: { _, _ in [("its sodium activation (m, about 0.5 ms)", 0.5e-3)] })
}

private func izhikevichPreset(_ name: String, _ a: Double, _ b: Double, _ c: Double, _ d: Double, _ note: String)
  -> ModelPreset
{
  ModelPreset(name: name, values: ["a": a * 1e3, "b": b, "c": c * 1e-3, "d": d * 1e-3], note: note)
}

private func adexPreset(
  _ name: String, _ c: Double, _ gL: Double, _ eL: Double, _ vT: Double, _ slope: Double,
  _ tauW: Double, _ a: Double, _ b: Double, _ vR: Double, _ current: Double
) -> ModelPreset {
  ModelPreset(
    name: name,
    values: [
      "C": c * 1e-12, "g_L": gL * 1e-9, "E_L": eL * 1e-3, "V_T": vT * 1e-3, "Delta_T": slope * 1e-3,
      "tau_w": tauW * 1e-3, "a": a * 1e-9, "b": b * 1e-12, "V_r": vR * 1e-3,
    ],
    note: "Naud et al. (2008); inject \(formatNumber(current))pA")
}
