import NeuroEngine
import NeuroUnits

/// A population code as an input of the world: `input v1 = tuned(64, stimulus: 45)`.
extension ModelKind {
  static let tuned = ModelKind(
    name: "tuned",
    summary:
      "Poisson neurons tuned to a circular stimulus (degrees): neuron i of n prefers i·period/n and fires at "
      + "baseline + peak·exp(κ(cos(2π d/period) - 1)) (von_mises, κ = 1/(2π width/period)²) or baseline + "
      + "peak·exp(-d²/(2 width²)) (gaussian), d the circular distance from its preference; "
      + "input v1 = tuned(64, stimulus: 45)",
    parameters: [
      ModelParameter(
        name: "stimulus", dimension: .none, defaultValue: 90, meaning: "the stimulus shown, in degrees",
        typical: -360...360),
      ModelParameter(
        name: "peak", dimension: .frequency, defaultValue: 40, meaning: "rate at the preferred stimulus above baseline",
        unit: "Hz", typical: 0...500),
      ModelParameter(
        name: "baseline", dimension: .frequency, defaultValue: 2, meaning: "rate far from the preference",
        unit: "Hz", typical: 0...100),
      ModelParameter(
        name: "width", dimension: .none, defaultValue: 20, meaning: "tuning width in degrees", typical: 1...180),
      ModelParameter(
        name: "period", dimension: .none, defaultValue: 180,
        meaning: "degrees before the stimulus repeats: 180 for orientation, 360 for direction", typical: 1...360),
    ],
    variables: [],
    methods: [.exact],
    choices: [
      ModelChoice(name: "shape", words: PopulationCode.Shape.allCases.map(\.name), meaning: "the tuning curve's shape")
    ],
    example: "input v1 = tuned(64, stimulus: 45)",
    usesSeed: true,
    usesInput: false,
    validate: { values in
      positive(["width", "period"], values, ["width": .none, "period": .none])
        ?? ((values["period"] ?? 180) > 360 ? "period is at most 360 degrees, a full turn" : nil)
        ?? ((values["width"] ?? 20) < 0.5 ? "width is at least 0.5 degrees" : nil)
        ?? ((values["peak"] ?? 0) < 0 || (values["baseline"] ?? 0) < 0 ? "rates cannot be negative" : nil)
        ?? finiteValues(values)
    },
    makeGroup: { values, _, count in
      TunedGroup(
        code: populationCode(values, count: count), stimulus: values["stimulus"] ?? 90,
        seed: UInt64(saturating: values["seed"] ?? 1))
    })

  /// The engine's population code of `count` neurons with a model value's parameters.
  static func populationCode(_ values: [String: Double], count: Int) -> PopulationCode {
    var code = PopulationCode(count: count)
    code.peak = values["peak"] ?? code.peak
    code.baseline = values["baseline"] ?? code.baseline
    code.width = values["width"] ?? code.width
    code.period = values["period"] ?? code.period
    code.shape = PopulationCode.Shape(rawValue: Int(checking: values["shape"] ?? 0) ?? 0) ?? .vonMises
    return code
  }
}
