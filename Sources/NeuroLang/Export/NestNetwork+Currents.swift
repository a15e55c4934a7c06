import NeuroEngine

/// Injected currents as NEST's: from t = 0 and constant, `I_e`; a window of a constant current, a
/// `step_current_generator` with two changes; a ramp or a sine, one with a value a step, as neuro's.
extension NestNetwork {
  /// The most steps a changing current is written out for.
  static let mostCurrentSteps = 1_000_000

  mutating func addCurrents(
    of id: GroupID, into population: Int, world: World, steps: Int, problems: inout [String]
  ) {
    let name = world.names[id] ?? "?"
    guard let model = world.models[id], let mapping = model.kind.nest else { return }
    let count = world.simulation.group(id).count, dt = world.simulation.dt
    for current in world.simulation.currents(of: id) {
      let range = current.neurons ?? 0..<count
      let target = Nodes(isSource: false, index: population, range: range, whole: range == 0..<count)
      let amplitude = mapping.current(current.amplitude, model.values)
      switch current.shape {
      case .noise:
        problems.append("\(name): a noise current would be drawn afresh by NEST, so it is not exported")
      case .ramp, .sine:
        let active = current.activeSteps(dt: dt).clamped(to: 0..<max(0, steps))
        guard active.count <= Self.mostCurrentSteps else {
          problems.append("\(name): a changing current of \(active.count) steps is more than the script takes")
          continue
        }
        let perStep = [current].values(neuron: range.lowerBound, steps: active, dt: dt) ?? []
        currents.append(
          Current(
            target: target, amplitude: 0, start: Double(active.lowerBound) * dt * 1e3,
            stop: Double(active.upperBound) * dt * 1e3, stepTimes: active.map { Double($0) * dt * 1e3 },
            stepValues: perStep.map { mapping.current($0, model.values) }))
      case .constant:
        if (current.start ?? 0) <= 0 {
          // A current from t = 0 is NEST's I_e, felt from the first step as in neuro; a generator ends it.
          populations[population].addConstantCurrent(amplitude, to: range)
          if current.end == nil { continue }
        }
        currents.append(
          Current(
            target: target, amplitude: amplitude, start: current.start.map { $0 * 1e3 },
            stop: current.end.map { $0 * 1e3 }))
      }
    }
  }
}
