#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
  var text = cFormatted(x, significantDigits: digits)
  if let e = text.firstIndex(of: "e") {
    let mantissa = String(text[..<e])
    var exponent = String(text[text.index(after: e)...])
    if exponent.hasPrefix("+") { exponent.removeFirst() }
    let negative = exponent.hasPrefix("-")
    if negative { exponent.removeFirst() }
    while exponent.count > 1, exponent.hasPrefix("0") { exponent.removeFirst() }
    text = mantissa + "e" + (negative ? "-" : "") + exponent
  }
  if text == "-0" { return "0" }
  return text
}

/// `x` as C's printf "%.Ng" writes it: what String(format:) gives, at half its cost
/// (which matters when a million values are saved).
private func cFormatted(_ x: Double, significantDigits digits: Int) -> String {
  withUnsafeTemporaryAllocation(of: CChar.self, capacity: 40) { buffer in
    guard let base = buffer.baseAddress else { return String(x) }
    let written = withVaList([Int32(clamping: digits), x]) { vsnprintf(base, 40, "%.*g", $0) }
    guard written > 0, written < 40 else { return String(x) }
    return String(cString: base)
  }
}
