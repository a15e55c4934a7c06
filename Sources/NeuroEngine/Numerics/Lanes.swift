/// Four neighbouring values of an array as one vector (Int as Int64, to share the masks of Double): loaded
/// and stored whole, or, at the end of a range, the first `count` (other lanes 0 on loading, untouched on storing).
extension UnsafeMutableBufferPointer where Element == Double {
  @inline(__always)
  func lanes(at i: Int, count: Int = 4) -> SIMD4<Double> { UnsafeBufferPointer(self).lanes(at: i, count: count) }

  @inline(__always)
  func setLanes(_ x: SIMD4<Double>, at i: Int, count: Int = 4) {
    guard let base = baseAddress else { return }
    if count == 4 { return UnsafeMutableRawPointer(base + i).storeBytes(of: x, as: SIMD4<Double>.self) }
    for k in 0..<count { base[i + k] = x[k] }
  }
}

extension UnsafeBufferPointer where Element == Double {
  @inline(__always)
  func lanes(at i: Int, count: Int = 4) -> SIMD4<Double> {
    guard let base = baseAddress else { return SIMD4() }
    if count == 4 { return UnsafeRawPointer(base + i).loadUnaligned(as: SIMD4<Double>.self) }
    var x = SIMD4<Double>()
    for k in 0..<count { x[k] = base[i + k] }
    return x
  }
}

extension UnsafeMutableBufferPointer where Element == Int {
  @inline(__always)
  func lanes(at i: Int, count: Int = 4) -> SIMD4<Int64> {
    guard let base = baseAddress else { return SIMD4() }
    if count == 4 { return UnsafeRawPointer(base + i).loadUnaligned(as: SIMD4<Int64>.self) }
    var x = SIMD4<Int64>(repeating: .max)
    for k in 0..<count { x[k] = Int64(base[i + k]) }
    return x
  }
}
