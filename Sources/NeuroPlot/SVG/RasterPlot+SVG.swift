/// A raster as SVG: each spike a short upright tick at its time and neuron; spikes that fall on the same
/// half pixel are drawn once, so that a long run of many neurons still makes a small file.
extension RasterPlot: SVGDrawable {
  func svgPlot(of figure: Figure, in box: SVGBox) -> SVGPlot? {
    let times = figure.x.range ?? 0...1, neurons = figure.y.range ?? 0...1
    let top = max(neurons.upperBound, neurons.lowerBound + 1)
    let scale = SVGScale(box: box, x: times, y: neurons.lowerBound...top)
    // A tick about as tall as a neuron's row, at least a pixel and at most eight.
    let rows = max(1, top - neurons.lowerBound + 1)
    let length = max(1, min(8, box.height / rows * 0.8))
    var seen = Set<String>(), ticks: [String] = []
    for spike in spikes
    where spike.time.isFinite && spike.neuron.isFinite && times.contains(spike.time)
      && (neurons.lowerBound...top).contains(spike.neuron)
    {
      let (x, y) = (SVGText.halfPixel(scale.px(spike.time)), SVGText.halfPixel(scale.py(spike.neuron) - length / 2))
      let tick = "M\(SVGText.number(x)) \(SVGText.number(y))"
      if seen.insert(tick).inserted { ticks.append(tick + "v" + SVGText.number(length)) }
    }
    let xTicks = Ticks(within: times.lowerBound, times.upperBound, count: 6)
    let yTicks = Ticks(within: neurons.lowerBound, neurons.upperBound, count: 4)
    var plot = SVGPlot(marks: [], xTicks: scale.xTicks(xTicks), yTicks: scale.yTicks(yTicks))
    if !ticks.isEmpty {
      plot.marks.append(
        "<path class=\"spikes\" d=\"\(ticks.joined())\" stroke=\"\(SVGText.color(0))\" stroke-width=\"1.2\"/>")
    }
    return plot
  }
}
