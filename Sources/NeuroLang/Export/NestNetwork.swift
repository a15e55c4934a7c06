/// A network as NEST builds it, in NEST's units (ms, mV, pA, nS, pF): what `export nest` writes and
/// `--engine nest` runs. Built from a world by `NestNetwork(world:)`, written by `NestScript`.
struct NestNetwork: Equatable {
  /// A value for each neuron or synapse, in NEST's units: fixed or drawn by NEST's generator.
  enum Value: Equatable {
    case constant(Double)
    case uniform(Double, Double)
    case normal(mean: Double, sd: Double)
    /// One value for every pair of an all-to-all connection: `columns` values (targets) a row (source).
    case matrix([Double], columns: Int)
    /// The larger of a value and a floor (a drawn delay kept at NEST's shortest).
    indirect case atLeast(Value, Double)
    /// The smaller of a value and a ceiling (a drawn plastic weight kept below w_max).
    indirect case atMost(Value, Double)
    /// A value plus a constant (a drawn delay moved by a step).
    indirect case plus(Value, Double)
  }

  /// Neurons of one model: a population, or a single neuron (a population of one).
  struct Population: Equatable {
    var name: String
    var model: String
    var count: Int
    var parameters: [Parameter]
    /// The state each neuron starts from, by NEST name (`V_m`), one value a neuron.
    var initial: [Parameter.PerNeuron]
    /// Parameters that differ between neurons, as the script gave them (`exc.v_th = [...]`).
    var perNeuron: [Parameter.PerNeuron]
    /// The variables recorded every step: NEST name, the factor to SI, neuro's name, and which neurons.
    var recorded: [Recording]
    /// Every variable NEST keeps (neurons empty), written at the end of a run for `--engine nest`.
    var state: [Recording] = []
  }

  struct Parameter: Equatable {
    var name: String
    var value: Double

    /// Values of some neurons (`range` in the population).
    struct PerNeuron: Equatable {
      var name: String
      var range: Range<Int>
      var values: [Double]
    }
  }

  struct Recording: Equatable {
    var variable: String
    var nest: String
    var toSI: Double
    var neurons: [Int]
  }

  /// Sources that fire at given times (Poisson trains drawn by neuro, spike times): spike generators.
  struct Source: Equatable {
    var name: String
    /// Its model as neuro writes it (`poisson(rate: 10 Hz, …)`), so that a change of it is a change.
    var model: String
    /// Each source's spike times (ms), the ends of the steps neuro fires them in.
    var trains: [[Double]]
    /// A drive's Poisson rate (Hz): a `poisson_generator`, which sends each target its own train, as a
    /// drive gives each neuron its own events (no trains then).
    var poissonRate: Double? = nil
    /// Whether its spikes pass through parrot neurons (NEST's plastic synapses take no spikes from a device):
    /// the same spikes, those of the first step one step later.
    var throughParrots = false
  }

  /// A node collection: neurons `range` of population or source `index`.
  struct Nodes: Equatable {
    var isSource: Bool
    var index: Int
    var range: Range<Int>
    var whole: Bool
  }

  struct Connection: Equatable {
    var pre: Nodes
    var post: Nodes
    /// NEST's rule and its numbers: `pairwise_bernoulli` with `p`, `fixed_indegree` with `indegree`, …
    var rule: String
    var ruleParameters: [Parameter]
    var allowAutapses: Bool
    var weight: Value
    var delay: Value
    /// `static_synapse`, or a plastic model made by `CopyModel` with these parameters.
    var synapse = Synapse()
    /// How neuro wrote it, for a comment beside it.
    var described: String
  }

  /// A synapse model: NEST's own, or a copy of it with parameters (`stdp_synapse` with lambda, …).
  struct Synapse: Equatable {
    var model = "static_synapse"
    var parameters: [Parameter] = []
  }

  /// A current injected into neurons of a population from `start` to `stop` (ms; nil: the whole run).
  struct Current: Equatable {
    var target: Nodes
    var amplitude: Double
    var start: Double?
    var stop: Double?
    /// A current that changes (a ramp, a sine): the start of each step it flows in (ms) and its value then.
    var stepTimes: [Double] = []
    var stepValues: [Double] = []
  }

  var resolution: Double
  var seed: UInt64
  var populations: [Population] = []
  var sources: [Source] = []
  var connections: [Connection] = []
  var currents: [Current] = []
}
