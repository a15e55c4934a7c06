#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroUnits

/// The seeded generator of every random draw: xoshiro256** seeded through
/// splitmix64, the same as the C reference (`anchors/cuba_ref.c`), so that a seed
/// means the same numbers there and here.
public struct RandomSource: Sendable {
  @usableFromInline var s: (UInt64, UInt64, UInt64, UInt64)

  public init(seed: UInt64) {
    var state = seed
    func splitmix() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    s = (splitmix(), splitmix(), splitmix(), splitmix())
  }

  /// The next 64 random bits.
  @inlinable
  public mutating func next() -> UInt64 {
    let result = rotate(s.1 &* 5, 7) &* 9
    let t = s.1 << 17
    s.2 ^= s.0
    s.3 ^= s.1
    s.1 ^= s.2
    s.0 ^= s.3
    s.2 ^= t
    s.3 = rotate(s.3, 45)
    return result
  }

  /// Uniform in [0, 1), 53 bits of precision.
  @inlinable
  public mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// Exponential with mean 1: the gap to the next event of a Poisson process of unit rate.
  public mutating func exponential() -> Double { -log(1 - uniform()) }

  /// Standard normal (mean 0, standard deviation 1), by the Marsaglia polar method.
  public mutating func normal() -> Double {
    while true {
      let u = 2 * uniform() - 1, v = 2 * uniform() - 1
      let r = u * u + v * v
      if r > 0 && r < 1 { return u * (-2 * log(r) / r).squareRoot() }
    }
  }

  /// A Poisson-distributed count with the given mean: by multiplying uniforms below a mean of 30, above it
  /// by Hörmann's (1993) transformed rejection (PTRS), exact in both cases.
  public mutating func poisson(mean: Double) -> Int {
    guard mean > 0, mean.isFinite else { return 0 }
    if mean < 30 {
      let limit = exp(-mean)
      var (k, product) = (0, uniform())
      while product > limit {
        k += 1
        product *= uniform()
      }
      return k
    }
    let root = mean.squareRoot(), logMean = log(mean)
    let b = 0.931 + 2.53 * root
    let a = -0.059 + 0.02483 * b
    let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
    let acceptAtOnce = 0.9277 - 3.6224 / (b - 2)
    while true {
      let u = uniform() - 0.5, v = uniform()
      let us = 0.5 - abs(u)
      let k = floor((2 * a / us + b) * u + mean + 0.43)
      if us >= 0.07 && v <= acceptAtOnce { return Int(saturating: k) }
      if k < 0 || (us < 0.013 && v > us) { continue }
      if log(v) + log(inverseAlpha) - log(a / (us * us) + b) <= -mean + k * logMean - lgamma(k + 1) {
        return Int(saturating: k)
      }
    }
  }

  /// The items in a random order (Fisher–Yates).
  public mutating func shuffle(_ items: inout [Int]) {
    guard items.count > 1 else { return }
    for i in stride(from: items.count - 1, to: 0, by: -1) {
      let j = min(i, Int(saturating: uniform() * Double(i + 1), rounding: .down))
      items.swapAt(i, j)
    }
  }

  @usableFromInline
  func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
