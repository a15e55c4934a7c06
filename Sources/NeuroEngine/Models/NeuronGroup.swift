/// Adds spikes into the channel values of a range of neurons (every channel's values given).
public typealias ChannelDelivery = (Range<Int>, UnsafeBufferPointer<UnsafeMutableBufferPointer<Double>>) -> Void

/// A group of neurons of one model, its state held as one contiguous array per
/// variable. The simulation calls `step` once per time step for the whole group.
public protocol NeuronGroup: Sendable {
  /// How many neurons the group holds.
  var count: Int { get }
  /// The names of the state variables that can be recorded (`v`, ...).
  var variableNames: [String] { get }
  /// The current values of a state variable, one per neuron (SI units).
  func values(of variable: String) -> [Double]?
  /// Precomputes whatever depends on the time step (propagators, step counts).
  mutating func prepare(dt: Double)
  /// Advances every neuron by one step under the given input current (A, one per
  /// neuron), appending the indices of the neurons that fired.
  mutating func step(input: UnsafeBufferPointer<Double>, spikes: inout [Int])
  /// Advances as `step` does, sharing the work among the pool's threads where the model can: the same
  /// values, and the spikes in the same order, for any number of threads. `receiving` first adds the
  /// spikes due onto a range of neurons into the channels (each thread its range).
  mutating func step(
    input: UnsafeBufferPointer<Double>, spikes: inout [Int], pool: WorkerPool, receiving: ChannelDelivery?)
  /// Returns every neuron to its initial state.
  mutating func resetState()
  /// Adds `amount` to a state variable of every neuron (a synaptic event); false when there is no such variable.
  mutating func add(_ amount: Double, to variable: String) -> Bool
  /// Adds a synaptic channel that projections can deliver into; its index, or nil when the model has none.
  mutating func addChannel(_ channel: SynapticChannel) -> Int?
  /// Lets a projection add weights into a channel's values, one per neuron.
  mutating func accumulate(channel: Int, _ body: (UnsafeMutableBufferPointer<Double>) -> Void)
  /// Runs `body` with every channel's values at once (delivery shared among threads); false when the
  /// model cannot, and then `body` does not run.
  mutating func withChannelValues(_ body: (UnsafeBufferPointer<UnsafeMutableBufferPointer<Double>>) -> Void) -> Bool
  /// Sets a state variable of the neurons in `range` (also the value they return to on reset); false when it cannot.
  mutating func setValues(_ values: [Double], of variable: String, at range: Range<Int>) -> Bool
  /// The kind of a channel that `addChannel` made, or nil when there is no such channel.
  func channelKind(_ channel: Int) -> SynapticChannel.Kind?
  /// Gives the neurons in `range` their own value of a parameter; false when the model keeps it one for all.
  mutating func setParameterValues(_ values: [Double], of name: String, at range: Range<Int>) -> Bool
  /// Takes the parameters of `other`, a group of the same model built with new values, keeping
  /// this group's state; false when `other` is of another model.
  mutating func takeParameters(of other: any NeuronGroup) -> Bool
  /// The constant current below which no neuron of the group ever fires (A), for models with a simple one.
  var rheobase: Double? { get }
  /// The largest size each state variable reached within a spike step since the last clear, 0 for
  /// the variables a spike sets; empty for models that do not keep it.
  var largestWithinSpikeSteps: [Double] { get }
  /// Starts `largestWithinSpikeSteps` afresh.
  mutating func clearLargestWithinSpikeSteps()
  /// For models that find a threshold crossing inside the step: per neuron, how long (s) before the end of the
  /// last step its latest spike happened; nil for models whose spikes are at the end of their step.
  var spikeLeads: [Double]? { get }
}

extension NeuronGroup {
  public mutating func addChannel(_ channel: SynapticChannel) -> Int? { nil }
  public mutating func accumulate(channel: Int, _ body: (UnsafeMutableBufferPointer<Double>) -> Void) {}
  public mutating func withChannelValues(_ body: (UnsafeBufferPointer<UnsafeMutableBufferPointer<Double>>) -> Void)
    -> Bool
  { false }
  public mutating func step(
    input: UnsafeBufferPointer<Double>, spikes: inout [Int], pool: WorkerPool, receiving: ChannelDelivery?
  ) {
    let n = count
    if let receiving { _ = withChannelValues { receiving(0..<n, $0) } }
    step(input: input, spikes: &spikes)
  }
  public mutating func setValues(_ values: [Double], of variable: String, at range: Range<Int>) -> Bool { false }
  public func channelKind(_ channel: Int) -> SynapticChannel.Kind? { nil }
  public mutating func setParameterValues(_ values: [Double], of name: String, at range: Range<Int>) -> Bool { false }
  public mutating func takeParameters(of other: any NeuronGroup) -> Bool { false }
  public var rheobase: Double? { nil }
  public var largestWithinSpikeSteps: [Double] { [] }
  public mutating func clearLargestWithinSpikeSteps() {}
  public var spikeLeads: [Double]? { nil }
}

/// A group whose parameters are one value, which a group of the same model built anew can hand over.
public protocol ParameterizedGroup: NeuronGroup {
  /// The model's parameters.
  associatedtype Parameters
  /// The parameters every neuron of the group shares.
  var parameters: Parameters { get set }
}

extension ParameterizedGroup {
  /// Takes the parameters of a group of the same type; false for another.
  public mutating func takeParameters(of other: any NeuronGroup) -> Bool {
    guard let other = other as? Self else { return false }
    parameters = other.parameters
    return true
  }
}

extension NeuronGroup {
  /// The first state variable and neuron whose value is not a finite number, if any.
  public func firstNonFinite() -> (variable: String, neuron: Int)? {
    for name in variableNames {
      guard let values = values(of: name) else { continue }
      if let i = values.firstIndex(where: { !$0.isFinite }) { return (name, i) }
    }
    return nil
  }
}
