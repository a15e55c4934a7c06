import Testing
@testable import NeuroLang

@Suite struct SuggestionTests {
  @Test func caseInsensitiveMatchComesFirst() {
    #expect(closestName(to: "Tau", among: ["tau", "t_ref"]) == "tau")
  }

  @Test func distanceIsBoundedByLength() {
    #expect(closestName(to: "tua", among: ["tau", "R"]) == "tau")
    #expect(closestName(to: "xyz", among: ["tau"]) == nil)
    #expect(closestName(to: "v_trh", among: ["v_th", "v_rest", "v_reset"]) == "v_th")
  }

  @Test func editDistance() {
    #expect(NeuroLang.editDistance("kitten", "sitting") == 3)
    #expect(NeuroLang.editDistance("", "abc") == 3)
    #expect(NeuroLang.editDistance("µs", "us") == 1)
  }

  /// The hint of the first diagnostic of running `text`.
  private func firstHint(_ text: String) -> String? {
    var hints: [String?] = []
    Interpreter(host: Host(write: { _ in }, report: { hints.append($0.hint) })).execute(
      Source(name: "<test>", text: text))
    return hints.first ?? nil
  }

  @Test(arguments: [
    ("nuron k = lif()", "neuron"), ("pirnt 3", "print"), ("ruun 100ms", "run"),
    ("populaton exc[10] = lif()", "population"), ("imprt \"lif\"", "import"),
  ])
  func misspelledStatementWordIsNamed(_ text: String, _ word: String) {
    #expect(firstHint(text) == "did you mean '\(word)'?")
  }

  @Test func keepingTheResultOfAppendSaysItChangesTheListInPlace() {
    #expect(
      firstHint("let xs = [1]\nlet ys = append(xs, 2)")
        == "append changes the list in place: write append(xs, v) on its own line, then use xs")
  }
}
