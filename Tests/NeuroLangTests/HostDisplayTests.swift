import Testing

@testable import NeuroLang

/// A host that shows figures and results its own way (a notebook) gets them instead of their text.
@Suite struct HostDisplayTests {
  @Test func figuresAndResultsGoToTheHostsOwnDisplay() {
    var written = "", results: [String] = [], figures = 0
    var host = Host(write: { written += $0 }, report: { _ in })
    host.showFigure = { _ in figures += 1 }
    host.showResult = { results.append($0) }
    let interpreter = Interpreter(host: host)
    let source = "neuron n = lif()\nrun 5ms\nplot(n.v)\nlet x = 2mV\nx * 2\nprint x"
    #expect(interpreter.execute(Source(name: "cell", text: source), echo: true) == .success)
    #expect(figures == 1)
    #expect(results == ["4 mV"])
    #expect(written.contains("ran 5 ms"))
    #expect(written.hasSuffix("2 mV\n"))
    #expect(!written.contains("4 mV"))
  }

  @Test func withoutThemBothAreWrittenAsText() {
    var written = ""
    let interpreter = Interpreter(host: Host(write: { written += $0 }, report: { _ in }))
    interpreter.execute(Source(name: "cell", text: "let x = 2mV\nx * 2"), echo: true)
    #expect(written == "4 mV\n")
  }
}
