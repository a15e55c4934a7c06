import Foundation
import Testing
@testable import NeuroPlot

@Suite struct SVGRendererTests {
  static let renderer = SVGRenderer()

  static let phasePlane = Figure(
    PhasePlanePlot(
      curves: [
        PlotSeries(name: "dx/dt = 0", xs: [0, 0.5, 1], ys: [0, 0.4, 1]),
        PlotSeries(name: "dy/dt = 0", xs: [0, 1], ys: [1, 0]),
        PlotSeries(name: "from start 1", xs: [0.1, 0.2, .nan, 0.3, 0.4], ys: [0.1, 0.2, .nan, 0.3, 0.4]),
      ],
      arrows: [.init(x: 0.2, y: 0.8, dx: 1, dy: 0), .init(x: 0.8, y: 0.2, dx: 0, dy: -1)],
      fixedPoints: [.init(x: 0.5, y: 0.5, stability: .saddle), .init(x: 0.9, y: 0.1, stability: .stable)],
      x: 0...1, y: 0...1),
    title: "phase plane", x: Axis("x"), y: Axis("y"))

  static let images = Figure(
    PatternImages([.init(title: "cue", width: 2, values: [1, -1, -1, 1]), .init(title: "", width: 2, values: [1])]),
    title: "", x: Axis(""), y: Axis(""))

  static let figures = FigureTests.figures + [phasePlane, images]

  /// Every kind is a well-formed SVG document, the same each time it is drawn, headed by its title.
  @Test(arguments: figures)
  func everyKindIsWellFormedAndTheSameEachTime(_ figure: Figure) {
    let text = Self.renderer.render(figure)
    let document = SVGDocument(text)
    #expect(document.isValid, "\(String(describing: document.error))\n\(text)")
    #expect(text == Self.renderer.render(figure))
    #expect(text.hasPrefix("<?xml") && text.hasSuffix("</svg>\n"))
    if !figure.heading.isEmpty { #expect(document.texts.contains(figure.heading)) }
  }

  @Test func theAxesCarryTheirTicksAndTheirTitlesWithUnits() {
    let document = SVGDocument(Self.renderer.render(FigureTests.figures[0]))
    #expect(document.texts.contains("time (ms)"))
    #expect(document.texts.contains("voltage (mV)"))
    #expect(document.texts.contains("n.v — voltage (mV)"))
    for tick in ["0", "10", "20", "30", "40", "-70", "-60"] { #expect(document.texts.contains(tick), "\(tick)") }
  }

  @Test func eachSeriesIsOnePathAndSeveralHaveALegend() {
    let three = (0..<3).map { i in
      PlotSeries(name: "n\(i).v", xs: [0, 1, 2, 3], ys: [Double(i), 1, .nan, 2], markers: i == 0 ? [1, 2] : [])
    }
    let document = SVGDocument(
      Self.renderer.render(Figure(LinePlot(three), title: "three", x: Axis("time", unit: "ms"), y: Axis("v"))))
    let paths = document.all("path", class: "series")
    #expect(paths.count == 3)
    #expect(Set(paths.compactMap { $0.attributes["stroke"] }).count == 3, "each series its own colour")
    #expect(pieces(paths.first) == 2, "the NaN breaks the line")
    #expect(pieces(document.all("path", class: "markers").first) == 2)
    #expect(["n0.v", "n1.v", "n2.v"].allSatisfy(document.texts.contains))
    let one = SVGDocument(Self.renderer.render(FigureTests.figures[0]))
    #expect(one.all("g").allSatisfy { $0.attributes["class"] != "legend" }, "one series needs no legend")
  }

  @Test func markersOnTheSamePixelAreDrawnOnce() {
    let markers = (0..<10_000).map { Double($0) / 10_000 }
    let series = PlotSeries(name: "n.v", xs: [0, 1], ys: [0, 1], markers: markers)
    let document = SVGDocument(Self.renderer.render(Figure(LinePlot([series]), title: "", x: Axis("t"), y: Axis("v"))))
    let drawn = pieces(document.all("path", class: "markers").first)
    #expect(drawn > 500 && drawn <= 2 * 600 + 1, "\(drawn): one a half pixel of the box's width")
  }

  @Test func aRasterDrawsEachSpikeOnce() {
    let spikes = (0..<50).map { Spike(time: Double($0), neuron: Double($0 % 5)) }
    let figure = Figure(
      RasterPlot(spikes + spikes + [Spike(time: .nan, neuron: 1), Spike(time: 500, neuron: 1)]),
      title: "p", x: Axis("time", unit: "ms", range: 0...100), y: Axis("neuron index", range: 0...4))
    let document = SVGDocument(Self.renderer.render(figure))
    #expect(document.isValid)
    #expect(pieces(document.all("path", class: "spikes").first) == 50, "a repeat, a NaN and a spike out of range")
    #expect(document.texts.contains("neuron index"))
  }

  @Test func aHeatmapHasACellPerValueAndAColourBar() {
    let figure = Figure(
      Heatmap([[0, 1, 2], [3, .nan, 5]], unit: "mV"), title: "2 × 3", x: Axis("column"), y: Axis("row"))
    let text = Self.renderer.render(figure)
    let document = SVGDocument(text)
    let groups = document.elements.indices.filter { document.elements[$0].name == "g" }
    let cells = groups.first { document.elements[$0].attributes["class"] == "cells" }
    #expect(cells.map { document.elements[($0 + 1)...].prefix { $0.name == "rect" }.count } == 6)
    #expect(text.contains("#d9d9d9"), "a NaN cell is grey")
    #expect(document.texts.contains("mV") && document.texts.contains("5") && document.texts.contains("0"))
  }

  @Test func aHistogramHasABarPerBin() {
    let figure = FigureTests.figures[2]
    #expect(SVGDocument(Self.renderer.render(figure)).all("rect", class: "bar").count == 3)
  }

  @Test func aPhasePlaneDrawsCurvesArrowsAndFixedPoints() {
    let document = SVGDocument(Self.renderer.render(Self.phasePlane))
    #expect(document.all("path", class: "series").count == 3)
    #expect(pieces(document.all("path", class: "flow").first) == 4, "two arrows, each a shaft and a head")
    #expect(document.all("path", class: "saddle").count == 2, "the point and its legend entry")
    #expect(["stable", "unstable", "saddle", "from start 1"].allSatisfy(document.texts.contains))
  }

  @Test func textIsEscapedForXML() {
    let title = "a < b & \"c\" > 'd'\u{1}"
    let figure = Figure(
      LinePlot([PlotSeries(name: "<x>", xs: [0, 1], ys: [0, 1]), PlotSeries(name: "&y", xs: [0], ys: [0])]),
      title: title, x: Axis("t&", unit: "<ms>"), y: Axis("v"))
    let document = SVGDocument(Self.renderer.render(figure))
    #expect(document.isValid, "\(String(describing: document.error))")
    #expect(document.texts.contains("a < b & \"c\" > 'd'"))
    #expect(document.texts.contains("t& (<ms>)") && document.texts.contains("<x>"))
  }

  @Test func valuesThatAreNotFiniteMakeNoInvalidNumbers() {
    let xs: [Double] = [0, 1, .nan, 3, .infinity, 5, 6]
    let ys: [Double] = [1, .infinity, 2, -.infinity, 3, .nan, 1e308]
    let figure = Figure(
      LinePlot([PlotSeries(name: "odd", xs: xs, ys: ys, markers: [.nan, 2])]), title: "odd", x: Axis("t"),
      y: Axis("v"))
    let text = Self.renderer.render(figure)
    #expect(SVGDocument(text).isValid)
    #expect(!text.lowercased().contains("nan") && !text.lowercased().contains("inf") && !text.contains("e+"))
  }

  @Test func aVeryLongTraceMakesASmallFile() {
    let xs = (0..<1_000_000).map { Double($0) * 0.1 }
    let ys = xs.map { ($0 * 0.37).truncatingRemainder(dividingBy: 15) - 70 }
    let figure = Figure(
      LinePlot([PlotSeries(name: "n.v", xs: xs, ys: ys)]), title: "n.v", x: Axis("time", unit: "ms"),
      y: Axis("v", unit: "mV"))
    let text = Self.renderer.render(figure)
    #expect(text.utf8.count < 150_000, "\(text.utf8.count) bytes")
    #expect(SVGDocument(text).all("path", class: "series").count == 1)
  }

  @Test func numbersAreShortAndPlain() {
    #expect(SVGText.number(1.5) == "1.5")
    #expect(SVGText.number(-0.05) == "-0.05")
    #expect(SVGText.number(2) == "2")
    #expect(SVGText.number(.nan) == "0")
    #expect(SVGText.number(1e300) == "1000000")
    #expect(SVGText.number(0.1 + 0.2) == "0.3")
  }
}

@Suite struct SVGHeatmapTests {
  @Test func aMatrixLargerThanTheDrawingIsDrawnFromBlockMeans() {
    let matrix = (0..<300).map { row in (0..<2000).map { Double(($0 + row) % 7) } }
    let text = SVGRenderer().render(
      Figure(Heatmap(matrix, unit: "Hz"), title: "300 × 2000", x: Axis("time"), y: Axis("neuron")))
    #expect(text.utf8.count < 4_000_000, "\(text.utf8.count) bytes")
    let document = SVGDocument(text)
    #expect(document.isValid)
    let frame = 3  // the page, the clip and the frame
    #expect(document.all("rect").count == 240 * 160 + 32 + frame, "the drawn cells and the colour bar")
    #expect(document.texts.contains("275"), "ticks label rows of the matrix, not of the drawing")
  }

  @Test func blockMeansLeaveOutWhatIsNotFinite() {
    let pooled = Heatmap.pooled([[1, 3, .nan, .nan], [5, 7, .nan, .infinity]], columns: 4, atMost: (2, 1))
    #expect(pooled.columns == 2 && pooled.cells.count == 1)
    #expect(pooled.cells[0][0] == 4 && pooled.cells[0][1].isNaN)
  }
}

@Suite struct SVGEdgeTests {
  /// Figures at the edges of what a figure can hold: nothing in them, one point, values all NaN, a flat line,
  /// values near the largest Double, ranges of one value.
  static let odd: [Figure] = [
    Figure(LinePlot([]), title: "", x: Axis("t"), y: Axis("v")),
    Figure(LinePlot([PlotSeries(name: "one", xs: [1], ys: [2])]), title: "one", x: Axis("t"), y: Axis("v")),
    Figure(
      LinePlot([PlotSeries(name: "nan", xs: [.nan, .nan], ys: [.nan, .nan])]), title: "not a number", x: Axis("t"),
      y: Axis("v")),
    Figure(
      LinePlot([PlotSeries(name: "big", xs: [0, 1, 2], ys: [-1e308, 1e308, .greatestFiniteMagnitude])]),
      title: "big", x: Axis("t", range: 0...2), y: Axis("v")),
    Figure(RasterPlot([]), title: "none", x: Axis("time", range: 5...5), y: Axis("neuron", range: 0...0)),
    Figure(Heatmap([[.nan]], unit: ""), title: "1 × 1", x: Axis("c"), y: Axis("r")),
    Figure(Heatmap([], unit: ""), title: "0 × 0", x: Axis("c"), y: Axis("r")),
    Figure(PatternImages([]), title: "", x: Axis(""), y: Axis("")),
  ]

  @Test(arguments: odd)
  func oddFiguresStillMakeValidSVG(_ figure: Figure) {
    let text = SVGRenderer().render(figure)
    let document = SVGDocument(text)
    #expect(document.isValid, "\(text)")
    // Labels may say what the terminal says (a tick past the largest Double reads inf); coordinates never.
    let values = document.elements.flatMap { $0.attributes.values }.map { $0.lowercased() }
    #expect(!values.contains { $0.contains("nan") || $0.contains("inf") || $0.contains("e+") }, "\(text)")
  }

  @Test func aLongLegendWrapsAndTheDrawingGrows() {
    let series = (0..<12).map { PlotSeries(name: "population_\($0).v", xs: [0, 1], ys: [0, Double($0)]) }
    let text = SVGRenderer().render(Figure(LinePlot(series), title: "many", x: Axis("t"), y: Axis("v")))
    let document = SVGDocument(text)
    let names = document.all("text").filter { $0.text.hasPrefix("population_") }
    let rows = Set(names.compactMap { $0.attributes["y"] })
    #expect(names.count == 12 && rows.count > 1)
    let height = Double(document.all("svg").first?.attributes["height"] ?? "") ?? 0
    #expect(height == 450 + Double(rows.count - 1) * 18)
    let right = names.compactMap { Double($0.attributes["x"] ?? "") }.max() ?? 0
    #expect(right < 720 - 100, "every name starts well inside the drawing")
  }
}
