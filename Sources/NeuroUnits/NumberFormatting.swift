import CNumberFormat

/// Prints plain numbers the way a calculator would: up to `digits` significant
/// digits, no trailing zeros, exponents written `1.5e9`.
public func formatNumber(_ x: Double, significantDigits digits: Int = 6) -> String {
  if x.isNaN { return "nan" }
  if x.isInfinite { return x < 0 ? "-inf" : "inf" }
  if x == 0 { return "0" }
  if x == x.rounded(), abs(x) < 1e15, abs(x) >= 1, let whole = Int64(checking: x) {
    let text = String(whole)
    if text.count <= max(digits, 15) { return text }
  }
  let text = cFormatted(x, significantDigits: digits)
  return text == "-0" ? "0" : text
}

/// `x` as C's printf "%.Ng" writes it, its exponent then written as `e9` or `e-7` (no plus sign, no
/// leading zeros): what String(format:) gives, at a fraction of its cost, worked on as bytes (a
/// million values are saved in a second).
private func cFormatted(_ x: Double, significantDigits digits: Int) -> String {
  withUnsafeTemporaryAllocation(of: CChar.self, capacity: 40) { buffer in
    guard let base = buffer.baseAddress else { return String(x) }
    let written = neuro_format_g(base, 40, Int32(clamping: digits), x)
    guard written > 0, written < 40 else { return String(x) }
    let bytes = UnsafeMutableRawPointer(base).assumingMemoryBound(to: UInt8.self)
    var count = Int(written)
    if let e = (0..<count).first(where: { bytes[$0] == UInt8(ascii: "e") }) {
      var read = e + 1, write = e + 1
      if bytes[read] == UInt8(ascii: "+") {
        read += 1
      } else if bytes[read] == UInt8(ascii: "-") {
        write += 1
        read += 1
      }
      while read < count - 1, bytes[read] == UInt8(ascii: "0") { read += 1 }
      while read < count {
        bytes[write] = bytes[read]
        write += 1
        read += 1
      }
      count = write
    }
    return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
  }
}
