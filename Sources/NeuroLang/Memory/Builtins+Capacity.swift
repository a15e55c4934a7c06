import NeuroEngine
import NeuroUnits

/// `hopfield_capacity`: how well Hopfield networks of random patterns recall as their load grows.
extension Builtins {
  /// The loads measured unless `loads:` says: 0.015 to 0.3 in 20 steps.
  static let defaultLoads = (1...20).map { Double($0) * 0.015 }

  static let hopfieldCapacity = Builtin(
    name: "hopfield_capacity", signature: "n: 500, loads: [0.016, …, 0.3], seeds: 10, flip: 0.1, seed:",
    summary: "{alpha, overlap, sd}: the mean overlap (and its sd) of recall from cues with a fraction flipped, "
      + "against the load alpha = P/N; seeds networks of n units of random patterns per load, 5 patterns recalled "
      + "in each: plot hopfield_capacity() shows the collapse near 0.14; seed: k draws the same networks each call",
    parameterNames: ["n", "loads", "seeds", "flip", "seed"]
  ) { c in
    let usage = "hopfield_capacity(n: 500, seeds: 10, flip: 0.1)"
    let named = try namedOnly(
      c, "hopfield_capacity",
      spellings: Dictionary(uniqueKeysWithValues: ["n", "loads", "seeds", "flip", "seed"].map { ($0, $0) }),
      usage: usage)
    let units = try named["n"].map { try count($0, "n", c, at: 2...4000) } ?? 500
    let loads = try named["loads"].map { try capacityLoads($0, c) } ?? defaultLoads
    var experiment = HopfieldCapacity(
      units: units, loads: loads, seeds: try named["seeds"].map { try count($0, "seeds", c, at: 1...1000) } ?? 10,
      flip: try named["flip"].map { try unitFraction($0, "flip", c, example: "flip: 0.1") } ?? 0.1)
    // Its own seed, or the next number of the world's stream (so that `seed 42` repeats it too).
    experiment.firstSeed = try named["seed"].map { try seedOption($0, c) } ?? c.interpreter.world.random.next()
    let most = loads.map(experiment.patterns(at:)).max() ?? 1
    let bytes = Double(units) * (Double(units) * Double(MemoryLayout<Int32>.stride) + Double(most))
    guard c.interpreter.world.fits(bytes) else {
      throw c.failure(
        "networks of \(units) units would need \(formatBytes(bytes))", hint: "fewer units; \(MemoryBudget.described)")
    }
    let host = c.interpreter.host
    let started = host.wallClock?()
    guard let points = experiment.run(shouldStop: host.shouldStop) else {
      throw c.failure("hopfield_capacity was interrupted", hint: "fewer seeds or loads, or a smaller n")
    }
    if let started, let now = host.wallClock?() {
      host.write(
        "hopfield_capacity: \(loads.count) loads × \(experiment.seeds) seeds, n = \(units) · "
          + "\(c.interpreter.seconds(now - started)) of wall time\n")
    }
    let column = { (numbers: [Double]) in Value.list(ValueList(numbers: numbers, dimension: .none)) }
    return .record(
      Record(fields: [
        ("alpha", column(points.map(\.load))), ("overlap", column(points.map(\.overlap))),
        ("sd", column(points.map(\.sd))),
      ]))
  }

  /// `loads: [0.05, 0.1]`: loads α = P/N above 0 and at most 1, at most 100 of them.
  private static func capacityLoads(_ argument: CallArgument, _ c: CallContext) throws -> [Double] {
    let hint = "loads: linspace(0.01, 0.3, 20)"
    guard case .list(let items) = argument.value, (1...100).contains(items.count),
      let numbers = items.numbers, numbers.dimension.isDimensionless
    else {
      throw c.failure("loads is a list of 1 to 100 plain numbers", at: argument.span, hint: hint)
    }
    guard numbers.values.allSatisfy({ $0 > 0 && $0 <= 1 }) else {
      throw c.failure("a load P/N is above 0 and at most 1", at: argument.span, hint: hint)
    }
    return numbers.values
  }
}
