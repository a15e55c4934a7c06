import FoundationEssentials
import NeuroEngine

/// The simulated world: the clock and its time step, every neuron, population and input
/// with its model and name, their stimuli, connections and recordings, and the random
/// generator. `:reset`, a lesson and a fresh lesson section replace it whole.
struct World {
  let simulation = Simulation()
  /// The model of each group in the simulation, and the name it was defined under.
  var models: [GroupID: NeuronModel] = [:]
  var names: [GroupID: String] = [:]
  /// Groups in the order they were defined, for run summaries.
  var order: [GroupID] = []
  /// The seed the world's random numbers start from (the clock's, unless `seed` sets another).
  let startingSeed = UInt64(saturating: Date().timeIntervalSince1970 * 1e6)
  var random: RandomSource

  init() { random = RandomSource(seed: startingSeed) }
  /// What the world remembers for an export to NEST beyond what the simulation holds.
  var built = BuildRecord()

  /// True while nothing has been added, run or changed.
  var isEmpty: Bool { order.isEmpty && simulation.stepIndex == 0 && simulation.dt == Simulation.defaultTimeStep }

  /// The simulated time now (s).
  var now: Double { simulation.time }

  /// Adds a group under a name; a group that took the name before is replaced (see `replace`).
  mutating func add(_ group: any NeuronGroup, model: NeuronModel, name: String) -> GroupID {
    let id = simulation.add(group)
    models[id] = model
    names[id] = name
    order.append(id)
    return id
  }

  /// Takes a group out of the world with everything that hangs on it, and says what went.
  mutating func remove(_ id: GroupID) -> Simulation.Removal {
    models[id] = nil
    names[id] = nil
    order.removeAll { $0 == id }
    built.neuronParameters[id] = nil
    built.recordings[id] = nil
    return simulation.remove(id)
  }
}

/// What built a world that its simulation does not keep: the seed, the per-neuron parameter values
/// and the recordings asked for, and what the runs through NEST have simulated.
struct BuildRecord {
  /// The seed `seed` set last (nil: seeded from the clock).
  var seed: UInt64? = nil
  /// Per-neuron parameter values (`exc.v_th = [...]`), by group: each assignment in order.
  var neuronParameters: [GroupID: [(name: String, range: Range<Int>, values: [Double])]] = [:]
  /// The variables `record` asked for, by group: variable → neurons.
  var recordings: [GroupID: [String: [Int]]] = [:]
  /// How each connection was asked for (its rule and draws, which its projection does not keep).
  var connections: [ConnectionID: ConnectionSpec] = [:]
  /// Runs through NEST (`--engine nest`, `neuro export`): the network they simulated, and until when.
  var nestNetwork: NestNetwork? = nil
  var nestEnd = 0.0
  /// Whether the Python for `--engine nest` was seen to import nest.
  var nestChecked = false
}

/// A connection as `connect` asked for it.
struct ConnectionSpec {
  var rule: Projection.Rule
  var weight: Draw
  var delay: Draw
  var allowSelf: Bool
  var channel: SynapticChannel
  var plasticity: Plasticity?
  /// The statement's text.
  var written: String
}
