@testable import NeuroEngine

/// Runs one neuron of a group under a current (A) switched on at `start` (s), for `duration` (s).
func runNeuron(
  _ group: any NeuronGroup, current: Double, start: Double = 0, end: Double? = nil, duration: Double,
  dt: Double = 1e-4
) -> (simulation: Simulation, id: GroupID) {
  let simulation = Simulation()
  simulation.setTimeStep(dt)
  let id = simulation.add(group)
  for variable in group.variableNames { _ = simulation.record(id, variable: variable, neurons: [0]) }
  simulation.inject(StepCurrent(amplitude: current, start: start, end: end), into: id)
  _ = simulation.run(steps: Int((duration / dt).rounded()))
  return (simulation, id)
}

/// The gaps between successive spike times.
func intervals(_ times: [Double]) -> [Double] {
  zip(times.dropFirst(), times).map { $0 - $1 }
}
