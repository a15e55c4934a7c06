// Cost per neuron per step of each built-in model and of its twin written in neuro
// (benchmarks/models/twins.neuro), for a group of 10 000 neurons under a constant input, then the cost of
// an independent Poisson drive (DriveCost.swift; `ModelCost 2000 drive` for that alone).
// Run with `make bench-models` (a release build tuned for this machine).
import Foundation
import NeuroEngine
import NeuroLang

let neurons = 10_000
let steps = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 2_000
/// An optional second argument keeps only the models whose name contains it.
let only = CommandLine.arguments.dropFirst(2).first
let twinsPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("models/twins.neuro").path

/// Nanoseconds per neuron per step of one group, after a warm-up; the best of three rounds.
func cost(_ make: () -> any NeuronGroup, current: Double) -> Double {
  var best = Double.infinity
  for _ in 0..<3 {
    var group = make()
    group.prepare(dt: 1e-4)
    let input = [Double](repeating: current, count: neurons)
    var spikes: [Int] = []
    input.withUnsafeBufferPointer { buffer in
      for _ in 0..<100 { spikes.removeAll(keepingCapacity: true); group.step(input: buffer, spikes: &spikes) }
      let start = DispatchTime.now().uptimeNanoseconds
      for _ in 0..<steps { spikes.removeAll(keepingCapacity: true); group.step(input: buffer, spikes: &spikes) }
      let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
      best = min(best, elapsed / Double(steps * neurons))
    }
  }
  return best
}

guard let session = try? readSourceFile(twinsPath) else {
  print("cannot read \(twinsPath)")
  exit(1)
}
let interpreter = Interpreter(host: Host(write: { print($0, terminator: "") }, report: { print($0.rendered()) }))
guard interpreter.execute(Source(name: twinsPath, text: session)) == .success else { exit(1) }

// Each twin beside the built-in run by the same scheme (spikes at the end of the step, the papers' Euler).
let cases: [(name: String, builtin: String, twin: String, current: Double)] = [
  ("LIF (exact / exponential Euler)", "lif(timing: grid)", "lif_twin()", 2.5e-9),
  ("conductance (exponential Euler)", "cond()", "cond_twin()", 2e-9),
  ("Izhikevich (Euler)", "izhikevich(method: euler)", "izhikevich_twin()", 10e-9),
  ("AdEx (Euler)", "adex(method: euler)", "adex_twin()", 1e-9),
  ("Hodgkin-Huxley (exponential Euler)", "hh(method: exponential_euler)", "hh_twin()", 10e-6),
]
// What accuracy by default costs: each default beside the same model by the scheme it replaced.
let defaults: [(name: String, accurate: String, plain: String, current: Double)] = [
  ("LIF precise / grid", "lif()", "lif(timing: grid)", 2.5e-9),
  ("Izhikevich adaptive / Euler", "izhikevich()", "izhikevich(method: euler)", 10e-9),
  ("AdEx adaptive / Euler", "adex()", "adex(method: euler)", 1e-9),
  ("HH midpoint / exponential Euler", "hh()", "hh(method: exponential_euler)", 10e-6),
]
/// One row: both models' costs under the same current and `second / first` (or its inverse when `inverted`).
@MainActor func row(_ name: String, _ first: String, _ second: String, current: Double, inverted: Bool = false) {
  guard let a = interpreter.model(first), let b = interpreter.model(second) else {
    print("cannot make \(first) or \(second)")
    exit(1)
  }
  let x = cost({ a.makeGroup(count: neurons) }, current: current)
  let y = cost({ b.makeGroup(count: neurons) }, current: current)
  print(name.padding(toLength: 36, withPad: " ", startingAt: 0),
        String(format: "%9.2f   %16.2f   %5.2f", x, y, inverted ? x / y : y / x))
}
print("model cost, \(neurons) neurons, \(steps) steps of 0.1 ms, ns per neuron per step (best of 3)")
print("model                                 built-in   written in neuro   ratio")
for entry in cases where only.map({ entry.name.contains($0) }) ?? true {
  row(entry.name, entry.builtin, entry.twin, current: entry.current)
}
print("\naccurate default                      default    replaced scheme    ratio")
for entry in defaults where only.map({ entry.name.contains($0) }) ?? true {
  row(entry.name, entry.accurate, entry.plain, current: entry.current, inverted: true)
}
if only.map({ "drive".contains($0) }) ?? true { driveCosts(neurons: neurons, steps: steps) }
