#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Parameters of the Hodgkin–Huxley (1952) squid axon for a 1 cm² patch (so conductances in mS
/// and currents in µA read as the textbook's per-cm² values), with the resting potential at -65 mV.
public struct HodgkinHuxleyParameters: Sendable, Equatable {
  public var capacitance = 1e-6
  public var sodium = 120e-3
  public var potassium = 36e-3
  public var leak = 0.3e-3
  public var sodiumReversal = 50e-3
  public var potassiumReversal = -77e-3
  public var leakReversal = -54.387e-3
  /// A spike is counted when v rises through this potential.
  public var spikeDetection = 0.0

  public init() {}
}

/// A group of Hodgkin–Huxley neurons. Each step uses exponential Euler (Rush–Larsen): every
/// gate relaxes exactly toward its steady state, and v exactly toward the potential the
/// conductances of the step's start set.
public struct HodgkinHuxleyGroup: ParameterizedGroup {
  public var parameters: HodgkinHuxleyParameters
  private var v: [Double]
  private var m: [Double]
  private var h: [Double]
  private var n: [Double]
  private var dt = 1e-4

  public init(count: Int, parameters: HodgkinHuxleyParameters) {
    self.parameters = parameters
    let rest = -65e-3
    let rates = HodgkinHuxleyGroup.rates(rest * 1e3)
    v = Array(repeating: rest, count: count)
    m = Array(repeating: rates.m.alpha / (rates.m.alpha + rates.m.beta), count: count)
    h = Array(repeating: rates.h.alpha / (rates.h.alpha + rates.h.beta), count: count)
    n = Array(repeating: rates.n.alpha / (rates.n.alpha + rates.n.beta), count: count)
  }

  public var count: Int { v.count }
  public var variableNames: [String] { ["v", "m", "h", "n"] }

  public func values(of variable: String) -> [Double]? {
    switch variable {
    case "v": return v
    case "m": return m
    case "h": return h
    case "n": return n
    default: return nil
    }
  }

  public mutating func prepare(dt: Double) { self.dt = dt }

  /// Opening (alpha) and closing (beta) rates per ms at a potential in mV.
  static func rates(_ vm: Double) -> (
    m: (alpha: Double, beta: Double), h: (alpha: Double, beta: Double), n: (alpha: Double, beta: Double)
  ) {
    func ratio(_ x: Double) -> Double { abs(x) < 1e-7 ? 1 - x / 2 : x / (exp(x) - 1) }  // x/(e^x - 1), finite at 0
    let am = ratio(-(vm + 40) / 10), bm = 4 * exp(-(vm + 65) / 18)
    let ah = 0.07 * exp(-(vm + 65) / 20), bh = 1 / (1 + exp(-(vm + 35) / 10))
    let an = 0.1 * ratio(-(vm + 55) / 10), bn = 0.125 * exp(-(vm + 65) / 80)
    return ((am, bm), (ah, bh), (an, bn))
  }

  public mutating func step(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {
    let p = parameters
    let dtMs = dt * 1e3
    for i in 0..<v.count {
      let before = v[i]
      let gNa = p.sodium * m[i] * m[i] * m[i] * h[i], gK = p.potassium * n[i] * n[i] * n[i] * n[i]
      let total = gNa + gK + p.leak
      let target = (gNa * p.sodiumReversal + gK * p.potassiumReversal + p.leak * p.leakReversal + input[i]) / total
      let rates = HodgkinHuxleyGroup.rates(before * 1e3)
      m[i] = relax(m[i], rates.m, dtMs)
      h[i] = relax(h[i], rates.h, dtMs)
      n[i] = relax(n[i], rates.n, dtMs)
      v[i] = target + (before - target) * exp(-dt * total / p.capacitance)
      if before < p.spikeDetection && v[i] >= p.spikeDetection { spikes.append(i) }
    }
  }

  private func relax(_ x: Double, _ rate: (alpha: Double, beta: Double), _ dtMs: Double) -> Double {
    let sum = rate.alpha + rate.beta
    let steady = rate.alpha / sum
    return steady + (x - steady) * exp(-dtMs * sum)
  }

  public mutating func add(_ amount: Double, to variable: String) -> Bool {
    guard variable == "v" else { return false }
    for i in v.indices { v[i] += amount }
    return true
  }

  public mutating func resetState() {
    self = HodgkinHuxleyGroup(count: count, parameters: parameters)
  }
}
