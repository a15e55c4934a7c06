import NeuroPlot

/// The arguments of a plotting built-in: what to draw, then named options.
extension CallContext {
  /// The positional arguments (at least one) and the named ones, each name one of `labels` and given once
  /// (nil `labels`: any, for the caller to check).
  func plotArguments(_ name: String, _ labels: [String]?, usage: String) throws -> (
    [CallArgument], [String: CallArgument]
  ) {
    var named: [String: CallArgument] = [:]
    for argument in arguments {
      guard let label = argument.label else { continue }
      guard let labels else { continue }
      let at = argument.labelSpan ?? argument.span
      guard labels.contains(label) else {
        let accepted = labels.isEmpty ? "no named arguments" : labels.map { "\($0):" }.joined(separator: " and ")
        throw failure("\(name) takes \(accepted), not \(label):", at: at, hint: "write \(usage)")
      }
      guard named[label] == nil else { throw failure("\(label): is given twice", at: at, hint: "write \(usage)") }
      named[label] = argument
    }
    let positional = arguments.filter { $0.label == nil }
    guard !positional.isEmpty else { throw failure("\(name) needs something to draw", hint: "write \(usage)") }
    return (positional, named)
  }

  /// The one thing to draw, with the named arguments.
  func plotArgument(_ name: String, _ labels: [String]?, usage: String) throws -> (CallArgument, [String: CallArgument])
  {
    let (positional, named) = try plotArguments(name, labels, usage: usage)
    guard positional.count == 1 else {
      throw failure(
        "\(name) draws one thing, found \(positional.count)", at: positional[1].span,
        hint: "write \(usage)")
    }
    return (positional[0], named)
  }
}

extension Interpreter {
  /// An expression of a plotting statement, evaluated as a built-in's argument is.
  func plotArgument(_ expr: Expr, label: String? = nil, labelSpan: Span? = nil) throws -> CallArgument {
    CallArgument(label: label, labelSpan: labelSpan, value: try evaluate(expr), expr: expr)
  }

  /// Draws a figure as the host's terminal shows plots.
  func show(_ figure: Figure) {
    lastFigure = figure
    capture?.figures.append(figure)
    if let showFigure = host.showFigure { return showFigure(figure) }
    capture?.showing = true
    host.write(host.plot.renderer.render(figure))
    capture?.showing = false
  }

  /// Shows the value of a bare expression in the REPL: the host's own way (a notebook's result) or as
  /// a line of output.
  func showValue(_ text: String) {
    guard let showResult = host.showResult else { return host.write(text + "\n") }
    capture?.add(text + "\n")
    showResult(text)
  }
}
