import Testing
@testable import NeuroLang
@testable import neuro

/// Tab completion: what the session knows, offered where the cursor stands.
@Suite struct CompletionTests {
  private func session(_ code: String = "") -> Interpreter {
    let interpreter = Interpreter(host: Host(write: { _ in }, report: { _ in }))
    interpreter.execute(Source(name: "t", text: code))
    return interpreter
  }

  @Test func completesParameterNamesInsideAModelCall() {
    let s = session()
    #expect(Completion.candidates(of: "v_r", lineBeforeWord: "neuron n = lif(", in: s) == ["v_reset:", "v_rest:"])
    #expect(
      Completion.candidates(of: "t", lineBeforeWord: "neuron n = lif(tau: 10ms, ", in: s) == [
        "t_ref:", "tau:", "timing:",
      ])
    #expect(Completion.candidates(of: "p", lineBeforeWord: "neuron n = adex(", in: s) == ["preset:"])
    #expect(Completion.candidates(of: "tau_", lineBeforeWord: "neuron n = hh(", in: s) == [])
  }

  @Test func completesPresetsAndMethodsFromTheModelsDescription() {
    let s = session("let t_max = 10ms")
    #expect(Completion.candidates(of: "ch", lineBeforeWord: "neuron n = izhikevich(preset: ", in: s) == ["chattering"])
    #expect(Completion.candidates(of: "", lineBeforeWord: "neuron n = lif(method: ", in: s) == ["euler", "exact"])
    #expect(Completion.candidates(of: "t_m", lineBeforeWord: "neuron n = lif(tau: ", in: s) == ["t_max"])
  }

  @Test func completesTheOptionsOfConnect() {
    let s = session()
    #expect(Completion.candidates(of: "pla", lineBeforeWord: "connect a -> b with ", in: s) == ["plasticity:"])
    #expect(
      Completion.candidates(of: "we", lineBeforeWord: "let syn = connect a -> b with p: 0.1, ", in: s) == [
        "weight:", "weights:",
      ])
    #expect(Completion.candidates(of: "o", lineBeforeWord: "connect a -> b with rule: ", in: s) == ["one_to_one"])
    #expect(Completion.candidates(of: "we", lineBeforeWord: "print ", in: s) == ["weights"])
  }

  @Test func completesTheOptionsOfFit() {
    let s = session()
    #expect(Completion.candidates(of: "ep", lineBeforeWord: "fit net on data with ", in: s) == ["epochs:"])
    #expect(
      Completion.candidates(of: "ca", lineBeforeWord: "fit net on data with loss: ", in: s) == [
        "categorical_crossentropy"
      ])
    #expect(
      Completion.candidates(of: "a", lineBeforeWord: "fit net on data with epochs: 5, optimizer: ", in: s) == ["adam"])
  }

  @Test func completesTheWordsOfPlasticityRules() {
    let s = session()
    #expect(Completion.candidates(of: "ne", lineBeforeWord: "let r = stdp(w_max: 1mV, pairing: ", in: s) == ["nearest"])
    #expect(
      Completion.candidates(of: "", lineBeforeWord: "let r = stdp(update: ", in: s) == ["additive", "multiplicative"])
    #expect(
      Completion.candidates(of: "", lineBeforeWord: "plasticity: stp(preset: ", in: s) == [
        "depressing", "facilitating",
      ])
    #expect(Completion.candidates(of: "tau_l", lineBeforeWord: "let r = stdp(", in: s) == ["tau_ltd:", "tau_ltp:"])
  }

  @Test func completesNamesKeywordsAndBuiltins() {
    let s = session("let alpha = 1\nfn analyse(x) { return x }")
    #expect(Completion.candidates(of: "al", lineBeforeWord: "", in: s) == ["alpha"])
    #expect(Completion.candidates(of: "an", lineBeforeWord: "print ", in: s) == ["analyse", "and"])
    #expect(Completion.candidates(of: "spi", lineBeforeWord: "", in: s) == ["spike_count", "spike_counts", "spikes"])
    #expect(Completion.candidates(of: "x", lineBeforeWord: "analyse(", in: s).contains("x:"))
  }
}
