/// The help page of `why` and `explain`; its example's output is checked by a test (`WhyTests`).
extension Help {
  /// The example on the page, as typed.
  static let whyExample = """
    neuron n = lif(tau: 10ms, t_ref: 2ms)
    inject n 2.5nA from 20ms to 60ms
    inject n -0.5nA from 30ms to 80ms
    run 100ms
    why n
    """

  /// What the example prints after its run line.
  static let whyExampleOutput = """
    n spiked at 45 ms: v reached -54.98 mV, past its threshold of -55 mV
    counted from 31.1 ms, when v restarted at -70 mV after the spike before (a spike resets v)
    between spikes this neuron is linear: the parts add up to v exactly

      source                                   part  share
      resting level                          -70 mV
      inject 2.5 nA from 20 ms to 60 ms   +18.77 mV    83%  ████████████████████████
      inject -500 pA from 30 ms to 80 ms  -3.755 mV   -17%                     ░░░░░
      v                                   -54.98 mV

    """

  static let whyTopic = """
    why NEURON [at T]      why n, why exc[3]: what made the neuron's last spike
    explain NEURON at T    what its membrane potential was made of at any simulated time
    The membrane potential is broken into parts in mV: the resting level, each injected current,
    events on v, each connection and Poisson drive, and the presynaptic neurons whose spikes did
    most; a bar for each part runs from where the parts before it left v (█ raises v, ░ lowers it).
    It is counted from the last reset: a spike resets v, so only what came after it (and synaptic
    currents still flowing) shapes v. For LIF neurons with current synapses (weight in mV or nA)
    the parts add up to v exactly; with conductances (E_rev:) each input counts as the current
    g·(E − v) it carried, and what is left is the "nonlinear remainder" row. LIF neurons only.
    let r = why(n) gives a record {neuron, time, v, threshold, spiked, since, start, rest, parts,
      presynaptic, remainder, exact}; r.parts holds {source, part, share} for each row.

    example:

    """ + whyExample.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n\n" + whyExampleOutput

  /// The topics of this page.
  static let whyTopics = ["why": whyTopic, "explain": whyTopic]
}
