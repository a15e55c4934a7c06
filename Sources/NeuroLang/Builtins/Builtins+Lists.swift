import NeuroUnits

/// Statistics, rounding and list functions.
extension Builtins {
  static let statistics: [Builtin] = [
    extremum("max", "the largest of a list, a trace, or several values") { $0 > $1 },
    extremum("min", "the smallest of a list, a trace, or several values") { $0 < $1 },
    Builtin(name: "sum", signature: "list", summary: "the sum of a list's values, keeping their unit") { c in
      let (values, dimension) = try numbers(c, "sum", allowEmpty: true)
      return .quantity(Quantity(values.reduce(0, +), dimension))
    },
    Builtin(name: "mean", signature: "list or trace", summary: "the average of a list's values or a trace's samples") {
      c in
      let (values, dimension) = try numbers(c, "mean")
      return .quantity(Quantity(values.reduce(0, +) / Double(values.count), dimension))
    },
    Builtin(
      name: "std", signature: "list or trace",
      summary: "the standard deviation (population: divides by the count, like numpy)"
    ) { c in
      let (values, dimension) = try numbers(c, "std")
      let mean = values.reduce(0, +) / Double(values.count)
      let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
      return .quantity(Quantity(variance.squareRoot(), dimension))
    },
    Builtin(
      name: "fraction", signature: "list, below: x, above: x",
      summary:
        "the fraction of a list's (or trace's) values below x, above x, or between the two: "
        + "fraction(syn.w, below: 0.1 * w_max)",
      parameterNames: ["below", "above"]
    ) { c in
      let bounds = c.arguments.filter { $0.label != nil }
      guard !bounds.isEmpty, bounds.allSatisfy({ $0.label == "below" || $0.label == "above" }) else {
        let stray = bounds.first { $0.label != "below" && $0.label != "above" }
        throw c.failure(
          "fraction needs below:, above: or both", at: stray?.span,
          hint: "fraction(xs, below: 1mV), fraction(xs, above: 2mV)")
      }
      if let repeated = bounds.dropFirst().first(where: { b in bounds.filter { $0.label == b.label }.count > 1 }) {
        throw c.failure("\(repeated.label ?? "a bound") is given twice", at: repeated.labelSpan ?? repeated.span)
      }
      let (values, dimension) = try numbers(c.keeping(c.arguments.filter { $0.label == nil }), "fraction")
      func bound(_ label: String) throws -> Double? {
        guard let argument = bounds.first(where: { $0.label == label }) else { return nil }
        guard case .quantity(let q) = argument.value, q.dimension == dimension else {
          throw c.failure(
            "\(label) must be \(dimension.isDimensionless ? "a plain number" : dimension.word) like the values, found "
              + argument.value.describedKind,
            at: argument.span)
        }
        return q.value
      }
      let (below, above) = (try bound("below") ?? .infinity, try bound("above") ?? -.infinity)
      let inside = values.reduce(0) { $0 + ($1 < below && $1 > above ? 1 : 0) }
      return .quantity(Quantity(Double(inside) / Double(values.count)))
    },
  ]

  static let rounding: [Builtin] = [
    plainFunction("round", "the nearest whole number (halves away from zero)") { $0.rounded() },
    plainFunction("floor", "the largest whole number not above x") { $0.rounded(.down) },
    plainFunction("ceil", "the smallest whole number not below x") { $0.rounded(.up) },
  ]

  static let lists: [Builtin] = [
    Builtin(name: "len", signature: "list", summary: "how many items a list, string, trace or record holds") { c in
      try c.expectPositional(1, "len", "len(xs)")
      let value = try c.value(0)
      switch value {
      case .list(let items): return .quantity(Quantity(Double(items.count)))
      case .string(let s): return .quantity(Quantity(Double(s.count)))
      case .trace(let t): return .quantity(Quantity(Double(t.trace.values.count)))
      case .record(let r): return .quantity(Quantity(Double(r.fields.count)))
      case .dataset(let d): return .quantity(Quantity(Double(d.count)))
      default: throw c.failure("len needs a list, found \(value.describedKind)", at: c.arguments[0].span)
      }
    },
    Builtin(
      name: "range", signature: "n or start, end",
      summary: "whole numbers from 0 (or start) up to but not including n (or end)"
    ) { c in
      guard (1...2).contains(c.arguments.count), c.arguments.allSatisfy({ $0.label == nil }) else {
        throw c.failure(
          "range takes one or two whole numbers", hint: "range(5) is [0, 1, 2, 3, 4]; range(2, 5) is [2, 3, 4]")
      }
      let bounds = try c.arguments.indices.map { try wholeNumber(c, $0, "range") }
      let (start, end) = bounds.count == 1 ? (0, bounds[0]) : (bounds[0], bounds[1])
      guard end - start <= 10_000_000 else { throw c.failure("range holds at most 10 million numbers") }
      return .list(ValueList(numbers: start < end ? (start..<end).map(Double.init) : [], dimension: .none))
    },
    Builtin(
      name: "linspace", signature: "start, end, count",
      summary: "count evenly spaced values from start to end, both included"
    ) { c in
      try c.expectPositional(3, "linspace", "linspace(0nA, 2nA, 5)")
      let (a, b) = (try c.quantity(0, for: "linspace"), try c.quantity(1, for: "linspace"))
      guard a.dimension == b.dimension else {
        throw c.failure("linspace cannot go from \(a.describedKind) to \(b.describedKind)")
      }
      let n = try wholeNumber(c, 2, "linspace")
      guard n >= 2, n <= 10_000_000 else {
        throw c.failure("linspace needs a count from 2 to 10 million", at: c.arguments[2].span)
      }
      let values = (0..<n).map { a.value + (b.value - a.value) * Double($0) / Double(n - 1) }
      return .list(ValueList(numbers: values, dimension: a.dimension))
    },
    Builtin(
      name: "table", signature: "columns…",
      summary: "lists side by side as a table: table(I: currents, rate: rates), or table(record)"
    ) { c in
      try makeTable(c)
    },
  ]

  private static func extremum(
    _ name: String, _ summary: String, _ better: @escaping @Sendable (Double, Double) -> Bool
  ) -> Builtin {
    Builtin(name: name, signature: "list or values", summary: summary) { c in
      let (values, dimension) = try numbers(c, name)
      var best = values[0]
      for v in values.dropFirst() where better(v, best) { best = v }
      return .quantity(Quantity(best, dimension))
    }
  }

  /// The numbers a statistics function works on: one list or trace, or several values; all of one dimension.
  static func numbers(_ c: CallContext, _ name: String, allowEmpty: Bool = false) throws -> ([Double], Dimension) {
    guard !c.arguments.isEmpty, c.arguments.allSatisfy({ $0.label == nil }) else {
      throw c.failure("\(name) needs a list, a trace or values", hint: "\(name)([1mV, 2mV]) or \(name)(n.v)")
    }
    var quantities: [Quantity] = []
    if c.arguments.count == 1 {
      switch try c.value(0) {
      case .list(let items):
        for item in items {
          guard case .quantity(let q) = item else {
            throw c.failure("\(name) needs numbers, and the list holds \(item.describedKind)", at: c.arguments[0].span)
          }
          quantities.append(q)
        }
      case .trace(let t): quantities = t.trace.values.map { Quantity($0, t.dimension) }
      case .quantity(let q): quantities = [q]
      case let other:
        throw c.failure("\(name) needs a list or a trace, found \(other.describedKind)", at: c.arguments[0].span)
      }
    } else {
      quantities = try c.arguments.indices.map { try c.quantity($0, for: name) }
    }
    guard let first = quantities.first else {
      if allowEmpty { return ([], .none) }
      throw c.failure("\(name) of an empty list has no value", at: c.arguments[0].span)
    }
    if let odd = quantities.first(where: { $0.dimension != first.dimension }) {
      throw c.failure("\(name) cannot mix \(first.describedKind) and \(odd.describedKind)")
    }
    return (quantities.map(\.value), first.dimension)
  }

  static func wholeNumber(_ c: CallContext, _ i: Int, _ name: String) throws -> Int {
    let q = try c.quantity(i, for: name)
    guard q.dimension.isDimensionless, q.value == q.value.rounded(), Swift.abs(q.value) <= 1e12,
      let whole = Int(checking: q.value)
    else {
      throw c.failure(
        "\(name) needs a whole number here, found "
          + "\(q.dimension.isDimensionless ? formatNumber(q.value) : q.describedKind)",
        at: c.arguments[i].span)
    }
    return whole
  }

  private static func makeTable(_ c: CallContext) throws -> Value {
    var columns: [(name: String, values: [Value])] = []
    if c.arguments.count == 1, c.arguments[0].label == nil, case .record(let record) = try c.value(0) {
      for field in record.fields {
        guard case .list(let items) = field.value else {
          throw c.failure(
            "the field '\(field.name)' is \(field.value.describedKind), not a list", at: c.arguments[0].span)
        }
        columns.append((field.name, items.values))
      }
    } else {
      for (i, argument) in c.arguments.enumerated() {
        guard case .list(let items) = argument.value else {
          throw c.failure("a table column must be a list, found \(argument.value.describedKind)", at: argument.span)
        }
        let name: String
        if let label = argument.label {
          name = label
        } else if case .name(let n) = argument.expr.kind {
          name = n
        } else {
          name = "column \(i + 1)"
        }
        columns.append((name, items.values))
      }
    }
    guard let first = columns.first else {
      throw c.failure("table needs at least one column", hint: "table(I: currents, rate: rates)")
    }
    if let odd = columns.first(where: { $0.values.count != first.values.count }) {
      throw c.failure(
        "the columns differ in length: \(first.name) has \(first.values.count), \(odd.name) has \(odd.values.count)")
    }
    return .table(Table(columns: columns))
  }
}
