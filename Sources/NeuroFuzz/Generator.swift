import NeuroEngine

/// The engine's seeded generator with the picks the fuzzer makes, so that a seed names a whole round.
struct FuzzRandom {
  private var source: RandomSource
  init(state: UInt64) { source = RandomSource(seed: state) }
  mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(truncatingIfNeeded: source.next() % UInt64(n)) }
  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
  mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// Grammar-aware generation: statements of every kind with ordinary and extreme numbers.
enum Generator {
  static let extremes = [
    "1e308", "-1e308", "1e-320", "-0", "0", "1e18", "3e9", "-1", "1e15", "0.0000001", "(0/0)",
    "(1e308*10)", "(-1e308*10)", "65536", "2147483648", "9223372036854775807", "1e30", "(0-0)",
  ]
  static let units = ["", "ms", "s", "mV", "nA", "pA", "MΩ", "nF", "uS", "nS", "Hz", "us"]
  static let models = ["lif", "adex", "izhikevich", "hh", "conductance", "poisson"]

  static func number(_ r: inout FuzzRandom) -> String {
    let base = r.chance(40) ? r.pick(extremes) : String(r.below(200))
    return base + (r.chance(60) ? r.pick(units) : "")
  }

  static func expression(_ r: inout FuzzRandom, depth: Int = 0) -> String {
    if depth > 3 || r.chance(40) {
      return r.chance(70) ? number(&r) : r.pick(["n", "xs", "a", "dt", "n.v", "[1, 2, 3]", "\"s\"", "true"])
    }
    switch r.below(6) {
    case 0:
      return
        "\(expression(&r, depth: depth + 1)) \(r.pick(["+", "-", "*", "/", "^", "<", "==", "and", "in mV", "to"])) "
        + "\(expression(&r, depth: depth + 1))"
    case 1: return "-\(expression(&r, depth: depth + 1))"
    case 2: return "(\(expression(&r, depth: depth + 1)))"
    case 3:
      let functions = [
        "mean", "sum", "range", "len", "rate", "isi", "cv", "psth", "spikes", "sqrt", "exp", "fi_curve", "simulate",
        "table", "max", "sort",
      ]
      let function = r.pick(functions), argument = expression(&r, depth: depth + 1)
      return "\(function)(\(argument)\(r.chance(50) ? ", bin: \(number(&r))" : ""))"
    case 4: return "[\(expression(&r, depth: depth + 1)), \(expression(&r, depth: depth + 1))]"
    default: return "xs[\(expression(&r, depth: depth + 1))]"
    }
  }

  /// One statement of a kind chosen at random.
  static func statement(_ r: inout FuzzRandom) -> String {
    let e = { (r: inout FuzzRandom) in expression(&r) }
    switch r.below(22) {
    case 0:
      return "neuron n = \(r.pick(models))(\(r.pick(["tau", "t_ref", "v_th", "R", "C", "a", "rate"])): \(number(&r)))"
    case 1: return "population a[\(r.chance(50) ? number(&r) : String(r.below(50) + 1))] = \(r.pick(models))()"
    case 2:
      return
        "connect \(r.pick(["a", "n"])) -> \(r.pick(["a", "n"])) with \(r.pick(["p", "in_degree", "out_degree"])): "
        + "\(number(&r)), weight: \(number(&r)), delay: \(number(&r))"
    case 3: return "run \(number(&r))"
    case 4: return "inject n \(number(&r)) from \(number(&r)) to \(number(&r))"
    case 5: return "plot n.v from \(number(&r)) to \(number(&r))"
    case 6: return "record \(r.pick(["a", "n"])).v\(r.chance(50) ? "[0..\(number(&r))]" : "")"
    case 7: return "event n v += \(number(&r)) at \(number(&r))"
    case 8:
      let path = r.pick(["out.csv", "a", ".", "~", "", "x/", "é.csv", "out.md"])
      return r.chance(25) ? "report \"\(path)\"" : "save \(e(&r)) to \"\(path)\""
    case 9: return "let t = load \"\(r.pick(["out.csv", "a", "missing.csv", "."]))\""
    case 10: return "import \"\(r.pick(["a", "x", "", "../x"]))\""
    case 11:
      return
        "model m {\n  dv/dt = (\(r.pick(["-v", "v^\(number(&r))", "v*\(number(&r))"])) + \(number(&r))) / "
        + "\(number(&r))\n  init v: \(number(&r))\n  on v > \(number(&r)) { v = \(number(&r)) }\n}"
    case 12: return "let xs = \(e(&r))"
    case 13: return "print \(e(&r))"
    case 14: return "dt = \(number(&r))"
    case 15: return "hist \(e(&r)), bins: \(number(&r))"
    case 16: return "fn f(x) { return \(e(&r)) }\nprint f(\(e(&r)))"
    case 17: return "raster a from \(number(&r)) to \(number(&r))"
    case 18: return "for i in \(e(&r)) { print i }"
    case 19:
      return
        "drive \(r.pick(["a", "n", "a[0..\(number(&r))]"])) with poisson(\(number(&r)), rate: \(number(&r))), "
        + "weight: \(number(&r))\(r.chance(50) ? ", delay: \(number(&r))" : "")"
    case 20:
      // A group large enough to be shared among threads.
      return
        "population big[\(r.chance(50) ? number(&r) : "2048")] = lif()\n"
        + "connect big -> big with p: \(number(&r)), weight: \(number(&r)), tau_syn: 5ms\n"
        + "threads \(r.chance(50) ? number(&r) : r.pick(["1", "2"]))\nrun \(r.chance(50) ? number(&r) : "5ms")"
    default: return "seed \(number(&r))"
    }
  }

  /// A short program of generated statements (a neuron and a population first, most of the time).
  static func program(_ r: inout FuzzRandom) -> String {
    var lines = r.chance(70) ? ["neuron n = lif()", "population a[\(r.below(20) + 1)] = lif()"] : []
    for _ in 0..<(1 + r.below(8)) { lines.append(statement(&r)) }
    return lines.joined(separator: "\n") + "\n"
  }
}
