import Testing
@testable import NeuroEngine

/// Degrees, weight matrices and channel kinds of a small network built by hand: three neurons
/// `a` all-to-all onto two neurons `b` (1 mV, a voltage channel), and `a[1..2]` one-to-one
/// onto `b` (2 mV drawn per synapse, a current channel).
@Suite struct ConnectivityTests {
  private func network() -> (Simulation, a: GroupID, b: GroupID) {
    var random = RandomSource(seed: 1)
    let simulation = Simulation()
    let a = simulation.add(LIFGroup(count: 3, parameters: LIFParameters()))
    let b = simulation.add(LIFGroup(count: 2, parameters: LIFParameters()))
    _ = simulation.connect(
      pre: a, preRange: 0..<3, post: b, postRange: 0..<2,
      channel: SynapticChannel(kind: .voltage, tau: 5e-3), weight: .constant(1e-3),
      delay: .constant(0), rule: .allToAll, allowSelf: true, random: &random)
    _ = simulation.connect(
      pre: a, preRange: 1..<3, post: b, postRange: 0..<2,
      channel: SynapticChannel(kind: .current, tau: 5e-3), weight: .normal(mean: 2e-3, sd: 0),
      delay: .constant(0), rule: .oneToOne, allowSelf: true, random: &random)
    return (simulation, a, b)
  }

  @Test func degreesCountEverySynapse() {
    let (simulation, a, b) = network()
    #expect(simulation.inDegrees(of: b, 0..<2) == [4, 4])
    #expect(simulation.inDegrees(of: b, 1..<2) == [4])
    #expect(simulation.outDegrees(of: a, 0..<3) == [2, 3, 3])
    #expect(simulation.outDegrees(of: b, 0..<2) == [0, 0])
    #expect(simulation.inDegrees(of: a, 0..<3) == [0, 0, 0])
  }

  @Test func theWeightMatrixSumsTheProjections() {
    let (simulation, a, b) = network()
    let weights = simulation.weightMatrix(from: a, 0..<3, to: b, 0..<2)
    let expected: [[Double]] = [[1e-3, 1e-3], [3e-3, 1e-3], [1e-3, 3e-3]]
    #expect(weights.count == 3)
    for (row, wanted) in zip(weights, expected) {
      #expect(zip(row, wanted).allSatisfy { abs($0 - $1) < 1e-9 }, "\(weights)")
    }
    let slice = simulation.weightMatrix(from: a, 1..<3, to: b, 1..<2)
    #expect(slice.count == 2 && abs(slice[0][0] - 1e-3) < 1e-9 && abs(slice[1][0] - 3e-3) < 1e-9)
    let none = simulation.weightMatrix(from: b, 0..<2, to: a, 0..<3)
    #expect(none.allSatisfy { $0.allSatisfy { $0 == 0 } })
  }

  @Test func projectionsAnswerForThemselves() {
    let (simulation, a, b) = network()
    let (allToAll, oneToOne) = (simulation.allProjections[0], simulation.allProjections[1])
    #expect(allToAll.meanWeight == 1e-3)
    #expect(abs(oneToOne.meanWeight - 2e-3) < 1e-9)
    #expect(simulation.channelKind(of: allToAll) == .voltage)
    #expect(simulation.channelKind(of: oneToOne) == .current)
    #expect(simulation.receivesSynapses(b) && !simulation.receivesSynapses(a))
  }

  @Test func aGroupTakesTheParametersOfItsOwnModelOnly() {
    var group: any NeuronGroup = LIFGroup(count: 2, parameters: LIFParameters())
    _ = group.setValues([-60e-3, -60e-3], of: "v", at: 0..<2)
    let took = group.takeParameters(of: LIFGroup(count: 1, parameters: LIFParameters(tau: 20e-3)))
    #expect(took)
    #expect((group as? LIFGroup)?.parameters.tau == 20e-3)
    #expect(group.values(of: "v") == [-60e-3, -60e-3])
    let tookOther = group.takeParameters(of: IzhikevichGroup(count: 1, parameters: IzhikevichParameters()))
    #expect(!tookOther)
    #expect(group.rheobase == LIFParameters(tau: 20e-3).rheobase)
    var poisson: any NeuronGroup = PoissonGroup(count: 3, rate: 5, seed: 1)
    let tookRate = poisson.takeParameters(of: PoissonGroup(count: 1, rate: 40, seed: 9))
    #expect(tookRate)
    #expect((poisson as? PoissonGroup)?.rate == 40)
    #expect(poisson.rheobase == nil && poisson.channelKind(0) == nil)
  }
}
