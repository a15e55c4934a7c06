import Testing
@testable import NeuroLang

/// Hints for built-in model parameters lead to the model a textbook means: a plain number gets
/// the literature's unit, and a value far outside the usual range is a warning naming the slip.
@Suite struct ParameterHintTests {
  /// The diagnostics (kind, message, hint) of running `text` in a fresh session.
  private func diagnostics(_ text: String) -> [Diagnostic] {
    var found: [Diagnostic] = []
    let host = Host(write: { _ in }, report: { found.append($0) })
    Interpreter(host: host).execute(Source(name: "<test>", text: text))
    return found
  }

  @Test(arguments: [
    ("izhikevich(a: 0.02)", "add a unit: a: 0.02/ms (Izhikevich's unit); 0.02/ms is 20 Hz"),
    ("adex(C: 281)", "add a unit: C: 281pF"),
    ("hh(g_Na: 120)", "add a unit: g_Na: 120mS (the paper's mS/cm² on neuro's 1 cm² patch)"),
    ("hh(C: 1)", "add a unit: C: 1µF (1 µF/cm² on neuro's 1 cm² patch)"),
    ("lif(tau: 0.01)", "add a unit: tau: 10ms if 0.01 was in s, or tau: 0.01ms"),
    ("lif(tau: 10)", "add a unit: tau: 10ms"),
    ("adex(tau_w: 0.144)", "add a unit: tau_w: 144ms if 0.144 was in s, or tau_w: 0.144ms"),
    ("cond(g_leak: 0.1)", "add a unit: g_leak: 0.1µS"),
  ])
  func plainNumberGetsTheLiteratureUnit(_ call: String, _ hint: String) {
    let found = diagnostics(call)
    #expect(found.count == 1)
    #expect(found.first?.kind == .runtime)
    #expect(found.first?.hint == hint)
  }

  /// Following the hint gives the textbook value (to rounding) (here each model's default, which is the paper's).
  @Test(arguments: ["izhikevich(a: 0.02)", "adex(C: 281)", "hh(g_Na: 120)", "hh(g_K: 36)", "hh(C: 1)", "cond(C: 1)"])
  func followingTheHintGivesTheTextbookValue(_ call: String) throws {
    let hint = try #require(diagnostics(call).first?.hint)
    let literal = String(
      hint.dropFirst("add a unit: ".count).prefix { $0 != " " && $0 != ";" }
        + (hint.split(separator: " ").dropFirst(4).first ?? ""))
    let kindName = String(call.prefix { $0 != "(" })
    let parameterName = String(call.dropFirst(kindName.count + 1).prefix { $0 != ":" })
    var printed = ""
    let host = Host(write: { printed += $0 }, report: { _ in })
    let interpreter = Interpreter(host: host)
    let fixed = "abs(\(kindName)(\(literal)).\(parameterName) / \(kindName)().\(parameterName) - 1) < 1e-12"
    #expect(interpreter.execute(Source(name: "<test>", text: "print " + fixed)) == .success, "\(fixed)")
    #expect(printed == "true\n", "\(fixed)")
  }

  @Test(arguments: [
    (
      "lif(tau: 10s)", "tau is 10 s, far outside its usual range (1 ms to 100 ms)",
      "a slip of unit prefix? did you mean tau: 10ms?"
    ),
    (
      "lif(R: 10mohm)", "R is 10 mΩ, far outside its usual range (1 MΩ to 2 GΩ)",
      "a slip of unit prefix? did you mean R: 10MΩ?"
    ),
    (
      "izhikevich(a: 0.02Hz)", "a is 20 mHz, far outside its usual range (2 Hz to 200 Hz)",
      "a slip of unit prefix? did you mean a: 0.02/ms?"
    ),
    (
      "lif(v_rest: -70V)", "v_rest is -70 V, far outside its usual range (-100 mV to 50 mV)",
      "a slip of unit prefix? did you mean v_rest: -70mV?"
    ),
    (
      "let m = lif()\nm.tau = 20s", "tau is 20 s, far outside its usual range (1 ms to 100 ms)",
      "a slip of unit prefix? did you mean tau: 20ms?"
    ),
    ("izhikevich(b: 200)", "b is 200, far outside its usual range (0 to 1)", "the usual b is 0 to 1"),
  ])
  func farOutsideTheUsualRangeIsAWarning(_ source: String, _ message: String, _ hint: String) {
    let found = diagnostics(source)
    #expect(found.count == 1)
    #expect(found.first?.kind == .warning)
    #expect(found.first?.message == message)
    #expect(found.first?.hint == hint)
  }

  /// Values inside, or less than about 100 times outside, the usual range are quiet; so is every default and preset.
  @Test(arguments: [
    "lif(tau: 20ms, R: 100MΩ, t_ref: 2ms)", "lif(tau: 5s)", "adex(a: -10nS)", "izhikevich(preset: chattering)",
    "adex(preset: transient)", "hh()", "cond()", "poisson(rate: 10Hz)", "lif(v_rest: 0mV, v_th: 20mV, v_reset: 10mV)",
  ])
  func plausibleValuesAreQuiet(_ source: String) {
    #expect(diagnostics(source).isEmpty)
  }

  @Test func unitSuggestionsPickThePlausibleScale() {
    #expect(closestUnitSpelling(to: "mv") == "mV")
    #expect(closestUnitSpelling(to: "MA") == "mA")
    #expect(closestUnitSpelling(to: "NA") == "nA")
    #expect(diagnostics("print 5mv").first?.hint == "did you mean 'mV'?")
  }
}
