import NeuroUnits

/// The text behind `:help` and `:help TOPIC`: language topics, built-in
/// functions, models and their parameters.
public enum Help {
  /// Help on a topic, or nil when there is none (then `suggestions` helps).
  public static func text(for topic: String?) -> String? {
    guard let topic = topic?.trimmed(), !topic.isEmpty else { return overview }
    if let text = topics[topic] ?? whyTopics[topic] { return text }
    if let kind = ModelKind.all[topic] { return modelHelp(kind) }
    if let builtin = Builtins.all[topic] { return "\(builtin.name)(\(builtin.signature))\n  \(builtin.summary)\n" }
    for kind in ModelKind.all.values {
      if let p = kind.parameter(topic) {
        return
          "\(p.name) — \(kind.name) parameter: \(p.meaning), a \(p.dimension.word) (default "
          + "\(Quantity(p.defaultValue, p.dimension).formatted))\n"
      }
    }
    return nil
  }

  /// Topics close to a mistyped one, among the language's and `more` (the REPL's own).
  public static func suggestions(for topic: String, among more: [String] = []) -> [String] {
    closestNames(to: topic, among: allTopics + more, limit: 4)
  }

  /// Every name `:help` knows.
  public static var allTopics: [String] {
    Array(topics.keys) + Array(whyTopics.keys) + Array(ModelKind.all.keys) + Array(Builtins.all.keys)
      + ModelKind.all.values.flatMap { $0.parameters.map(\.name) }
  }

  private static func modelHelp(_ kind: ModelKind) -> String {
    var text = "\(kind.name)(…) — \(kind.summary)\n\nparameters:\n"
    let width = kind.parameters.map(\.name.count).max() ?? 0
    for p in kind.parameters {
      let pad = String(repeating: " ", count: width - p.name.count)
      text += "  \(p.name)\(pad)  \(Quantity(p.defaultValue, p.dimension).formatted.padding(8))  \(p.meaning)\n"
    }
    for choice in kind.choices {
      let pad = String(repeating: " ", count: max(0, width - choice.name.count))
      text +=
        "  \(choice.name)\(pad)  \(choice.words[0].padding(8))  \(choice.meaning); or "
        + choice.words.dropFirst().joined(separator: ", ") + "\n"
    }
    let methods = kind.methods.map(\.rawValue)
    text +=
      "  method\(String(repeating: " ", count: max(0, width - 6)))  \(methods[0].padding(8))  "
      + (methods.count > 1 ? "or \(methods.dropFirst().joined(separator: ", "))" : "the only method") + "\n"
    if !kind.presets.isEmpty {
      text += "\npresets (\(kind.name)(preset: NAME)):\n"
      let presetWidth = kind.presets.map(\.name.count).max() ?? 0
      for preset in kind.presets { text += "  \(preset.name.padding(presetWidth))  \(preset.note)\n" }
    }
    if !kind.variables.isEmpty {
      text += "\nrecorded: " + kind.variables.map { "\($0.name) (\($0.meaning))" }.joined(separator: ", ") + "\n"
    }
    if let example = kind.example {
      text += "example:  \(example)\n"
    } else if let example = kind.presets.first {
      text += "example:  neuron n = \(kind.name)(preset: \(example.name))\n"
    } else if let first = kind.parameters.first {
      text +=
        "example:  neuron n = \(kind.name)(\(first.name): "
        + "\(Quantity(first.defaultValue, first.dimension).typed))\n"
    }
    return text
  }

  private static let overview = """
    neuro — a language for simulating neurons. Try:

      neuron n = lif(tau: 10ms)          a leaky integrate-and-fire neuron
      inject n 2.5nA from 20ms to 60ms   a step current
      run 100ms                          simulate
      plot n.v                           draw the membrane potential
      spikes(n)                          when it fired

    help topics:  units  neuron  inject  run  reset  now  dt  plot  print  let  import  model  event  repl  lessons
                  population  connect  input  drive  record  raster  hist  heatmap  figures  plasticity  networks
                  rates  phase_plane  decisions  memory  coding  fitting  why  check
    models:       lif  cond  izhikevich  adex  hh  poisson  rate_unit  wong_wang  tuned  (and your own: :help model)
    functions:    spikes  spike_count  rate  isi  cv  psth  fano  synchrony  correlogram  connections
                  stdp  stp  pairing  stdp_window  weights  phase_plane  fixed_points  decisions  ring_weights
                  dense  sequential  summary  dataset  split  evaluate  predict  accuracy  confusion
                  hopfield  recall  letter  corrupt  overlap  image  images  hopfield_capacity
                  fit_lif  fit_fi  load_spikes  spike_counts  decode  decoding_error  tuning_curve  responses
                  cross_validate  activity  pca  reverse_correlation  gabor  correlation  sin  cos
                  simulate  table  len  range  linspace  min  max  sum  mean  std  fraction  random  uniform  normal
                  describe
    REPL:         :help TOPIC   :load FILE   :reset   :quit   :lessons   :lesson N   (:help lessons)

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
    Defining the same name again replaces the neuron whole: its currents, events and recordings go too.
    n.v is its recorded membrane potential, n.tau a parameter; n.tau = 15ms changes it.

    """,
    "inject": """
    inject NEURON CURRENT [from T1] [to T2 | for D]
      inject n 2.5nA from 20ms to 60ms   on at 20 ms, off at 60 ms (times count from t = 0)
      inject n 1nA for 30ms              on now, off 30 ms later
      inject n 1nA                       on for the whole simulation
    Several injections add up; a window before the clock (now) is an error.
    stimuli(n) lists a neuron's currents, events and drives, clear_stimuli(n) removes them.

    """,
    "run": """
    run DURATION   advances the simulation, e.g. run 100ms; a second run continues from where the first ended.
    It prints the time simulated and the spikes of each neuron. Ctrl-C stops a long run and keeps the session.

    """,
    "model": """
    model NAME {                                  a neuron model of your own
      dv/dt = (g_L*(E_L - v) - w + I) / C         one equation per state variable; I is the injected current, t the time
      dw/dt = (a*(v - E_L) - w) / tau_w
      on v > -50mV { v = E_L; w += b }            threshold and resets
      params C: 200pF, g_L: 10nS, E_L: -70mV, a: 2nS, b: 50pA, tau_w: 100ms
      init v: -70mV                               starting values (else the parameter v is matched with, or 0)
      method rk4                                  euler, rk2, rk4 or exponential_euler
      refractory 2ms                              optional: hold every variable after a spike
    }
    neuron n = NAME(a: 4nS)
    Units are checked before any run: each term of dv/dt must be a voltage per time.
    Without a method, equations each linear in their own variable use exponential_euler, others rk2.
    exponential_euler is exact for one linear equation under a constant input; where linear
    equations are coupled (dv/dt reads an s that decays), the others are held over each step: an
    error of order dt (a PSP's peak about 1 % high at dt = 0.1 ms). method rk4 is closer (0.001 %).
    A voltage beyond ±200 mV in a step (a runaway exponential) is reported as an overshoot.

    """,
    "event": """
    event NEURON.VARIABLE += AMOUNT at T1, T2, …   (or: in D, that long from now)
      event n.g_exc += 10nS at 20ms         a synaptic conductance that then decays (cond neurons)
      event n.v += 2mV at [10ms, 30ms]      a jump of any state variable
      event n.g_exc += 10nS in 5ms          5 ms from now
    Times count from t = 0; one before the clock (now) is an error.

    """,
    "export": """
    export nest to "net.py"   the world's network as a standalone PyNEST 3 script (python3 net.py)
      lif → iaf_psc_delta, iaf_psc_exp (tau_syn) or iaf_cond_exp (E_rev); izhikevich; adex → aeif_cond_exp
      connect rules, drawn weights and delays; poisson and spike_times inputs as the trains neuro drew
      simulates from t = 0 to the time run so far (1 s before any run; --time MS for another)
      what NEST cannot do as neuro does (a model of your own, stp, noise currents) is an error
      naming each part, and nothing is written
    From the shell: neuro export --to nest FILE.neuro [-o OUT.py] (the script's runs give the time),
    and neuro --engine nest FILE.neuro runs it through NEST (pip install nest-simulator).
    A synapse without delay reaches its target one step later in NEST (its shortest delay is a step).

    """,
    "population": """
    population NAME[N] = MODEL      N neurons of one model: population exc[3200] = lif(tau: 20ms)
      exc[0..99], exc[5]            slices and single neurons, usable wherever neurons are
      exc.v = uniform(-60mV, -50mV, 3200)   starting values, one per neuron (also after reset)

    """,
    "connect": """
    connect PRE -> POST with RULE, weight: W [, tau_syn: T] [, E_rev: E] [, delay: D] [, self: false]
                                        [, plasticity: RULE]
      RULE: p: 0.02 (each pair with probability p), in_degree: 80, out_degree: 80,
            rule: all_to_all, rule: one_to_one
      weight 1.62mV            v jumps by 1.62 mV (a delta synapse)
      weight 1.62mV, tau_syn   a current in voltage units that decays (the CUBA benchmark)
      weight 50pA, tau_syn     a current that decays
      weight 6nS, E_rev: 0mV   a conductance that decays (tau_syn, default 5 ms)
      weight uniform(0mV, 1mV) one weight drawn for each synapse (normal(mean, sd) too; delay as well)
    A spike reaches its synapses delay after it (whole steps) and acts from the next step on.
    connections() lists every pathway.
    let syn = connect …   names the connection: syn.w, record syn.w[0..9] (:help plasticity)

    """,
    "drive": """
    drive NEURONS with poisson(N, rate: R), weight: W [, tau_syn: T] [, E_rev: E] [, delay: D]
      each neuron gets N independent Poisson sources of its own at rate R (Brian2's PoissonInput, NEST's \
    poisson_generator): each step its synapses take a Poisson number of events of mean N·R·dt, each adding W as \
    a connection's spike would (mV: a jump of v, with tau_syn a decaying current; pA; nS with E_rev)
      drive net with poisson(1000, rate: 20Hz), weight: 0.1mV, delay: 1.5ms   Brunel's external input
    No source neurons are made and no synapses stored: about one random number for two neurons a step. The \
    first events arrive delay after the drive begins; reset replays them, seed repeats them. connections() and \
    stimuli(n) list drives, clear_stimuli(n) removes them, and defining the neurons again removes theirs.

    """,
    "fn": """
    fn NAME(a, b: DEFAULT) { … return VALUE }
      fn ohm(I, R: 10MΩ) { return I * R }     call as ohm(2nA), ohm(2nA, 5MΩ) or ohm(2nA, R: 5MΩ)
    Functions see the names around them where they are written (closures) and may call themselves.
    ## comment lines right above fn are its documentation for :help.

    """,
    "if": "if CONDITION { … } else if CONDITION { … } else { … }   (else on the same line as the })\n",
    "for":
      "for NAME in LIST { … }   over a list, a range (0nA to 1nA step 0.25nA), range(n), a trace or a string; break "
      + "and continue work inside\n",
    "while": "while CONDITION { … }   repeats while true; Ctrl-C stops a loop that never ends\n",
    "return": "return VALUE   ends a function with a value (return alone gives nothing)\n",
    "break": "break   leaves the innermost for or while; continue goes on with its next round\n",
    "continue": "continue   goes on with the next round of the innermost for or while\n",
    "report":
      "report \"r.md\"   writes the session as Markdown: every statement that ran without an error (since the last "
      + ":reset), what it printed, and each figure it showed: an SVG drawing beside it (r-figure-1.svg, …), the figure "
      + "in words (describe) and drawn in plain characters; written whole or not at all\n",
    "check":
      "check accuracy   runs the session again at a ten times finer step (check accuracy, dt: 0.01ms for another) "
      + "and says how far each group's spike times and recorded v move; under 1 % of the time to each spike, the "
      + "step is fine. Random inputs draw anew at another step: then it compares rates\n",
    "threads":
      "threads 2   runs share their work among 2 threads (1 up to the cores of this machine; every core unless "
      + "set); the spikes are the same for any number\n",
    "seed": "seed 42   makes random, uniform, normal, poisson inputs and random connections repeat exactly\n",
    "save":
      "save VALUE to \"file.csv\"   a trace, a list, a record of lists or a table, units in the header; written "
      + "whole or not at all, keeping the file's permissions; a link is written through to its file; a folder, a "
      + "device, a FIFO or a read-only file is refused; ~/ is the home folder\n"
      + "save FIGURE to \"file.svg\"   a figure as an SVG drawing (axes with units, legend), the figure the terminal "
      + "draws: save plot(n.v) to \"v.svg\", save raster(p) to \"r.svg\", heatmap, hist, phase_plane too\n",
    "load":
      "load \"file.csv\"   a record of the file's columns, with the units of its header: let d = load \"v.csv\"; "
      + "d.time\n",
    "in": "x in mV   the plain number of millivolts in x; x as mV keeps the quantity but prints it in mV\n",
    "as": "x as mV   the quantity, printed in millivolts; x in mV gives the plain number\n",
    "append":
      "append(xs, v)   adds v to the end of the list held in xs, in place; it gives no value: let xs = []; "
      + "append(xs, 1)\n",
    "table":
      "table(I: currents, rate: rates)   lists side by side, units in the header; table(record) for a record of "
      + "lists\n",
    "heatmap": """
    heatmap MATRIX   a list of lists of numbers as shaded cells: heatmap weights(exc[0..29], exc[0..29])
      heatmap(MATRIX) is the same figure as a value (:help figures)

    """,
    "hist": """
    hist LIST [, bins: N]   a histogram of numbers in their unit: hist isi(exc)
      hist(LIST, bins: N) is the same figure as a value (:help figures)

    """,
    "input": """
    input NAME = poisson(N, rate: 10Hz)   N independent Poisson spike sources, to connect from; at any rate
                                          a source fires a Poisson number of spikes a step (10kHz: 1 on average)
      poisson(N, rate: 10Hz, correlation: 0.1)   any two share spikes: their counts correlate by 0.1
    input NAME = spike_times([10ms, 50ms])      a source firing at those times ([[…], […]] for several)
    drive NEURONS with poisson(N, rate: R), weight: W   N sources of its own for each neuron (:help drive)

    """,
    "record": """
    record POP.v[0..9]   keep the trace of v for those neurons (single neurons record everything)
    record syn.w[0..9]   keep those weights of a named connection, one sample a step: syn.w_recorded

    """,
    "fit": """
    fit NET on DATA with loss: L, optimizer: adam, epochs: 10, batch: 32, validation: 0.2, quiet: true
      trains NET by backpropagation: a line an epoch (quiet: the last only), Ctrl-C keeps the weights
      let h = fit …   the history {epoch, loss, accuracy, val_loss, val_accuracy}: plot h
    More in :help networks.

    """,
    "networks": """
    Artificial neural networks, Keras-style:
      let net = sequential(dense(32, input: 10, activation: relu), dense(1, activation: sigmoid))
      summary(net)                       layers, output shapes, parameters
      let data = dataset("iris")         also "digits", "xor", "file.csv" (label: "column"), or your own:
                                         dataset([[0, 0], [1, 1]], labels: [0, 1])
      let parts = split(data, test: 0.2) {train, test}: stratified, standardised with train's statistics
      fit net on parts.train with loss: categorical_crossentropy, optimizer: adam, epochs: 20,
                                  batch: 32, validation: 0.2 [, quiet: true]
      let h = fit …                      the history: plot h draws the learning curves
    dense(units, input: n, activation: linear|relu|sigmoid|tanh|softmax, init: glorot_uniform|he_normal)
    loss: binary_crossentropy (sigmoid), categorical_crossentropy (softmax), mean_squared_error
    optimizer: adam, sgd, adam(learning_rate: 0.01), sgd(learning_rate: 0.1, momentum: 0.9)
    evaluate(net, test), accuracy(net, test), predict(net, [x1, x2]), heatmap confusion(net, test)
    Looking inside: layer_weights(net, 1), heatmap receptive_field(net, 5), activations(net, [0, 1]),
      heatmap decision_map(net, data) for two features. random_dataset(100, features: 10, classes: 2).
    Ctrl-C stops fit and keeps the weights reached; the same seed gives the same numbers.

    """,
    "memory": """
    Associative memory: a Hopfield network of ±1 units stores patterns by the
    Hebbian rule, W = (1/N) Σ ξ ξᵀ, and recalls one from a corrupted cue.
      let net = hopfield([letter("A"), letter("T"), letter("O")])
      let cue = corrupt(letter("A"), 0.2)   20 % of its units turned over
      let r = recall(net, cue)              update: async or sync, sweeps: 20
      images([cue, r.states[1], r.state], titles: ["cue", "sweep 1", "end"])
    Patterns are lists of 1 and -1: letter("A") (10 × 10), random_pattern(100).
    recall gives {state, states, energy, pattern, overlap, overlaps, sweeps,
      converged, cycle}: states starts with the cue; pattern is the stored one
      it ends closest to (from 0), overlap its m = (1/N) Σ ξ_i s_i.
    async updates one unit at a time, in a random order each sweep: the energy
      energy(net, s) = -½ Σ W_ij s_i s_j never rises, so recall settles.
      sync updates all at once and may end in a 2-cycle (cycle: true).
    overlap(a, b), net.n, net.patterns, heatmap net.weights
    image(p) draws a pattern: a square number of units, or width: units a row.
    plot hopfield_capacity(n: 500, seeds: 10, flip: 0.1)   recall against the
      load alpha = P/N: it collapses near 0.14 (Amit, Gutfreund & Sompolinsky
      1985).
    seed 42 first makes every draw repeat.

    """,
    "fitting": """
    Fitting models to data, by least squares; each fit gives its parameters with
    units, the residual (the RMS difference of data and model), a lif model to
    simulate, and comparison: a plot of the data against the model.
      let f = fit_lif(n)                   n's voltage under the currents injected into it
      let f = fit_lif(d, current: d.I)     a record {time, v} from load, or a trace
      f.tau  f.R  f.v_rest  f.v_th  f.v_reset  f.t_ref  f.residual  f.model  f.comparison
    fit_lif: between spikes an exact LIF step is linear, v' = a v + b I + c, which
      gives a start; Levenberg-Marquardt then fits tau, R, v_rest, v_reset and the
      first voltage to the whole trajectory, reset at the data's spikes (drops
      larger than half the trace's range), so noise on the voltage does not bias
      it. t_ref is the steps the voltage holds after a reset (to one step), v_th
      midway between the last voltage before each spike and the model's next one.
      The current must change (a step or a ramp): under a constant one only
      v_rest + R I is known. current: is a current or a list of one per sample.
    fit_fi(currents, rates, model: lif(v_reset: -60mV)) fits the LIF F-I curve
      f = 1 / (t_ref + tau ln((I - rho I_th) / (I - I_th))): tau, the rheobase
      I_th and t_ref; rho = (v_reset - v_rest) / (v_th - v_rest) and R = (v_th -
      v_rest) / I_th come from the model's voltages (lif()'s when not given).
    Recorded data in:
      load "v.csv"                      a header with units, time (ms),v (mV),I (nA)
      load_spikes("spikes.csv")         a list of spike times per neuron
    load_spikes reads long form, a row per spike (neuron,time (ms), neurons
      numbered from 0), or a column of times per neuron (cell1 (ms),cell2 (ms)),
      with empty cells where one fired less. isi, cv, psth, fano and synchrony
      take the lists; input rec = spike_times(load_spikes("spikes.csv")) makes
      them sources, and after run (as long as the recording) raster rec, rate(rec)
      work as for simulated neurons. A file's mistakes are named by line and column.

    """,
    "plasticity": """
    connect … plasticity: stdp(…)   spike-timing-dependent plasticity: spikes
    Δt = t_post − t_pre apart change a weight by
      a_ltp·exp(−Δt/tau_ltp) when Δt ≥ 0, −a_ltd·exp(Δt/tau_ltd) when Δt < 0
      stdp(a_ltp: 0.01, a_ltd: 0.0105, tau_ltp: 20ms, tau_ltd: 20ms, w_max: 1mV)
      a_ltp, a_ltd   plain numbers are fractions of w_max; or in the weight's
                     unit (10µV); a_plus, a_minus, tau_plus, tau_minus too
      pairing:       all_to_all (every pre with every post spike) or nearest
      update:        additive, or multiplicative (potentiation × (1 − w/w_max),
                     depression × w/w_max)
      Weights stay within [0, w_max]; spikes in one step count as Δt = 0; with
      a delay, t_pre is when the spike arrives.
    connect … plasticity: stp(U: 0.5, tau_rec: 800ms, tau_facil: 0ms)
      Tsodyks–Markram short-term plasticity: a spike delivers weight · u · x;
      presets depressing and facilitating; [stdp(…), stp(…)] for both.
    pairing(rule, 10ms, pairs: 60, rate: 20Hz)   Δw of a pairing protocol
    plot stdp_window(rule)                       the learning window
    let syn = connect …   a named connection:
      syn.w            every weight now: hist syn.w, save syn.w to "w.csv"
      syn.pre, .post   the neurons at the ends of each synapse (their indices)
      weights(syn)     the matrix: heatmap weights(syn)
      record syn.w[0..9], then plot syn.w_recorded   weights over time
    reset returns plastic weights to those drawn at connect.
    examples/song2000.neuro: competition among 1000 inputs (Song et al. 2000).

    """,
    "rates": """
    population r[N] = rate_unit(tau: 10ms, f: relu)   firing-rate units:
      tau dr/dt = -r + f(drive)
      f: relu      gain·(drive - threshold) above the threshold (at most r_max)
      f: sigmoid   r_max / (1 + exp(-4·gain·(drive - threshold)/r_max))
      noise: 2Hz   fluctuations of each unit's drive (filtered with tau)
    inject r 20Hz   a drive in Hz (rate units take no currents)
    connect a -> b with weight: 0.5, rule: all_to_all
      b's drive gains 0.5 × a's rate: a plain number
    connect ring -> ring with weights: ring_weights(64, j0: -2, j2: 6)
      a weight for every pair; ring_weights gives uniform inhibition j0 and
      excitation j2 tuned to neighbours on a ring (a bump attractor)
    record r.r, then plot r[0].r, or heatmap r.r (neurons down, time across)
    Rates pass on one step late; rate units and spiking neurons do not connect.
    A model of your own can describe rates too, driven by its input I (import
    "dynamics" has wilson_cowan); one with a rate r (in Hz) drives rate units
    through connect, but takes no rate connections itself.

    """,
    "phase_plane": """
    phase_plane(MODEL, from: [x, y], duration: 500ms, x: [lo, hi], y: [lo, hi])
      for a model of two variables: both nullclines (dx/dt = 0, dy/dt = 0),
      arrows of the flow, the path from each start (from: [[x1, y1], [x2, y2]])
      and the fixed points: ● stable, ○ unstable, × saddle, ◎ center
      input: 0.5nA   the constant current I of a model of your own
      trial: d       the path neuron d was recorded taking
    fixed_points(MODEL, x: [lo, hi], y: [lo, hi])   each fixed point and its
      kind (stable or unstable node or focus, saddle, center), from the
      eigenvalues of the Jacobian there
    import "dynamics" gives wilson_cowan (Wilson & Cowan 1972: rest for P = 0,
      a limit cycle for P = 1.25) and fitzhugh_nagumo (rest for I_ext = 0,
      repetitive firing for I_ext = 0.5); also wong_wang, and your own models.

    """,
    "decisions": """
    neuron d = wong_wang(coherence: 12.8)   Wong & Wang (2006): two populations
      race; one trial. run 1s, then plot d.r1, d.r2; spikes(d) is when a rate
      reached the threshold (15 Hz); d.S1, d.S2 are the NMDA gating variables:
      phase_plane(wong_wang(coherence: 12.8), trial: d, x: [0, 0.8], y: [0, 0.8])
    let d = decisions(wong_wang(), coherence: [0, 12.8, 51.2], trials: 200)
      many trials: {coherence, accuracy, reaction_time, rt_sd, decided}
      plot {coherence: d.coherence, accuracy: d.accuracy}        psychometric
      plot {coherence: d.coherence, reaction_time: d.reaction_time}   chronometric
    :help wong_wang lists its parameters: sigma (the noise), threshold (speed
      against accuracy), J_self, J_cross, I_0, mu_0.

    """,
    "coding": """
    input v1 = tuned(64, stimulus: 45)   Poisson neurons tuned to an orientation
      (degrees; period: 360 for a direction): peak, baseline, width, shape:
      von_mises or gaussian; v1.stimulus = 90 shows another from now on
    spike_counts(v1, from: 0ms)      each neuron's spikes in a window
    decode(v1, method: maximum_likelihood)   the stimulus the counts point to
      (method: population_vector, the default, sums the preferences)
    decoding_error(tuned(), neurons: [16, 64, 256], duration: 100ms)
      {neurons, error}: the RMS error over random stimuli (falls as 1/√N)
    tuning_curve(tuned(), index: 16)   {stimulus, rate} of one neuron
    responses(tuned(), stimuli: [0, 45, 90], trials: 50)   spike counts of
      many trials as a data set (class = stimulus)
    cross_validate(data, folds: 5)   a linear decoder tested on held-out
      trials: {held_out, training, accuracy}
    activity(pop, bin: 20ms)   rates per bin and neuron (a matrix)
    pca(matrix)   {explained, pc1, pc2, components}: plot {pc1: p.pc1, pc2: p.pc2}
    reverse_correlation(gabor(), duration: 50s)   a model cell under white
      noise: {sta, spikes}; correlation(r.sta, gabor()) compares the two
    gabor(size: 16, wavelength: 8, angle: 45, sigma: 3)   a simple cell's field

    """,
    "raster": """
    raster POP [from T1] [to T2]   a dot for every spike: time across, neuron up
      raster(POP, from: T1, to: T2) is the same figure as a value (:help figures)

    """,
    "figures": """
    plot(…), raster(…), hist(…), heatmap(…) give a figure: a value, drawn when shown
      let f = plot(n.v, from: 20ms, to: 60ms)   keeps it; nothing is drawn
      f                                         draws it (print f does too)
      hist(isi(exc), bins: 20)                  a figure on its own line is drawn
    A figure keeps the data it was made from: make it again after running more.
    The statements plot n.v, raster exc, hist xs, heatmap m draw the same figures.
    describe(f) says what a figure shows in sentences (ranges, extremes and when, spikes,
      trends, rates, synchrony, fixed points), for screen readers and checks;
      describe() the figure drawn last

    """,
    "reset": """
    reset    rewinds the clock to t = 0: every neuron back at its initial state, recordings and spikes cleared. It \
    keeps the neurons, populations and inputs, their currents and events, connections, what is recorded, dt and every \
    name, so run replays the same experiment.
    :reset   (REPL) starts over: a fresh world (t = 0, dt = 0.1 ms, nothing simulated) and no names.

    """,
    "now": "now   the simulated time: 0 ms at the start, moved on by run, back to 0 ms by reset\n",
    "stimuli":
      "stimuli(n)   lists the currents, events and Poisson drives of a neuron, numbered; clear_stimuli(n) removes all, "
      + "clear_stimuli(n, k) the k-th\n",
    "dt": "dt   the time step, 0.1 ms unless set: dt = 0.05ms (only at t = 0; write reset first).\n",
    "plot": """
    plot TRACE [, TRACE …] [from T1] [to T2]
      plot n.v                      the membrane potential, spikes marked ▾ above
      plot n.v, m.v                 two traces on one axis, with a legend
      plot n.v from 20ms to 60ms    a window
      let f = plot(n.v, m.v)        the same, as a value (:help figures)
    Plots use braille dots; start neuro with --ascii (or NEURO_ASCII=1) for plain characters.

    """,
    "print": "print VALUE [, VALUE …]   prints values separated by spaces: print \"rate:\", rate(n)\n",
    "let": "let NAME = VALUE   defines a name: let I = 2.5nA; assign again with I = 3nA\n",
    "import": "import \"NAME\"   runs NAME.neuro from the script's folder or the standard library (stdlib/), once\n",
  ]
}

extension String {
  /// Padded with spaces to `width` characters (never cut).
  func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
