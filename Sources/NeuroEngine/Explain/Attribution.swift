#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The part of v an input made by the end of a window, from the membrane's responses to a unit of each input:
/// exact superposition for linear dynamics; with conductances, each input's current along the actual trajectory
/// passed through the resting membrane.
struct Attribution {
  /// The window: its first step, and the step after its last.
  let from: Int
  let end: Int
  /// v's answer after 0… steps to a unit jump of v, and to one ampere in one step.
  let kick: [Double]
  let pulse: [Double]
  let channelDecay: [Double]
  /// Linear dynamics: v's answer to a unit value in each channel.
  var impulses: [[Double]] = []
  /// With conductances: the current (A) a unit of each channel's value carried in each step of the window
  /// (E − v for a conductance), nil for a channel that jumps v.
  var unitCurrents: [[Double]?] = []

  private var steps: Int { end - from }

  /// The part of a current (A in each step of the window).
  func part(ofCurrent values: [Double]) -> Double {
    values.indices.reduce(0) { $0 + values[$1] * pulse[steps - $1] }
  }

  /// The part of jumps of v before each step of the window.
  func part(ofKicks kicks: [Double]) -> Double {
    kicks.indices.reduce(0) { $0 + kicks[$1] * kick[steps - $1] }
  }

  /// The part of one key's arrivals in a channel.
  func part(of inputs: Simulation.Arrivals) -> Double {
    let c = inputs.channel
    let felt = inputs.felt(from: from, decay: channelDecay[c])
    if !impulses.isEmpty {
      return felt.reduce(0) { $0 + $1.amount * impulses[c][steps - $1.offset] }
    }
    // The channel's value in each step, as the group's step decays it.
    var added = [Double](repeating: 0, count: steps)
    for (offset, amount) in felt { added[offset] += amount }
    var value = 0.0, total = 0.0
    for k in 0..<steps {
      value = value * channelDecay[c] + added[k]
      if let unit = unitCurrents[c] {
        total += value * unit[k] * pulse[steps - k]
      } else {
        total += value * kick[steps - k - 1]
      }
    }
    return total
  }

  /// The current a unit of a channel's value carries in each step along `path` (v before each step), with
  /// conductances: g·(E − v) for a conductance, the value for a current, value / R for a voltage; nil for a jump.
  static func unitCurrent(_ channel: SynapticChannel, path: [Double], resistance: Double) -> [Double]? {
    let steps = path.count - 1
    switch channel.kind {
    case .conductance(let reversal): return path.prefix(steps).map { reversal - $0 }
    case .current: return [Double](repeating: 1, count: steps)
    case .voltage: return [Double](repeating: 1 / resistance, count: steps)
    case .rate: return [Double](repeating: 0, count: steps)
    case .jump: return nil
    }
  }
}

extension Simulation.Arrivals {
  /// The arrivals as felt from step `from` on: each at its offset from there, those before carried in at
  /// offset 0, decayed by `decay` a step.
  func felt(from: Int, decay: Double) -> [(offset: Int, amount: Double)] {
    zip(steps, amounts).map { step, amount in
      step >= from ? (step - from, amount) : (0, amount * pow(decay, Double(from - step)))
    }
  }
}
