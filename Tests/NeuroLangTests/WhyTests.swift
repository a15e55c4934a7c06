import NeuroUnits
import Testing

@testable import NeuroLang

/// `why` and `explain`: the help page's example prints what the page shows, and the record's parts add up to v
/// (the resting level plus every part) for a neuron under currents and for one in a network.
@Suite struct WhyTests {
  /// What running `code` prints, and whether it ran without error.
  private func run(_ code: String) -> (output: String, ok: Bool) {
    var output = ""
    let session = Interpreter(host: Host(write: { output += $0 }, report: { _ in }))
    let ok = session.execute(Source(name: "t", text: code), echo: true) == .success
    return (output, ok)
  }

  /// The page's examples (a LIF neuron, a nonlinear model), each with what the page says it prints.
  static let helpExamples = [
    (Help.whyExample, Help.whyExampleOutput), (Help.whyNonlinearExample, Help.whyNonlinearExampleOutput),
  ]

  @Test(arguments: helpExamples.indices) func helpExamplePrintsWhatThePageShows(_ i: Int) throws {
    let (example, expected) = Self.helpExamples[i]
    let (output, ok) = run(example)
    #expect(ok)
    let afterRun = try #require(output.split(separator: "\n", maxSplits: 1).last)
    // Printed with its sentences fitted to the screen (80 columns here).
    #expect(String(afterRun) == WhyReport.wrappingSentences(expected, width: 80))
    #expect(Help.text(for: "why")?.contains(expected) == true)
    #expect(Help.text(for: "explain") == Help.text(for: "why"))
  }

  @Test func partsAndRemainderAddUpToVForEveryModel() {
    let setup = """
      neuron izh = izhikevich()
      neuron a = adex()
      neuron h = hh()
      neuron c = cond(v_th: -55mV)
      model qif {
        dv/dt = (v + 70mV) * (v + 50mV) / (20mV * 10ms) + 100Mohm * I / 10ms
        on v > 0mV { v = -70mV }
        init v: -70mV
      }
      neuron q = qif()
      inject izh 10nA from 20ms to 80ms
      inject a 1nA from 20ms to 80ms
      inject h 10uA from 20ms to 80ms
      inject c 2nA from 20ms to 80ms
      inject q 300pA from 20ms to 80ms
      event c.g_exc += 20nS at 30ms
      run 100ms
      """
    let calls = ["izh", "a", "h", "c", "q"].flatMap { ["why(\($0))", "explain(\($0), at: 50ms)"] }
    let remainders = relativeRemainders(setup, calls)
    #expect(remainders.count == calls.count)
    #expect(remainders.allSatisfy { abs($0) < 1e-9 })
  }

  /// The record's v less its resting level and parts, relative to v, for each call.
  private func relativeRemainders(_ setup: String, _ calls: [String]) -> [Double] {
    var lines = [setup]
    for (i, call) in calls.enumerated() {
      lines.append("let r\(i) = \(call)")
      lines.append("let total\(i) = r\(i).rest")
      lines.append("for p in r\(i).parts { total\(i) = total\(i) + p.part }")
      lines.append("print \"remainder\", (r\(i).v - total\(i)) / r\(i).v")
    }
    let (output, ok) = run(lines.joined(separator: "\n"))
    #expect(ok)
    return output.split(separator: "\n").filter { $0.hasPrefix("remainder ") }.map {
      Double($0.dropFirst("remainder ".count)) ?? .infinity
    }
  }

  @Test func partsAddUpToVForCurrentsAndEvents() {
    let setup = """
      neuron n = lif(tau: 10ms, t_ref: 2ms)
      inject n 2.5nA from 20ms to 60ms
      inject n -0.5nA from 30ms to 80ms
      inject n sine(0.4nA, 30Hz)
      event n.v += 2mV at 35ms
      run 100ms
      """
    let errors = relativeRemainders(setup, ["why(n)", "explain(n, at: 42ms)", "explain(n, at: 99.9ms)"])
    #expect(errors.count == 3 && errors.allSatisfy { abs($0) < 1e-9 })
  }

  @Test func partsAddUpToVInANetworkWithExcitationAndInhibition() {
    let setup = """
      seed 1
      population exc[40] = lif(tau: 20ms, t_ref: 2ms)
      population inh[10] = lif(tau: 10ms)
      population post[2] = lif(tau: 20ms)
      record post.v
      inject exc 1.7nA
      inject inh 1.6nA
      inject post 1nA from 10ms
      connect exc -> post with p: 0.5, weight: 0.1nA, delay: 1ms
      connect inh -> post with p: 0.5, weight: -1.5mV
      drive post with poisson(50, rate: 20Hz), weight: 0.2mV
      run 100ms
      """
    let calls = ["why(post[0])", "explain(post[1], at: 57.3ms)", "explain(post[0], at: 99ms)"]
    let errors = relativeRemainders(setup, calls)
    #expect(errors.count == 3 && errors.allSatisfy { abs($0) < 1e-9 })
  }

  @Test func conductancesAreSaidToBeApproximate() {
    let code = """
      population exc[20] = lif()
      neuron n = lif(tau: 20ms)
      inject exc 2nA
      inject n 1nA
      connect exc -> n with rule: all_to_all, weight: 1nS, E_rev: 0mV
      run 60ms
      explain n at 55ms
      """
    let (output, ok) = run(code)
    #expect(ok)
    #expect(output.contains("its synapses are conductances, so the parts are approximate"))
    #expect(output.contains("  nonlinear remainder"))
    #expect(output.contains("presynaptic neurons that did most (5 of 20;"))
  }
}
