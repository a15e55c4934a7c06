import Foundation
import Testing

/// `:save FILE.neuro`: a session becomes a script that runs to the same results.
@Suite struct SessionScriptTests {
  /// A session with random numbers (no seed typed), a syntax error, a runtime error and a reset part way.
  private let session = """
    neuron old = lif()
    :reset
    neuron n = lif()
    inject n 2.5nA from 20ms to 60ms
    let x = 3 +* 2
    run 100ms
    input noise = poisson(10, rate: 50Hz)
    connect noise -> n with p: 0.5, weight: 1mV
    bogus(1)
    population net[20] = lif()
    net.v = uniform(-70mV, -55mV, 20)
    run 100ms
    print len(spikes(n)), spike_count(noise), spike_count(net)
    """

  /// The lines a run prints, without diagnostics and the REPL's own messages.
  private func results(_ output: String) -> [String] {
    output.split(separator: "\n").map(String.init).filter {
      !$0.hasPrefix("saved ") && !$0.hasPrefix("session cleared")
    }
  }

  @Test func theSavedSessionRunsToTheSameResults() throws {
    let script = try temporaryScript("", name: "session.neuro")
    defer { try? FileManager.default.removeItem(at: script.deletingLastPathComponent()) }
    let repl = try runNeuro([], input: session + "\n:save \(script.path)\n")
    #expect(repl.stdout.contains("saved 9 statements to \(script.path)"))
    #expect(repl.stderr.contains("expected an expression") && repl.stderr.contains("unknown name 'bogus'"))

    let text = try String(contentsOf: script, encoding: .utf8)
    #expect(!text.contains("old") && !text.contains("+*") && !text.contains("bogus"))
    #expect(text.split(separator: "\n")[1].hasPrefix("seed "))  // the session's own random numbers

    let again = try runNeuro([script.path], input: "")
    #expect(again.status == 0 && again.stderr.isEmpty)
    #expect(results(again.stdout) == results(repl.stdout))
    #expect(results(again.stdout).count == 4)  // 2 runs, 1 connect, 1 print
  }

  @Test func saveNeedsAFileAndSaysWhyItCannotWrite() throws {
    let missing = try runNeuro([], input: ":save\n")
    #expect(missing.stderr.contains(":save needs a file name"))
    let folder = try runNeuro([], input: "neuron n = lif()\n:save /\n")
    #expect(folder.stderr.contains("cannot write"))
  }
}
