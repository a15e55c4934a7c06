import Foundation
import NeuroUnits
import Testing

@Suite struct IntegerConversionTests {
  @Test(arguments: [1e18, 1e30, -1e30, 1e308, -1e308, .infinity, -.infinity, .nan, 9.3e18, 3e9])
  func outOfRangeIsRefusedNotTrapped(_ x: Double) {
    #expect(Int32(checking: x) == nil)
    if x.isNaN || abs(x) >= 9.3e18 { #expect(Int(checking: x) == nil) }
    #expect(Int32(saturating: x) == (x.isNaN ? 0 : x > 0 ? Int32.max : Int32.min))
  }

  @Test func edgesOfEachType() {
    #expect(Int(checking: 9_223_372_036_854_775_807.0) == nil)  // rounds to 2^63
    #expect(Int(checking: -9_223_372_036_854_775_808.0) == Int.min)
    #expect(UInt16(checking: 65535) == 65535)
    #expect(UInt16(checking: 65536) == nil)
    #expect(UInt16(checking: -1) == nil)
    #expect(UInt64(checking: 1.8446744073709552e19) == nil)
    #expect(Int32(checking: 2.5) == 3)
    #expect(Int32(checking: 2.5, rounding: .down) == 2)
    #expect(Int(checking: -0.0) == 0)
    #expect(Int(checking: 1e-320) == 0)
  }

  /// Every floating-point number that becomes an integer in Sources goes through
  /// `init(checking:)` or `init(saturating:)`: a plain `Int(x)` on a Double traps when x is huge.
  @Test func sourcesConvertNumbersOnlyThroughTheCheckedHelpers() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources")
    let call = try Regex(#"\b(U?Int(8|16|32|64)?)\((?![a-zA-Z]+:)"#)
    let floatHints = [
      "Double", "Float", ".value", "rounded", "floor", "ceil", "log", "sqrt", "squareRoot", "uniform",
      "pow", " / ", " * ", "dt", "1e", "time", "duration",
    ]
    var offenders: [String] = []
    let walker = FileManager.default.enumerator(atPath: sources.path)
    while let path = walker?.nextObject() as? String {
      guard path.hasSuffix(".swift"), !path.hasSuffix("IntegerConversion.swift") else { continue }
      let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        for match in line.matches(of: call) {
          var depth = 1
          var argument = ""
          for c in line[match.range.upperBound...] {
            if c == "(" { depth += 1 }
            if c == ")" {
              depth -= 1
              if depth == 0 { break }
            }
            argument.append(c)
          }
          if floatHints.contains(where: argument.contains) {
            offenders.append("\(path):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
          }
        }
      }
    }
    #expect(offenders.isEmpty, "convert with Int(checking:) or Int(saturating:):\n\(offenders.joined(separator: "\n"))")
  }
}
