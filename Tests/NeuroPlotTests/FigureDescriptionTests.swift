import Foundation
import Testing

@testable import NeuroPlot

/// `Figure.described()` on figures of known data: a sine of known period, a ramp, a constant, a bump, rasters,
/// heatmaps, histograms and phase planes, and data with NaN, infinities or nothing at all.
@Suite struct FigureDescriptionTests {
  static func line(_ ys: [Double], dt: Double = 1, markers: [Double] = [], range: ClosedRange<Double>? = nil) -> Figure
  {
    let series = PlotSeries(name: "n.v", xs: ys.indices.map { Double($0) * dt }, ys: ys, markers: markers)
    return Figure(
      LinePlot([series]), title: "n.v — voltage", x: Axis("time", unit: "ms", range: range),
      y: Axis("voltage", unit: "mV"))
  }

  @Test func sineOfKnownPeriodOscillates() {
    // 5 periods of 20 ms, sampled every 0.1 ms.
    let ys = (0...1000).map { 10 * sin(2 * Double.pi * Double($0) * 0.1 / 20) - 60 }
    let text = Self.line(ys, dt: 0.1).described()
    #expect(text.hasPrefix("A line plot of n.v — voltage (mV).\n"))
    #expect(text.contains("n.v: 1001 samples from 0 to 100 ms; lowest -70 mV at 15 ms, highest -50 mV at 5 ms"))
    #expect(text.contains("mean -60 mV"))
    #expect(text.contains("It crosses its midpoint (-60 mV) upward 4 times."))
    #expect(text.contains("Trend: oscillating, with a period of 20 ms."))
  }

  @Test func rampRisesConstantIsFlatBumpRisesThenFalls() {
    let ramp = Self.line((0...100).map(Double.init)).described()
    #expect(ramp.contains("lowest 0 mV at 0 ms, highest 100 mV at 100 ms, mean 50 mV."))
    #expect(ramp.contains("Trend: rising."))
    #expect(Self.line((0...100).map { -Double($0) }).described().contains("Trend: falling."))
    let constant = Self.line(Array(repeating: -65, count: 50)).described()
    #expect(constant.contains("Trend: flat, at -65 mV."))
    #expect(!constant.contains("crosses"))
    let bump = Self.line((0...100).map { exp(-pow(Double($0) - 50, 2) / 100) }).described()
    #expect(bump.contains("Trend: rising, then falling."))
  }

  @Test func markersAreCountedWithTheirMeanInterval() {
    let text = Self.line((0...100).map { Double($0 % 10) }, markers: [9, 19, 29, 39]).described()
    #expect(text.contains("4 spikes marked, the first at 9 ms, then one every 10 ms on average."))
    #expect(text.contains("Trend: oscillating, with a period of 10 ms."))
  }

  @Test func theWindowShownIsTheOneDescribed() {
    let text = Self.line((0...100).map(Double.init), markers: [5, 50], range: 40...60).described()
    #expect(text.contains("Time from 40 to 60 ms."))
    #expect(text.contains("21 samples from 40 to 60 ms; lowest 40 mV at 40 ms"))
    #expect(text.contains("1 spike marked, the first at 50 ms."))
  }

  @Test func nanInfinityAndEmptyDataAreSaidSo() {
    let text = Self.line([1, .nan, 2, .infinity, 3]).described()
    #expect(text.contains("3 samples from 0 to 4 ms"))
    #expect(text.contains("2 samples are not finite (NaN or infinite) and left out."))
    #expect(Self.line([.nan]).described().contains("n.v: no samples in view. 1 sample is not finite"))
    #expect(Self.line([]).described().contains("n.v: no samples in view."))
    let none = Figure(LinePlot([]), title: "nothing", x: Axis("time"), y: Axis("value"))
    #expect(none.described().hasSuffix("It has no series."))
    let huge = Self.line([-1e308, 1e308, -1e308, 1e308]).described()
    #expect(huge.contains("mean 0 mV"))
  }

  static func raster(_ spikes: [Spike], neurons: ClosedRange<Double> = 0...3) -> Figure {
    Figure(
      RasterPlot(spikes), title: "p: \(spikes.count) spikes", x: Axis("time", unit: "ms", range: 0...1000),
      y: Axis("neuron index", range: neurons))
  }

  /// Counts the trains' spikes per bin, a stand-in for the engine's measure: 1 when the trains are alike.
  static let alike: SynchronyMeasure = { trains, _, _, _ in
    trains.allSatisfy { $0 == trains.first } ? 1 : 0.1
  }

  @Test func rasterCountsRatesAndActivity() {
    let spikes = (0..<10).map { Spike(time: Double($0) * 100, neuron: 2) } + [Spike(time: 500, neuron: 1)]
    let text = Self.raster(spikes).described(synchrony: Self.alike)
    #expect(text.contains("4 neurons (index 0 to 3), time from 0 to 1000 ms: 11 spikes, a mean rate of 2.75 Hz"))
    #expect(text.contains("Most active: neuron 2 (10 spikes); 2 of 4 never fired, the first neuron 0."))
    #expect(text.contains("Firing is asynchronous: synchrony index 0.1"))
  }

  @Test func rasterOfLockstepNeuronsIsSynchronous() {
    let spikes = (0..<5).flatMap { t in (0...3).map { Spike(time: Double(t) * 200, neuron: Double($0)) } }
    let text = Self.raster(spikes).described(synchrony: Self.alike)
    #expect(text.contains("Every neuron fired 5 times."))
    #expect(text.contains("Firing is synchronous: synchrony index 1"))
  }

  @Test func emptyRasterSaysSo() {
    #expect(Self.raster([]).described().contains("4 neurons (index 0 to 3), time from 0 to 1000 ms: 0 spikes, a mean"))
    let bare = Figure(RasterPlot([]), title: "p", x: Axis("time", unit: "ms"), y: Axis("neuron index"))
    #expect(bare.described().hasSuffix("It shows no spikes."))
  }

  @Test func heatmapSizeRangeAndWhereTheMaximumIs() {
    let map = Figure(
      Heatmap([[1, 2, 3], [4, 9, .nan]], unit: "nS", rowLabels: ["a", "b"]), title: "w", x: Axis("post"),
      y: Axis("pre"))
    let text = map.described()
    #expect(text.contains("2 rows (pre) by 3 columns (post)."))
    #expect(
      text.contains("Values from 1 to 9 nS, mean 3.8 nS; the largest at pre b, post 1, the smallest at pre a, post 0."))
    #expect(text.contains("1 value is not finite"))
    let empty = Figure(Heatmap([], unit: ""), title: "w", x: Axis("column"), y: Axis("row"))
    #expect(empty.described().contains("0 rows by 0 columns.\nIt holds no finite values."))
  }

  @Test func histogramBinsPeakAndMean() throws {
    let histogram = try #require(Histogram([1, 2, 2, 3, 3, 3, 4, 4, 5], bins: 5))
    let text = Figure(histogram, title: "9 values", x: Axis("value", unit: "ms"), y: Axis("count")).described()
    #expect(text.contains("5 bins from 1 to 5 ms, each 0.8 ms wide: 9 values from 1 to 5 ms."))
    #expect(text.contains("The fullest bin, from 2.6 to 3.4 ms, holds 3 values (33.33%)."))
    #expect(text.contains("Mean about 3 ms (from the bins' centres)."))
    var odd = histogram
    odd.binRange = -Double.infinity...Double.infinity
    #expect(Figure(odd, title: "h", x: Axis("value"), y: Axis("count")).described().hasSuffix("finite range."))
    odd.counts = []
    #expect(Figure(odd, title: "h", x: Axis("value"), y: Axis("count")).described().hasSuffix("no values counted."))
  }

  /// Odd data of every kind is described without a crash: NaN, infinities, extremes, one value, nothing.
  @Test func oddDataNeverCrashes() {
    let odd: [[Double]] = [
      [], [.nan], [.infinity, -.infinity], [1e308, -1e308, 1e308], [5], [0, 0, .nan, 0],
      [-.greatestFiniteMagnitude, .greatestFiniteMagnitude], [1e-320, 2e-320, 1e-320, 2e-320, 1e-320, 2e-320],
    ]
    for ys in odd {
      let xs = ys.indices.map(Double.init)
      let line = Figure(
        LinePlot([PlotSeries(name: "s", xs: xs + [.nan], ys: ys + [1], markers: ys)]), title: "t",
        x: Axis("x"), y: Axis("y"))
      let spikes = zip(xs, ys).map { Spike(time: $1, neuron: $0) } + [Spike(time: .nan, neuron: 1e300)]
      let rasters = [
        Figure(RasterPlot(spikes), title: "r", x: Axis("time", unit: "ms"), y: Axis("neuron index")),
        Figure(
          RasterPlot(spikes), title: "r", x: Axis("time", unit: "s", range: -1e308...1e308),
          y: Axis("neuron index", range: -1e300...1e300)),
      ]
      let map = Figure(Heatmap([ys, [], ys.reversed()], unit: "mV"), title: "h", x: Axis("column"), y: Axis("row"))
      var figures = [line, map] + rasters
      if let histogram = Histogram(ys) { figures.append(Figure(histogram, title: "h", x: Axis("v"), y: Axis("n"))) }
      for figure in figures {
        #expect(!figure.described(synchrony: { _, _, _, _ in .nan }).isEmpty)
      }
    }
  }

  @Test func phasePlaneFixedPointsAsMarked() {
    let plane = PhasePlanePlot(
      curves: [PlotSeries(name: "dv/dt = 0", xs: [], ys: []), PlotSeries(name: "dw/dt = 0", xs: [], ys: [])],
      arrows: [],
      fixedPoints: [
        .init(x: -60, y: 0.5, stability: .stable), .init(x: -40, y: 1, stability: .saddle),
        .init(x: 500, y: 0, stability: .unstable),
      ], x: -80...0, y: 0...2)
    let text = Figure(plane, title: "phase plane", x: Axis("v", unit: "mV"), y: Axis("w")).described()
    #expect(text.contains("v from -80 to 0 mV, w from 0 to 2."))
    #expect(text.contains("Curves: dv/dt = 0; dw/dt = 0."))
    #expect(text.contains("2 fixed points: stable at v = -60 mV, w = 0.5; saddle at v = -40 mV, w = 1."))
    let none = PhasePlanePlot(curves: [], arrows: [], fixedPoints: [], x: 0...1, y: 0...1)
    #expect(Figure(none, title: "p", x: Axis("x"), y: Axis("y")).described().hasSuffix("No fixed point in view."))
  }
}
