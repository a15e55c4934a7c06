import Foundation
import Testing

@testable import NeuroLang

/// `describe` tells the truth about real simulations: its numbers are those the analysis built-ins give.
@Suite struct DescribeTests {
  /// What the script printed, line by line.
  private func output(_ code: String) -> [String] {
    var text = ""
    let interpreter = Interpreter(host: Host(write: { text += $0 }, report: { text += "error: \($0.message)\n" }))
    interpreter.execute(Source(name: "t", text: code))
    return text.split(separator: "\n").map(String.init)
  }

  /// The first number after `prefix` in `text`.
  private func number(after prefix: String, in text: String) -> Double? {
    guard let range = text.range(of: prefix) else { return nil }
    let digits = text[range.upperBound...].prefix { "0123456789.-e".contains($0) }
    return Double(digits)
  }

  @Test func lifUnderConstantCurrentMatchesSpikesAndIntervals() throws {
    let lines = output(
      """
      neuron n = lif()
      inject n 2.5nA
      run 200ms
      print len(spikes(n))
      print mean(isi(n)) / 1ms
      describe(plot(n.v))
      """)
    try #require(lines.count >= 6, "\(lines)")
    let spikes = try #require(Double(lines[1])), interval = try #require(Double(lines[2]))
    let series = try #require(lines.first { $0.hasPrefix("n.v:") })
    #expect(number(after: "mean ", in: series) != nil)
    // The description gives four significant digits.
    let period = try #require(number(after: "on average. Trend: oscillating, with a period of ", in: series))
    #expect(abs(period - interval) < 5e-4 * interval)
    #expect(series.contains("\(Int(spikes)) spikes marked"))
    let every = try #require(number(after: "then one every ", in: series))
    #expect(abs(every - interval) < 5e-4 * interval)
  }

  @Test func rasterCountsTheSpikesAndRateOfThePopulation() throws {
    let lines = output(
      """
      population p[10] = lif()
      inject p 3nA
      run 100ms
      print len(spikes(p))
      print rate(p) / 1Hz
      describe(raster(p))
      """)
    let spikes = try #require(lines.count > 2 ? Double(lines[1]) : nil), rate = try #require(Double(lines[2]))
    let summary = try #require(lines.first { $0.hasPrefix("10 neurons") }, "\(lines)")
    #expect(summary.contains(": \(Int(spikes)) spikes, a mean rate of "))
    #expect(number(after: "a mean rate of ", in: summary) == rate)
    #expect(lines.contains { $0.hasPrefix("Firing is synchronous: synchrony index 1 ") })
  }

  @Test func withoutAnArgumentItDescribesTheFigureDrawnLast() {
    let lines = output("hist [1, 2, 2, 3]\ndescribe()")
    #expect(lines.contains("A histogram of 4 values — count."))
    #expect(output("describe()").first?.hasPrefix("error: no figure has been drawn yet") == true)
  }
}
