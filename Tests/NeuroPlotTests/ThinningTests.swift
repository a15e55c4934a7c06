import Testing

@testable import NeuroPlot

/// A trace of millions of samples is drawn from its envelope: every peak kept, far fewer points.
@Suite struct ThinningTests {
  @Test func keepsEveryExtremeOfEachSliceAndFewPoints() {
    let n = 200_000
    let xs = (0..<n).map(Double.init)
    var ys = xs.map { ($0 / 1000).truncatingRemainder(dividingBy: 2) }
    ys[123_457] = 50  // a single spike
    let (keptX, keptY) = LinePlot.thinned(xs, ys, columns: 100, within: 0...Double(n - 1))
    #expect(keptX.count <= 400)
    #expect(keptY.contains(50))
    #expect(keptX.contains(123_457))
    #expect(zip(keptX.dropFirst(), keptX).allSatisfy { $0 > $1 })
  }

  @Test func leavesShortOrUnorderedSeriesAlone() {
    let xs = [0.0, 2, 1], ys = [1.0, 2, 3]
    let (keptX, keptY) = LinePlot.thinned(xs, ys, columns: 1, within: 0...2)
    #expect(keptX == xs && keptY == ys)
  }
}
