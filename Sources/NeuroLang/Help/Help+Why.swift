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
    n spiked at 45.0259 ms, crossing its threshold of -55 mV inside the step; by the step's end, 45.1 ms, its \
    inputs would have carried v to -54.96 mV
    counted from 31.2 ms, after the spike before and its refractory time, where v was -69.93 mV (a spike resets v)
    between spikes this neuron is linear: the parts add up to v exactly

      source                                   part  share
      resting level, from v at the start  -69.98 mV
      inject 2.5 nA from 20 ms to 60 ms   +18.77 mV    83%  ████████████████████████
      inject -500 pA from 30 ms to 80 ms  -3.755 mV   -17%                     ░░░░░
      v                                   -54.96 mV

    """

  /// The page's second example, a nonlinear model, as typed.
  static let whyNonlinearExample = """
    neuron izh = izhikevich()
    inject izh 0.5nA from 20ms to 80ms
    run 100ms
    explain izh at 60ms
    """

  /// What the second example prints after its run line.
  static let whyNonlinearExampleOutput =
    """
    izh at 60 ms: v = -69.66 mV
    counted from 0 ms, where v started at -65 mV

    """ + WhyApproximation.text(.linearisedAtRest, model: "izhikevich")
      + """


        source                                   part  share
        resting level, from the start       -70.36 mV
        inject 500 pA from 20 ms to 80 ms  +0.7027 mV   100%  ████████████████████████
        nonlinear remainder                 +1.982 µV     0%                          █
        v                                   -69.66 mV

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
    g·(E − v) it carried, and what is left is the "nonlinear remainder" row.
    Other models (izhikevich, adex, hh, cond, models written with `model`) are nonlinear: the
    neuron is replayed with its own step, each input counts as what it would do to the membrane
    linearised at its resting level, and the "nonlinear remainder" row holds what the model's
    nonlinear terms add: the quadratic term and u (izhikevich), the exponential spike current
    and w (adex), the sodium and potassium currents (hh), the conductances' g·(E − v) as v
    moves (cond). It is small for a weak input below threshold and large at a spike: the spike
    is the nonlinearity. At a spike of these models, v is taken one step before the reset.
    Spike sources (poisson, spike_times) and rate units have no membrane potential to explain.
    let r = why(n) gives a record {neuron, time, v, threshold, spiked, since, start, rest, parts,
      presynaptic, remainder, exact}; r.parts holds {source, part, share} for each row.

    example:

    """ + indented(whyExample) + "\n\n" + whyExampleOutput
    + "\nA nonlinear model, weakly driven (the remainder is small):\n\n"
    + indented(whyNonlinearExample) + "\n\n" + whyNonlinearExampleOutput

  /// Each line of `text` indented by two spaces.
  private static func indented(_ text: String) -> String {
    text.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
  }

  /// The topics of this page.
  static let whyTopics = ["why": whyTopic, "explain": whyTopic]
}
