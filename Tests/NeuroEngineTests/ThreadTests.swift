import Testing

@testable import NeuroEngine

/// A run shared among threads gives the spikes of one thread, to the spike: the neurons are split
/// into ranges, but every number is computed the same way in the same order.
@Suite struct ThreadTests {
  /// The CUBA (or COBA) network of Brette et al. (2007) with `threads` threads, 2000 steps: its spikes
  /// and final potentials.
  private func network(
    conductances: Bool, threads: Int, delay: Double = 0
  ) -> (steps: [Int], neurons: [Int], v: [Double]) {
    let n = 4000, excitatory = 3200
    var random = RandomSource(seed: 12345)
    let simulation = Simulation()
    simulation.threads = threads
    var p = LIFParameters()
    (p.tau, p.restingPotential, p.threshold, p.resetPotential, p.refractoryPeriod) = (
      20e-3, conductances ? -60e-3 : -49e-3, -50e-3, -60e-3, 5e-3
    )
    if conductances { p.resistance = 100e6 }
    let all = simulation.add(LIFGroup(count: n, parameters: p))
    if conductances { simulation.inject(StepCurrent(amplitude: 200e-12), into: all) }
    let v0 = (0..<n).map { _ in -60e-3 + 10e-3 * random.uniform() }
    _ = simulation.setValues(all, variable: "v", values: v0, at: 0..<n)
    let kinds: [SynapticChannel.Kind] =
      conductances
      ? [.conductance(reversal: 0), .conductance(reversal: -80e-3)]
      : [
        .voltage, .voltage,
      ]
    let weights = conductances ? [6e-9, 67e-9] : [1.62e-3, -9e-3]
    for (k, range) in [0..<excitatory, excitatory..<n].enumerated() {
      _ = simulation.connect(
        pre: all, preRange: range, post: all, postRange: 0..<n,
        channel: SynapticChannel(kind: kinds[k], tau: k == 0 ? 5e-3 : 10e-3), weight: .constant(weights[k]),
        delay: .constant(delay), rule: .probability(0.02), allowSelf: true, random: &random)
    }
    _ = simulation.run(steps: 1_000)
    _ = simulation.run(steps: 1_000)  // a second run goes on where the first ended
    let (steps, neurons) = simulation.spikes(all)
    return (steps, neurons, simulation.group(all).values(of: "v") ?? [])
  }

  @Test(arguments: [false, true])
  func oneTwoAndThreeThreadsGiveTheSameSpikes(conductances: Bool) {
    let one = network(conductances: conductances, threads: 1)
    #expect(one.steps.count > 1_000)
    for threads in [2, 3] {
      let shared = network(conductances: conductances, threads: threads)
      #expect(shared.steps == one.steps)
      #expect(shared.neurons == one.neurons)
      #expect(shared.v == one.v)
    }
  }

  @Test func aDelayedNetworkGivesTheSameSpikesWithThreads() {
    let one = network(conductances: false, threads: 1, delay: 1.5e-3)
    let two = network(conductances: false, threads: 2, delay: 1.5e-3)
    #expect(one.steps.count > 1_000)
    #expect(two.neurons == one.neurons && two.steps == one.steps)
  }

  @Test func rangesCoverEveryNeuronOnceInOrderAsTheSharesMove() {
    for threads in 1...3 {
      let pool = WorkerPool(threads: threads)
      for round in 0..<50 {
        // Part 0 works longest, so the shares move away from it, round after round.
        pool.run { part in
          if part == 0 { for _ in 0..<20_000 { _ = ContinuousClock.now } }
        }
        for count in [0, 1, 7, 8, 1_024, 4_001] {
          let ranges = (0..<threads).map { pool.range(part: $0, count: count) }
          #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == count)
          for k in 1..<threads { #expect(ranges[k].lowerBound == ranges[k - 1].upperBound, "round \(round)") }
        }
      }
      if threads > 1 { #expect(pool.range(part: 0, count: 4_000).count < 4_000 / threads) }
      pool.park()
    }
  }

  @Test func aPoolRunsEveryPartOnceAndSleepsBetweenRuns() {
    let pool = WorkerPool(threads: 3)
    #expect(pool.threads == 3)
    for _ in 0..<100 {
      var found: [Int] = []
      pool.collect(into: &found) { part, list in list.append(part) }
      #expect(found == [0, 1, 2])
    }
    pool.park()
    var again: [Int] = []
    pool.collect(into: &again) { part, list in list += [part, part] }
    #expect(again == [0, 0, 1, 1, 2, 2])
    pool.park()
  }
}
