import Testing
@testable import NeuroLang

@Suite struct DiagnosticRenderingTests {
  private func firstError(_ text: String) -> String {
    var rendered = ""
    let host = Host(write: { _ in }, report: { rendered += $0.rendered() })
    Interpreter(host: host).execute(Source(name: "<repl>", text: text))
    return rendered
  }

  @Test func unitMismatchShowsBothUnitsTheSpanAndAHint() {
    #expect(
      firstError("10mV + 2nA") == """
        error: cannot add voltage (mV) and current (nA)
         --> <repl>:1:1
          |
        1 | 10mV + 2nA
          | ^^^^^^^^^^
          = hint: Ohm's law turns a current into a voltage: I * R

        """)
  }

  @Test func caretCountsCharactersAfterUnicode() {
    #expect(
      firstError("let r = 10MΩ\nlet x = r + 1mV") == """
        error: cannot add resistance (MΩ) and voltage (mV)
         --> <repl>:2:9
          |
        2 | let x = r + 1mV
          |         ^^^^^^^
          = hint: a voltage over a resistance is a current: V / R

        """)
  }

  @Test func unknownParameterSuggestsTheClosest() {
    let text = firstError("neuron n = lif(v_trh: -50mV)")
    #expect(text.contains("error: lif has no parameter 'v_trh'"))
    #expect(text.contains("|                ^^^^^"))
    #expect(text.contains("= hint: did you mean 'v_th'?"))
  }

  @Test func colourWrapsOnlyTheDecorations() {
    let d = Diagnostic(.runtime, "boom", at: nil, in: nil, hint: nil)
    #expect(d.rendered(color: true).contains("\u{1B}[1;31merror"))
    #expect(!d.rendered(color: false).contains("\u{1B}"))
  }
}
