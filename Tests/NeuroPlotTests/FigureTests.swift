import Foundation
import Testing
@testable import NeuroPlot

/// A kind made only for these tests: one dot per value, in a row of its own; it fills cells and nothing else.
struct DotRow: FigureContent, Equatable {
  var count: Int
  var kindName: String { "dot row" }
  func terminalArea(of figure: Figure, in space: TerminalSpace) -> PlotArea? {
    PlotArea(
      rows: [Array(repeating: Cell("o", series: 0), count: count)], columns: count,
      yLabels: [(0, "1")], xTicks: [(0, "0"), (count - 1, String(count - 1))])
  }
}

func lines(_ text: String) -> [String] {
  text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

@Suite struct FigureTests {
  static let ascii = TerminalRenderer(width: 40, height: 5, style: .ascii)

  static let figures: [Figure] = [
    Figure(
      LinePlot([sawtooth()]), title: "n.v — voltage", x: Axis("time", unit: "ms"),
      y: Axis("voltage", unit: "mV")),
    Figure(
      RasterPlot([Spike(time: 5, neuron: 2), Spike(time: 9, neuron: 0)]), title: "p: 2 spikes",
      x: Axis("time", unit: "ms", range: 0...10), y: Axis("neuron index", range: 0...3)),
    Figure(
      Histogram([1, 2, 2, 3, 3, 3], bins: 3).map { $0 as any FigureContent } ?? DotRow(count: 0),
      title: "6 values — count", x: Axis("value"), y: Axis("count")),
    Figure(Heatmap([[0, 1], [2, 3]], unit: "mV"), title: "2 × 2", x: Axis("column"), y: Axis("row")),
    Figure(DotRow(count: 12), title: "dots", x: Axis("index"), y: Axis("")),
  ]

  /// Every kind gets the same frame: its heading once, centred over the plot; every row behind a label
  /// column of one width; the x axis (when it has one) once, its name centred under it.
  @Test(arguments: figures)
  func theFrameIsDrawnOnceForEveryKind(_ figure: Figure) {
    let text = Self.ascii.render(figure)
    #expect(text.hasSuffix("\n"))
    let drawn = lines(text).dropLast()
    #expect(drawn.filter { $0.contains(figure.heading) }.count == 1, "\n\(text)")
    #expect(drawn.first?.trimmingPrefix(while: { $0 == " " }) == figure.heading[...], "\n\(text)")
    let axisRules = drawn.filter { $0.trimmingPrefix(while: { $0 == " " }).hasPrefix("++") }
    #expect(axisRules.count == (figure.content is Heatmap ? 0 : 1), "\n\(text)")
    let ruleColumns = Set(
      drawn.compactMap { line in
        line.firstIndex { $0 == "|" || $0 == "+" }.map { line.distance(from: line.startIndex, to: $0) }
      })
    #expect(ruleColumns.count == 1, "one label column for every row\n\(text)")
    if figure.content is Heatmap {
      #expect(!drawn.contains { $0.contains("--") }, "a heatmap has no x axis\n\(text)")
    } else {
      #expect(drawn.last?.trimmingPrefix(while: { $0 == " " }) == figure.x.labelled[...], "\n\(text)")
    }
  }

  @Test func aNewKindFillsOnlyItsCellsAndGetsTheFrame() {
    let text = Self.ascii.render(Figure(DotRow(count: 12), title: "dots", x: Axis("index"), y: Axis("")))
    #expect(
      text == """
               dots
        1 +oooooooooooo
          ++----------+
           0         11
              index

        """, "\n\(text)")
  }

  @Test func theYAxisUnitJoinsTheTitle() {
    let figure = Self.figures[0]
    #expect(figure.heading == "n.v — voltage (mV)")
    #expect(Self.figures[2].heading == "6 values — count")
  }

  @Test func aRasterNamesItsAxisAndDrawsEachSpike() {
    let text = Self.ascii.render(Self.figures[1])
    #expect(lines(text)[1] == "neuron index")
    #expect(text.filter { $0 == "|" }.count >= 2)
    #expect(text.contains("time (ms)"))
  }

  @Test func aHistogramCountsItsBins() throws {
    let histogram = try #require(Histogram([1, 2, 2, 3, 3, 3], bins: 3))
    #expect(histogram.counts.reduce(0, +) == 6)
    #expect(histogram.binRange.lowerBound <= 1 && histogram.binRange.upperBound >= 3)
    #expect(Histogram([.nan, .infinity]) == nil)
    #expect(Histogram(Array(repeating: 1.0, count: 100))?.counts.count == 10)
  }

  @Test func aHeatmapNamesItsRowsAndShowsItsScale() {
    let text = Self.ascii.render(Self.figures[3])
    #expect(
      text == """
           2 × 2
        row (down), column (across)
        0 |  ..
        1 |**##
           scale: 0    .. :: ** ## 3 mV

        """, "\n\(text)")
  }

  /// A raster's or histogram's row is painted as a whole in the first series' colour; a line plot's by series.
  @Test func colourOnlyWhenAskedAndByRuns() {
    var renderer = Self.ascii
    for figure in Self.figures { #expect(!renderer.render(figure).contains("\u{1B}[")) }
    renderer.color = true
    let raster = renderer.render(Self.figures[1])
    #expect(raster.contains("\u{1B}[36m"))
    let row = lines(raster).first { $0.contains("\u{1B}[36m") } ?? ""
    #expect(row.components(separatedBy: "\u{1B}[36m").count == 2, "one run per row: \(row)")
    #expect(!renderer.render(Self.figures[3]).contains("\u{1B}["), "a heatmap's shades are not coloured")
  }

  @Test func figuresAreValues() {
    #expect(Self.figures[0] == Self.figures[0])
    #expect(Self.figures[0] != Self.figures[1])
    var retitled = Self.figures[2]
    retitled.title = "other"
    #expect(retitled != Self.figures[2])
    #expect(Self.figures.map(\.kind) == ["line plot", "raster", "histogram", "heatmap", "dot row"])
  }

  /// Values near the ends of the doubles still fall in their own bins (their span would overflow).
  @Test func extremeValuesAreBinnedWithoutOverflow() throws {
    let histogram = try #require(Histogram([1e308, -1e308, 0], bins: 4))
    #expect(histogram.counts.reduce(0, +) == 3)
    #expect(histogram.counts.first == 1 && histogram.counts.last == 1)
  }
}

extension Figure: CustomTestStringConvertible {
  public var testDescription: String { kind }
}
