import Foundation
import Testing

/// `neuro check FILE…` (or `--check`): every diagnostic, nothing run, the exit code a run would give.
@Suite struct CheckCommandTests {
  @Test func reportsEverySyntaxErrorWithoutRunning() throws {
    let script = try temporaryScript("print 1\nlet x = (2 +\nrun 10ms\nprint )\nlet y = 3 3\n")
    let result = try runNeuro(["check", script.path], input: "")
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    for line in [2, 4, 5] { #expect(result.stderr.contains("--> \(script.path):\(line):"), "line \(line)") }
    #expect(result.stderr.hasSuffix("3 errors in 1 file\n"))
  }

  /// Unit errors in a model declaration are found without a run, also with constants defined before it.
  @Test func reportsUnitErrorsInModels() throws {
    let script = try temporaryScript(
      """
      let tau_m = 10ms
      neuron n = lif()
      run 1000s
      model leaky {
        dv/dt = (-v + 10mV) / tau + 1nA
        params tau: tau_m
      }
      """)
    let result = try runNeuro(["--check", script.path], input: "")
    #expect(result.status == 70)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("error: cannot add") && result.stderr.contains("--> \(script.path):5:"))
  }

  @Test func aGoodFileSaysNothing() throws {
    let result = try runNeuro(["check", "examples/lif.neuro", "examples/brunel.neuro"], input: "")
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty && result.stderr.isEmpty)
  }

  @Test func theGravestProblemGivesTheExitCode() throws {
    let syntax = try temporaryScript("print (\n")
    let result = try runNeuro(["check", "no/such.neuro", syntax.path, "examples/lif.neuro"], input: "")
    #expect(result.status == 74)
    #expect(result.stderr.contains("cannot open 'no/such.neuro'") && result.stderr.contains("2 errors in 3 files"))
    let quiet = try runNeuro(["check", "-q", syntax.path], input: "")
    #expect(quiet.status == 65 && !quiet.stderr.contains("errors in"))
  }
}
