import Testing
@testable import NeuroLang

/// `:help` text wraps at word boundaries to the terminal's width.
@Suite struct TextWrappingTests {
  static let topics: [String?] =
    [nil] + [
      "lif", "cond", "izhikevich", "adex", "hh", "model", "units", "connect", "population",
      "event", "dt", "run",
    ] + Builtins.all.keys.sorted()

  @Test(arguments: [60, 80, 120])
  func helpLinesFitTheWidthAndNoWordIsCut(width: Int) throws {
    let interpreter = Interpreter(host: Host(write: { _ in }, report: { _ in }))
    for topic in Self.topics {
      let text = try #require(interpreter.help(for: topic), "help on \(topic ?? "nothing")")
      let wrapped = TextWrapping.wrap(text, width: width)
      for line in wrapped.split(separator: "\n") {
        let longestWord = line.split(separator: " ").map(\.count).max() ?? 0
        #expect(line.count <= width || longestWord > width / 2, "\(topic ?? "-") at \(width): \(line)")
      }
      #expect(wrapped.split(whereSeparator: \.isWhitespace) == text.split(whereSeparator: \.isWhitespace))
    }
  }

  @Test func continuationLinesAlignWithTheTextColumn() {
    let row = "  t_ref    0 ms      refractory period, counted from the start of the spike's step"
    #expect(
      TextWrapping.wrap(row, width: 60) == """
          t_ref    0 ms      refractory period, counted from the
                             start of the spike's step
        """)
    #expect(TextWrapping.wrap("short line", width: 60) == "short line")
  }

  /// Any text, at any width, wraps without losing or cutting a word (a fixed pseudo-random sample).
  @Test func arbitraryTextKeepsEveryWord() {
    var state: UInt64 = 12345
    func next(_ n: Int) -> Int {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Int((state >> 33) % UInt64(n))
    }
    let pieces = [
      "a", "word", "µs", "longerwordthanmost", "  ", "   ", "x:", "—", String(repeating: "z", count: 90), "\n",
    ]
    for _ in 0..<300 {
      let text = (0..<next(40)).map { _ in pieces[next(pieces.count)] }.joined(separator: " ")
      for width in [1, 19, 20, 33, 80] {
        let wrapped = TextWrapping.wrap(text, width: width)
        #expect(wrapped.split(whereSeparator: \.isWhitespace) == text.split(whereSeparator: \.isWhitespace))
      }
    }
  }
}
