import Testing

@testable import NeuroEngine

#if canImport(Glibc)
  import Glibc
#endif

/// STDP against its formula and against sums over spike pairs worked out here, in the protocol and in a
/// running network; Tsodyks–Markram synapses against the recursion of Markram, Wang & Tsodyks (1998).
@Suite struct PlasticityTests {
  /// Song, Miller & Abbott's amounts, in volts of a voltage synapse: A_LTP = 0.01 w_max, A_LTD = 1.05 A_LTP.
  private let song = STDPRule(
    potentiation: 0.006e-3, depression: 0.0063e-3, tauPotentiation: 20e-3, tauDepression: 20e-3, maxWeight: 0.6e-3)

  private func relativeError(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

  @Test func anIsolatedPairChangesTheWeightAsTheFormulaSays() {
    for lag in [-80e-3, -20e-3, -5e-3, -0.1e-3, 0, 0.1e-3, 5e-3, 20e-3, 80e-3] {
      let change = song.pairingChange(lag: lag, pairs: 1, period: 1, weight: 0.3e-3)
      let formula = lag >= 0 ? 0.006e-3 * exp(-lag / 20e-3) : -0.0063e-3 * exp(lag / 20e-3)
      #expect(relativeError(change, formula) < 1e-9, "Δt = \(lag): \(change) against \(formula)")
    }
  }

  /// Three pairings at 20 Hz (post 10 ms after pre): all-to-all pairs every pre spike with every post
  /// spike; nearest pairs each spike with the latest one of the other side only.
  @Test func repeatedPairingsAccumulateAsThePairingSchemeSays() {
    let pre = [0.0, 0.05, 0.1], post = [0.01, 0.06, 0.11]
    var allPairs = 0.0
    for tPre in pre {
      for tPost in post {
        let lag = tPost - tPre
        allPairs += lag >= 0 ? 0.006e-3 * exp(-lag / 20e-3) : -0.0063e-3 * exp(lag / 20e-3)
      }
    }
    let allToAll = song.pairingChange(lag: 0.01, pairs: 3, period: 0.05, weight: 0.3e-3)
    #expect(relativeError(allToAll, allPairs) < 1e-9)
    // Nearest: each post spike with the pre spike 10 ms before it; the 2nd and 3rd pre spikes with the
    // post spike 40 ms before them.
    let nearestSum = 3 * 0.006e-3 * exp(-0.01 / 20e-3) - 2 * 0.0063e-3 * exp(-0.04 / 20e-3)
    var nearestRule = song
    nearestRule.pairing = .nearest
    let nearest = nearestRule.pairingChange(lag: 0.01, pairs: 3, period: 0.05, weight: 0.3e-3)
    #expect(relativeError(nearest, nearestSum) < 1e-9)
    #expect(nearest != allToAll)
  }

  @Test func multiplicativeUpdatesScaleWithTheWeightAndWeightsStayInBounds() {
    var rule = song
    rule.update = .multiplicative
    let w = 0.45e-3
    let up = rule.pairingChange(lag: 10e-3, pairs: 1, period: 1, weight: w)
    #expect(relativeError(up, 0.006e-3 * (1 - w / 0.6e-3) * exp(-0.5)) < 1e-9)
    let down = rule.pairingChange(lag: -10e-3, pairs: 1, period: 1, weight: w)
    #expect(relativeError(down, -0.0063e-3 * (w / 0.6e-3) * exp(-0.5)) < 1e-9)
    let bigSteps = STDPRule(
      potentiation: 1e-3, depression: 1e-3, tauPotentiation: 20e-3, tauDepression: 20e-3, maxWeight: 0.6e-3)
    #expect(bigSteps.pairingChange(lag: 1e-3, pairs: 1, period: 1, weight: 0.3e-3) == 0.3e-3)
    #expect(bigSteps.pairingChange(lag: -1e-3, pairs: 1, period: 1, weight: 0.3e-3) == -0.3e-3)
  }

  /// A plastic connection in a running network changes its weight exactly as the protocol does for the
  /// spike times the network produced: presynaptic sources at set times, a neuron driven to fire.
  @Test func aNetworkAppliesTheRuleToTheSpikesItMakes() {
    for pairing in STDPRule.Pairing.allCases {
      var rule = song
      rule.pairing = pairing
      let simulation = Simulation()
      let preTimes = [0.012, 0.047, 0.051, 0.090, 0.1305, 0.17]
      let pre = simulation.add(SpikeTimesGroup(times: [preTimes]))
      let post = simulation.add(
        LIFGroup(count: 1, parameters: LIFParameters(tau: 10e-3, restingPotential: -70e-3, resistance: 1e8)))
      simulation.inject(StepCurrent(amplitude: 0.25e-9), into: post)
      var random = RandomSource(seed: 1)
      _ = simulation.connect(
        pre: pre, preRange: 0..<1, post: post, postRange: 0..<1, channel: SynapticChannel(kind: .voltage, tau: 5e-3),
        weight: .constant(0.3e-3), delay: .constant(0), rule: .allToAll, allowSelf: true,
        plasticity: Plasticity(stdp: rule), random: &random)
      #expect(simulation.run(steps: 2000) == .completed)
      // STDP pairs spikes by their steps (the end of each), not by where inside the step a LIF crossed.
      let postTimes = simulation.spikes(post).steps.map { Double($0) * simulation.dt }
      let recordedPre = simulation.spikeTimes(pre)
      #expect(postTimes.count >= 5 && recordedPre.count == preTimes.count)
      let expected = rule.weightChange(pre: recordedPre, post: postTimes, weight: 0.3e-3)
      let final = simulation.allProjections[0].synapseWeights[0]
      #expect(abs((final - 0.3e-3) - expected) < 1e-15, "\(pairing): \(final - 0.3e-3) against \(expected)")
      #expect(expected != 0)
      simulation.reset()
      #expect(simulation.allProjections[0].synapseWeights[0] == 0.3e-3)
    }
  }

  @Test func shortTermReleasesFollowTheMarkramRecursion() {
    for rule in [
      ShortTermRule(release: 0.5, tauRecovery: 0.8, tauFacilitation: 0),
      ShortTermRule(release: 0.1, tauRecovery: 0.1, tauFacilitation: 1),
    ] {
      let period = 0.05
      let releases = rule.releases(at: (0..<10).map { Double($0) * period })
      var u = rule.release, r = 1.0
      for (n, released) in releases.enumerated() {
        #expect(relativeError(released, u * r) < 1e-12, "spike \(n)")
        let facilitation = rule.tauFacilitation > 0 ? exp(-period / rule.tauFacilitation) : 0
        let nextU = rule.release + u * (1 - rule.release) * facilitation
        r = 1 + (r - u * r - 1) * exp(-period / rule.tauRecovery)
        u = nextU
      }
      let last = releases[releases.count - 1], first = releases[0]
      #expect(rule.tauFacilitation > 0 ? last > 2 * first : last < first / 2)
    }
  }

  /// The jumps of v that a regular train makes through a depressing delta synapse are the weight times
  /// the releases (v barely decays: τ = 10⁴ s).
  @Test func postsynapticJumpsOfARegularTrainMatchTheRecursion() {
    let rule = ShortTermRule(release: 0.5, tauRecovery: 0.8, tauFacilitation: 0)
    let times = (1...8).map { Double($0) * 0.025 }
    let simulation = Simulation()
    let pre = simulation.add(SpikeTimesGroup(times: [times]))
    let post = simulation.add(
      LIFGroup(count: 1, parameters: LIFParameters(tau: 1e4, restingPotential: -70e-3, threshold: 1)))
    var random = RandomSource(seed: 1)
    _ = simulation.connect(
      pre: pre, preRange: 0..<1, post: post, postRange: 0..<1, channel: SynapticChannel(kind: .jump, tau: 1),
      weight: .constant(2e-3), delay: .constant(0), rule: .allToAll, allowSelf: true,
      plasticity: Plasticity(shortTerm: rule), random: &random)
    #expect(simulation.run(steps: 2500) == .completed)
    guard let v = simulation.trace(post, variable: "v")?.values else {
      Issue.record("v was not recorded")
      return
    }
    let jumps = zip(v.dropFirst(), v).map { $0 - $1 }.filter { $0 > 1e-6 }
    let expected = rule.releases(at: times).map { 2e-3 * $0 }
    #expect(jumps.count == expected.count)
    for (jump, wanted) in zip(jumps, expected) { #expect(relativeError(jump, wanted) < 1e-6, "\(jumps)") }
  }
}

/// A spike reaches its synapses `delay` after it (rounded to whole steps) and its target feels it
/// from the next step on: the same for one delay for all and for delays drawn per synapse.
@Suite struct SynapticDelayTests {
  /// The time at which a delta synapse first moves v, for a source firing at 10 ms.
  private func firstEffect(delay: Draw) -> Double? {
    let simulation = Simulation()
    let pre = simulation.add(SpikeTimesGroup(times: [[0.01]]))
    let post = simulation.add(LIFGroup(count: 1, parameters: LIFParameters()))
    var random = RandomSource(seed: 1)
    _ = simulation.connect(
      pre: pre, preRange: 0..<1, post: post, postRange: 0..<1, channel: SynapticChannel(kind: .jump, tau: 1),
      weight: .constant(1e-3), delay: delay, rule: .allToAll, allowSelf: true, random: &random)
    _ = simulation.run(steps: 300)
    guard let trace = simulation.trace(post, variable: "v") else { return nil }
    return trace.values.firstIndex { $0 > -70e-3 + 1e-6 }.map { trace.time(at: $0) }
  }

  @Test func delaysCountFromTheSpikeInWholeSteps() {
    for steps in [0, 1, 2, 15] {
      let d = Double(steps) * 1e-4
      let expected = 0.01 + d + 1e-4
      for delay in [Draw.constant(d), .uniform(d, d)] {
        guard let first = firstEffect(delay: delay) else {
          Issue.record("no effect")
          continue
        }
        #expect(abs(first - expected) < 1e-9, "\(delay): \(first) against \(expected)")
      }
    }
  }
}
