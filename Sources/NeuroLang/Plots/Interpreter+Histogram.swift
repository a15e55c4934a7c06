import NeuroPlot
import NeuroUnits

/// `hist`: the distribution of a list of numbers, as a histogram figure.
extension Builtins {
  static let hist = Builtin(
    name: "hist", signature: "list [, bins: N]",
    summary: "a histogram figure of a list of numbers in their unit, drawn when shown: hist(isi(exc), bins: 20)"
  ) { c in
    let (values, _) = try c.plotArgument("hist", ["bins"], usage: "hist(xs, bins: 20)")
    return .figure(try c.interpreter.histogramFigure(values, c.arguments.filter { $0.label != nil }))
  }
}

extension Interpreter {
  /// The figure of `hist xs, bins: 20` and of `hist(xs, bins: 20)`: the distribution of a list of numbers.
  func histogramFigure(_ values: CallArgument, _ options: [CallArgument]) throws -> Figure {
    let value = values.value
    guard case .list(let items) = value else {
      throw failure(
        "hist needs a list of numbers, found \(value.describedKind)", at: values.span,
        hint: "hist isi(exc)")
    }
    guard !items.isEmpty else { throw failure("the list is empty: nothing to count", at: values.span) }
    // Compact numbers are read as they are kept; other lists item by item.
    let (numbers, dimension, shownIn): ([Double], Dimension, NeuroUnits.Unit?)
    if let compact = items.numbers {
      (numbers, dimension, shownIn) = (compact.values, compact.dimension, nil)
    } else {
      let quantities = try items.map { item -> Quantity in
        guard case .quantity(let q) = item else {
          throw failure("hist needs numbers, and the list holds \(item.describedKind)", at: values.span)
        }
        return q
      }
      guard quantities.allSatisfy({ $0.dimension == quantities[0].dimension }) else {
        throw failure("hist needs values of one kind", at: values.span)
      }
      (numbers, dimension, shownIn) = (quantities.map(\.value), quantities[0].dimension, quantities[0].displayUnit)
    }
    var bins: Int? = nil
    for option in options {
      guard option.label == "bins", case .quantity(let q) = option.value, q.dimension.isDimensionless,
        q.value >= 1, q.value <= 200, let count = Int(checking: q.value), Double(count) == q.value
      else {
        throw failure("hist takes bins: a whole number from 1 to 200", at: option.span, hint: "hist xs, bins: 20")
      }
      bins = count
    }
    let unit = shownIn ?? Table.commonUnit(numbers, dimension)
    guard let histogram = Histogram(numbers.map { $0 / unit.scale }, bins: bins) else {
      throw failure("the list holds no finite numbers: nothing to count", at: values.span)
    }
    let x = dimension.isDimensionless ? Axis("value") : Axis(dimension.word, unit: unit.symbol)
    return Figure(histogram, title: "\(numbers.count) values — count", x: x, y: Axis("count"))
  }
}
