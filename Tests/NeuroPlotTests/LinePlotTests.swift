import Testing
@testable import NeuroPlot

/// A sawtooth like an LIF neuron's membrane potential: ramps from -70 to -55, resets.
func sawtooth() -> PlotSeries {
  let xs = (0...40).map(Double.init)
  let ys = xs.map { -70 + 15 * ($0.truncatingRemainder(dividingBy: 10)) / 10 }
  return PlotSeries(name: "n.v", xs: xs, ys: ys, markers: [10, 20, 30, 40])
}

func options(_ style: CanvasStyle) -> TerminalRenderer {
  TerminalRenderer(width: 50, height: 6, style: style)
}

/// Series drawn as a line plot figure of voltage against time.
func renderLinePlot(_ series: [PlotSeries], options: TerminalRenderer) -> String {
  options.render(
    Figure(LinePlot(series), title: "n.v — voltage", x: Axis("time", unit: "ms"), y: Axis("voltage", unit: "mV")))
}

@Suite struct LinePlotTests {
  @Test func asciiGolden() {
    let text = renderLinePlot([sawtooth()], options: options(.ascii))
    #expect(text == asciiGoldenText, "\n\(text)")
  }

  @Test func brailleGolden() {
    let text = renderLinePlot([sawtooth()], options: options(.braille))
    #expect(text == brailleGoldenText, "\n\(text)")
  }

  @Test func overlaidSeriesGetALegendAndTheirOwnMarks() {
    var second = sawtooth()
    second.name = "m.v"
    second.ys = second.ys.map { $0 - 5 }
    let text = renderLinePlot([sawtooth(), second], options: options(.ascii))
    #expect(text.contains("** n.v   ++ m.v"))
    #expect(text.contains("+"))
  }

  /// Braille without colour draws every series in the same dots: each carries its own mark, shown in the legend.
  @Test func overlaidBrailleSeriesWithoutColourCarryDistinctMarks() {
    var second = sawtooth()
    second.name = "m.v"
    second.ys = second.ys.map { $0 - 5 }
    let text = renderLinePlot([sawtooth(), second], options: options(.braille))
    #expect(text.contains("━*━ n.v   ━+━ m.v"))
    let body = text.split(separator: "\n").dropLast(3).joined()
    #expect(body.contains("*") && body.contains("+"))
    var coloured = options(.braille)
    coloured.color = true
    #expect(!renderLinePlot([sawtooth(), second], options: coloured).contains("━*━"))
  }

  @Test func colourOnlyWhenAsked() {
    var o = options(.braille)
    #expect(!renderLinePlot([sawtooth()], options: o).contains("\u{1B}["))
    o.color = true
    #expect(renderLinePlot([sawtooth()], options: o).contains("\u{1B}[36m"))
  }

  @Test func widthIsRespected() {
    for width in [30, 60, 120] {
      var o = options(.braille)
      o.width = width
      let lines = renderLinePlot([sawtooth()], options: o).split(separator: "\n")
      #expect(lines.allSatisfy { $0.count <= width + 8 }, "width \(width)")
    }
  }

  @Test func degenerateDataStillDraws() {
    _ = renderLinePlot([PlotSeries(name: "x", xs: [], ys: [])], options: options(.ascii))
    _ = renderLinePlot([PlotSeries(name: "x", xs: [1], ys: [.nan])], options: options(.braille))
    _ = renderLinePlot([PlotSeries(name: "x", xs: [0, 1], ys: [1e300, -1e300])], options: options(.braille))
  }
}
