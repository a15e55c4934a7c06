import Foundation
import Testing
@testable import NeuroUnits

/// formatNumber agrees with printf's %g (as Foundation's String(format:) gives it) with the exponent
/// written short, over a million-fold range of magnitudes and every digit count used.
@Suite struct NumberFormattingAgreementTests {
  private func reference(_ x: Double, _ digits: Int) -> String {
    var text = String(format: "%.*g", digits, x)
    if let e = text.firstIndex(of: "e") {
      let mantissa = String(text[..<e])
      var exponent = String(text[text.index(after: e)...])
      if exponent.hasPrefix("+") { exponent.removeFirst() }
      let negative = exponent.hasPrefix("-")
      if negative { exponent.removeFirst() }
      while exponent.count > 1, exponent.hasPrefix("0") { exponent.removeFirst() }
      text = mantissa + "e" + (negative ? "-" : "") + exponent
    }
    return text == "-0" ? "0" : text
  }

  @Test func agreesWithPrintfOnSeededValues() {
    var state: UInt64 = 2026
    for _ in 0..<20_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let bits = state >> 11
      let mantissa = Double(bits) / Double(1 << 53) * 2 - 1
      let exponent = Int(state % 41) - 20
      let x = mantissa * pow(10, Double(exponent))
      for digits in [3, 5, 6, 12] where !(x == x.rounded() && abs(x) >= 1 && abs(x) < 1e15) {
        #expect(formatNumber(x, significantDigits: digits) == reference(x, digits), "\(x) to \(digits) digits")
      }
    }
  }
}
