import Foundation
@testable import NeuroLang
import NeuroEngine
import NeuroUnits
import Testing

/// Seeded random cases (the engine's generator): each property is checked on a few hundred
/// values, and a failure names the seed and the case.
struct Cases {
  private var source: RandomSource
  init(state: UInt64) { source = RandomSource(seed: state) }
  mutating func next() -> UInt64 { source.next() }
  mutating func unit() -> Double { source.uniform() }
  /// A finite double with a random sign and a decimal exponent from -30 to 30.
  mutating func number() -> Double {
    (unit() < 0.5 ? -1 : 1) * (1 + 9 * unit()) * Foundation.pow(10, Double(Int(next() % 61) - 30))
  }
  mutating func dimension() -> NeuroUnits.Dimension {
    [NeuroUnits.Dimension.none, .time, .voltage, .current, .resistance][Int(next() % 5)]
  }
}

func close(_ a: Double, _ b: Double, relative: Double) -> Bool {
  a == b || abs(a - b) <= relative * max(abs(a), abs(b))
}

@Suite struct PropertyTests {
  @Test(arguments: [1, 2, 3] as [UInt64])
  func csvSaveThenLoadGivesTheNumbersBack(_ seed: UInt64) throws {
    var r = Cases(state: seed)
    for _ in 0..<20 {
      let dimension = r.dimension()
      let values = (0..<(1 + Int(r.next() % 50))).map { _ in Quantity(r.number(), dimension) }
      let text = CSVColumns(columns: [("x", values)]).text
      let back = try CSVColumns(parsing: text)
      #expect(back.columns.count == 1 && back.columns[0].values.count == values.count, "seed \(seed)")
      for (a, b) in zip(values, back.columns[0].values) {
        #expect(
          a.dimension == b.dimension && close(a.value, b.value, relative: 1e-11),
          "seed \(seed): \(a.value) came back as \(b.value)")
      }
    }
  }

  @Test(arguments: [4, 5] as [UInt64])
  func unitArithmeticUndoesItself(_ seed: UInt64) {
    var r = Cases(state: seed)
    for _ in 0..<500 {
      let a = Quantity(r.number(), r.dimension()), b = Quantity(r.number(), r.dimension())
      let product = a * b, quotient = a / b
      #expect(product.dimension == a.dimension * b.dimension && quotient.dimension == a.dimension / b.dimension)
      #expect(
        close((product / b).value, a.value, relative: 1e-12) && (product / b).dimension == a.dimension, "seed \(seed)")
      #expect(close((quotient * b).value, a.value, relative: 1e-12), "seed \(seed)")
    }
  }

  @Test(arguments: [6, 7] as [UInt64])
  func aPrintedNumberReadsBackAsItself(_ seed: UInt64) {
    var r = Cases(state: seed)
    for _ in 0..<200 {
      let x = r.number()
      let text = formatNumber(x, significantDigits: 12)
      #expect(Double(text).map { close($0, x, relative: 1e-11) } == true, "seed \(seed): \(x) printed as \(text)")
    }
  }

  @Test(arguments: [8] as [UInt64])
  func aQuantityPrintedByTheLanguageReadsBackThroughIt(_ seed: UInt64) {
    var r = Cases(state: seed)
    for _ in 0..<40 {
      let (dimension, si) = [(NeuroUnits.Dimension.time, "s"), (.voltage, "V"), (.current, "A")][Int(r.next() % 3)]
      let q = Quantity(r.number(), dimension)
      let shown = q.formatted.replacingOccurrences(of: " ", with: "")
      let exact = formatNumber(q.value, significantDigits: 17) + si
      let run = runSnippet("print abs(\(shown) / (\(exact)) - 1) < 1e-5")
      #expect(
        run.messages.isEmpty && run.output == "true\n",
        "seed \(seed): \(shown) against \(exact): \(run.output) \(run.messages)")
    }
  }
}
