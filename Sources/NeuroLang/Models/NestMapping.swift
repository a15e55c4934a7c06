/// How a built-in model maps onto a NEST model: its name, its parameters in NEST's units
/// (mV, ms, pF, nS, pA), its recordable variables, and how an injected current becomes NEST's pA.
/// `lif` picks its NEST model from the synapses it receives (`NestExport+Neurons.swift`).
public struct NestMapping: Sendable {
  /// NEST's model name (for `lif`, the one without synapses; the exporter picks another for its synapses).
  public var model: String
  /// The parameters in NEST's units for the model's values (SI) and the time step (s).
  var parameters: @Sendable (_ values: [String: Double], _ dt: Double) -> [(name: String, value: Double)]
  /// Each recordable variable of the model: NEST's name and the factor from NEST's unit to SI.
  var variables: [String: (nest: String, toSI: Double)]
  /// The NEST current (pA) that an injected current (A) becomes, for given values.
  var current: @Sendable (_ amperes: Double, _ values: [String: Double]) -> Double
}

extension NestMapping {
  /// NEST counts a refractory period from the end of the spike's step, neuro from its start:
  /// neuro holds v for t_ref - dt after the reported spike, NEST for its t_ref.
  static func refractory(_ tRef: Double, _ dt: Double) -> Double {
    let steps = Int(clampingToSteps: tRef / dt)
    return max(0, Double(steps - 1)) * dt * 1e3
  }

  /// Whether a `lif`'s values ask for spikes at the end of the step (`timing: grid`).
  static func onTheGrid(_ values: [String: Double]) -> Bool { values["timing"] == 1 }

  /// `lif` → iaf_psc_delta/iaf_psc_exp/iaf_cond_exp (with precise spike timing iaf_psc_delta_ps and
  /// iaf_psc_exp_ps, whose t_ref counts from the spike as neuro's then does): C_m = tau / R, and for
  /// conductance synapses g_L = 1 / R.
  static let lif = NestMapping(
    model: "iaf_psc_delta",
    parameters: { values, dt in
      let tau = values["tau"] ?? 10e-3, resistance = values["R"] ?? 10e6
      return [
        ("C_m", tau / resistance * 1e12), ("tau_m", tau * 1e3), ("E_L", (values["v_rest"] ?? -70e-3) * 1e3),
        ("V_th", (values["v_th"] ?? -55e-3) * 1e3), ("V_reset", (values["v_reset"] ?? -70e-3) * 1e3),
        (
          "t_ref",
          onTheGrid(values) || (values["t_ref"] ?? 0) < dt
            ? refractory(values["t_ref"] ?? 0, dt) : (values["t_ref"] ?? 0) * 1e3
        ),
        ("I_e", 0),
      ]
    },
    variables: ["v": ("V_m", 1e-3)],
    current: { amperes, _ in amperes * 1e12 })

  /// `izhikevich` → izhikevich, whose default consistent_integration is the forward Euler step neuro takes
  /// with `method: euler` (the exporter refuses the adaptive steps); its input is the paper's number, R·I in mV.
  static let izhikevich = NestMapping(
    model: "izhikevich",
    parameters: { values, _ in
      [
        ("a", (values["a"] ?? 20) * 1e-3), ("b", values["b"] ?? 0.2), ("c", (values["c"] ?? -65e-3) * 1e3),
        ("d", (values["d"] ?? 8e-3) * 1e3), ("V_th", 30), ("I_e", 0),
      ]
    },
    variables: ["v": ("V_m", 1e-3), "u": ("U_m", 1e-3)],
    current: { amperes, values in amperes * (values["R"] ?? 1e6) * 1e3 })

  /// `adex` → aeif_cond_exp (NEST integrates it with an adaptive Runge–Kutta method, as neuro does unless
  /// `method: euler`).
  static let adex = NestMapping(
    model: "aeif_cond_exp",
    parameters: { values, dt in
      [
        ("C_m", (values["C"] ?? 281e-12) * 1e12), ("g_L", (values["g_L"] ?? 30e-9) * 1e9),
        ("E_L", (values["E_L"] ?? -70.6e-3) * 1e3), ("V_th", (values["V_T"] ?? -50.4e-3) * 1e3),
        ("Delta_T", (values["Delta_T"] ?? 2e-3) * 1e3), ("tau_w", (values["tau_w"] ?? 144e-3) * 1e3),
        ("a", (values["a"] ?? 4e-9) * 1e9), ("b", (values["b"] ?? 80.5e-12) * 1e12),
        ("V_reset", (values["V_r"] ?? -70.6e-3) * 1e3), ("V_peak", (values["v_peak"] ?? 0) * 1e3),
        ("t_ref", refractory(values["t_ref"] ?? 0, dt)), ("I_e", 0),
      ]
    },
    variables: ["v": ("V_m", 1e-3), "w": ("w", 1e-12)],
    current: { amperes, _ in amperes * 1e12 })
}
