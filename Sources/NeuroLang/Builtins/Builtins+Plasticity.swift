import NeuroEngine
import NeuroUnits

/// Plasticity rules as values (`stdp(…)`, `stp(…)`) and the protocols that show what they do to one
/// synapse (`pairing`, `stdp_window`).
extension Builtins {
  static let plasticity: [Builtin] = [stdp, stp, pairing, stdpWindow]

  /// The spellings `stdp` takes, each with the name it stands for (the article's names, and the usual others).
  private static let stdpSpellings: [String: String] = [
    "a_ltp": "a_ltp", "a_plus": "a_ltp", "a_ltd": "a_ltd", "a_minus": "a_ltd",
    "tau_ltp": "tau_ltp", "tau_plus": "tau_ltp", "tau_ltd": "tau_ltd", "tau_minus": "tau_ltd",
    "w_max": "w_max", "pairing": "pairing", "update": "update",
  ]

  static let stdp = Builtin(
    name: "stdp",
    signature: "a_ltp: 0.01, a_ltd: 0.0105, tau_ltp: 20ms, tau_ltd: 20ms, w_max: weight, pairing: all_to_all|nearest, "
      + "update: additive|multiplicative",
    summary:
      "spike-timing-dependent plasticity for connect … plasticity: …: a pair Δt = t_post − t_pre apart changes a "
      + "weight by a_ltp·exp(−Δt/tau_ltp) (Δt ≥ 0) or −a_ltd·exp(Δt/tau_ltd) (Δt < 0); a_ltp and a_ltd in the "
      + "weight's unit, or plain numbers as fractions of w_max; weights stay in [0, w_max]",
    parameterNames: ["a_ltp", "a_ltd", "tau_ltp", "tau_ltd", "w_max", "pairing", "update"],
    wordParameters: [
      "pairing": STDPRule.Pairing.allCases.map(\.rawValue), "update": STDPRule.Update.allCases.map(\.rawValue),
    ]
  ) { c in
    let named = try namedOnly(c, "stdp", spellings: stdpSpellings, usage: "stdp(w_max: 1mV)")
    guard let wMaxArgument = named["w_max"] else {
      throw c.failure(
        "stdp needs w_max, the largest weight a synapse may reach", hint: "stdp(w_max: 1mV), in the weight's unit")
    }
    let weightDimensions: [Dimension] = [.voltage, .current, .conductance]
    if case .quantity(let wMax) = wMaxArgument.value, weightDimensions.contains(wMax.dimension),
      !(wMax.value > 0 && wMax.value.isFinite)
    {
      throw c.failure(
        "w_max must be above 0, found \(wMax.formatted)", at: wMaxArgument.span,
        hint: "w_max: 1\(wMax.dimension.naturalSymbol)")
    }
    guard case .quantity(let wMax) = wMaxArgument.value, wMax.value > 0, weightDimensions.contains(wMax.dimension)
    else {
      throw c.failure(
        "w_max must be a positive weight: a voltage (mV), a current (pA) or a conductance (nS), found "
          + wMaxArgument.value.describedKind,
        at: wMaxArgument.span, hint: wMaxArgument.value.writtenWithUnit(.voltage).map { "w_max: \($0)" })
    }
    func amount(_ name: String, _ fallback: Double) throws -> Quantity {
      guard let argument = named[name] else { return Quantity(fallback) }
      guard case .quantity(let a) = argument.value, a.dimension.isDimensionless || a.dimension == wMax.dimension,
        a.value.isFinite
      else {
        throw c.failure(
          "\(name) must be a plain number (a fraction of w_max) or \(wMax.dimension.word) like w_max, found "
            + argument.value.describedKind,
          at: argument.span, hint: "\(name): \(formatNumber(fallback))")
      }
      guard a.value >= 0 else {
        let written = Quantity(-a.value, a.dimension).formatted.filter { $0 != " " }
        throw c.failure(
          "\(name) is the size of a change and cannot be negative",
          at: argument.span,
          hint: name == "a_ltd"
            ? "depression is Δw = −a_ltd·exp(Δt/tau_ltd): write a_ltd: \(written)" : "\(name): \(written)")
      }
      return a
    }
    func tau(_ name: String) throws -> Double {
      guard let argument = named[name] else { return 0.020 }
      let t = try c.interpreter.time(argument.value, at: argument.span, name)
      guard t > 0, t.isFinite else { throw c.failure("\(name) must be a positive time", at: argument.span) }
      return t
    }
    let parameters = STDPParameters(
      potentiation: try amount("a_ltp", 0.01), depression: try amount("a_ltd", 0.0105),
      tauPotentiation: try tau("tau_ltp"), tauDepression: try tau("tau_ltd"), maxWeight: wMax,
      pairing: try choice(named["pairing"], STDPRule.Pairing.allToAll, c),
      update: try choice(named["update"], STDPRule.Update.additive, c))
    let rule = parameters.rule
    for (name, size) in [("a_ltp", rule.potentiation), ("a_ltd", rule.depression)] where size > wMax.value / 2 {
      if let argument = named[name] {
        c.interpreter.warn(
          "\(name) is \(formatNumber(size / wMax.value, significantDigits: 3)) × w_max: one pairing moves a weight "
            + "across half its range or more",
          at: argument.span, hint: "STDP amounts are usually 0.5 % to 5 % of w_max: \(name): 0.01")
      }
    }
    return .plasticity(.stdp(parameters))
  }

  /// Typical values of the two kinds of cortical synapse: depressing between pyramidal cells, facilitating
  /// onto some interneurons (Markram, Wang & Tsodyks 1998).
  private static let stpPresets: [String: ShortTermRule] = [
    "depressing": ShortTermRule(release: 0.5, tauRecovery: 0.8, tauFacilitation: 0),
    "facilitating": ShortTermRule(release: 0.1, tauRecovery: 0.1, tauFacilitation: 1),
  ]

  static let stp = Builtin(
    name: "stp", signature: "U: 0.5, tau_rec: 800ms, tau_facil: 0ms, preset: depressing|facilitating",
    summary:
      "Tsodyks–Markram short-term plasticity for connect … plasticity: …: each spike releases the fraction u of "
      + "the resources x left (u first jumps by U·(1 − u)); x recovers with tau_rec, u decays with tau_facil; a "
      + "spike delivers its weight times u·x",
    parameterNames: ["U", "tau_rec", "tau_facil", "preset"], wordParameters: ["preset": stpPresets.keys.sorted()]
  ) { c in
    let spellings = ["U": "U", "tau_rec": "tau_rec", "tau_facil": "tau_facil", "preset": "preset"]
    let named = try namedOnly(c, "stp", spellings: spellings, usage: "stp(U: 0.5, tau_rec: 800ms)")
    var rule = stpPresets["depressing"] ?? ShortTermRule(release: 0.5, tauRecovery: 0.8, tauFacilitation: 0)
    if let argument = named["preset"] {
      guard case .string(let name) = argument.value, let preset = stpPresets[name] else {
        var guess: String? = nil
        if case .string(let name) = argument.value { guess = closestName(to: name, among: stpPresets.keys.sorted()) }
        throw c.failure(
          "stp has the presets depressing and facilitating", at: argument.span,
          hint: guess.map { "did you mean '\($0)'?" } ?? "stp(preset: depressing)")
      }
      rule = preset
    }
    if let argument = named["U"] {
      guard case .quantity(let u) = argument.value, u.dimension.isDimensionless, u.value > 0, u.value <= 1 else {
        throw c.failure(
          "U is the fraction of resources a spike releases at rest: a number above 0 and at most 1",
          at: argument.span, hint: "U: 0.5")
      }
      rule.release = u.value
    }
    if let argument = named["tau_rec"] {
      rule.tauRecovery = try c.interpreter.time(argument.value, at: argument.span, "tau_rec")
      guard rule.tauRecovery > 0, rule.tauRecovery.isFinite else {
        throw c.failure("tau_rec must be a positive time", at: argument.span, hint: "tau_rec: 800ms")
      }
    }
    if let argument = named["tau_facil"] {
      rule.tauFacilitation = try c.interpreter.time(argument.value, at: argument.span, "tau_facil")
      guard rule.tauFacilitation >= 0, rule.tauFacilitation.isFinite else {
        throw c.failure(
          "tau_facil must be a time that is not negative (0ms: no facilitation)", at: argument.span,
          hint: "tau_facil: 1s")
      }
    }
    return .plasticity(.shortTerm(rule))
  }

  static let pairing = Builtin(
    name: "pairing", signature: "stdp rule, delta_t, pairs: 1, rate: 1Hz, w: w_max/2",
    summary:
      "the weight change after pairing a presynaptic spike with a postsynaptic one delta_t later (earlier when "
      + "negative), repeated pairs times at rate, from weight w: pairing(rule, 10ms, pairs: 60, rate: 20Hz)",
    parameterNames: ["pairs", "rate", "w"]
  ) { c in
    let (rule, parameters, options) = try ruleAndOptions(
      c, "pairing", allowed: ["pairs", "rate", "w"], positional: 2, usage: "pairing(rule, 10ms)")
    let lag = try c.interpreter.time(c.arguments[1].value, at: c.arguments[1].span, "pairing")
    let pairs = try options["pairs"].map { try count($0, "pairs", c, at: 1...100_000) } ?? 1
    let period =
      try options["rate"].map { argument -> Double in
        guard case .quantity(let q) = argument.value, q.dimension == .frequency, q.value > 0, q.value.isFinite else {
          throw c.failure(
            "rate must be a positive frequency", at: argument.span,
            hint: argument.value.writtenWithUnit(.frequency).map { "rate: \($0)" } ?? "rate: 1Hz")
        }
        return 1 / q.value
      } ?? 1
    guard Double(pairs) * period + Swift.abs(lag) <= 1e5 else {
      throw c.failure(
        "this protocol would last \(Quantity(Double(pairs) * period, .time).formatted): pairing works up to a day",
        hint: "fewer pairs or a higher rate")
    }
    guard pairs == 1 || Swift.abs(lag) < period else {
      throw c.failure(
        "the spikes of one pairing are \(Quantity(Swift.abs(lag), .time).formatted) apart, no less than the "
          + "\(Quantity(period, .time).formatted) between pairings",
        at: options["rate"]?.span ?? c.arguments[1].span, hint: "a lower rate, or a shorter delta_t")
    }
    let start = try startWeight(options["w"], rule, parameters, c)
    let change = rule.pairingChange(lag: lag, pairs: pairs, period: period, weight: start)
    return .quantity(Quantity(change, parameters.maxWeight.dimension))
  }

  static let stdpWindow = Builtin(
    name: "stdp_window", signature: "stdp rule, from: -100ms, to: 100ms, w: w_max/2",
    summary:
      "the learning window: the weight change dw of one pairing against delta_t = t_post − t_pre, as a record "
      + "{delta_t, dw} (plot stdp_window(rule))",
    parameterNames: ["from", "to", "w"]
  ) { c in
    let (rule, parameters, options) = try ruleAndOptions(
      c, "stdp_window", allowed: ["from", "to", "w"], positional: 1, usage: "stdp_window(rule)")
    let from = try options["from"].map { try c.interpreter.time($0.value, at: $0.span, "from") } ?? -0.1
    let to = try options["to"].map { try c.interpreter.time($0.value, at: $0.span, "to") } ?? 0.1
    guard from < to, to - from <= 100, Swift.abs(from) <= 100, Swift.abs(to) <= 100 else {
      throw c.failure("the window needs from before to, both within ±100 s", hint: "from: -100ms, to: 100ms")
    }
    let start = try startWeight(options["w"], rule, parameters, c)
    // Both sides of Δt = 0 are sampled: the window jumps there.
    let lags = (0..<401).map { from + Double($0) * (to - from) / 400 }
    let changes = lags.map { rule.pairingChange(lag: $0, pairs: 1, period: 1, weight: start) }
    return .record(
      Record(fields: [
        ("delta_t", .list(ValueList(numbers: lags, dimension: .time))),
        ("dw", .list(ValueList(numbers: changes, dimension: parameters.maxWeight.dimension))),
      ]))
  }

  /// The named arguments of a call that takes only those, by the name each spelling stands for.
  static func namedOnly(
    _ c: CallContext, _ name: String, spellings: [String: String], usage: String
  ) throws -> [String: CallArgument] {
    var named: [String: CallArgument] = [:]
    for argument in c.arguments {
      guard let label = argument.label, let labelSpan = argument.labelSpan else {
        throw c.failure("\(name) takes only named values", at: argument.span, hint: "write \(usage)")
      }
      guard let meaning = spellings[label] else {
        let names = Array(Set(spellings.values)).sorted()
        throw c.failure(
          "\(name) has no parameter '\(label)'", at: labelSpan,
          hint: closestName(to: label, among: Array(spellings.keys)).map { "did you mean '\($0)'?" }
            ?? "its parameters are \(names.joined(separator: ", "))")
      }
      guard named[meaning] == nil else {
        throw c.failure("\(meaning) is given twice", at: labelSpan)
      }
      named[meaning] = argument
    }
    return named
  }

  /// The STDP rule a protocol call starts with, its positional values checked and its options by name.
  private static func ruleAndOptions(
    _ c: CallContext, _ name: String, allowed: [String], positional: Int, usage: String
  ) throws -> (STDPRule, STDPParameters, [String: CallArgument]) {
    let positions = c.arguments.filter { $0.label == nil }
    guard positions.count == positional, c.arguments.prefix(positional).allSatisfy({ $0.label == nil }) else {
      throw c.failure(
        "\(name) takes \(positional == 1 ? "a rule" : "a rule and delta_t") first", hint: "write \(usage)")
    }
    guard case .plasticity(.stdp(let parameters)) = c.arguments[0].value else {
      var found = c.arguments[0].value.describedKind
      if case .plasticity(.shortTerm) = c.arguments[0].value { found = "an stp rule (short-term plasticity)" }
      throw c.failure(
        "\(name) needs an stdp rule, found \(found)", at: c.arguments[0].span,
        hint: "let rule = stdp(w_max: 1mV), then \(usage)")
    }
    let options = try namedOnly(
      c.keeping(Array(c.arguments.dropFirst(positional))), name,
      spellings: Dictionary(uniqueKeysWithValues: allowed.map { ($0, $0) }), usage: usage)
    return (parameters.rule, parameters, options)
  }

  /// The weight a protocol starts from: `w:` (within [0, w_max]) or half of w_max.
  private static func startWeight(
    _ argument: CallArgument?, _ rule: STDPRule, _ parameters: STDPParameters, _ c: CallContext
  ) throws -> Double {
    guard let argument else { return rule.maxWeight / 2 }
    guard case .quantity(let w) = argument.value, w.dimension == parameters.maxWeight.dimension, w.value >= 0,
      w.value <= rule.maxWeight
    else {
      throw c.failure(
        "w must be a weight from 0 to w_max = \(parameters.maxWeight.formatted)", at: argument.span,
        hint: "w: \(Quantity(rule.maxWeight / 2, parameters.maxWeight.dimension).formatted.filter { $0 != " " })")
    }
    return w.value
  }
}
