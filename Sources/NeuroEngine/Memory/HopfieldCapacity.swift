import NeuroUnits

/// How well a Hopfield network recalls against its load α = P/N: random patterns, cues with a fraction of their
/// units flipped, asynchronous recall, the overlap with the pattern cued. Below α ≈ 0.138 recall is nearly
/// perfect; above it, it collapses (Amit, Gutfreund & Sompolinsky 1985).
public struct HopfieldCapacity: Sendable {
  /// The overlaps at one load.
  public struct Point: Sendable, Equatable {
    /// P/N, with P the whole number of patterns stored.
    public var load: Double
    public var patterns: Int
    /// The mean overlap of the recalled state with the pattern cued, over seeds and probes.
    public var overlap: Double
    /// Their standard deviation.
    public var sd: Double
  }

  /// N, the number of units.
  public var units: Int
  /// The loads α = P/N measured, each P = round(αN), at least 1.
  public var loads: [Double]
  /// Independent networks per load, seeded firstSeed, firstSeed + 1, …
  public var seeds: Int
  /// The fraction of a cue's units flipped.
  public var flip: Double
  /// Patterns recalled per network and load (the first ones stored).
  public var probes = 5
  public var maxSweeps = 20
  public var firstSeed: UInt64 = 1

  public init(units: Int, loads: [Double], seeds: Int, flip: Double) {
    self.units = units
    self.loads = loads
    self.seeds = seeds
    self.flip = flip
  }

  /// The number of patterns stored for load α.
  public func patterns(at load: Double) -> Int { max(1, Int(saturating: load * Double(units))) }

  /// One point per load, in the order of `loads`; nil when `shouldStop` said so (asked before each pattern
  /// stored and each recall). Each seed's network grows pattern by pattern through the loads in increasing
  /// order, so a seed costs one build of the largest network.
  public func run(shouldStop: () -> Bool = { false }) -> [Point]? {
    let counts = loads.map(patterns(at:))
    let ascending = Array(Set(counts)).sorted()
    let flips = min(units, Int(saturating: flip * Double(units)))
    var overlaps: [Int: [Double]] = [:]
    for k in 0..<seeds {
      var random = RandomSource(seed: firstSeed &+ UInt64(k))
      var network = HopfieldNetwork(units: units)
      for count in ascending {
        while network.patterns.count < count {
          if shouldStop() { return nil }
          network.store(Patterns.random(units: units, &random))
        }
        for target in network.patterns.prefix(probes) {
          if shouldStop() { return nil }
          let cue = Patterns.corrupted(target, flips: flips, &random)
          let recalled = network.recall(cue, update: .asynchronous, maxSweeps: maxSweeps, random: &random)
          overlaps[count, default: []].append(HopfieldNetwork.overlap(recalled.final, target))
        }
      }
    }
    return counts.map { count in
      let values = overlaps[count] ?? []
      let mean = values.reduce(0, +) / Double(max(1, values.count))
      let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, values.count - 1))
      return Point(
        load: Double(count) / Double(units), patterns: count, overlap: mean, sd: variance.squareRoot())
    }
  }
}
