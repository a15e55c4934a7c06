import NeuroEngine
import NeuroPlot
import NeuroUnits

/// `raster`: a dot for every spike of a population, as a raster figure.
extension Builtins {
  static let raster = Builtin(
    name: "raster", signature: "population [, from: T1] [, to: T2]",
    summary: "a raster figure, a dot for every spike (time across, neuron up), drawn when shown"
  ) { c in
    let (target, window) = try c.plotArgument("raster", ["from", "to"], usage: "raster(exc, from: 0ms, to: 200ms)")
    return .figure(try c.interpreter.rasterFigure(target, from: window["from"], to: window["to"]))
  }
}

extension Interpreter {
  /// The figure of `raster exc from 0ms to 200ms` and of `raster(exc, from: 0ms, to: 200ms)`.
  func rasterFigure(_ target: CallArgument, from: CallArgument?, to: CallArgument?) throws -> Figure {
    let handle = try neurons(target.value, at: target.span, "raster")
    let (times, indices) = world.simulation.spikeEvents(handle.group)
    let start = try from.map { try time($0.value, at: $0.span, "'from'") } ?? 0
    let end = try to.map { try time($0.value, at: $0.span, "'to'") } ?? world.simulation.time
    guard end > start else {
      throw failure("nothing has been simulated yet", at: target.span, hint: "run 100ms first")
    }
    var spikes: [Spike] = []
    for (t, neuron) in zip(times, indices) where handle.range.contains(neuron) {
      if t >= start && t <= end { spikes.append(Spike(time: t * 1e3, neuron: Double(neuron))) }
    }
    let neurons = Double(handle.range.lowerBound)...Double(max(handle.range.lowerBound, handle.range.upperBound - 1))
    return Figure(
      RasterPlot(spikes), title: "\(handle.label): \(spikes.count) spikes",
      x: Axis("time", unit: "ms", range: (start * 1e3)...(end * 1e3)),
      y: Axis("neuron index", range: neurons))
  }
}
