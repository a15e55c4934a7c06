import NeuroEngine
import NeuroUnits

extension DecisionModel: EngineParameters {}

/// Wong & Wang's (2006) reduced decision model as a model of the world: `neuron d = wong_wang(coherence: 12.8)`.
extension ModelKind {
  /// The parameters a student turns, each with its engine field; a, b, d, γ and J_A,ext stay the paper's.
  private static let decisionFields: [EngineField<DecisionModel>] = [
    EngineField("mu_0", \.mu0, .frequency, "stimulus rate at zero coherence", unit: "Hz", typical: 0...200),
    EngineField(
      "J_self", \.selfCoupling, .current, "self-excitation of each population", unit: "nA",
      typical: 0...1e-9),
    EngineField(
      "J_cross", \.crossCoupling, .current, "inhibition of each population by the other", unit: "nA",
      typical: 0...1e-9),
    EngineField("I_0", \.background, .current, "background input", unit: "nA", typical: 0...1e-9),
    EngineField("sigma", \.noise, .current, "noise amplitude", unit: "nA", typical: 0...0.2e-9),
    EngineField("tau_S", \.tauS, .time, "decay of the NMDA gating variables", unit: "ms", typical: 10e-3...1),
    EngineField(
      "tau_noise", \.tauNoise, .time, "time constant of the noise (AMPA)", unit: "ms",
      typical: 0.5e-3...20e-3),
    EngineField("threshold", \.threshold, .frequency, "rate at which a choice is made", unit: "Hz", typical: 1...100),
    EngineField("S0", \.initialS, .none, "where both gating variables start", typical: 0...1),
  ]

  /// The fields and the coherence, the model's own parameter.
  static let decisionParameters =
    [
      ModelParameter(
        name: "coherence", dimension: .none, defaultValue: 0,
        meaning: "motion coherence in %: stimulus μ₀(1 ± c/100) to populations 1 and 2", typical: -100...100)
    ] + decisionFields.modelParameters()

  /// The engine's decision model with a model value's parameters.
  static func decisionModel(_ values: [String: Double]) -> DecisionModel { decisionFields.engineParameters(values) }

  static let wongWang = ModelKind(
    name: "wong_wang",
    summary:
      "Wong & Wang (2006) reduced decision model: two populations with NMDA gating S1, S2, dS/dt = -S/tau_S + "
      + "(1 - S) γ r, r = (a x - b)/(1 - exp(-d (a x - b))), x = J_self S - J_cross S_other + I_0 + J_ext μ_0 (1 ± "
      + "c/100) + noise; a = 270 Hz/nA, b = 108 Hz, d = 0.154 s, γ = 0.641, J_ext = 5.2e-4 nA/Hz; a choice when "
      + "r1 or r2 reaches the threshold (that member 'fires')",
    parameters: decisionParameters,
    variables: [
      ("S1", .none, "NMDA gating of population 1"), ("S2", .none, "NMDA gating of population 2"),
      ("r1", .frequency, "rate of population 1"), ("r2", .frequency, "rate of population 2"),
      ("choice", .none, "the population chosen: 1 or 2, 0 before a choice"),
    ],
    methods: [.euler],
    usesSeed: true,
    planarFlow: { values, _ in decisionModel(values).flow(coherence: values["coherence"] ?? 0) },
    usesInput: false,
    validate: { values in
      positive(
        ["tau_S", "tau_noise", "threshold"], values, ["tau_S": .time, "tau_noise": .time, "threshold": .frequency])
        ?? ((values["sigma"] ?? 0) < 0 ? "sigma cannot be negative" : nil)
        ?? (!(0...1).contains(values["S0"] ?? 0) ? "S0 is a gating variable, from 0 to 1" : nil)
        ?? (!(-100...100).contains(values["coherence"] ?? 0) ? "coherence is a percentage from -100 to 100" : nil)
        ?? finiteValues(values)
    },
    makeGroup: { values, _, count in
      DecisionGroup(
        count: count, parameters: decisionModel(values), coherence: values["coherence"] ?? 0,
        seed: UInt64(saturating: values["seed"] ?? 1))
    },
    // Euler–Maruyama for the noise and the gating variables (fastest, 1/(γ r), at the highest rates).
    timeScales: { values, _ in
      [
        ("tau_noise", values["tau_noise"] ?? 0),
        ("the gating's time constant at 40 Hz", 1 / (DecisionModel().gamma * 40)),
      ]
    })
}
