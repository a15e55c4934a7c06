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
  var random = RandomSource(seed: UInt64(saturating: Date().timeIntervalSince1970 * 1e6))

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
    return simulation.remove(id)
  }
}
