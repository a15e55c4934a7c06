import Foundation

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
  var text = String(format: "%.\(digits)g", x)
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
