import NeuroEngine
import NeuroUnits

/// Spike-train analysis: intervals, variability, rates over time, synchrony, correlations, connectivity.
extension Builtins {
  static let analysis: [Builtin] = [
    Builtin(
      name: "isi", signature: "neurons or spike times", summary: "the interspike intervals, of every neuron together"
    ) { c in
      try c.expectPositional(1, "isi", "isi(exc)")
      let trains = try spikeTrains(c, 0, "isi").trains
      return try c.interpreter.numberList(SpikeAnalysis.intervals(trains), .time, at: c.span.span)
    },
    Builtin(
      name: "cv", signature: "neurons, or a list of intervals",
      summary:
        "the coefficient of variation (std / mean; 0 regular, about 1 Poisson): of each neuron's interspike "
        + "intervals, averaged over neurons, or of a list of intervals such as cv(isi(times))"
    ) { c in
      try c.expectPositional(1, "cv", "cv(exc)")
      if case .list(let items) = try c.value(0), !items.isTrains { return try intervalsCV(items.values, c) }
      let trains = try spikeTrains(c, 0, "cv").trains
      guard let cv = SpikeAnalysis.meanCoefficientOfVariation(trains) else {
        throw c.failure("no neuron has fired three times, so there is no CV yet", hint: fewSpikesHint(c, trains))
      }
      return .quantity(Quantity(cv))
    },
    Builtin(
      name: "psth", signature: "neurons, bin: 10ms",
      summary: "the population rate over time (per neuron): {time, rate}, for plot or table"
    ) { c in
      let (trains, neurons, start, end, bin) = try binned(c, "psth")
      let rates = SpikeAnalysis.psth(trains, neurons: neurons, bin: bin, from: start, to: end)
      return .record(
        Record(fields: [
          ("time", .list(rates.indices.map { .quantity(Quantity(start + (Double($0) + 0.5) * bin, .time)) })),
          ("rate", .list(rates.map { .quantity(Quantity($0, .frequency)) })),
        ]))
    },
    Builtin(
      name: "fano", signature: "neurons, bin: 10ms",
      summary: "the Fano factor of spike counts in bins (variance over mean), averaged over neurons"
    ) { c in
      let (trains, _, start, end, bin) = try binned(c, "fano")
      guard let f = SpikeAnalysis.fanoFactor(trains, bin: bin, from: start, to: end) else {
        throw c.failure("no spikes to count")
      }
      return .quantity(Quantity(f))
    },
    Builtin(
      name: "synchrony", signature: "neurons, bin: 10ms",
      summary: "Golomb's synchrony measure: 1 when all fire together, near 0 when independent"
    ) { c in
      let (trains, _, start, end, bin) = try binned(c, "synchrony")
      guard let chi = SpikeAnalysis.synchrony(trains, bin: bin, from: start, to: end) else {
        throw c.failure("no spikes to compare")
      }
      return .quantity(Quantity(chi))
    },
    Builtin(
      name: "correlogram", signature: "a, b, bin: 1ms, window: 50ms",
      summary: "how often b fires at each lag after a: {lag, count}"
    ) { c in
      var arguments = c.arguments
      let bin = try option(&arguments, "bin", default: 1e-3, c)
      let window = try option(&arguments, "window", default: 50e-3, c)
      let inner = c.keeping(arguments)
      try inner.expectPositional(
        2, "correlogram",
        c.usage(positional: 2, options: ["bin", "window"], else: "correlogram(a, b, bin: 1ms, window: 50ms)"))
      let a = try spikeTrains(inner, 0, "correlogram").trains.flatMap { $0 }.sorted()
      let b = try spikeTrains(inner, 1, "correlogram").trains.flatMap { $0 }.sorted()
      try checkBinCount(2 * window, bin, c)
      let (lags, counts) = SpikeAnalysis.correlogram(a, b, bin: bin, window: window)
      return .record(
        Record(fields: [
          ("lag", .list(lags.map { .quantity(Quantity($0, .time)) })),
          ("count", .list(counts.map { .quantity(Quantity(Double($0))) })),
        ]))
    },
    Builtin(
      name: "connections", signature: "",
      summary:
        "every pathway made by connect or drive: synapses, mean in- and out-degree, mean weight, memory (a drive's "
        + "sources hold none)"
    ) { c in
      try c.expectPositional(0, "connections", "connections()")
      let interpreter = c.interpreter
      let simulation = interpreter.world.simulation
      func name(_ group: GroupID, _ range: Range<Int>) -> String {
        let base = interpreter.world.names[group] ?? "?"
        let size = simulation.group(group).count
        return range == 0..<size ? base : "\(base)[\(range.lowerBound)..\(range.upperBound - 1)]"
      }
      // pathway, synapses, in-degree, out-degree, mean weight, bytes a synapse
      var rows: [(String, Double, Double, Double, String, Double)] = simulation.allProjections.map { p in
        let unit = Interpreter.weightDimension(of: simulation.channelKind(of: p))
        let synapses = Double(p.synapseCount)
        return (
          "\(name(p.pre, p.preRange)) -> \(name(p.post, p.postRange))", synapses, synapses / Double(p.postRange.count),
          synapses / Double(p.preRange.count), Quantity(p.meanWeight, unit).formatted,
          (p.bytesPerSynapse * 10).rounded() / 10
        )
      }
      rows += simulation.allDrives.map { d in
        let unit = Interpreter.weightDimension(of: simulation.group(d.target).channelKind(d.channel))
        let source = "poisson(\(d.sources), rate: \(Quantity(d.rate, .frequency).formatted))"
        return (
          "\(source) => \(name(d.target, d.range))", Double(d.sources) * Double(d.range.count), Double(d.sources), 1,
          Quantity(d.weight, unit).formatted, 0
        )
      }
      return .table(
        Table(
          columns: [
            ("pathway", rows.map { .string($0.0) }), ("synapses", rows.map { .quantity(Quantity($0.1)) }),
            ("in-degree", rows.map { .quantity(Quantity($0.2)) }),
            ("out-degree", rows.map { .quantity(Quantity($0.3)) }),
            ("mean weight", rows.map { .string($0.4) }), ("bytes/synapse", rows.map { .quantity(Quantity($0.5)) }),
          ], whenEmpty: "no connections yet"))
    },
  ]

  /// Why a CV is missing: it needs three spikes of a neuron (a stronger current or a longer run), and a
  /// LIF neuron whose constant current lies below its rheobase never fires, however long it runs.
  private static func fewSpikesHint(_ c: CallContext, _ trains: [[Double]]) -> String {
    let most = trains.map(\.count).max() ?? 0
    let fired = "fired \(most == 1 ? "once" : "\(most) times")"
    let general =
      "a CV needs at least three spikes of one neuron, and the most any \(fired): use a stronger current or a longer "
      + "run"
    let simulation = c.interpreter.world.simulation
    guard case .neuron(let handle)? = try? c.value(0), let rheobase = simulation.group(handle.group).rheobase,
      !simulation.receivesSynapses(handle.group)
    else { return general }
    let currents = simulation.currents(of: handle.group)
    guard !currents.isEmpty, currents.allSatisfy({ $0.shape == .constant && $0.neurons == nil && $0.end == nil }) else {
      return general
    }
    let total = currents.reduce(0) { $0 + $1.amplitude }
    guard total < rheobase else { return general }
    return
      "\(handle.label)'s current, \(Quantity(total, .current).formatted), is below its rheobase, "
      + "\(Quantity(rheobase, .current).formatted) "
      + "((v_th - v_rest) / R): it never fires, however long it runs; inject more than "
      + "\(Quantity(rheobase, .current).formatted)"
  }

  /// The CV of a list of intervals; a warning when the list rises like spike times.
  private static func intervalsCV(_ items: [Value], _ c: CallContext) throws -> Value {
    let span = c.arguments[0].span
    let intervals = try items.map { item -> Double in
      guard case .quantity(let q) = item, q.dimension == .time else {
        throw c.failure(
          "cv needs intervals (times), and the list holds \(item.describedKind)", at: span,
          hint: "the intervals of spike times are isi(times)")
      }
      return q.value
    }
    guard let cv = SpikeAnalysis.coefficientOfVariation(ofIntervals: intervals) else {
      throw c.failure("cv needs at least two intervals with a positive mean, found \(intervals.count) values", at: span)
    }
    if SpikeAnalysis.looksLikeSpikeTimes(intervals) {
      c.interpreter.warn(
        "these values rise steadily, like spike times, but cv reads a list as intervals", at: span,
        hint: "for the CV of spike times write cv(isi(times))")
    }
    return .quantity(Quantity(cv))
  }

  /// Spike trains from neurons (one per neuron) or from a list of spike times (one train), and
  /// when they began: the neurons' definition (or last reset), or t = 0 for a list.
  static func spikeTrains(_ c: CallContext, _ i: Int, _ name: String) throws -> (
    trains: [[Double]], neurons: Int, since: Double
  ) {
    switch try c.value(i) {
    case .neuron(let handle):
      var trains = [[Double]](repeating: [], count: handle.range.count)
      let (times, neurons) = c.interpreter.world.simulation.spikeEvents(handle.group)
      for (time, neuron) in zip(times, neurons) where handle.range.contains(neuron) {
        trains[neuron - handle.range.lowerBound].append(time)
      }
      let simulation = c.interpreter.world.simulation
      return (trains, handle.range.count, simulation.time - simulation.recordedDuration(handle.group))
    case .list(let items):
      func times(_ list: ValueList) throws -> [Double] {
        try list.map { item -> Double in
          guard case .quantity(let q) = item, q.dimension == .time else {
            throw c.failure(
              "\(name) needs spike times, and the list holds \(item.describedKind)", at: c.arguments[i].span)
          }
          return q.value
        }.sorted()
      }
      // A list of lists (load_spikes): a train per neuron.
      guard items.isTrains else { return ([try times(items)], 1, 0) }
      let trains = try items.map { item in
        guard case .list(let inner) = item else { return [Double]() }
        return try times(inner)
      }
      return (trains, trains.count, 0)
    case let other:
      throw c.failure(
        "\(name) needs neurons or a list of spike times, found \(other.describedKind)", at: c.arguments[i].span)
    }
  }

  /// Neurons and a bin (default 10 ms) over the time they have been simulated.
  private static func binned(_ c: CallContext, _ name: String) throws -> (
    trains: [[Double]], neurons: Int, start: Double, end: Double, bin: Double
  ) {
    var arguments = c.arguments
    let bin = try option(&arguments, "bin", default: 10e-3, c)
    let inner = c.keeping(arguments)
    try inner.expectPositional(1, name, c.usage(positional: 1, options: ["bin"], else: "\(name)(exc, bin: 10ms)"))
    let (trains, neurons, since) = try spikeTrains(inner, 0, name)
    let end = max(c.interpreter.world.simulation.time, trains.flatMap { $0 }.max() ?? 0)
    guard end > since else { throw c.failure("nothing has been simulated yet", hint: "run 100ms first") }
    try checkBinCount(end - since, bin, c)
    return (trains, neurons, since, end, bin)
  }

  /// Refuses bins so small that counting them would not fit in memory.
  private static func checkBinCount(_ span: Double, _ bin: Double, _ c: CallContext) throws {
    let count = span / bin
    guard count <= 10_000_000 else {
      throw c.failure(
        "a bin of \(Quantity(bin, .time).formatted) over \(Quantity(span, .time).formatted) makes "
          + "\(formatNumber(count)) bins; at most 10 million",
        hint: "use a larger bin, such as bin: 1ms")
    }
  }

  /// A named time option taken out of the arguments.
  private static func option(
    _ arguments: inout [CallArgument], _ label: String, default value: Double, _ c: CallContext
  ) throws -> Double {
    guard let i = arguments.firstIndex(where: { $0.label == label }) else { return value }
    let argument = arguments.remove(at: i)
    let value = argument.value
    guard case .quantity(let q) = value, q.dimension == .time, q.value > 0 else {
      let plain = value.writtenWithUnit(.time) == nil ? "" : ", not a plain number"
      throw c.failure(
        "\(label) must be a positive time\(plain)", at: argument.span,
        hint: c.interpreter.optionHint(value, .time, label, or: "\(label): 10ms"))
    }
    return q.value
  }
}

/// The connectivity of a network as numbers: degrees and weight matrices.
extension Builtins {
  static let connectivity: [Builtin] = [
    Builtin(
      name: "in_degree", signature: "neurons",
      summary: "how many synapses reach each neuron, over every connect (hist in_degree(exc))"
    ) { c in
      try degrees(c, "in_degree", incoming: true)
    },
    Builtin(
      name: "out_degree", signature: "neurons", summary: "how many synapses leave each neuron, over every connect"
    ) { c in
      try degrees(c, "out_degree", incoming: false)
    },
    Builtin(
      name: "weights", signature: "pre, post (or a named connection)",
      summary:
        "the summed weights from each pre neuron (rows) to each post neuron (columns), for small networks: heatmap "
        + "weights(a, b); weights(syn) for one connection named with let syn = connect …"
    ) { c in
      if c.arguments.count == 1, case .connection(let connection) = try c.value(0) {
        let projection = try c.interpreter.liveConnection(connection, at: c.arguments[0].span)
        return try weightMatrix(c, connection.weightDimension, pre: projection.preRange, post: projection.postRange) {
          $0.weightMatrix(of: projection)
        }
      }
      try c.expectPositional(2, "weights", "weights(a, b)")
      guard case .neuron(let pre) = try c.value(0), case .neuron(let post) = try c.value(1) else {
        throw c.failure("weights needs two groups of neurons", hint: "weights(exc, inh)")
      }
      let simulation = c.interpreter.world.simulation
      let kind = simulation.allProjections.first { $0.pre == pre.group && $0.post == post.group }
        .flatMap(simulation.channelKind(of:))
      return try weightMatrix(c, Interpreter.weightDimension(of: kind), pre: pre.range, post: post.range) {
        $0.weightMatrix(from: pre.group, pre.range, to: post.group, post.range)
      }
    },
  ]

  /// A weight matrix as a list of rows, refused when too large to show.
  private static func weightMatrix(
    _ c: CallContext, _ unit: Dimension, pre: Range<Int>, post: Range<Int>, _ matrix: (Simulation) -> [[Double]]
  ) throws -> Value {
    guard pre.count * post.count <= 40_000 else {
      throw c.failure(
        "a weight matrix of \(pre.count) × \(post.count) is too large to show",
        hint: "take slices: weights(exc[0..49], inh[0..49])")
    }
    return .list(matrix(c.interpreter.world.simulation).map { row in .list(row.map { .quantity(Quantity($0, unit)) }) })
  }

  private static func degrees(_ c: CallContext, _ name: String, incoming: Bool) throws -> Value {
    try c.expectPositional(1, name, "\(name)(exc)")
    guard case .neuron(let handle) = try c.value(0) else {
      throw c.failure("\(name) needs neurons, found \(try c.value(0).describedKind)", at: c.arguments[0].span)
    }
    let simulation = c.interpreter.world.simulation
    let counts =
      incoming
      ? simulation.inDegrees(of: handle.group, handle.range)
      : simulation.outDegrees(of: handle.group, handle.range)
    return .list(counts.map { .quantity(Quantity(Double($0))) })
  }
}

extension ValueList {
  /// True for a list of lists, such as load_spikes gives: the spike times of each neuron.
  fileprivate var isTrains: Bool {
    !isEmpty && allSatisfy { if case .list = $0 { true } else { false } }
  }
}
