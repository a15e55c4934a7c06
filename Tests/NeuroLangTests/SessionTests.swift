import Testing
@testable import NeuroLang

@Suite struct SessionTests {
  private func session(_ code: String = "") -> Interpreter {
    let interpreter = Interpreter(host: Host(write: { _ in }, report: { _ in }))
    interpreter.execute(Source(name: "t", text: code))
    return interpreter
  }

  @Test func completesParameterNamesInsideAModelCall() {
    let s = session()
    #expect(s.completions(of: "v_r", lineBeforeWord: "neuron n = lif(") == ["v_reset:", "v_rest:"])
    #expect(s.completions(of: "t", lineBeforeWord: "neuron n = lif(tau: 10ms, ") == ["t_ref:", "tau:"])
    #expect(s.completions(of: "p", lineBeforeWord: "neuron n = adex(") == ["preset:"])
    #expect(s.completions(of: "tau_", lineBeforeWord: "neuron n = hh(") == [])
  }

  @Test func completesPresetsAndMethodsFromTheModelsDescription() {
    let s = session("let t_max = 10ms")
    #expect(s.completions(of: "ch", lineBeforeWord: "neuron n = izhikevich(preset: ") == ["chattering"])
    #expect(s.completions(of: "", lineBeforeWord: "neuron n = lif(method: ") == ["euler", "exact"])
    #expect(s.completions(of: "t_m", lineBeforeWord: "neuron n = lif(tau: ") == ["t_max"])
  }

  @Test func completesNamesKeywordsAndBuiltins() {
    let s = session("let alpha = 1\nfn analyse(x) { return x }")
    #expect(s.completions(of: "al", lineBeforeWord: "") == ["alpha"])
    #expect(s.completions(of: "an", lineBeforeWord: "print ") == ["analyse", "and"])
    #expect(s.completions(of: "spi", lineBeforeWord: "") == ["spike_count", "spikes"])
    #expect(s.completions(of: "x", lineBeforeWord: "analyse(") .contains("x:"))
  }

  @Test func listsDefinitionsForVars() {
    let s = session("let b = 2mV\nlet a = [1, 2]\nfn f(x, y) { return x }")
    #expect(s.variableListing == ["a = [1, 2]", "b = 2 mV", "f(x, y)  function"])
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
    for name in ["population", "connect", "input", "record", "raster", "hist", "heatmap", "model", "event"] {
      #expect(session.help(for: name) != nil, "no help for \(name)")
    }
  }
}
