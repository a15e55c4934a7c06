import NeuroUnits

/// Random numbers from the session's seeded generator (`seed 42`).
extension Builtins {
  static let randomness: [Builtin] = [
    Builtin(name: "random", signature: "", summary: "a random number from 0 up to 1 (set the seed with: seed 42)") {
      c in
      try c.expectPositional(0, "random", "random()")
      return .quantity(Quantity(c.interpreter.world.random.uniform()))
    },
    Builtin(
      name: "uniform", signature: "low, high[, count]",
      summary: "a random value (or count of them) between low and high, in their unit"
    ) { c in
      try draw(c, "uniform", "uniform(-60mV, -50mV)") { random, a, b in a + (b - a) * random.uniform() }
    },
    Builtin(
      name: "normal", signature: "mean, sd[, count]", summary: "a normally distributed random value (or count of them)"
    ) { c in
      try draw(c, "normal", "normal(-65mV, 2mV)") { random, mean, sd in mean + sd * random.normal() }
    },
  ]

  private static func draw(
    _ c: CallContext, _ name: String, _ usage: String,
    _ sample: @escaping (inout NeuroEngine.RandomSource, Double, Double) -> Double
  ) throws -> Value {
    guard (2...3).contains(c.arguments.count), c.arguments.allSatisfy({ $0.label == nil }) else {
      throw c.failure("\(name) takes two values and an optional count", hint: "\(usage), or \(usage.dropLast()), 10)")
    }
    let (a, b) = (try c.quantity(0, for: name), try c.quantity(1, for: name))
    guard a.dimension == b.dimension else {
      throw c.failure("\(name) needs two values of one kind, found \(a.describedKind) and \(b.describedKind)")
    }
    if c.arguments.count == 2 {
      return .quantity(Quantity(sample(&c.interpreter.world.random, a.value, b.value), a.dimension))
    }
    let n = try wholeNumber(c, 2, name)
    guard n >= 0, n <= 10_000_000 else {
      throw c.failure("\(name) draws at most 10 million values", at: c.arguments[2].span)
    }
    let draws = (0..<n).map { _ in sample(&c.interpreter.world.random, a.value, b.value) }
    return .list(ValueList(numbers: draws, dimension: a.dimension))
  }
}

import NeuroEngine
