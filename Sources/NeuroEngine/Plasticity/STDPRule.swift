#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Spike-timing-dependent plasticity with traces: a pair of spikes Δt = t_post − t_pre apart changes a
/// weight by Δw = A_LTP·exp(−Δt/τ_LTP) when Δt ≥ 0 and Δw = −A_LTD·exp(Δt/τ_LTD) when Δt < 0.
/// Each neuron keeps a trace of its spikes that decays with its τ; a postsynaptic spike adds A_LTP
/// times the presynaptic trace, a presynaptic spike takes A_LTD times the postsynaptic trace.
/// Weights stay within [0, w_max]. With a synaptic delay the presynaptic side acts when the spike
/// arrives (t_pre is the arrival), as Brian2's delayed on_pre does.
public struct STDPRule: Sendable, Equatable {
  /// Which spikes pair with which.
  public enum Pairing: String, Sendable, CaseIterable {
    /// Every presynaptic spike with every postsynaptic one (traces add up).
    case allToAll = "all_to_all"
    /// Each spike only with the latest spike of the other side (traces are set, not added).
    case nearest
  }

  /// How a change depends on the weight it changes.
  public enum Update: String, Sendable, CaseIterable {
    /// The same change whatever the weight; only the bounds stop it.
    case additive
    /// Potentiation scaled by (1 − w/w_max), depression by w/w_max: weights settle inside the bounds.
    case multiplicative
  }

  /// A_LTP, in the weight's unit.
  public var potentiation: Double
  /// A_LTD, in the weight's unit: the size of a depression (positive).
  public var depression: Double
  public var tauPotentiation: Double
  public var tauDepression: Double
  public var maxWeight: Double
  public var pairing: Pairing
  public var update: Update

  public init(
    potentiation: Double, depression: Double, tauPotentiation: Double, tauDepression: Double, maxWeight: Double,
    pairing: Pairing = .allToAll, update: Update = .additive
  ) {
    self.potentiation = potentiation
    self.depression = depression
    self.tauPotentiation = tauPotentiation
    self.tauDepression = tauDepression
    self.maxWeight = maxWeight
    self.pairing = pairing
    self.update = update
  }

  /// A trace just after a spike of its neuron, from its value decayed to that moment.
  @inline(__always)
  func traceAfterSpike(_ decayed: Double) -> Double { pairing == .allToAll ? decayed + 1 : 1 }

  /// A weight after a postsynaptic spike, given the presynaptic trace at that moment.
  @inline(__always)
  func potentiated(_ w: Double, preTrace: Double) -> Double {
    let scale = update == .additive ? 1 : 1 - w / maxWeight
    return min(maxWeight, max(0, w + potentiation * preTrace * scale))
  }

  /// A weight after a presynaptic spike, given the postsynaptic trace at that moment.
  @inline(__always)
  func depressed(_ w: Double, postTrace: Double) -> Double {
    let scale = update == .additive ? 1 : w / maxWeight
    return min(maxWeight, max(0, w - depression * postTrace * scale))
  }

  /// The change of one weight, starting at `weight`, under presynaptic spikes at `pre` and postsynaptic
  /// spikes at `post` (times in s, each list in order): the rule applied spike by spike as a connection
  /// applies it, a presynaptic spike before a postsynaptic one at the same moment.
  public func weightChange(pre: [Double], post: [Double], weight: Double) -> Double {
    var w = weight
    var preTrace = 0.0, postTrace = 0.0
    var preTime = -Double.infinity, postTime = -Double.infinity
    var i = 0, j = 0
    while i < pre.count || j < post.count {
      if j >= post.count || (i < pre.count && pre[i] <= post[j]) {
        let t = pre[i]
        w = depressed(w, postTrace: postTrace * exp(-(t - postTime) / tauDepression))
        preTrace = traceAfterSpike(preTrace * exp(-(t - preTime) / tauPotentiation))
        preTime = t
        i += 1
      } else {
        let t = post[j]
        w = potentiated(w, preTrace: preTrace * exp(-(t - preTime) / tauPotentiation))
        postTrace = traceAfterSpike(postTrace * exp(-(t - postTime) / tauDepression))
        postTime = t
        j += 1
      }
    }
    return w - weight
  }

  /// The change of a weight after `pairs` pairings, one every `period` s, each a presynaptic spike
  /// and a postsynaptic one `lag` s after it (before it when negative).
  public func pairingChange(lag: Double, pairs: Int, period: Double, weight: Double) -> Double {
    let starts = (0..<max(0, pairs)).map { Double($0) * period + max(0, -lag) }
    return weightChange(pre: starts, post: starts.map { $0 + lag }, weight: weight)
  }
}
