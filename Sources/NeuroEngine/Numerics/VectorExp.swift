/// The exponential of every value in a buffer, in place, four at a time in vector registers (libm's
/// `exp` is one call per value).
func exponentials(_ values: UnsafeMutablePointer<Double>, count: Int) {
  var i = 0
  let raw = UnsafeMutableRawPointer(values)
  while i + 4 <= count {
    let x = raw.loadUnaligned(fromByteOffset: i * 8, as: SIMD4<Double>.self)
    raw.storeBytes(of: exponential(x), toByteOffset: i * 8, as: SIMD4<Double>.self)
    i += 4
  }
  while i < count {
    values[i] = exponential(SIMD4(repeating: values[i]))[0]
    i += 1
  }
}

/// e^x for four values at once, by a branch-free method.
///
/// x = k ln 2 + r with k whole and |r| ≤ ln 2 / 2 (ln 2 split in two parts, so r is exact to about
/// 2⁻¹⁰⁰); e^r by its Taylor series to r¹³ (truncation below 4·10⁻¹⁸ relative); 2^k put into the exponent
/// bits. Within 2 units in the last place of libm's value for x in [-708.39, 709.78] (tested); +∞ above,
/// 0 below (where the true value, under 2.3·10⁻³⁰⁸, would be subnormal); NaN stays NaN.
@inline(__always)
func exponential(_ value: SIMD4<Double>) -> SIMD4<Double> {
  let upper = SIMD4<Double>(repeating: 709.782712893384), lower = SIMD4<Double>(repeating: -708.3964185322641)
  var x = value
  x.replace(with: upper, where: value .> upper)
  x.replace(with: lower, where: .!(value .>= lower))  // NaN too: computed as the lowest, replaced at the end
  // 1.5 · 2^52: adding it rounds x / ln 2 to a whole number held in the low bits of the mantissa.
  let shifter = SIMD4<Double>(repeating: 6_755_399_441_055_744.0)
  let shifted = x * 1.4426950408889634 + shifter
  let k = shifted - shifter
  let r = (x - k * 0.6931471803691238) - k * 1.9082149292705877e-10
  // Estrin's scheme (pairs, then pairs of pairs) with fused multiply-adds: a short chain of dependencies.
  let r2 = r * r, r4 = r2 * r2, r8 = r4 * r4
  func pair(_ c0: Double, _ c1: Double) -> SIMD4<Double> { SIMD4(repeating: c0).addingProduct(r, c1) }
  let p01 = pair(1, 1), p23 = pair(0.5, 1.0 / 6), p45 = pair(1.0 / 24, 1.0 / 120)
  let p67 = pair(1.0 / 720, 1.0 / 5_040), p89 = pair(1.0 / 40_320, 1.0 / 362_880)
  let p1011 = pair(1.0 / 3_628_800, 1.0 / 39_916_800), p1213 = pair(1.0 / 479_001_600, 1.0 / 6_227_020_800)
  let low = p01.addingProduct(r2, p23).addingProduct(r4, p45.addingProduct(r2, p67))
  let high = p89.addingProduct(r2, p1011).addingProduct(r4, p1213)
  let p = low.addingProduct(r8, high)
  // 2^k as exponent bits; at the top (k = 1024, x just under the overflow) as 2^1023 · 2.
  let top = k .> 1023
  var bias = SIMD4<UInt64>(repeating: 1023)
  bias.replace(with: 1022, where: top)
  let bits = (unsafeBitCast(shifted, to: SIMD4<UInt64>.self) &- shifter[0].bitPattern &+ bias) &<< 52
  var result = p * unsafeBitCast(bits, to: SIMD4<Double>.self)
  result.replace(with: result * 2, where: top)
  result.replace(with: .infinity, where: value .> upper)
  result.replace(with: 0, where: value .< lower)
  result.replace(with: value, where: value .!= value)
  return result
}
