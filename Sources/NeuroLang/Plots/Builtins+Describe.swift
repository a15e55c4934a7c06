import NeuroEngine
import NeuroPlot
import NeuroUnits

/// `describe`: a figure in a few plain sentences (ranges, extremes, spikes, trends), for screen readers and checks.
extension Builtins {
  static let describe = Builtin(
    name: "describe", signature: "[figure]",
    summary: "a figure in words: per line its range, lowest and highest with when, mean, spikes and trend; a raster's "
      + "spikes, rates and synchrony; a heatmap's or histogram's values; a phase plane's fixed points. Without an "
      + "argument, the figure drawn last. On a line of its own it is printed"
  ) { c in
    let usage = "describe(plot(n.v))"
    guard !c.arguments.isEmpty else {
      guard let figure = c.interpreter.lastFigure else {
        throw c.failure("no figure has been drawn yet, so there is nothing to describe", hint: "write \(usage)")
      }
      return .string(described(figure))
    }
    try c.expectPositional(1, "describe", usage)
    let argument = c.arguments[0]
    guard case .figure(let figure) = argument.value else {
      let written = c.interpreter.source.text(argument.span)
      throw c.failure(
        "describe needs a figure, found \(argument.value.describedKind)", at: argument.span,
        hint: figureHint(argument.value, written))
    }
    return .string(described(figure))
  }

  /// The figure's description, a raster's synchrony measured as the `synchrony` built-in measures it.
  static func described(_ figure: Figure) -> String {
    figure.described { trains, bin, start, end in SpikeAnalysis.synchrony(trains, bin: bin, from: start, to: end) }
  }

  /// How to make a figure of `value`, written `written`, to describe it.
  private static func figureHint(_ value: Value, _ written: String) -> String {
    switch value {
    case .neuron(let handle) where handle.isPopulation: return "make a figure of it first: describe(raster(\(written)))"
    case .trace, .neuron, .record: return "make a figure of it first: describe(plot(\(written)))"
    case .list: return "make a figure of it first: describe(hist(\(written)))"
    default: return "describe takes a figure: describe(plot(n.v)), describe(raster(exc)) or describe(hist(xs))"
    }
  }
}
