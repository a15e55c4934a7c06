import NeuroEngine
import NeuroUnits

/// Fitting models to data: a LIF to a voltage trace, the LIF F–I curve to measured rates.
extension Builtins {
  static let fitting: [Builtin] = [
    Builtin(
      name: "fit_lif", signature: "neuron, or trace or {time, v}, current: I",
      summary:
        "fits a LIF (tau, R, v_rest by least squares between spikes; v_th, v_reset, t_ref from the spikes) to a "
        + "voltage under a known current; gives the parameters, the residual, the model and a comparison plot",
      parameterNames: ["current"]
    ) { c in
      try fitLIF(c)
    },
    Builtin(
      name: "fit_fi", signature: "currents, rates, model: lif(…)",
      summary:
        "fits the LIF F–I curve to rates measured at currents: tau, the rheobase and t_ref; R from the rheobase "
        + "and the model's voltages (lif()'s when not given); gives the parameters, the residual, the model and "
        + "a comparison plot",
      parameterNames: ["model"]
    ) { c in
      try fitFI(c)
    },
    Builtin(
      name: "load_spikes", signature: "\"file.csv\"",
      summary:
        "spike trains from a file, a list of times per neuron: long form (neuron,time (ms)) or a column per neuron; "
        + "for isi, cv, psth directly, or as sources: input rec = spike_times(load_spikes(\"file.csv\"))"
    ) { c in
      try c.expectPositional(1, "load_spikes", "load_spikes(\"spikes.csv\")")
      return try c.interpreter.loadSpikes(c.arguments[0].value, at: c.arguments[0].span, c.span.span)
    },
  ]

  private static let fitLIFUsage = "fit_lif(n) or fit_lif(data, current: data.I)"

  private static func fitLIF(_ c: CallContext) throws -> Value {
    var arguments = c.arguments
    let currentArgument = arguments.firstIndex { $0.label == "current" }.map { arguments.remove(at: $0) }
    let inner = c.keeping(arguments)
    try inner.expectPositional(1, "fit_lif", fitLIFUsage)
    let data = try voltageData(inner, currentArgument)
    // Each pass over the data walks every sample, up to a few hundred passes: a minute of data is enough.
    guard data.voltage.count <= 600_000 else {
      throw c.failure(
        "fit_lif takes at most 600 000 samples (a minute at 0.1 ms); this recording has "
          + formatNumber(Double(data.voltage.count)),
        at: c.arguments[0].span, hint: "record less: reset, then run a few seconds")
    }
    let fit: LIFFit
    do {
      fit = try LIFFit.fit(
        voltage: data.voltage, current: data.current, dt: data.dt, shouldStop: c.interpreter.host.shouldStop)
    } catch {
      throw lifProblem(error, data, c)
    }
    let p = fit.parameters
    if fit.resets.isEmpty {
      c.interpreter.warn(
        "the voltage never resets, so v_th, v_reset and t_ref are not fitted: the model keeps lif()'s "
          + "v_th and t_ref, and v_reset = v_rest", at: c.arguments[0].span,
        hint: "inject a current strong enough to make the neuron fire")
    }
    let model = NeuronModel(
      kind: .lif,
      values: [
        "tau": p.tau, "v_rest": p.restingPotential, "v_th": p.threshold, "v_reset": p.resetPotential,
        "R": p.resistance, "t_ref": p.refractoryPeriod, "timing": 1,  // resets on the samples, as fitted
      ], method: .exact)
    let prediction = fit.prediction(current: data.current, dt: data.dt, samples: data.voltage.count)
    let trace = { (values: [Double], resets: [Int], label: String) in
      TraceValue(
        label: label, trace: Trace(start: data.start, dt: data.dt, values: values), dimension: .voltage,
        spikeTimes: resets.map { data.start + Double($0) * data.dt })
    }
    let comparison = try c.interpreter.lineFigure(
      [
        CallArgument(value: .trace(trace(data.voltage, fit.resets, "data")), expr: c.span),
        CallArgument(value: .trace(trace(prediction.voltage, prediction.resets, "model")), expr: c.span),
      ], from: nil, to: nil)
    return .record(
      Record(fields: [
        ("tau", .quantity(Quantity(p.tau, .time))), ("R", .quantity(Quantity(p.resistance, .resistance))),
        ("v_rest", .quantity(Quantity(p.restingPotential, .voltage))),
        ("v_th", .quantity(Quantity(p.threshold, .voltage))),
        ("v_reset", .quantity(Quantity(p.resetPotential, .voltage))),
        ("t_ref", .quantity(Quantity(p.refractoryPeriod, .time))),
        ("residual", .quantity(Quantity(fit.residual, .voltage))), ("model", .model(model)),
        ("comparison", .figure(comparison)),
      ]))
  }

  /// A voltage sampled every `dt` from `start`, and the current at each sample (A).
  private struct VoltageData {
    var voltage: [Double], current: [Double], start: Double, dt: Double
  }

  /// The voltage and current of `fit_lif`'s arguments: a neuron with the currents injected into it, a trace,
  /// or a record of time and voltage lists (from `load`), with `current:` a current or a list of one per sample.
  private static func voltageData(_ c: CallContext, _ currentArgument: CallArgument?) throws -> VoltageData {
    let argument = c.arguments[0]
    var data: VoltageData
    var recordCurrent: [Double]? = nil
    switch argument.value {
    case .neuron(let handle) where !handle.isPopulation:
      try c.interpreter.checkLive(handle, at: argument.span)
      return try neuronData(handle, c, currentArgument)
    case .trace(let t) where t.dimension == .voltage:
      data = VoltageData(voltage: t.trace.values, current: [], start: t.trace.start, dt: t.trace.dt)
    case .record(let record):
      (data, recordCurrent) = try recordData(record, argument.span, c)
    default:
      throw c.failure(
        "fit_lif needs a neuron, a voltage trace or a record {time, v}, found \(argument.value.describedKind)",
        at: argument.span, hint: "write \(fitLIFUsage)")
    }
    guard let currentArgument else {
      guard let recordCurrent else {
        throw c.failure(
          "fit_lif needs the current that flowed while the voltage was recorded", at: argument.span,
          hint: "give it as current: a list with one current per sample, e.g. fit_lif(data, current: data.I)")
      }
      data.current = recordCurrent
      return data
    }
    data.current = try currents(currentArgument, samples: data.voltage.count, c)
    return data
  }

  /// A neuron's recorded voltage and the currents injected into it.
  private static func neuronData(_ handle: NeuronHandle, _ c: CallContext, _ currentArgument: CallArgument?) throws
    -> VoltageData
  {
    let span = c.arguments[0].span
    if let currentArgument {
      throw c.failure(
        "fit_lif takes the current injected into \(handle.name) itself", at: currentArgument.labelSpan ?? span,
        hint: "write fit_lif(\(handle.name)), or fit_lif(\(handle.name).v, current: …) for another current")
    }
    let simulation = c.interpreter.world.simulation
    guard let trace = simulation.trace(handle.group, variable: "v"), trace.values.count > 1 else {
      throw c.failure(
        "\(handle.name) has no recorded voltage yet", at: span, hint: "run the simulation first: run 200ms")
    }
    guard !simulation.receivesSynapses(handle.group) else {
      throw c.failure(
        "\(handle.name) receives synapses, whose current fit_lif cannot know", at: span,
        hint: "fit a neuron driven by inject only")
    }
    let first = Int(clampingToSteps: trace.start / trace.dt)
    guard
      let current = simulation.currents(of: handle.group).values(
        neuron: 0, steps: first..<(first + trace.values.count), dt: trace.dt)
    else {
      throw c.failure(
        "the noise injected into \(handle.name) is drawn afresh each run, so fit_lif cannot know it", at: span,
        hint: "inject steps, ramps or sines to fit")
    }
    return VoltageData(voltage: trace.values, current: current, start: trace.start, dt: trace.dt)
  }

  /// The time and voltage lists of a record (a loaded file), evenly spaced, and its list of currents if it has one.
  private static func recordData(_ record: Record, _ span: Span, _ c: CallContext) throws -> (VoltageData, [Double]?) {
    func column(_ dimension: Dimension) -> [Double]? {
      for field in record.fields {
        guard case .list(let items) = field.value, !items.isEmpty else { continue }
        let values = items.values.compactMap { item -> Double? in
          guard case .quantity(let q) = item, q.dimension == dimension else { return nil }
          return q.value
        }
        if values.count == items.count { return values }
      }
      return nil
    }
    guard let time = column(.time), let voltage = column(.voltage) else {
      throw c.failure(
        "fit_lif needs a record with a list of times and a list of voltages, as load gives for a file with "
          + "the header time (ms),v (mV)", at: span)
    }
    guard time.count == voltage.count, time.count > 1 else {
      throw c.failure("the record has \(time.count) times but \(voltage.count) voltages", at: span)
    }
    let dt = time[1] - time[0]
    for i in 1..<time.count where !(Swift.abs(time[i] - time[i - 1] - dt) <= 1e-3 * Swift.abs(dt)) || dt <= 0 {
      throw c.failure(
        "the samples are not evenly spaced: the time goes from \(Quantity(time[i - 1], .time).formatted) to "
          + "\(Quantity(time[i], .time).formatted) at sample \(i), after steps of \(Quantity(dt, .time).formatted)",
        at: span, hint: "fit_lif needs a voltage sampled at a fixed time step")
    }
    return (VoltageData(voltage: voltage, current: [], start: time[0], dt: dt), column(.current))
  }

  /// `current:` as one value per sample: a constant current, or a list of one per sample (or one per step).
  private static func currents(_ argument: CallArgument, samples: Int, _ c: CallContext) throws -> [Double] {
    let hint = "current: 1nA, or a list with one current per sample"
    switch argument.value {
    case .quantity(let q) where q.dimension == .current:
      return Array(repeating: q.value, count: samples)
    case .list(let items):
      let values = try items.values.map { item -> Double in
        guard case .quantity(let q) = item, q.dimension == .current else {
          throw c.failure("current: needs currents (nA), and the list holds \(item.describedKind)", at: argument.span)
        }
        return q.value
      }
      guard values.count == samples || values.count == samples - 1 else {
        throw c.failure(
          "the list of currents has \(values.count) values but the voltage has \(samples) samples", at: argument.span,
          hint: "give one current per sample")
      }
      return values
    default:
      throw c.failure(
        "current: needs a current (nA), found \(argument.value.describedKind)", at: argument.span,
        hint: argument.value.writtenWithUnit(.current).map { "add a unit: current: \($0)" } ?? hint)
    }
  }

  /// A problem of the fit as a diagnostic that says what data would fix it.
  private static func lifProblem(_ problem: LIFFit.Problem, _ data: VoltageData, _ c: CallContext) -> Diagnostic {
    let span = c.arguments[0].span
    switch problem {
    case .tooShort(let usable):
      return c.failure(
        "fit_lif needs at least 6 steps of the voltage between spikes, found \(usable)", at: span,
        hint: "record for longer")
    case .notFinite(let sample):
      let at = Quantity(data.start + Double(sample) * data.dt, .time).formatted
      let which = data.voltage.indices.contains(sample) && !data.voltage[sample].isFinite ? "voltage" : "current"
      return c.failure("the \(which) at \(at) (sample \(sample)) is not a finite number", at: span)
    case .constantCurrent(let steady):
      // Where the voltage settles, when it lies near the voltages recorded (data that does not relax is no guide).
      let (low, high) = (data.voltage.min() ?? 0, data.voltage.max() ?? 0)
      let settles =
        steady >= low - 0.02 && steady <= high + 0.02
        ? ": the data fix only where the voltage settles, v_rest + R I = \(Quantity(steady, .voltage).formatted)" : ""
      return c.failure(
        "the current never changes, so R and v_rest cannot be told apart\(settles)", at: span,
        hint: "record under a current that changes, such as a step: inject n 1nA from 50ms to 150ms")
    case .noLeak:
      return c.failure(
        "the voltage does not relax towards a steady value as a leaky membrane does, so it has no time constant",
        at: span, hint: "fit_lif fits the membrane potential of a leaky neuron")
    case .interrupted:
      return c.failure("fit_lif interrupted", at: span, hint: "a shorter recording fits sooner")
    case .illConditioned:
      return c.failure(
        "the data cannot tell tau, R and v_rest apart", at: span,
        hint: "record under a current that changes while the neuron is below threshold, such as a step or a ramp")
    }
  }

  private static let fitFIUsage = "fit_fi(currents, rates, model: lif(v_reset: -60mV))"

  private static func fitFI(_ c: CallContext) throws -> Value {
    var arguments = c.arguments
    let modelArgument = arguments.firstIndex { $0.label == "model" }.map { arguments.remove(at: $0) }
    let inner = c.keeping(arguments)
    try inner.expectPositional(2, "fit_fi", fitFIUsage)
    var voltages = NeuronModel(kind: .lif, values: [:], method: .exact)
    if let modelArgument {
      guard case .model(let model) = modelArgument.value, model.kind.name == "lif" else {
        // A fit handed over whole: its model is the field to give.
        var hint = "model: lif(v_reset: -60mV)"
        if case .record(let record) = modelArgument.value, case .model? = record["model"] {
          hint = "give the fit's model: model: \(c.interpreter.source.text(modelArgument.expr.span)).model"
        }
        throw c.failure(
          "model: needs a lif model, whose voltages say where the reset lies, found "
            + modelArgument.value.describedKind, at: modelArgument.span, hint: hint)
      }
      voltages = model
    }
    func voltage(_ name: String) -> Double {
      voltages.values[name] ?? voltages.kind.parameter(name)?.defaultValue ?? 0
    }
    let (rest, threshold, reset) = (voltage("v_rest"), voltage("v_th"), voltage("v_reset"))
    guard threshold > rest, reset < threshold else {
      throw c.failure(
        "the model's v_th must lie above its v_rest and its v_reset", at: modelArgument?.span ?? c.span.span)
    }
    let currents = try quantities(inner, 0, .current, "currents")
    let rates = try quantities(inner, 1, .frequency, "rates")
    guard currents.count == rates.count else {
      throw c.failure(
        "there are \(currents.count) currents but \(rates.count) rates", at: inner.arguments[1].span,
        hint: "give one rate per current")
    }
    if rates.contains(where: { $0 < 0 }) {
      throw c.failure("a rate cannot be negative", at: inner.arguments[1].span)
    }
    let ratio = (reset - rest) / (threshold - rest)
    let fit: FICurveFit
    do {
      fit = try FICurveFit.fit(currents: currents, rates: rates, resetRatio: ratio)
    } catch .tooFewFiring(let count) {
      throw c.failure(
        "fit_fi needs at least 4 currents at which the neuron fires, found \(count)", at: inner.arguments[1].span,
        hint: "measure rates at more currents above the rheobase")
    } catch {
      throw c.failure(
        "the rates cannot tell tau, the rheobase and t_ref apart", at: inner.arguments[1].span,
        hint: "measure rates from just above the rheobase to high rates")
    }
    let resistance = (threshold - rest) / fit.rheobase
    var values = voltages.values
    (values["tau"], values["R"], values["t_ref"]) = (fit.tau, resistance, fit.refractoryPeriod)
    let model = NeuronModel(kind: .lif, values: values, method: voltages.method)
    let order = currents.indices.sorted { currents[$0] < currents[$1] }
    let comparison = Record(fields: [
      ("current", .list(ValueList(numbers: order.map { currents[$0] }, dimension: .current))),
      ("data", .list(ValueList(numbers: order.map { rates[$0] }, dimension: .frequency))),
      (
        "model",
        .list(
          ValueList(
            numbers: order.map { fit.rate(at: currents[$0], resetRatio: ratio) }, dimension: .frequency))
      ),
    ])
    let figure = try c.interpreter.lineFigure(
      [CallArgument(value: .record(comparison), expr: c.span)], from: nil, to: nil)
    return .record(
      Record(fields: [
        ("tau", .quantity(Quantity(fit.tau, .time))), ("rheobase", .quantity(Quantity(fit.rheobase, .current))),
        ("t_ref", .quantity(Quantity(fit.refractoryPeriod, .time))),
        ("R", .quantity(Quantity(resistance, .resistance))),
        ("residual", .quantity(Quantity(fit.residual, .frequency))), ("model", .model(model)),
        ("comparison", .figure(figure)),
      ]))
  }

  /// Argument `i` as a list of quantities of one dimension, in SI units.
  private static func quantities(_ c: CallContext, _ i: Int, _ dimension: Dimension, _ what: String) throws
    -> [Double]
  {
    let argument = c.arguments[i]
    guard case .list(let items) = argument.value else {
      throw c.failure(
        "fit_fi needs \(what) as a list, found \(argument.value.describedKind)", at: argument.span,
        hint: "write \(fitFIUsage)")
    }
    return try items.values.map { item in
      guard case .quantity(let q) = item, q.dimension == dimension else {
        throw c.failure(
          "\(what) must be in \(dimension.naturalSymbol), and the list holds \(item.describedKind)", at: argument.span,
          hint: item.writtenWithUnit(dimension).map { "add a unit to each: \($0)" })
      }
      return q.value
    }
  }
}
