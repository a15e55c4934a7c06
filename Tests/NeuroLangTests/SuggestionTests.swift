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
}
