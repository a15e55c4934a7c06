#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Short-term plasticity of Tsodyks and Markram: a presynaptic neuron's resources x (1 at rest) and
/// release probability u (0 at rest). At a spike u jumps by U·(1 − u), a fraction u·x of the
/// resources is released (the synapse delivers its weight times u·x) and x loses it; between spikes
/// x recovers to 1 with τ_rec and u decays to 0 with τ_facil (with τ_facil = 0 it is U at every spike).
/// So the n-th spike of a train delivers u_n·R_n with u_{n+1} = U + u_n(1 − U)e^{−Δ/τ_facil} and
/// R_{n+1} = 1 + (R_n − u_n R_n − 1)e^{−Δ/τ_rec}: the model of Tsodyks, Pawelzik & Markram (1998), the
/// recursion as Maass & Markram (2002) write it.
public struct ShortTermRule: Sendable, Equatable {
  public var release: Double
  public var tauRecovery: Double
  public var tauFacilitation: Double

  public init(release: Double, tauRecovery: Double, tauFacilitation: Double) {
    self.release = release
    self.tauRecovery = tauRecovery
    self.tauFacilitation = tauFacilitation
  }

  /// The state of one presynaptic neuron's synapses.
  public struct State: Sendable, Equatable {
    public var u = 0.0
    public var x = 1.0

    public init() {}
  }

  /// A spike `elapsed` s after the previous one: the state after it and the fraction released.
  @inline(__always)
  func spike(_ state: inout State, elapsed: Double) -> Double {
    let before = tauFacilitation > 0 ? state.u * exp(-elapsed / tauFacilitation) : 0
    let u = before + release * (1 - before)
    let x = 1 - (1 - state.x) * exp(-elapsed / tauRecovery)
    let released = u * x
    state = State()
    state.u = u
    state.x = x - released
    return released
  }

  /// The fraction each spike of a train releases (spike times in s, in order), from rest.
  public func releases(at times: [Double]) -> [Double] {
    var state = State()
    var last = -Double.infinity
    return times.map { t in
      defer { last = t }
      return spike(&state, elapsed: t - last)
    }
  }
}
