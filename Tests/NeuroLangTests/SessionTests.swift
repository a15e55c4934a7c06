import Testing
@testable import NeuroLang

@Suite struct SessionTests {
  private func session(_ code: String = "") -> Interpreter {
    let interpreter = Interpreter(host: Host(write: { _ in }, report: { _ in }))
    interpreter.execute(Source(name: "t", text: code))
    return interpreter
  }

  @Test func listsDefinitionsForVars() {
    let s = session("let b = 2mV\nlet a = [1, 2]\nfn f(x, y) { return x }")
    #expect(s.variableListing == ["a = [1, 2]", "b = 2 mV", "f(x, y)  function"])
    let figure = session("let g = hist([1, 2, 3])")
    #expect(figure.variableListing == ["g = histogram \"3 values — count\""])
  }

  @Test func helpCoversBuiltinsModelsParametersAndUserFunctions() {
    let s = session("## Doubles a value.\nfn double(x) { return 2 * x }")
    #expect(s.help(for: "double") == "double(x)\n  Doubles a value.\n")
    #expect(s.help(for: "mean")?.contains("the average") == true)
    #expect(s.help(for: "lif")?.contains("membrane time constant") == true)
    #expect(s.help(for: "v_th")?.contains("spike threshold") == true)
    #expect(s.help(for: "nonsense") == nil)
  }
}

@Suite struct HelpCoverageTests {
  /// Every keyword that starts a statement or block, and every built-in, has help.
  @Test func everyKeywordAndBuiltinHasHelp() {
    let session = Interpreter(host: Host(write: { _ in }, report: { _ in }))
    let operators: Set<Keyword> = [.true, .false, .and, .or, .not, .from, .to, .step, .else]
    for keyword in Keyword.allCases where !operators.contains(keyword) {
      #expect(session.help(for: keyword.rawValue) != nil, "no help for \(keyword.rawValue)")
    }
    for name in Builtins.all.keys { #expect(session.help(for: name) != nil, "no help for \(name)") }
    for name in ["population", "connect", "input", "record", "raster", "hist", "heatmap", "model", "event", "export"] {
      #expect(session.help(for: name) != nil, "no help for \(name)")
    }
  }
}
