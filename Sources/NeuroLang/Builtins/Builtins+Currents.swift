import NeuroEngine
import NeuroUnits

/// Currents that change in time, for `inject`.
extension Builtins {
  static let currents: [Builtin] = [
    Builtin(
      name: "ramp", signature: "from, to",
      summary:
        "a current rising (or falling) linearly over the injection window: inject n ramp(0nA, 2nA) from 0ms to 100ms"
    ) { c in
      let (a, b) = try twoCurrents(c, "ramp", "ramp(0nA, 2nA)")
      return .waveform(
        Waveform(amplitude: a.value, shape: .ramp(to: b.value), described: "ramp(\(a.formatted), \(b.formatted))"))
    },
    Builtin(name: "sine", signature: "amplitude, frequency", summary: "a sinusoidal current: inject n sine(1nA, 10Hz)")
    { c in
      try c.expectPositional(2, "sine", "sine(1nA, 10Hz)")
      let a = try c.quantity(0, for: "sine"), f = try c.quantity(1, for: "sine")
      guard a.dimension == .current else {
        throw c.failure(
          "sine's amplitude must be a current (nA), found \(a.describedKind)", at: c.arguments[0].span,
          hint: c.unitHint(at: 0, a, .current))
      }
      guard f.dimension == .frequency else {
        throw c.failure(
          "sine's frequency must be a frequency (Hz), found \(f.describedKind)", at: c.arguments[1].span,
          hint: c.unitHint(at: 1, f, .frequency))
      }
      return .waveform(
        Waveform(
          amplitude: a.value, shape: .sine(frequency: f.value), described: "sine(\(a.formatted), \(f.formatted))"))
    },
    Builtin(
      name: "noise_current", signature: "mean, sd",
      summary: "a noisy current, a new normal value each step for each neuron: inject exc noise_current(1nA, 0.5nA)"
    ) { c in
      let (mean, sd) = try twoCurrents(c, "noise_current", "noise_current(1nA, 0.5nA)")
      return .waveform(
        Waveform(
          amplitude: mean.value, shape: .noise(sd: sd.value, seed: c.interpreter.world.random.next()),
          described: "noise_current(\(mean.formatted), \(sd.formatted))"))
    },
  ]

  private static func twoCurrents(_ c: CallContext, _ name: String, _ usage: String) throws -> (Quantity, Quantity) {
    try c.expectPositional(2, name, usage)
    let a = try c.quantity(0, for: name), b = try c.quantity(1, for: name)
    for (q, i) in [(a, 0), (b, 1)] where q.dimension != .current {
      throw c.failure(
        "\(name) needs currents (nA), found \(q.describedKind)", at: c.arguments[i].span,
        hint: c.unitHint(at: i, q, .current))
    }
    return (a, b)
  }
}
