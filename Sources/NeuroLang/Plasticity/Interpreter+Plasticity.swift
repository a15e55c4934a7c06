#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroEngine
import NeuroUnits

/// Plastic connections: checking a rule against the connection that takes it, and reading, recording
/// and showing a named connection's weights.
extension Interpreter {
  /// The rules of `plasticity:` (one rule, or a list of at most one of each kind), checked against
  /// the connection's channel and weights.
  func connectionPlasticity(
    _ value: Value, at span: Span, channel: SynapticChannel, weight: Draw, delayDrawn: Bool
  ) throws -> Plasticity {
    let rules: [Value]
    if case .list(let items) = value { rules = items.values } else { rules = [value] }
    var plasticity = Plasticity()
    let example = "plasticity: stdp(w_max: 1mV), plasticity: stp(preset: depressing), or a list of both"
    for item in rules {
      guard case .plasticity(let rule) = item else {
        throw failure("plasticity takes a rule, found \(item.describedKind)", at: span, hint: example)
      }
      switch rule {
      case .stdp(let parameters):
        guard plasticity.stdp == nil else { throw failure("a connection takes one stdp rule", at: span) }
        plasticity.stdp = try checkedSTDP(parameters, at: span, channel: channel, weight: weight)
      case .shortTerm(let stp):
        guard plasticity.shortTerm == nil else { throw failure("a connection takes one stp rule", at: span) }
        plasticity.shortTerm = stp
      }
    }
    guard plasticity.stdp != nil || plasticity.shortTerm != nil else {
      throw failure("plasticity needs a rule", at: span, hint: example)
    }
    if delayDrawn {
      throw failure(
        "plastic synapses take one delay for all, not one drawn for each", at: span, hint: "delay: 1ms")
    }
    return plasticity
  }

  /// An STDP rule for a connection: w_max in the unit of its weights, and weights starting within [0, w_max].
  private func checkedSTDP(_ parameters: STDPParameters, at span: Span, channel: SynapticChannel, weight: Draw)
    throws -> STDPRule
  {
    let dimension = Self.weightDimension(of: channel.kind)
    guard parameters.maxWeight.dimension == dimension else {
      throw failure(
        "w_max is \(parameters.maxWeight.describedKind), but this connection's weights are \(dimension.word) "
          + "(\(dimension.naturalSymbol))",
        at: span, hint: "give w_max in \(dimension.naturalSymbol), as the weight is")
    }
    for amount in [parameters.potentiation, parameters.depression] where !amount.dimension.isDimensionless {
      guard amount.dimension == dimension else {
        throw failure(
          "the stdp amounts are \(amount.describedKind), but this connection's weights are \(dimension.word)",
          at: span, hint: "a plain number is a fraction of w_max: a_ltp: 0.01")
      }
    }
    let rule = parameters.rule
    var (lowest, highest) = (0.0, 0.0)
    switch weight {
    case .constant(let w): (lowest, highest) = (w, w)
    case .uniform(let a, let b): (lowest, highest) = (min(a, b), max(a, b))
    case .matrix(let values, _): (lowest, highest) = (values.min() ?? 0, values.max() ?? 0)
    case .normal(let mean, let sd):
      // Drawn from a normal distribution, weights beyond the bounds are cut to them (the engine clips):
      // the mean must lie within, and a warning says how many would be cut when that is more than 5 %.
      (lowest, highest) = (mean, mean)
      let sigma = Swift.abs(sd) * 2.squareRoot()
      let cut = sigma > 0 ? (erfc(mean / sigma) + erfc((rule.maxWeight - mean) / sigma)) / 2 : 0
      if cut > 0.05, mean >= 0, mean <= rule.maxWeight {
        warn(
          "about \(formatNumber((cut * 100).rounded())) % of these weights fall outside [0, w_max] and start at a "
            + "bound",
          at: span, hint: "a smaller sd, or weight: uniform(0\(dimension.naturalSymbol), …)")
      }
    }
    guard lowest >= 0, highest <= rule.maxWeight * (1 + 1e-12) else {
      let bound = Quantity(rule.maxWeight, dimension).formatted
      throw failure(
        "stdp keeps weights from 0 to w_max = \(bound), but these start \(lowest < 0 ? "below 0" : "above w_max")",
        at: span,
        hint: lowest < 0
          ? "an inhibitory plastic connection uses a conductance: weight: 5nS, E_rev: -80mV"
          : "weight: uniform(0\(dimension.naturalSymbol), \(bound.filter { $0 != " " }))")
    }
    return rule
  }

  /// A named connection that still exists.
  func liveConnection(_ handle: ConnectionHandle, at span: Span) throws -> Projection {
    guard let projection = world.simulation.projection(handle.id) else {
      throw failure(
        "connection \(handle.name) no longer exists: its neurons were redefined", at: span,
        hint: "connect them again: let \(handle.name) = connect …")
    }
    return projection
  }

  /// `syn.w` (every weight now), `syn.pre` and `syn.post` (the neurons at each end of every synapse),
  /// `syn.w_recorded` (the weights `record syn.w[…]` kept).
  func connectionMember(_ handle: ConnectionHandle, _ name: String, _ nameSpan: Span) throws -> Value {
    let projection = try liveConnection(handle, at: nameSpan)
    if ["w", "pre", "post"].contains(name), !world.fits(Double(projection.synapseCount) * 16) {
      throw failure(
        "a list of all \(formatNumber(Double(projection.synapseCount))) synapses of \(handle.name) would not fit in "
          + "memory",
        at: nameSpan, hint: MemoryBudget.described)
    }
    switch name {
    case "w":
      return .list(ValueList(numbers: projection.synapseWeights, dimension: handle.weightDimension))
    case "pre", "post":
      // Indices in their groups, as pop[i] takes them.
      let ends = projection.synapseEnds
      return .list(ValueList(numbers: (name == "pre" ? ends.pre : ends.post).map(Double.init), dimension: .none))
    case "w_recorded":
      let synapses = world.simulation.recordedSynapses(of: handle.id)
      let traces = synapses.compactMap { s -> Value? in
        world.simulation.weightTrace(of: handle.id, synapse: s).map {
          .trace(
            TraceValue(label: "\(handle.name).w[\(s)]", trace: $0, dimension: handle.weightDimension, spikeTimes: []))
        }
      }
      guard !traces.isEmpty else {
        throw failure(
          "no weights of \(handle.name) are recorded", at: nameSpan,
          hint: "record them before running: record \(handle.name).w[0..9]")
      }
      return traces.count == 1 ? traces[0] : .list(ValueList(traces))
    default:
      let members = ["w", "pre", "post", "w_recorded"]
      throw failure(
        "a connection has no '\(name)'", at: nameSpan,
        hint: closestName(to: name, among: members).map { "did you mean '\($0)'?" }
          ?? "a connection has \(members.joined(separator: ", "))")
    }
  }

  /// `record syn.w[0..9]`: from now on, keep the weights of those synapses, one sample a step.
  func recordWeights(_ handle: ConnectionHandle, indices: Range<Int>?, variableSpan: Span, at span: Span) throws {
    let projection = try liveConnection(handle, at: span)
    guard projection.synapseCount > 0 else {
      throw failure("\(handle.name) has no synapses: there are no weights to record", at: span)
    }
    let chosen = indices ?? 0..<projection.synapseCount
    guard chosen.upperBound <= projection.synapseCount, !chosen.isEmpty else {
      throw failure(
        projection.synapseCount == 1
          ? "\(handle.name) has 1 synapse, numbered 0"
          : "\(handle.name) has \(projection.synapseCount) synapses, numbered 0 to \(projection.synapseCount - 1)",
        at: span, hint: "record \(handle.name).w[0..\(min(9, projection.synapseCount - 1))]")
    }
    guard chosen.count <= 1000 else {
      throw failure(
        "recording \(chosen.count) weights every step would take too much memory", at: span,
        hint: "record a slice: \(handle.name).w[0..9]; hist \(handle.name).w shows them all now")
    }
    guard world.simulation.recordWeights(of: handle.id, synapses: Array(chosen)) else {
      throw failure("\(handle.name) has no such synapses", at: variableSpan)
    }
  }
}
