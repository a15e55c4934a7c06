import Testing
@testable import NeuroLang

/// Long lists print elided with their length, in print and in the REPL's echo of a value.
@Suite struct ListPrintingTests {
  private func echoed(_ text: String) -> String {
    var output = ""
    Interpreter(host: Host(write: { output += $0 }, report: { _ in })).execute(
      Source(name: "<repl>", text: text), echo: true)
    return output
  }

  @Test func theREPLEchoElidesALongList() {
    #expect(echoed("range(1001)") == "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, …, 998, 999, 1000] (1001 values)\n")
    #expect(echoed("range(3)") == "[0, 1, 2]\n")
  }
}
