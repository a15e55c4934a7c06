#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroEngine
import NeuroUnits

/// `estimate`: what a network would cost in neuro and in NEST, before it is built.
extension Builtins {
  static let estimateParameters = ["neurons", "synapses", "in_degree", "rate", "duration", "threads", "processes"]

  static let estimate = Builtin(
    name: "estimate",
    signature: "neurons: 31000, synapses: 37e6 (or in_degree: 1200), rate: 5Hz, duration: 1s, threads:, processes: 1",
    summary: "what a network of LIF neurons would cost before it is built: spikes, synaptic events, memory in "
      + "neuro (4 bytes a synapse, 40 a neuron, 24 a recorded spike) and wall time on this machine (a calibration "
      + "of a quarter of a second, once a session, with the session's threads unless threads: says), and the "
      + "same in NEST with processes: MPI processes (NEST 3.10's costs measured on one core of neuro's development "
      + "machine, "
      + "divided among the processes as if they scaled ideally); prints a report and gives a record {neurons, "
      + "synapses, in_degree, spikes, events, memory, spike_memory, time, nest_memory, nest_time, fits, "
      + "nest_machines} (memory in bytes, times in seconds of wall time for the duration)",
    parameterNames: estimateParameters
  ) { c in
    let (model, threads) = try costModel(c)
    let calibration = c.interpreter.calibration(threads: threads ?? c.interpreter.threads)
    let report = CostReport(model: model, calibration: calibration)
    c.interpreter.host.write(report.text)
    return .record(report.record)
  }

  /// The network an `estimate` call describes, its options checked.
  static func costModel(_ c: CallContext) throws -> (CostModel, threads: Int?) {
    let usage = "estimate(neurons: 31000, synapses: 37e6)"
    let named = try namedOnly(
      c, "estimate", spellings: Dictionary(uniqueKeysWithValues: estimateParameters.map { ($0, $0) }), usage: usage)
    guard let neuronsArgument = named["neurons"] else {
      throw c.failure("estimate needs the number of neurons", hint: "write \(usage)")
    }
    let neurons = try hinted("neurons: 31000") { try count(neuronsArgument, "neurons", c, at: 1...1_000_000_000_000) }
    let synapses: Double
    switch (named["synapses"], named["in_degree"]) {
    case (let total?, nil):
      synapses = Double(
        try hinted("synapses: 37e6") { try count(total, "synapses", c, at: 0...1_000_000_000_000_000) })
    case (nil, let degree?):
      synapses =
        Double(try hinted("in_degree: 1000") { try count(degree, "in_degree", c, at: 0...1_000_000) })
        * Double(neurons)
    case (_?, let degree?):
      throw c.failure(
        "give either synapses (all of them) or in_degree (a neuron's), not both", at: degree.labelSpan ?? degree.span,
        hint: usage)
    case (nil, nil):
      throw c.failure(
        "estimate needs the synapses: synapses: (all of them) or in_degree: (each neuron's)", hint: "write \(usage)")
    }
    let cores = Interpreter.cores
    let threads = try named["threads"].map { argument in
      try hinted("this machine has \(cores) core\(cores == 1 ? "" : "s"): threads: \(cores)") {
        try count(argument, "threads", c, at: 1...cores)
      }
    }
    let model = CostModel(
      neurons: Double(neurons), synapses: synapses,
      rate: try positiveOption(named["rate"], "rate", .frequency, default: 5, atMost: 1000, c),
      duration: try positiveOption(named["duration"], "duration", .time, default: 1, atMost: 1e6, c),
      dt: c.interpreter.world.simulation.dt,
      processes: Double(
        try named["processes"].map { argument in
          try hinted("processes: 4") { try count(argument, "processes", c, at: 1...1_000_000) }
        } ?? 1))
    return (model, threads)
  }
  /// What `body` gives, or its diagnostic with `hint` added when it has none.
  private static func hinted<T>(_ hint: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch var diagnostic as Diagnostic {
      diagnostic.hint = diagnostic.hint ?? hint
      throw diagnostic
    }
  }

  /// `wall_clock()`: a clock of wall time, to time what runs between two readings.
  static let wallClock = Builtin(
    name: "wall_clock", signature: "",
    summary: "seconds of wall time on a clock that starts with the first reading: let t0 = wall_clock(), "
      + "run 1s, then wall_clock() - t0 is what the run took on this machine (it differs from run to run)"
  ) { c in
    guard c.arguments.isEmpty else { throw c.failure("wall_clock takes no arguments", hint: "write wall_clock()") }
    return .quantity(Quantity((ContinuousClock.now - clockStart).seconds, .time))
  }

  /// `cores()`: the cores of this machine, the most threads a run may use.
  static let cores = Builtin(
    name: "cores", signature: "", summary: "the cores of this machine: the most threads a run may use (threads cores())"
  ) { c in
    guard c.arguments.isEmpty else { throw c.failure("cores takes no arguments", hint: "write cores()") }
    return .quantity(Quantity(Double(Interpreter.cores)))
  }

  /// The start of `wall_clock` (set when first read).
  static let clockStart = ContinuousClock.now
}

/// An estimate in words and as a record.
struct CostReport {
  var model: CostModel
  var calibration: CostCalibration

  var neuroTime: Double { model.neuroTime(calibration) }
  /// True when neuro's network and its recorded spikes fit in what this machine allows a world.
  var fits: Bool { model.neuroMemory + model.spikeMemory <= MemoryBudget.limit }
  /// NEST processes with this machine's memory each that would hold the network.
  var nestMachines: Double { model.nestProcessesNeeded(perProcess: CostModel.physicalMemory) }

  var record: Record {
    let number = { (x: Double) in Value.quantity(Quantity(x)) }
    return Record(fields: [
      ("neurons", number(model.neurons)), ("synapses", number(model.synapses)),
      ("in_degree", number(model.inDegree)), ("spikes", number(model.spikes)), ("events", number(model.events)),
      ("memory", number(model.neuroMemory)), ("spike_memory", number(model.spikeMemory)),
      ("time", .quantity(Quantity(neuroTime, .time))), ("nest_memory", number(model.nestMemory)),
      ("nest_time", .quantity(Quantity(model.nestTime, .time))), ("fits", .bool(fits)),
      ("nest_machines", number(nestMachines)),
    ])
  }

  var text: String {
    let m = model
    let whole = Self.count
    let ns = { (x: Double) in Self.roughly(x * 1e9) + " ns" }
    let threads = calibration.threads == 1 ? "1 thread" : "\(calibration.threads) threads"
    let processes = m.processes == 1 ? "1 process" : "\(whole(m.processes)) processes"
    let scaling = m.processes > 1 ? "; ideal scaling assumed" : ""
    var lines = [
      "estimate: \(whole(m.neurons)) neurons, \(whole(m.synapses)) synapses (\(Self.roughly(m.inDegree)) each), "
        + "\(Quantity(m.rate, .frequency).formatted) for \(Quantity(m.duration, .time).formatted)",
      "  \(whole(m.spikes)) spikes, \(whole(m.events)) synaptic events",
      "  neuro: \(formatBytes(m.neuroMemory)) (\(whole(CostModel.neuroBytesPerNeuron)) bytes a neuron, "
        + "\(whole(CostModel.neuroBytesPerSynapse)) a synapse) + \(formatBytes(m.spikeMemory)) of recorded spikes",
      "         about \(Self.wallTime(neuroTime)) of wall time on \(threads)",
      "         (measured here: \(ns(calibration.secondsPerNeuronStep)) a neuron-step, "
        + "\(ns(calibration.secondsPerEvent)) a synaptic event)",
      "  NEST:  \(formatBytes(m.nestMemory)) in \(processes) (\(whole(CostModel.nestBytesPerNeuron)) bytes a neuron, "
        + "\(whole(CostModel.nestBytesPerSynapse)) a synapse,",
      "         \(formatBytes(CostModel.nestBytesPerProcess)) a process), "
        + "about \(Self.wallTime(m.nestTime)) of wall time",
      "         (NEST 3.10 on one core of neuro's development machine: "
        + "\(ns(CostModel.nestSecondsPerNeuronStep)) a",
      "         neuron-step, \(ns(CostModel.nestSecondsPerEvent)) a synaptic event\(scaling))",
    ]
    let machine =
      "  this machine: \(formatBytes(CostModel.physicalMemory)) of memory, "
      + "\(formatBytes(MemoryBudget.limit)) for a world"
    if fits {
      lines.append(machine + ": neuro fits")
    } else {
      lines.append(machine + ": too much")
      lines.append(
        "  for neuro; it holds about \(whole(m.neuronsFitting(in: MemoryBudget.limit))) neurons with "
          + "\(Self.roughly(m.inDegree)) synapses each")
      if nestMachines.isFinite {
        lines.append("  NEST needs at least \(whole(nestMachines)) processes on machines like this one")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A wall time in the largest fitting unit: `0.42 s`, `3.5 minutes`, `2.1 hours`, `4.3 days`.
  static func wallTime(_ seconds: Double) -> String {
    let units: [(String, Double)] = [("years", 365.25 * 86400), ("days", 86400), ("hours", 3600), ("minutes", 60)]
    for (name, size) in units where seconds >= 2 * size {
      return roughly(seconds / size) + " " + name
    }
    return roughly(seconds) + " s"
  }

  /// A count in full below a billion, else in powers of ten: `37000000`, `1e11`, `8.6e14`.
  static func count(_ x: Double) -> String {
    guard x >= 1e9, x.isFinite else { return formatNumber(x.rounded()) }
    let exponent = log10(x).rounded(.down)
    return formatNumber(x / pow(10, exponent), significantDigits: 3) + "e" + formatNumber(exponent)
  }

  /// Two significant digits below 10, whole numbers above: `0.42`, `3.1`, `119`.
  static func roughly(_ x: Double) -> String {
    x >= 10 ? formatNumber(x.rounded()) : formatNumber(x, significantDigits: 2)
  }
}
