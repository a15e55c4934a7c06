/// What a neuron's membrane potential at one moment is made of, input by input (`why n`): the resting level
/// with v at the start of the window carried forward, each injected current, the events on v, each connection
/// and each Poisson drive, since the last reset (a spike makes v piecewise). For a LIF neuron whose channels
/// all carry currents the parts add up to v exactly (superposition); with conductances each input counts as
/// the current g·(E − v) it carried along the actual trajectory, through the resting membrane, and what the
/// leakier membrane changes is left over as the remainder. For the other models (Izhikevich, AdEx,
/// Hodgkin–Huxley, conductance, written in neuro) each input passes through the membrane linearised at its
/// resting state, and what the model's nonlinear terms add is the remainder.
public struct Explanation: Sendable {
  /// How the parts were found.
  public enum Method: Sendable {
    /// Linear dynamics: the parts add up to v exactly.
    case superposition
    /// A LIF neuron with conductances: each input's current g·(E − v) along the actual v, through the resting
    /// membrane.
    case conductanceCurrents
    /// Any other model: each input through the membrane linearised at its resting state (the resting level is
    /// where the neuron settles without input).
    case linearisedAtRest
  }

  /// Where a part of v came from.
  public enum Source: Hashable, Sendable {
    /// An injected current: its index among the group's currents.
    case current(Int)
    /// The events that change a state variable (`event n.v += …`), by its name.
    case events(String)
    case connection(ConnectionID)
    case drive(DriveID)
  }

  /// One input's part of v (V).
  public struct Part: Sendable {
    public var source: Source
    public var value: Double
  }

  /// The part of v that one presynaptic neuron's spikes made through one connection.
  public struct Presynaptic: Sendable {
    public var connection: ConnectionID
    /// The neuron's index in its group.
    public var neuron: Int
    /// Its spikes that arrived in the window (or earlier and still felt).
    public var spikes: Int
    public var value: Double
  }

  /// The step from which v is explained: the end of the last reset's refractory time, or where the neuron began.
  public var fromStep: Int
  /// True when the window starts after a spike's reset.
  public var afterSpike: Bool
  /// v at the start of the window (V).
  public var startValue: Double
  /// Where the resting level and the start value bring v by now, without any input (V).
  public var restPart: Double
  /// Each input's part, in the order of the group's currents, events, connections and drives.
  public var parts: [Part]
  /// The presynaptic neurons, largest part (in size) first.
  public var presynaptic: [Presynaptic]
  /// The membrane potential explained (V): recorded, or (at a spike, or when not recorded) replayed.
  public var v: Double
  /// True when `v` is the recorded value.
  public var vRecorded: Bool
  /// How the parts were found.
  public var method: Method
  /// The step whose v is explained (v after the step before it): at a spike of a model whose step resets v,
  /// the step before the spike's.
  public var step: Int
  /// True when a noise current flowed, whose draws are not kept (its part is in the remainder, when v is recorded).
  public var noise: Bool
  /// The neuron's threshold (V), for a LIF neuron.
  public var threshold: Double?

  /// True when the dynamics are linear, so that the parts add up to v exactly.
  public var linear: Bool { method == .superposition }

  /// What the resting level and the parts leave of v: rounding for linear dynamics, the nonlinear rest otherwise.
  public var remainder: Double { v - restPart - parts.reduce(0) { $0 + $1.value } }
}
