import Foundation
@testable import NeuroLang
import Testing

/// Runs code in a fresh interpreter and gives back its output and its diagnostics' messages.
func runSnippet(_ code: String, name: String = "snippet.neuro") -> (
  result: ExecutionResult, output: String, messages: [String]
) {
  var output = ""
  var messages: [String] = []
  let host = Host(
    write: { output += $0 }, report: { messages.append($0.message) },
    plot: PlotSettings(width: 60, height: 10, style: .ascii, color: false))
  let result = Interpreter(host: host).execute(Source(name: name, text: code))
  return (result, output, messages)
}

/// Huge, tiny and odd numbers where the language needs a whole count: a diagnostic, never a trap.
@Suite struct ExtremeNumberTests {
  @Test(arguments: [
    ("neuron n = lif(t_ref: 1e18ms)\nrun 1ms", ""),
    ("neuron a = lif()\nneuron b = lif()\nconnect a -> b with p: 1, delay: 1e15s, weight: 1mV", "a delay of"),
    ("population a[10] = lif()\nconnect a -> a with in_degree: 1e30, weight: 1mV", "in_degree 1e30 is more than"),
    ("neuron n = lif()\nrun 10ms\npsth(n, bin: 1e-300s)", "bins; at most 10 million"),
    ("model m {\n dv/dt = -v^3e9/(10ms)\n init v: 0mV\n}", "can only be raised to a whole power"),
    ("model m {\n dx/dt = -x^3e9/(10ms)\n init x: 1\n}", "an exponent in a model must lie between -1000 and 1000"),
    ("seed 1e300", "seed needs a whole number"),
    ("hist [1, 2, 3], bins: 1e300", "hist takes bins"),
    ("let xs = [1, 2]\nxs[1e300]", "an index must be a whole number"),
    ("range(1e300)", "needs a whole number"),
    ("dt = 1e-300s", "the time step must be between"),
    ("neuron n = lif()\nrun 1e300ms", "at most a billion in one run"),
    ("neuron n = lif()\nrun 50ms\nplot n.v from -1e308ms to 1e308ms", ""),
    ("1e308 * 10", ""),
  ])
  func refusedOrRun(_ code: String, _ expected: String) {
    let run = runSnippet(code)
    if expected.isEmpty { return }
    #expect(run.messages.contains { $0.contains(expected) }, "\(run.messages)")
  }
}

/// Deep and long input: a "nested too deeply" diagnostic, or the value, on any thread.
@Suite struct DepthTests {
  @Test func twoThousandBrackets() {
    let run = runSnippet(String(repeating: "(", count: 2000) + "1" + String(repeating: ")", count: 2000))
    #expect(run.result == .syntaxError)
    #expect(run.messages.first == "nested too deeply (more than 200 levels)")
  }

  @Test func twoThousandMinusSigns() {
    let run = runSnippet(String(repeating: "-", count: 2000) + "1")
    #expect(run.messages.first == "nested too deeply (more than 200 levels)")
  }

  @Test func eightHundredBlocks() {
    let run = runSnippet(String(repeating: "if true {\n", count: 800) + String(repeating: "}\n", count: 800))
    #expect(run.messages == ["blocks nested too deeply (more than 200 levels)"])
  }

  @Test func aFlatSumOfThreeThousandTerms() {
    let run = runSnippet("print 1" + String(repeating: " + 1", count: 2999))
    #expect(run.output == "3000\n")
  }

  @Test func aStatementOfMoreThanTenThousandOperators() {
    let run = runSnippet("print 1" + String(repeating: "+1", count: 10_001))
    #expect(run.messages.first?.hasPrefix("this statement is too long") == true)
  }

  @Test func deepCallsInLongExpressions() {
    let run = runSnippet("fn f(n) { return f(n)" + String(repeating: "+1", count: 9_000) + " }\nf(1)")
    #expect(run.result == .runtimeError)
  }

  @Test func fiftyThousandInvalidCharactersGiveAFewDiagnostics() {
    let run = runSnippet(String(repeating: "@", count: 50_000))
    #expect(run.messages.count == 11)
    #expect(run.messages.last == "… and 49990 more errors on this line")
  }

  @Test func floodsAreCountedPerLine() {
    let run = runSnippet(String(repeating: "@ ", count: 5_000) + "\n$\n")
    #expect(run.messages.count == 12)
    #expect(run.messages[10] == "… and 4990 more errors on this line")
    #expect(run.messages[11] == "unexpected character '$'")
  }
}

@Suite struct ValueNestingTests {
  @Test(arguments: ["x = [x]", "x = {a: x}"])
  func deepValuesAreRefused(_ step: String) {
    let run = runSnippet("let x = []\nfor i in 1 to 5000 { \(step) }\nprint 1")
    #expect(run.messages.first == "lists and records nested more than 1000 levels deep")
  }

  @Test func appendingADeepValueIsRefused() {
    let run = runSnippet("let x = []\nfor i in 1 to 999 { x = [x] }\nlet z = []\nappend(z, x)\nappend(z, [x])")
    #expect(run.messages == ["lists and records nested more than 1000 levels deep"])
  }
}

/// Sizes from user numbers are checked against the memory the machine allows the whole world.
@Suite struct MemoryBudgetTests {
  @Test func aConnectionTooBigForTheMachineIsRefusedBeforeAllocating() throws {
    let huge = try #require(Int(checking: MemoryBudget.limit / 4 / 0.5 + 1e6, rounding: .up))
    let size = Int(Double(huge).squareRoot().rounded(.up))
    let run = runSnippet("population a[\(size)] = poisson(rate: 1Hz)\nconnect a -> a with p: 0.5, weight: 1mV")
    #expect(run.messages.first?.hasPrefix("these synapses would need about") == true, "\(run.messages)")
  }

  @Test func populationsCountTogether() {
    let run = runSnippet("for i in 1 to 1000 {\n  population a[10000000] = lif()\n}")
    #expect(run.messages.first?.contains("more neurons would need about") == true, "\(run.messages)")
  }

  @Test func runningAnEmptyWorldForLongIsImmediate() {
    let run = runSnippet("run 100000s")
    #expect(run.messages.isEmpty)
    #expect(run.output.hasPrefix("ran 100000 s (1000000000 steps"))
  }
}

@Suite struct LongLineRenderingTests {
  @Test func aLineOfFiftyThousandBadCharactersRendersInAFewKilobytes() {
    var rendered = ""
    let host = Host(write: { _ in }, report: { rendered += $0.rendered() })
    Interpreter(host: host).execute(Source(name: "flood.neuro", text: String(repeating: "@", count: 50_000)))
    #expect(rendered.utf8.count < 10_000, "\(rendered.utf8.count) bytes")
  }

  @Test func theCaretStaysUnderItsCharacterInALongLine() {
    let line = String(repeating: "a", count: 300) + "@" + String(repeating: "b", count: 300)
    var rendered = ""
    let host = Host(write: { _ in }, report: { rendered += $0.rendered() })
    Interpreter(host: host).execute(Source(name: "long.neuro", text: line))
    let lines = rendered.split(separator: "\n").map(String.init)
    let source = lines.first { $0.hasPrefix("1 | ") } ?? ""
    let caret = lines.first { $0.contains("^") } ?? ""
    let at = source.firstIndex(of: "@").map { source.distance(from: source.startIndex, to: $0) }
    let under = caret.firstIndex(of: "^").map { caret.distance(from: caret.startIndex, to: $0) }
    #expect(at != nil && at == under, "\n\(source)\n\(caret)")
    #expect(source.hasPrefix("1 | …") && source.hasSuffix("…"))
  }
}
