import Testing

@testable import NeuroEngine

/// Wong & Wang's (2006) reduced decision model with the paper's parameters: a psychometric curve from
/// chance to near certainty, reaction times that fall as coherence rises, and the paper's phase plane.
@Suite struct DecisionModelTests {
  private let model = DecisionModel()

  @Test func psychometricCurveRunsFromChanceToCertainty() {
    let summaries = model.experiment(coherences: [0, 3.2, 6.4, 12.8, 25.6, 51.2], trials: 400, seed: 7) ?? []
    print(summaries.map { "\($0.coherence): \($0.accuracy) rt \($0.meanReactionTime) decided \($0.decided)" })
    // At 0 % either choice is a coin flip: 400 trials put 95 % of outcomes within 0.5 ± 0.05.
    #expect(abs(summaries[0].accuracy - 0.5) < 0.07)
    #expect(summaries[5].accuracy > 0.95)
    for (lower, higher) in zip(summaries, summaries.dropFirst()) {
      #expect(higher.accuracy >= lower.accuracy - 0.03)
      #expect(higher.meanReactionTime < lower.meanReactionTime + 0.01)
    }
    #expect(summaries[5].meanReactionTime < summaries[0].meanReactionTime - 0.1)
  }

  @Test func trialsAreRepeatableAndIndependentOfOrder() {
    let once = model.experiment(coherences: [12.8], trials: 50, seed: 3) ?? []
    let twice = model.experiment(coherences: [12.8], trials: 50, seed: 3) ?? []
    #expect(once == twice)
  }

  @Test func phasePlaneAtZeroCoherenceHasTwoAttractorsAndASaddle() {
    let points = model.flow(coherence: 0).fixedPoints(x: 0...1, y: 0...1)
    print(points)
    let kinds = points.map(\.kind)
    #expect(kinds.filter(\.isStable).count >= 2)
    #expect(kinds.contains(.saddle))
  }
}
