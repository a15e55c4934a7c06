#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a rate unit turns its drive into the rate it relaxes to.
public enum TransferFunction: Int, Sendable, CaseIterable {
  /// Threshold-linear: gain · (x − θ) above the threshold, 0 below, at most r_max.
  case relu
  /// Logistic: r_max / (1 + exp(−4 · gain · (x − θ) / r_max)), whose slope at the threshold is the gain.
  case sigmoid

  /// The word a user writes for it.
  public var name: String { self == .relu ? "relu" : "sigmoid" }
}

/// Parameters of a firing-rate unit: `tau dr/dt = −r + f(x)`, with x the drive (Hz): injected plus the
/// weighted rates of its sources.
public struct RateParameters: Sendable, Equatable {
  /// The time constant with which r follows f(x) (s).
  public var tau = 10e-3
  public var transfer = TransferFunction.relu
  /// The slope of f at the threshold (a plain number: Hz of rate per Hz of drive).
  public var gain = 1.0
  /// The drive at which f leaves 0 (relu) or reaches half its maximum (sigmoid) (Hz).
  public var threshold = 0.0
  /// The largest rate f gives (Hz).
  public var maximum = 100.0
  /// The standard deviation of fluctuations of the drive (Hz): an Ornstein–Uhlenbeck process with time constant `tau`.
  public var noise = 0.0
  public var seed: UInt64 = 1
  /// The rate every unit starts at (Hz).
  public var initialRate = 0.0

  public init() {}

  /// The rate a unit relaxes to under drive `x` (Hz).
  @inline(__always)
  public func transfer(_ x: Double) -> Double {
    switch transfer {
    case .relu: return min(maximum, max(0, gain * (x - threshold)))
    case .sigmoid: return maximum / (1 + exp(-4 * gain * (x - threshold) / maximum))
    }
  }
}

/// A group of firing-rate units. Each step holds the drive constant and integrates exactly:
/// r ← f(x) + (r − f(x)) e^(−dt/τ), where the drive x may carry noise (an Ornstein–Uhlenbeck process, standard
/// deviation `noise`, time constant τ, independent per unit).
/// The drive from other rate groups arrives through channels (`RateDelivery.swift`), one step old.
public struct RateGroup: ParameterizedGroup {
  public var parameters: RateParameters
  private var r: [Double]
  /// Each unit's noise in its drive (Hz).
  private var fluctuation: [Double]
  private var initial: [Double]?
  /// The drive (Hz) each channel brings for the next step, cleared once used.
  private var drive: [[Double]] = []
  private var channels: [SynapticChannel] = []
  private var random: RandomSource
  private var decay = 0.0
  private var noiseScale = 0.0

  public init(count: Int, parameters: RateParameters) {
    self.parameters = parameters
    r = Array(repeating: parameters.initialRate, count: count)
    fluctuation = Array(repeating: 0, count: count)
    random = RandomSource(seed: parameters.seed)
  }

  public var count: Int { r.count }
  public var variableNames: [String] { ["r"] }

  public func values(of variable: String) -> [Double]? { variable == "r" ? r : nil }

  public mutating func prepare(dt: Double) {
    decay = exp(-dt / parameters.tau)
    noiseScale = parameters.noise * (1 - decay * decay).squareRoot()
  }

  public mutating func step(input: UnsafeBufferPointer<Double>, spikes: inout [Int]) {
    let p = parameters
    for i in r.indices {
      var x = input[i]
      for c in drive.indices { x += drive[c][i] }
      if noiseScale > 0 {
        fluctuation[i] = fluctuation[i] * decay + noiseScale * random.normal()
        x += fluctuation[i]
      }
      let target = p.transfer(x)
      r[i] = target + (r[i] - target) * decay
    }
    for c in drive.indices { drive[c].withUnsafeMutableBufferPointer { $0.update(repeating: 0) } }
  }

  public mutating func add(_ amount: Double, to variable: String) -> Bool {
    guard variable == "r" else { return false }
    for i in r.indices { r[i] = max(0, r[i] + amount) }
    return true
  }

  public mutating func resetState() {
    r = initial ?? Array(repeating: parameters.initialRate, count: r.count)
    fluctuation = Array(repeating: 0, count: r.count)
    random = RandomSource(seed: parameters.seed)
    for c in drive.indices { drive[c].withUnsafeMutableBufferPointer { $0.update(repeating: 0) } }
  }

  /// Takes the parameters of another rate group, keeping this one's noise seed (each group draws its own).
  public mutating func takeParameters(of other: any NeuronGroup) -> Bool {
    guard let other = other as? RateGroup else { return false }
    let seed = parameters.seed
    parameters = other.parameters
    parameters.seed = seed
    return true
  }

  /// Rate units take one kind of channel: the weighted rates of other rate units.
  public mutating func addChannel(_ channel: SynapticChannel) -> Int? {
    guard channel.kind == .rate else { return nil }
    if let k = channels.firstIndex(of: channel) { return k }
    channels.append(channel)
    drive.append(Array(repeating: 0, count: count))
    return channels.count - 1
  }

  public mutating func accumulate(channel: Int, _ body: (UnsafeMutableBufferPointer<Double>) -> Void) {
    guard channel < drive.count else { return }
    drive[channel].withUnsafeMutableBufferPointer { body($0) }
  }

  public func channelKind(_ channel: Int) -> SynapticChannel.Kind? {
    channel < channels.count ? channels[channel].kind : nil
  }

  public mutating func setValues(_ values: [Double], of variable: String, at range: Range<Int>) -> Bool {
    guard variable == "r", values.count == range.count, range.lowerBound >= 0, range.upperBound <= count,
      values.allSatisfy({ $0 >= 0 && $0.isFinite })
    else { return false }
    var start = initial ?? r.map { _ in parameters.initialRate }
    for (k, i) in range.enumerated() {
      r[i] = values[k]
      start[i] = values[k]
    }
    initial = start
    return true
  }
}
