import NeuroEngine
import NeuroUnits

/// Reads a world into the network NEST builds: every group, connection and current, or every item
/// that has no faithful NEST counterpart.
extension NestNetwork {
  /// The world's network simulated from t = 0 to `end` (s); the problems, each naming its item, when
  /// some part of it cannot be built in NEST as neuro runs it (`runs`: or read back from NEST's run).
  init(world: World, end: Double, runs: Bool = false) throws(NestProblems) {
    let dt = world.simulation.dt
    resolution = dt * 1e3
    seed = (world.built.seed ?? 1) % 2_147_483_646 + 1
    var problems: [String] = []
    var nodes: [GroupID: (isSource: Bool, index: Int)] = [:]
    var synapses: [GroupID: NestSynapses] = [:]
    let steps = Int(clampingToSteps: end / dt)
    for id in world.order {
      guard let model = world.models[id], let name = world.names[id] else { continue }
      let group = world.originalGroup(id)
      if model.kind.name == ModelKind.poisson.name || model.kind.name == ModelKind.spikeTimes.name {
        nodes[id] = (true, sources.count)
        let trains = Self.trains(of: group, steps: steps, dt: dt)
        let spikes = trains.reduce(0) { $0 + $1.count }
        if spikes > Self.mostSourceSpikes {
          problems.append(
            "\(name): its \(spikes) spikes would make a script of about \(spikes / 60_000) MB (at most "
              + "\(Self.mostSourceSpikes / 1_000_000) million spikes of inputs; export a shorter run)")
        }
        sources.append(Source(name: name, model: model.described, trains: trains))
        continue
      }
      do throws(NestProblem) {
        let (population, ports) = try Self.population(id, name: name, model: model, group: group, world: world)
        nodes[id] = (false, populations.count)
        synapses[id] = ports
        populations.append(population)
      } catch {
        problems.append("\(name): \(error.message)")
      }
      if !world.simulation.events(of: id).isEmpty {
        problems.append("\(name): events (event \(name).… at …) have no NEST counterpart here")
      }
    }
    for projection in world.simulation.allProjections {
      let label = "connect \(world.names[projection.pre] ?? "?") -> \(world.names[projection.post] ?? "?")"
      guard let spec = world.built.connections[projection.id] else {
        problems.append("\(label): a connection made without connect has no NEST counterpart here")
        continue
      }
      guard let pre = nodes[projection.pre], let post = nodes[projection.post], let ports = synapses[projection.post]
      else { continue }  // its groups are reported already
      var connection = Self.connection(spec, projection, pre: pre, post: post, ports: ports, groups: world, dt: dt)
      if let plasticity = spec.plasticity {
        let factor =
          ports.weightFactor.indices.contains(projection.channel) ? ports.weightFactor[projection.channel] : 1
        do throws(NestProblem) {
          try makePlastic(&connection, plasticity, factor: factor, runs: runs)
        } catch {
          problems.append("\(label): \(error.message)")
          continue
        }
      }
      connections.append(connection)
    }
    for drive in world.simulation.allDrives {
      guard let node = nodes[drive.target], !node.isSource, let ports = synapses[drive.target] else { continue }
      addDrive(drive, into: node.index, ports: ports, world: world)
    }
    for id in world.order {
      guard let node = nodes[id], !node.isSource else { continue }
      addCurrents(of: id, into: node.index, world: world, steps: steps, problems: &problems)
    }
    if !problems.isEmpty { throw NestProblems(items: problems) }
  }

  /// The most input spikes a script holds (about 16 bytes each).
  static let mostSourceSpikes = 10_000_000

  /// A group's spike trains over `steps` steps from t = 0, as neuro draws them (ms, step ends).
  static func trains(of group: any NeuronGroup, steps: Int, dt: Double) -> [[Double]] {
    var copy = group
    copy.resetState()
    copy.prepare(dt: dt)
    var trains = [[Double]](repeating: [], count: copy.count)
    let input = [Double](repeating: 0, count: copy.count)
    var fired: [Int] = []
    input.withUnsafeBufferPointer { input in
      for k in 0..<max(0, steps) {
        fired.removeAll(keepingCapacity: true)
        copy.step(input: input, spikes: &fired)
        for i in fired where i < trains.count { trains[i].append(Double(k + 1) * dt * 1e3) }
      }
    }
    return trains
  }
}

extension NestNetwork.Population {
  /// Adds a current (pA) for the whole run to neurons `range`: to I_e, per neuron when it differs.
  mutating func addConstantCurrent(_ amplitude: Double, to range: Range<Int>) {
    let now = parameters.first { $0.name == "I_e" }?.value ?? 0
    var each = perNeuron.first { $0.name == "I_e" }?.values ?? Array(repeating: now, count: count)
    for i in range where each.indices.contains(i) { each[i] += amplitude }
    perNeuron.removeAll { $0.name == "I_e" }
    parameters.removeAll { $0.name == "I_e" }
    if let first = each.first, each.allSatisfy({ $0 == first }) {
      parameters.append(NestNetwork.Parameter(name: "I_e", value: first))
    } else {
      perNeuron.append(NestNetwork.Parameter.PerNeuron(name: "I_e", range: 0..<count, values: each))
    }
  }
}

/// Every item of a world that NEST cannot build as neuro runs it.
struct NestProblems: Error, Equatable {
  var items: [String]
}
