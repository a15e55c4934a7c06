import NeuroEngine

/// A `connect` as NEST's `Connect`: the rule, the weights in the post model's unit and port, and the
/// delays on NEST's clock.
extension NestNetwork {
  static func connection(
    _ spec: ConnectionSpec, _ projection: Projection, pre: (isSource: Bool, index: Int),
    post: (isSource: Bool, index: Int), ports: NestSynapses, groups world: World, dt: Double
  ) -> Connection {
    var preRange = projection.preRange, postRange = projection.postRange
    let preCount = world.simulation.group(projection.pre).count
    let postCount = world.simulation.group(projection.post).count
    var rule: String
    var numbers: [Parameter] = []
    switch spec.rule {
    case .probability(let p):
      rule = "pairwise_bernoulli"
      numbers = [Parameter(name: "p", value: p)]
    case .allToAll:
      rule = "all_to_all"
    case .oneToOne:
      // neuro pairs the first of each side as far as the shorter goes; NEST needs equal sizes.
      rule = "one_to_one"
      let n = min(preRange.count, postRange.count)
      preRange = preRange.lowerBound..<(preRange.lowerBound + n)
      postRange = postRange.lowerBound..<(postRange.lowerBound + n)
    case .inDegree(let k):
      rule = "fixed_indegree"
      numbers = [Parameter(name: "indegree", value: Double(k))]
    case .outDegree(let k):
      rule = "fixed_outdegree"
      numbers = [Parameter(name: "outdegree", value: Double(k))]
    }
    let factor = ports.weightFactor.indices.contains(projection.channel) ? ports.weightFactor[projection.channel] : 1
    var weight = value(spec.weight, scale: factor)
    if case .matrix(let values, let columns) = weight {
      // NEST's all-to-all weights are a row per target.
      let rows = columns > 0 ? values.count / columns : 0
      weight = .matrix(
        (0..<columns).flatMap { j in (0..<rows).map { i in values[i * columns + j] } }, columns: rows)
    }
    let delay = nestDelay(value(spec.delay, scale: 1e3), ports: ports, dt: dt)
    return Connection(
      pre: Nodes(isSource: pre.isSource, index: pre.index, range: preRange, whole: preRange == 0..<preCount),
      post: Nodes(isSource: false, index: post.index, range: postRange, whole: postRange == 0..<postCount),
      rule: rule, ruleParameters: numbers, allowAutapses: spec.allowSelf, weight: weight, delay: delay,
      described: spec.written)
  }

  /// A delay (ms) on NEST's clock. Neuro delivers a spike the step after the delay; NEST's exponential
  /// synapses act from the step after arrival too, with a delay of at least one step; its delta synapses
  /// act in the step of arrival.
  static func nestDelay(_ delayed: Value, ports: NestSynapses, dt: Double) -> Value {
    let step = dt * 1e3
    if ports.delayPlusStep {
      if case .constant(let d) = delayed { return .constant(d + step) }
      return .plus(.atLeast(delayed, 0), step)
    }
    if case .constant(let d) = delayed { return .constant(max(d, step)) }
    return .atLeast(delayed, step)
  }

  /// A drive (`drive net with poisson(N, rate: R)`) as a Poisson generator of rate N·R connected to every
  /// driven neuron: NEST sends each target its own train, the sum of N independent trains of rate R.
  mutating func addDrive(_ drive: PoissonDrive, into population: Int, ports: NestSynapses, world: World) {
    let name = "drive \(world.names[drive.target] ?? "?") with poisson(\(drive.sources), rate: \(drive.rate) Hz)"
    sources.append(Source(name: name, model: name, trains: [], poissonRate: Double(drive.sources) * drive.rate))
    let factor = ports.weightFactor.indices.contains(drive.channel) ? ports.weightFactor[drive.channel] : 1
    let count = world.simulation.group(drive.target).count
    connections.append(
      Connection(
        pre: Nodes(isSource: true, index: sources.count - 1, range: 0..<1, whole: true),
        post: Nodes(isSource: false, index: population, range: drive.range, whole: drive.range == 0..<count),
        rule: "all_to_all", ruleParameters: [], allowAutapses: true, weight: .constant(drive.weight * factor),
        delay: Self.nestDelay(.constant(drive.delay * 1e3), ports: ports, dt: world.simulation.dt), described: name))
  }

  /// A draw in NEST's units.
  static func value(_ draw: Draw, scale: Double) -> Value {
    switch draw {
    case .constant(let x): return .constant(x * scale)
    case .uniform(let a, let b): return .uniform(min(a * scale, b * scale), max(a * scale, b * scale))
    case .normal(let mean, let sd): return .normal(mean: mean * scale, sd: abs(sd * scale))
    case .matrix(let values, let columns): return .matrix(values.map { $0 * scale }, columns: columns)
    }
  }
}
