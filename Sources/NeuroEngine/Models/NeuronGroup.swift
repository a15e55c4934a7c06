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
  /// Returns every neuron to its initial state.
  mutating func resetState()
  /// Adds `amount` to a state variable of every neuron (a synaptic event); false when there is no such variable.
  mutating func add(_ amount: Double, to variable: String) -> Bool
  /// Adds a synaptic channel that projections can deliver into; its index, or nil when the model has none.
  mutating func addChannel(_ channel: SynapticChannel) -> Int?
  /// Lets a projection add weights into a channel's values, one per neuron.
  mutating func accumulate(channel: Int, _ body: (UnsafeMutableBufferPointer<Double>) -> Void)
  /// Sets a state variable of the neurons in `range` (also the value they return to on reset); false when it cannot.
  mutating func setValues(_ values: [Double], of variable: String, at range: Range<Int>) -> Bool
}

extension NeuronGroup {
  public mutating func addChannel(_ channel: SynapticChannel) -> Int? { nil }
  public mutating func accumulate(channel: Int, _ body: (UnsafeMutableBufferPointer<Double>) -> Void) {}
  public mutating func setValues(_ values: [Double], of variable: String, at range: Range<Int>) -> Bool { false }
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
