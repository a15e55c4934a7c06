/// How spikes arriving through a projection act on a neuron: each channel holds one value per
/// neuron that jumps by the synaptic weight and decays exponentially with `tau`.
public struct SynapticChannel: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// A current in voltage units (V), as in the CUBA benchmark: it drives v like R·I.
    case voltage
    /// A current (A).
    case current
    /// A conductance (S) that pulls v toward its reversal potential (V).
    case conductance(reversal: Double)
    /// A jump of v (V) at the next step, nothing left afterwards (a delta synapse).
    case jump
    /// The rates of rate units times their weights: a drive (Hz) felt for one step.
    case rate
  }

  public var kind: Kind
  public var tau: Double

  public init(kind: Kind, tau: Double) {
    self.kind = kind
    self.tau = tau
  }
}
