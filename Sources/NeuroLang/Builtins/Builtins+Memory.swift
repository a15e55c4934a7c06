import NeuroEngine
import NeuroUnits

/// Associative memory: patterns of ±1 (letters, random ones, corrupted copies), Hopfield networks that store
/// them and recall them from a cue, and the capacity experiment.
extension Builtins {
  static let memory: [Builtin] = [
    letter, randomPattern, hopfield, corrupt, recall, overlap, energy, hopfieldCapacity,
  ]

  /// The most units a Hopfield network may have here (its weights grow as N²).
  static let maximumUnits = 20_000

  static let letter = Builtin(
    name: "letter", signature: "\"A\"",
    summary: "a capital letter as a 10 × 10 pattern, 100 numbers row after row, 1 for ink and -1 for paper: "
      + "image(letter(\"A\"))"
  ) { c in
    try c.expectPositional(1, "letter", "letter(\"A\")")
    guard case .string(let text) = try c.value(0) else {
      throw c.failure(
        "letter needs a letter in quotes, found \(try c.value(0).describedKind)", at: c.arguments[0].span,
        hint: "letter(\"A\")")
    }
    guard let pattern = Letters.pattern(text.uppercased()) else {
      throw c.failure(
        "there is no letter \"\(text)\"", at: c.arguments[0].span,
        hint: "the letters are \(Letters.names.joined(separator: " "))")
    }
    return patternValue(pattern)
  }

  static let randomPattern = Builtin(
    name: "random_pattern", signature: "n",
    summary: "n units, each 1 or -1 with equal chance (seed 42 first makes them repeat)"
  ) { c in
    try c.expectPositional(1, "random_pattern", "random_pattern(100)")
    let n = try count(c.arguments[0], "the number of units", c, at: 1...10_000_000)
    return patternValue(Patterns.random(units: n, &c.interpreter.world.random))
  }

  static let hopfield = Builtin(
    name: "hopfield", signature: "[pattern, …]",
    summary: "a Hopfield network storing patterns of one length by the Hebbian rule, W = (1/N) Σ ξ ξᵀ with no "
      + "self-connections: hopfield([letter(\"A\"), letter(\"T\")])"
  ) { c in
    let usage = "hopfield([letter(\"A\"), letter(\"T\")])"
    try c.expectPositional(1, "hopfield", usage)
    let argument = c.arguments[0]
    guard case .list(let items) = argument.value else {
      throw c.failure(
        "hopfield needs a list of patterns to store, found \(argument.value.describedKind)", at: argument.span,
        hint: usage)
    }
    guard !items.isEmpty else {
      throw c.failure("hopfield needs at least one pattern to store", at: argument.span, hint: usage)
    }
    if case .quantity = items[0] {
      throw c.failure("hopfield takes a list of patterns, not one pattern", at: argument.span, hint: "hopfield([p])")
    }
    let patterns = try items.enumerated().map { i, item in try c.pattern(item, "pattern \(i)", at: argument.span) }
    let units = patterns[0].count
    if let i = patterns.firstIndex(where: { $0.count != units }) {
      throw c.failure(
        "the patterns differ in length: pattern 0 has \(units) units, pattern \(i) \(patterns[i].count)",
        at: argument.span)
    }
    let bytes = Double(units) * Double(units) * Double(MemoryLayout<Int32>.stride)
    guard units <= maximumUnits, c.interpreter.world.fits(bytes) else {
      throw c.failure(
        "a Hopfield network of \(units) units would need \(formatBytes(bytes)) of weights", at: argument.span,
        hint: "at most \(maximumUnits) units; \(MemoryBudget.described)")
    }
    return .hopfield(HopfieldNetwork(storing: patterns))
  }

  static let corrupt = Builtin(
    name: "corrupt", signature: "pattern, fraction",
    summary: "a copy of the pattern with that fraction of its units (exactly, chosen at random) turned over: "
      + "corrupt(letter(\"A\"), 0.2)"
  ) { c in
    try c.expectPositional(2, "corrupt", "corrupt(p, 0.1)")
    let pattern = try c.pattern(c.arguments[0], "the pattern")
    let fraction = try unitFraction(c.arguments[1], "the fraction turned over", c, example: "corrupt(p, 0.1)")
    let flips = Int(saturating: fraction * Double(pattern.count))
    return patternValue(Patterns.corrupted(pattern, flips: flips, &c.interpreter.world.random))
  }

  static let recall = Builtin(
    name: "recall", signature: "network, cue, update: async|sync, sweeps: 20",
    summary: "runs the network from the cue until it settles: {state, states (the cue, then each sweep that "
      + "changed it), energy, pattern (the stored one it ends closest to), overlap, overlaps, sweeps, converged, "
      + "cycle}",
    parameterNames: ["update", "sweeps"], wordParameters: ["update": HopfieldUpdate.allCases.map(\.rawValue)]
  ) { c in
    let (positional, named) = try memoryArguments(
      c, "recall", 2, ["update", "sweeps"], usage: "recall(net, corrupt(p, 0.1))")
    let network = try hopfieldNetwork(positional[0], "recall", c)
    let cue = try c.pattern(positional[1], "the cue", for: network)
    let update = try choice(named["update"], HopfieldUpdate.asynchronous, c)
    let sweeps = try named["sweeps"].map { try count($0, "sweeps", c, at: 1...10_000) } ?? 20
    let result = network.recall(cue, update: update, maxSweeps: sweeps, random: &c.interpreter.world.random)
    guard c.interpreter.world.fits(World.bytes(ofNumbers: result.states.count * network.units)) else {
      throw c.failure("the \(result.states.count) states of the recall would not fit in memory", hint: "fewer sweeps")
    }
    let overlaps = network.patterns.map { HopfieldNetwork.overlap(result.final, $0) }
    let closest = overlaps.indices.max { Swift.abs(overlaps[$0]) < Swift.abs(overlaps[$1]) } ?? 0
    let plain = { (numbers: [Double]) in Value.list(ValueList(numbers: numbers, dimension: .none)) }
    return .record(
      Record(fields: [
        ("state", patternValue(result.final)),
        ("states", .list(ValueList(result.states.map(patternValue)))),
        ("energy", plain(result.energies)),
        ("pattern", .quantity(Quantity(Double(closest)))),
        ("overlap", .quantity(Quantity(overlaps[closest]))),
        ("overlaps", plain(result.states.map { HopfieldNetwork.overlap($0, network.patterns[closest]) })),
        ("sweeps", .quantity(Quantity(Double(result.sweeps)))),
        ("converged", .bool(result.converged)),
        ("cycle", .bool(result.cycle)),
      ]))
  }

  static let overlap = Builtin(
    name: "overlap", signature: "pattern, pattern",
    summary: "m = (1/N) Σ a_i b_i: 1 for equal patterns, -1 for opposite ones, near 0 for unrelated ones"
  ) { c in
    try c.expectPositional(2, "overlap", "overlap(a, b)")
    let a = try c.pattern(c.arguments[0], "the first pattern")
    let b = try c.pattern(c.arguments[1], "the second pattern")
    guard a.count == b.count else {
      throw c.failure("the patterns have \(a.count) and \(b.count) units", at: c.arguments[1].span)
    }
    return .quantity(Quantity(HopfieldNetwork.overlap(a, b)))
  }

  static let energy = Builtin(
    name: "energy", signature: "network, state",
    summary: "the energy E = -½ Σ W_ij s_i s_j of a state: asynchronous updates never raise it"
  ) { c in
    try c.expectPositional(2, "energy", "energy(net, state)")
    let network = try hopfieldNetwork(c.arguments[0], "energy", c)
    return .quantity(Quantity(network.energy(try c.pattern(c.arguments[1], "the state", for: network))))
  }

  /// A Hopfield network, or an error naming `name`.
  private static func hopfieldNetwork(_ argument: CallArgument, _ name: String, _ c: CallContext) throws
    -> HopfieldNetwork
  {
    guard case .hopfield(let network) = argument.value else {
      throw c.failure(
        "\(name) needs a Hopfield network first, found \(argument.value.describedKind)", at: argument.span,
        hint: "let net = hopfield([letter(\"A\"), letter(\"T\")])")
    }
    return network
  }

  /// The first `count` arguments, unnamed, and the named ones after them, each one of `options`.
  private static func memoryArguments(
    _ c: CallContext, _ name: String, _ count: Int, _ options: [String], usage: String
  ) throws -> ([CallArgument], [String: CallArgument]) {
    let leading = c.arguments.prefix { $0.label == nil }
    guard leading.count == count else {
      throw c.failure(
        "\(name) takes \(count == 1 ? "one value" : "\(count) values") and then named ones, found \(leading.count)",
        hint: "write \(c.usage(positional: count, options: options, else: usage))")
    }
    let named = try namedOnly(
      c.keeping(Array(c.arguments.dropFirst(count))), name,
      spellings: Dictionary(uniqueKeysWithValues: options.map { ($0, $0) }), usage: usage)
    return (Array(leading), named)
  }

  /// A plain number from 0 to 1.
  static func unitFraction(_ argument: CallArgument, _ what: String, _ c: CallContext, example: String) throws
    -> Double
  {
    guard case .quantity(let q) = argument.value, q.dimension.isDimensionless, q.value >= 0, q.value <= 1 else {
      throw c.failure("\(what) is a number from 0 to 1", at: argument.span, hint: example)
    }
    return q.value
  }
}
