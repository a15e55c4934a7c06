import NeuroUnits
import NeuroEngine

/// How the synapses onto a `lif` group become one of NEST's LIF models: iaf_psc_delta (jumps of v),
/// iaf_psc_exp (currents, also neuro's currents in volts) or iaf_cond_exp (conductances), each with
/// an excitatory and an inhibitory port that NEST picks by the sign of the weight.
struct NestSynapses {
  var model: String
  /// Parameters the ports add (`tau_syn_ex`, `E_in`, …).
  var parameters: [(name: String, value: Double)] = []
  /// Per channel of the group: the factor from neuro's weight (SI) to NEST's, sign included.
  var weightFactor: [Double] = []
  /// Whether NEST's delay for the channel is neuro's delay plus a step (delta synapses act within the
  /// step they arrive in; exponential ones from the next, as neuro's do).
  var delayPlusStep = false

  /// A model that receives no synapses.
  init(model: String) { self.model = model }

  /// The model for a group's channels and the weights that reach each; a sentence when NEST has none.
  init(channels: [SynapticChannel], weights: [[Draw]], resistance: Double) throws(NestProblem) {
    let kinds = channels.map(\.kind)
    if kinds.allSatisfy({ $0 == .jump }) {
      model = "iaf_psc_delta"
      weightFactor = channels.map { _ in 1e3 }
      delayPlusStep = true
      return
    }
    if kinds.allSatisfy({ $0 == .voltage || $0 == .current }) {
      model = "iaf_psc_exp"
      weightFactor = channels.map { $0.kind == .current ? 1e12 : 1e12 / resistance }
      let taus = try Self.ports(channels.map(\.tau), weights, what: "current synapses")
      parameters = [("tau_syn_ex", taus.ex * 1e3), ("tau_syn_in", taus.in * 1e3)]
      return
    }
    var reversals: [Double] = []
    for kind in kinds {
      guard case .conductance(let reversal) = kind else {
        throw NestProblem("its synapses mix kinds (\(Self.kindsWritten(kinds))); a NEST LIF model takes one kind")
      }
      reversals.append(reversal)
    }
    model = "iaf_cond_exp"
    let distinct = Set(zip(reversals, channels.map(\.tau)).map { "\($0.0) \($0.1)" })
    guard distinct.count <= 2 else {
      throw NestProblem("it has \(distinct.count) kinds of conductance synapse; iaf_cond_exp has two")
    }
    for (c, draws) in weights.enumerated() where draws.contains(where: { Self.signs($0).negative }) {
      throw NestProblem("channel \(c): a conductance weight that can be negative has no NEST counterpart")
    }
    let highest = reversals.max() ?? 0
    let excitatory = reversals.indices.first { reversals[$0] == highest } ?? 0
    let inhibitory = reversals.indices.first { !(reversals[$0] == highest && channels[$0] == channels[excitatory]) }
    weightFactor = channels.indices.map { channels[$0] == channels[excitatory] ? 1e9 : -1e9 }
    parameters = [("E_ex", highest * 1e3), ("tau_syn_ex", channels[excitatory].tau * 1e3)]
    if let inhibitory {
      parameters += [("E_in", reversals[inhibitory] * 1e3), ("tau_syn_in", channels[inhibitory].tau * 1e3)]
    }
  }

  /// The time constants of NEST's two ports for current channels: one channel takes both; two must
  /// split by the sign of their weights (the positive one excitatory).
  private static func ports(_ taus: [Double], _ weights: [[Draw]], what: String) throws(NestProblem)
    -> (ex: Double, in: Double)
  {
    let distinct = Array(Set(taus)).sorted()
    if distinct.count == 1, let tau = distinct.first { return (tau, tau) }
    guard distinct.count == 2 else {
      throw NestProblem("it has \(distinct.count) time constants of \(what); iaf_psc_exp has two")
    }
    func sign(_ tau: Double) -> (positive: Bool, negative: Bool) {
      var result = (positive: false, negative: false)
      for (c, t) in taus.enumerated() where t == tau {
        for draw in weights[c] {
          let s = signs(draw)
          result = (result.positive || s.positive, result.negative || s.negative)
        }
      }
      return result
    }
    let (a, b) = (sign(distinct[0]), sign(distinct[1]))
    if !a.negative && !b.positive { return (distinct[0], distinct[1]) }
    if !a.positive && !b.negative { return (distinct[1], distinct[0]) }
    throw NestProblem(
      "its \(what) with tau_syn \(distinct.map { formatNumber($0 * 1e3) + " ms" }.joined(separator: " and ")) "
        + "do not split into excitatory (weights ≥ 0) and inhibitory (weights ≤ 0), as NEST's two ports need")
  }

  /// Whether a draw can give positive and negative values.
  static func signs(_ draw: Draw) -> (positive: Bool, negative: Bool) {
    switch draw {
    case .constant(let x): return (x > 0, x < 0)
    case .uniform(let a, let b): return (max(a, b) > 0, min(a, b) < 0)
    case .normal(let mean, let sd): return sd == 0 ? (mean > 0, mean < 0) : (true, true)
    case .matrix(let values, _): return (values.contains { $0 > 0 }, values.contains { $0 < 0 })
    }
  }

  private static func kindsWritten(_ kinds: [SynapticChannel.Kind]) -> String {
    let words = kinds.map { kind -> String in
      switch kind {
      case .jump: return "jumps of v"
      case .voltage, .current: return "currents"
      case .conductance: return "conductances"
      case .rate: return "rates"
      }
    }
    var seen: [String] = []
    for word in words where !seen.contains(word) { seen.append(word) }
    return seen.joined(separator: ", ")
  }
}

/// Something in a world that NEST cannot build faithfully, in a sentence.
struct NestProblem: Error, Equatable {
  var message: String
  init(_ message: String) { self.message = message }
}
