import Testing
@testable import NeuroEngine

/// The CUBA benchmark network built exactly as the C reference (`anchors/cuba_ref.c`) builds it:
/// the same generator and seed, v(0) drawn first, then Bernoulli rows by geometric skipping,
/// the same exact propagators. The spike count must then equal the reference's to the spike.
@Suite struct ReferenceNetworkTests {
  @Test func cubaMatchesTheCReferenceSpikeForSpike() {
    let n = 4000, excitatory = 3200
    var random = RandomSource(seed: 12345)
    let simulation = Simulation()
    var p = LIFParameters(spikeTiming: .grid)  // the C reference's spikes are at the end of the step
    (p.tau, p.restingPotential, p.threshold, p.resetPotential, p.refractoryPeriod) = (
      20e-3, -49e-3, -50e-3, -60e-3, 5e-3
    )
    let all = simulation.add(LIFGroup(count: n, parameters: p))
    let v0 = (0..<n).map { _ in -60e-3 + 10e-3 * random.uniform() }
    #expect(simulation.setValues(all, variable: "v", values: v0, at: 0..<n))
    let synapses = [
      simulation.connect(
        pre: all, preRange: 0..<excitatory, post: all, postRange: 0..<n,
        channel: SynapticChannel(kind: .voltage, tau: 5e-3), weight: .constant(1.62e-3), delay: .constant(0),
        rule: .probability(0.02), allowSelf: true, random: &random),
      simulation.connect(
        pre: all, preRange: excitatory..<n, post: all, postRange: 0..<n,
        channel: SynapticChannel(kind: .voltage, tau: 10e-3), weight: .constant(-9e-3), delay: .constant(0),
        rule: .probability(0.02), allowSelf: true, random: &random),
    ]
    #expect(synapses.compactMap { $0 }.reduce(0, +) == 320401)  // the reference's n_syn
    _ = simulation.run(steps: 10_000)
    #expect(simulation.spikes(all).steps.count == 23627)  // the reference's spikes (anchors/RESULTS.md)
  }

  @Test func connectionRulesMakeTheRightNumbers() {
    var random = RandomSource(seed: 1)
    let simulation = Simulation()
    let a = simulation.add(LIFGroup(count: 10, parameters: LIFParameters()))
    let b = simulation.add(LIFGroup(count: 20, parameters: LIFParameters()))
    func count(_ rule: Projection.Rule, _ allowSelf: Bool = true, from: GroupID, to: GroupID) -> Int? {
      simulation.connect(
        pre: from, preRange: 0..<simulation.group(from).count, post: to, postRange: 0..<simulation.group(to).count,
        channel: SynapticChannel(kind: .jump, tau: 1), weight: .constant(1e-3), delay: .constant(0),
        rule: rule, allowSelf: allowSelf, random: &random)
    }
    #expect(count(.allToAll, from: a, to: b) == 200)
    #expect(count(.allToAll, false, from: a, to: a) == 90)
    #expect(count(.oneToOne, from: a, to: b) == 10)
    #expect(count(.inDegree(3), from: a, to: b) == 60)
    #expect(count(.outDegree(4), from: a, to: b) == 40)
    #expect(count(.probability(0), from: a, to: b) == 0)
    #expect(count(.probability(1), false, from: b, to: b) == 380)
    let projection = simulation.allProjections[0]
    #expect(abs(projection.bytesPerSynapse - (200.0 * 4 + 11 * 8) / 200) < 1e-12)
  }

  @Test func drawnDelaysArriveLaterThanTheSpike() throws {
    var random = RandomSource(seed: 2)
    let simulation = Simulation()
    let source = simulation.add(SpikeTimesGroup(times: [[1e-3]]))
    let target = simulation.add(LIFGroup(count: 1, parameters: LIFParameters()))
    _ = simulation.connect(
      pre: source, preRange: 0..<1, post: target, postRange: 0..<1,
      channel: SynapticChannel(kind: .jump, tau: 1), weight: .normal(mean: 2e-3, sd: 0),
      delay: .uniform(3e-3, 3e-3), rule: .allToAll, allowSelf: true, random: &random)
    _ = simulation.run(steps: 60)
    let v = try #require(simulation.trace(target, variable: "v")).values
    // The spike is at 1 ms (the end of its step); it reaches the synapse 3 ms later, at the end of the
    // step that ends at 4 ms, and v has jumped by the weight in the step after (sample 41), as in Brian2.
    #expect(v[40] == -70e-3)
    #expect(abs(v[41] - (-68e-3)) < 1e-9)
  }
}
