import NeuroEngine
import NeuroUnits

extension RateParameters: EngineParameters {}

/// The firing-rate unit: a population's mean rate rather than its spikes.
extension ModelKind {
  /// The parameters of `rate`, each with its engine field.
  private static let rateFields: [EngineField<RateParameters>] = [
    EngineField("tau", \.tau, .time, "time constant with which r follows f(drive)", unit: "ms", typical: 0.5e-3...1),
    EngineField("gain", \.gain, .none, "slope of f at the threshold (Hz of rate per Hz of drive)", typical: 0.01...100),
    EngineField(
      "threshold", \.threshold, .frequency, "drive where f leaves 0 (relu) or is half r_max (sigmoid)",
      unit: "Hz", typical: -1000...1000),
    EngineField("r_max", \.maximum, .frequency, "the largest rate f gives", unit: "Hz", typical: 1...1000),
    EngineField(
      "noise", \.noise, .frequency, "standard deviation of the noise in the drive (filtered with tau)", unit: "Hz",
      typical: 0...100),
    EngineField("r0", \.initialRate, .frequency, "the rate every unit starts at", unit: "Hz", typical: 0...1000),
  ]

  /// A population's firing rate, relaxing to a function of its drive (Wilson & Cowan 1972; Dayan & Abbott ch. 7).
  static let rate = ModelKind(
    name: "rate_unit",
    summary:
      "firing-rate unit: tau dr/dt = -r + f(drive), drive = injected Hz + Σ w·r of its sources; f is relu "
      + "(min(r_max, gain·(drive - threshold)) above threshold) or sigmoid (r_max / (1 + exp(-4·gain·(drive - "
      + "threshold)/r_max))); noise adds fluctuations of that size to the drive",
    parameters: rateFields.modelParameters(),
    variables: [("r", .frequency, "firing rate")],
    methods: [.exact],
    choices: [ModelChoice(name: "f", words: TransferFunction.allCases.map(\.name), meaning: "the transfer function")],
    inputDimension: .frequency,
    usesSeed: true,
    validate: { values in
      positive(["tau", "r_max"], values, ["tau": .time, "r_max": .frequency])
        ?? ((values["noise"] ?? 0) < 0 ? "noise cannot be negative" : nil)
        ?? ((values["r0"] ?? 0) < 0 ? "r0 cannot be negative: rates are never below 0" : nil)
        ?? finiteValues(values)
    },
    makeGroup: { values, _, count in
      var parameters: RateParameters = rateFields.engineParameters(values)
      parameters.transfer = TransferFunction(rawValue: Int(checking: values["f"] ?? 0) ?? 0) ?? .relu
      parameters.seed = UInt64(saturating: values["seed"] ?? 1)
      return RateGroup(count: count, parameters: parameters)
    },
    timeScales: { _, _ in [] })
}
