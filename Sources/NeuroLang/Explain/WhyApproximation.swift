import NeuroEngine

/// The line of `why`'s report that says how the parts were found and, for a nonlinear model, what its
/// nonlinear remainder holds, in words for each model.
enum WhyApproximation {
  /// The line for an explanation of a neuron of the model named `model`.
  static func text(_ method: Explanation.Method, model: String) -> String {
    switch method {
    case .superposition:
      return "between spikes this neuron is linear: the parts add up to v exactly"
    case .conductanceCurrents:
      return "its synapses are conductances, so the parts are approximate: each input counts as the current "
        + "g·(E − v) it carried along the actual v, through the resting membrane; the conductances also make "
        + "the membrane leakier, and what that changes is the nonlinear remainder"
    case .linearisedAtRest:
      return "this neuron is nonlinear, so the parts are approximate: each input counts as what it would do to the "
        + "membrane near its resting level (the model linearised at rest, its \(linearPart(model)) included); "
        + "the nonlinear remainder is \(remainder(model))"
    }
  }

  /// What the linearised membrane keeps of each model besides v.
  private static func linearPart(_ model: String) -> String {
    switch model {
    case "izhikevich": return "recovery variable u"
    case "adex": return "adaptation current w"
    case "hh": return "sodium and potassium gates"
    case "cond": return "leak and constant conductances"
    default: return "other state variables (if any)"
    }
  }

  /// What the nonlinear remainder of each model is made of.
  private static func remainder(_ model: String) -> String {
    switch model {
    case "izhikevich": return "what the quadratic term 0.04 v² (the spike's upstroke) and u add beyond that"
    case "adex": return "what the exponential spike current and the adaptation w add beyond that"
    case "hh":
      return "what the sodium and potassium currents add beyond that as their gates open and close: the spike itself"
    case "cond":
      return "what the conductances add beyond that: g·(E − v) changes as v moves, and a conductance makes the "
        + "membrane leakier"
    default: return "what the nonlinear terms of \(model)'s equations add beyond that (nothing for a linear model)"
    }
  }
}
