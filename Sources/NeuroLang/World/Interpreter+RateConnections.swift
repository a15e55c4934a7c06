import NeuroEngine
import NeuroUnits

/// Connections between rate units (plain-number weights on rates) and weights given pair by pair.
extension Interpreter {
  /// Whether a group's neurons are rate units: a firing rate r they pass on, no spikes.
  private func isRateGroup(_ handle: NeuronHandle) -> Bool {
    world.models[handle.group]?.kind.inputDimension == .frequency
  }

  /// The channel of a connection between rate units, after checking that both ends are rate units and that
  /// the options make sense for rates; nil when neither end is a rate unit.
  func rateChannel(_ options: [String: (Value, Span)], pre: NeuronHandle, post: NeuronHandle, at span: Span) throws
    -> SynapticChannel?
  {
    // A model of your own with a rate r (in Hz) passes it on as rate units do.
    let ownRate = world.models[pre.group]?.kind.variable("r")?.dimension == .frequency
    let (preRate, postRate) = (isRateGroup(pre) || ownRate, isRateGroup(post))
    guard preRate || postRate else { return nil }
    let (weightValue, weightSpan) = options["weight"] ?? (.nothing, span)
    guard preRate else {
      throw failure(
        "\(post.label) holds rate units, driven by the rates of other rate units; \(pre.label) sends spikes",
        at: weightSpan, hint: "make the source a rate population too: population \(pre.name)[N] = rate_unit()")
    }
    guard postRate else {
      throw failure(
        "\(pre.label) passes on a rate (r), not spikes, so it cannot drive \(post.label)'s neurons", at: weightSpan,
        hint: "connect it onto rate units: population \(post.name)[N] = rate_unit()")
    }
    guard case .quantity(let weight) = weightValue else {
      throw failure(
        "connect needs a weight: a plain number, the drive (Hz) each Hz of \(pre.label)'s rate gives",
        at: weightSpan, hint: "weight: 0.5 (or weights: a matrix)")
    }
    guard weight.dimension.isDimensionless else {
      throw failure(
        "a weight between rate units is a plain number (Hz of drive per Hz of rate), not \(weight.describedKind)",
        at: weightSpan, hint: "a plain number, such as weight: 0.5")
    }
    for option in ["tau_syn", "E_rev", "delay", "plasticity"] {
      guard let (_, optionSpan) = options[option] else { continue }
      throw failure(
        "a connection between rate units has no \(option): rates pass on at once, as a drive", at: optionSpan,
        hint: "leave out \(option); tau of the rate units sets how fast they follow")
    }
    return SynapticChannel(kind: .rate, tau: 1)
  }

  /// `weights: W`: a list of one list per presynaptic neuron, each with a weight per target; its values in
  /// SI row after row, and their dimension.
  func weightMatrix(
    _ value: Value, pre: NeuronHandle, post: NeuronHandle, options: [String: (Value, Span)], at span: Span
  ) throws -> ([Double], Dimension) {
    for option in ["weight", "p", "rule", "in_degree", "out_degree"] where options[option] != nil {
      throw failure(
        "weights: gives every pair its weight, so \(option): has nothing left to choose", at: span,
        hint: "leave out \(option):, or give weight: and a rule instead of weights:")
    }
    let shape = "\(pre.range.count) rows (one per neuron of \(pre.label)) of \(post.range.count) weights"
    guard case .list(let rows) = value, rows.count == pre.range.count else {
      throw failure(
        "weights: needs a list of \(shape)", at: span,
        hint: "ring_weights(\(pre.range.count), j0: -1, j2: 3) makes one for a ring")
    }
    var matrix: [Double] = []
    var dimension: Dimension? = nil
    matrix.reserveCapacity(pre.range.count * post.range.count)
    for (i, row) in rows.values.enumerated() {
      guard case .list(let items) = row, let (numbers, rowDimension) = items.numbers,
        numbers.count == post.range.count
      else {
        throw failure("weights: row \(i) is not a list of \(post.range.count) numbers; it needs \(shape)", at: span)
      }
      if let dimension, rowDimension != dimension, !numbers.isEmpty {
        throw failure(
          "weights: row \(i) is in \(rowDimension.word), the rows before it in \(dimension.word)", at: span)
      }
      if let bad = numbers.first(where: { !$0.isFinite }) {
        throw failure("weights: row \(i) holds \(formatNumber(bad)), not a finite number", at: span)
      }
      dimension = dimension ?? rowDimension
      matrix += numbers
    }
    return (matrix, dimension ?? .none)
  }
}
