import NeuroUnits

/// Rasters, heatmaps, histograms and phase planes in words.
extension FigureWords {
  /// Bins of 10 ms for the synchrony measure, as the `synchrony` built-in's default.
  static let synchronyBin = 0.010

  /// Neurons and window, spikes and mean rate, the most and least active neuron, and how synchronous.
  static func raster(_ raster: RasterPlot, _ figure: Figure, synchrony: SynchronyMeasure?) -> [String] {
    let spikes = raster.spikes.filter { $0.time.isFinite && $0.neuron.isFinite }
    let times = spikes.map(\.time), indices = spikes.map(\.neuron)
    guard let window = figure.x.range ?? times.min().flatMap({ low in times.max().map { low...$0 } }),
      let rows = figure.y.range ?? indices.min().flatMap({ low in indices.max().map { low...$0 } })
    else { return ["It shows no spikes."] }
    let firstNeuron = Int(saturating: rows.lowerBound.rounded()),
      lastNeuron = Int(saturating: rows.upperBound.rounded())
    let neurons = max(1, Int(saturating: rows.upperBound.rounded() - rows.lowerBound.rounded() + 1))
    let shown = spikes.filter { window.contains($0.time) && rows.contains($0.neuron) }
    var lines = [
      "\(count(neurons, "neuron")) (index \(firstNeuron) to \(lastNeuron)), \(figure.x.name) "
        + "\(span(window, figure.x.unit)): \(count(shown.count, "spike"))"
        + "\(rate(shown.count, neurons, window, figure.x.unit))."
    ]
    if let left = leftOut(raster.spikes.count - spikes.count, "spike") { lines.append(left) }
    guard !shown.isEmpty else { return lines }
    var counts: [Int: Int] = [:]
    for spike in shown { counts[Int(saturating: spike.neuron.rounded()), default: 0] += 1 }
    if let most = counts.min(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }), neurons > 1 {
      var text = "Most active: neuron \(most.key) (\(count(most.value, "spike")))"
      let silent = neurons - counts.count
      if silent == 0, let least = counts.values.min(), least == most.value {
        text = "Every neuron fired \(count(least, "time"))."
      } else if silent > 0, let quiet = (firstNeuron...max(firstNeuron, lastNeuron)).first(where: { counts[$0] == nil })
      {
        text += "; \(silent) of \(neurons) never fired, the first neuron \(quiet)."
      } else if let least = counts.min(by: { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
        text += "; least active: neuron \(least.key) (\(count(least.value, "spike")))."
      }
      lines.append(text)
    }
    if let synchrony, neurons > 1, neurons <= 100_000, let scale = seconds(per: figure.x.unit) {
      let bin = synchronyBin / scale
      var trains = [[Double]](repeating: [], count: neurons)
      for spike in shown {
        let index = Int(saturating: spike.neuron.rounded()) - firstNeuron
        if trains.indices.contains(index) { trains[index].append(spike.time) }
      }
      if window.upperBound - window.lowerBound >= bin,
        let chi = synchrony(trains.map { $0.sorted() }, bin, window.lowerBound, window.upperBound), chi.isFinite
      {
        let word = chi >= 0.7 ? "synchronous" : chi >= 0.3 ? "partly synchronous" : "asynchronous"
        lines.append(
          "Firing is \(word): synchrony index \(number(chi)) (Golomb's, in \(value(bin, figure.x.unit)) bins; "
            + "1 when all fire together, near 0 when independent).")
      }
    }
    return lines
  }

  /// `, a mean rate of 12 Hz per neuron` when the time unit is known.
  private static func rate(_ spikes: Int, _ neurons: Int, _ window: ClosedRange<Double>, _ unit: String) -> String {
    guard let scale = seconds(per: unit), window.upperBound > window.lowerBound else { return "" }
    let hertz = Double(spikes) / Double(neurons) / ((window.upperBound - window.lowerBound) * scale)
    return hertz.isFinite ? ", a mean rate of \(value(hertz, "Hz")) per neuron" : ""
  }

  /// Size, value range, and where the largest and smallest values are.
  static func heatmap(_ heatmap: Heatmap, _ figure: Figure) -> [String] {
    let columns = heatmap.matrix.map(\.count).max() ?? 0
    let ragged = heatmap.matrix.contains { $0.count != columns } ? " (rows of unequal length)" : ""
    var lines = [
      "\(count(heatmap.matrix.count, "row"))\(named(figure.y.name, "row")) by \(count(columns, "column"))"
        + "\(named(figure.x.name, "column"))\(ragged)."
    ]
    var cells: [(row: Int, column: Int, value: Double)] = []
    var notFinite = 0
    for (r, row) in heatmap.matrix.enumerated() {
      for (c, x) in row.enumerated() {
        if x.isFinite { cells.append((r, c, x)) } else { notFinite += 1 }
      }
    }
    guard let low = cells.min(by: { $0.value < $1.value }), let high = cells.max(by: { $0.value < $1.value }) else {
      return lines + ["It holds no finite values." + (leftOut(notFinite, "value").map { " " + $0 } ?? "")]
    }
    let at = { (cell: (row: Int, column: Int, value: Double)) in
      "\(figure.y.name) \(heatmap.rowLabels?[safe: cell.row] ?? String(cell.row)), \(figure.x.name) \(cell.column)"
    }
    if high.value == low.value {
      lines.append("Every value is \(value(high.value, heatmap.unit)).")
    } else {
      lines.append(
        "Values from \(number(low.value)) to \(value(high.value, heatmap.unit)), mean "
          + "\(value(mean(cells.map(\.value)) ?? 0, heatmap.unit)); the largest at \(at(high)), the smallest at "
          + "\(at(low)).")
    }
    if let left = leftOut(notFinite, "value") { lines.append(left) }
    return lines
  }

  /// ` (presynaptic a)`: what an axis of a heatmap counts, unless it is only `row` or `column`.
  private static func named(_ name: String, _ plain: String) -> String { name == plain ? "" : " (\(name))" }

  /// Bins and their range, the values counted, the fullest bin, the mean from the bins' centres.
  static func histogram(_ histogram: Histogram, _ figure: Figure) -> [String] {
    let unit = figure.x.unit, bins = histogram.counts.count, total = histogram.counts.reduce(0, +)
    guard bins > 0, total > 0 else { return ["It has no values counted."] }
    let (low, high) = (histogram.binRange.lowerBound, histogram.binRange.upperBound)
    guard low.isFinite, high.isFinite else { return ["Its bins do not have a finite range."] }
    let width = high / Double(bins) - low / Double(bins)
    let centre = { (bin: Int) in low + (Double(bin) + 0.5) * width }
    var lines = [
      "\(count(bins, "bin")) \(span(histogram.binRange, unit)), each \(value(width, unit)) wide: "
        + "\(count(total, "value")) \(span(histogram.valueRange, unit))."
    ]
    if let peak = histogram.counts.indices.max(by: { histogram.counts[$0] < histogram.counts[$1] }) {
      let from = low + Double(peak) * width
      lines.append(
        "The fullest bin, \(span(from...(from + width), unit)), holds \(count(histogram.counts[peak], "value"))"
          + " (\(number(Double(histogram.counts[peak]) / Double(total) * 100))%).")
    }
    var mean = 0.0
    for (bin, n) in histogram.counts.enumerated() { mean += centre(bin) * (Double(n) / Double(total)) }
    lines.append("Mean about \(value(mean, unit)) (from the bins' centres).")
    return lines
  }

  /// The ranges, the curves drawn, and the fixed points with their kinds, as the plot marks them.
  static func phasePlane(_ plane: PhasePlanePlot, _ figure: Figure) -> [String] {
    let (x, y) = (figure.x, figure.y)
    var lines = ["\(x.name) \(span(plane.xRange, x.unit)), \(y.name) \(span(plane.yRange, y.unit))."]
    let names = plane.curves.map(\.name)
    if !names.isEmpty { lines.append("Curves: \(names.joined(separator: "; ")).") }
    let inside = plane.fixedPoints.filter {
      $0.x.isFinite && $0.y.isFinite && plane.xRange.contains($0.x) && plane.yRange.contains($0.y)
    }
    guard !inside.isEmpty else { return lines + ["No fixed point in view."] }
    let points = inside.map {
      "\($0.stability.word) at \(x.name) = \(value($0.x, x.unit)), \(y.name) = \(value($0.y, y.unit))"
    }
    lines.append("\(capitalized(count(inside.count, "fixed point"))): \(points.joined(separator: "; ")).")
    return lines
  }
}
