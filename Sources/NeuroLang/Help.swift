import Foundation
import NeuroUnits

/// The text behind `:help` and `:help TOPIC`: language topics, built-in
/// functions, models and their parameters.
public enum Help {
  /// Help on a topic, or nil when there is none (then `suggestions` helps).
  public static func text(for topic: String?) -> String? {
    guard let topic = topic?.trimmingCharacters(in: .whitespaces), !topic.isEmpty else { return overview }
    if let text = topics[topic] { return text }
    if let kind = ModelKind.all[topic] { return modelHelp(kind) }
    if let builtin = Builtins.all[topic] { return "\(builtin.name)(\(builtin.signature))\n  \(builtin.summary)\n" }
    for kind in ModelKind.all.values {
      if let p = kind.parameter(topic) {
        return "\(p.name) — \(kind.name) parameter: \(p.meaning), a \(p.dimension.word) (default \(Quantity(p.defaultValue, p.dimension).formatted))\n"
      }
    }
    return nil
  }

  /// Topics close to a mistyped one.
  public static func suggestions(for topic: String) -> [String] {
    closestNames(to: topic, among: allTopics, limit: 4)
  }

  /// Every name `:help` knows.
  public static var allTopics: [String] {
    Array(topics.keys) + Array(ModelKind.all.keys) + Array(Builtins.all.keys)
      + ModelKind.all.values.flatMap { $0.parameters.map(\.name) }
  }

  private static func modelHelp(_ kind: ModelKind) -> String {
    var text = "\(kind.name)(…) — \(kind.summary)\n\nparameters:\n"
    let width = kind.parameters.map(\.name.count).max() ?? 0
    for p in kind.parameters {
      let pad = String(repeating: " ", count: width - p.name.count)
      text += "  \(p.name)\(pad)  \(Quantity(p.defaultValue, p.dimension).formatted.padding(8))  \(p.meaning)\n"
    }
    text += "  method\(String(repeating: " ", count: max(0, width - 6)))  exact     exact (default) or euler\n"
    text += "\nrecorded: " + kind.variables.map { "\($0.name) (\($0.meaning))" }.joined(separator: ", ") + "\n"
    text += "example:  neuron n = \(kind.name)(tau: 20ms, t_ref: 2ms)\n"
    return text
  }

  private static let overview = """
    neuro — a language for simulating neurons. Try:

      neuron n = lif(tau: 10ms)          a leaky integrate-and-fire neuron
      inject n 2.5nA from 20ms to 60ms   a step current
      run 100ms                          simulate
      plot n.v                           draw the membrane potential
      spikes(n)                          when it fired

    help topics:  units  lif  neuron  inject  run  reset  dt  plot  print  let  import  repl
    functions:    spikes  spike_count  rate  abs  sqrt  exp  log
    REPL:         :help TOPIC   :load FILE   :reset   :quit

    """

  private static let topics: [String: String] = [
    "units": """
      Numbers carry units written right after them: 10ms, -70mV, 2.5nA, 10MΩ (or 10Mohm), 1nF, 0.1uS, 40Hz.
        time s ms us · voltage V mV uV · current A mA uA nA pA · resistance Ω kΩ MΩ GΩ (ohm)
        capacitance F uF nF pF · conductance S mS uS nS · frequency Hz kHz   (µ or u for micro)
      Arithmetic keeps track of them: 2.5nA * 10MΩ is 25 mV, 1nF / 0.1uS is 10 ms.
      Adding a voltage to a current is an error, as it is on paper.

      """,
    "neuron": """
      neuron NAME = MODEL      adds a neuron to the simulation, e.g. neuron n = lif(tau: 20ms)
      Defining the same name again swaps the model and keeps its injected currents.
      n.v is its recorded membrane potential, n.tau a parameter; n.tau = 15ms changes it.

      """,
    "inject": """
      inject NEURON CURRENT [from T1] [to T2]
        inject n 2.5nA from 20ms to 60ms   on at 20 ms, off at 60 ms
        inject n 1nA                       on for the whole simulation
      Several injections add up.

      """,
    "run": """
      run DURATION   advances the simulation, e.g. run 100ms; a second run continues from where the first ended.
      It prints the time simulated and the spikes of each neuron. Ctrl-C stops a long run and keeps the session.

      """,
    "reset": "reset   returns the simulation to t = 0: neurons back at rest, recordings cleared; models and currents stay.\n",
    "dt": "dt   the time step, 0.1 ms unless set: dt = 0.05ms (only at t = 0; write reset first).\n",
    "plot": """
      plot TRACE [, TRACE …] [from T1] [to T2]
        plot n.v                      the membrane potential, spikes marked ▾ above
        plot n.v, m.v                 two traces on one axis, with a legend
        plot n.v from 20ms to 60ms    a window
      Plots use braille dots; start neuro with --ascii (or NEURO_ASCII=1) for plain characters.

      """,
    "print": "print VALUE [, VALUE …]   prints values separated by spaces: print \"rate:\", rate(n)\n",
    "let": "let NAME = VALUE   defines a name: let I = 2.5nA; assign again with I = 3nA\n",
    "import": "import \"NAME\"   runs NAME.neuro from the script's folder or the standard library (stdlib/), once\n",
    "repl": """
      In the REPL an expression prints its value. Unfinished lines (an open bracket, a trailing operator)
      continue on the next line; an empty line ends them.
        :help [TOPIC]   help           :load FILE   run a file in this session
        :reset          start afresh   :quit        leave (or Ctrl-D)
      Ctrl-C clears the line, or stops a running simulation. History is kept in ~/.neuro_history.

      """,
  ]
}

extension String {
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
