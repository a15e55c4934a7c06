import NeuroPlot
import NeuroUnits

/// `save VALUE to "file.csv"` and `load "file.csv"`.
extension Interpreter {
  func save(_ valueExpr: Expr, to pathExpr: Expr) throws {
    let value = try evaluate(valueExpr)
    let path = try filePath(pathExpr)
    if let figure = try savedFigure(value, valueExpr, to: path, pathExpr) {
      try write(SVGRenderer().render(figure), to: path, pathExpr)
      host.note("saved the \(figure.kind) to \(path)\n")
      return
    }
    let columns = try csvColumns(value, valueExpr)
    try write(columns.text, to: path, pathExpr)
    let rows = columns.columns.map(\.values.count).max() ?? 0
    host.note("saved \(rows) \(rows == 1 ? "row" : "rows") to \(path)\n")
  }

  /// The figure to save as SVG when the value is one; nil for data. A figure goes to a .svg file only, and
  /// a .svg file takes only a figure.
  private func savedFigure(_ value: Value, _ valueExpr: Expr, to path: String, _ pathExpr: Expr) throws -> Figure? {
    let svg = path.lowercased().hasSuffix(".svg")
    switch value {
    case .figure(let figure) where svg: return figure
    case .figure:
      let name = FilePaths.name(of: path)
      let ext = name.contains(".") ? name.split(separator: ".", omittingEmptySubsequences: false).last?.count ?? 0 : -1
      let stem = path.dropLast(ext + 1)
      throw failure(
        "a figure is saved as an SVG drawing: the file name must end in .svg", at: pathExpr.span,
        hint: "save \(source.text(valueExpr.span)) to \"\(stem).svg\"; its data goes to .csv: save n.v to \"v.csv\"")
    default:
      guard svg else { return nil }
      let shown = if case .trace = value { source.text(valueExpr.span) } else { "n.v" }
      throw failure(
        "only a figure can be saved as .svg, found \(value.describedKind)", at: valueExpr.span,
        hint: "save plot(\(shown)) to \"\(path)\" or save raster(p) to \"\(path)\"; data goes to .csv")
    }
  }

  /// Writes a file whole or not at all, once the host allows it.
  private func write(_ text: String, to path: String, _ pathExpr: Expr) throws {
    if let confirm = host.confirmWrite, !confirm(path) {
      throw failure("'\(path)' was not written: writing was not allowed", at: pathExpr.span)
    }
    do {
      try FileSaving.write(text, to: path)
    } catch let error as SourceFileError {
      throw failure(error.description, at: pathExpr.span)
    }
  }

  func load(_ pathExpr: Expr, _ expr: Expr) throws -> Value {
    let path = try filePath(pathExpr)
    let columns = try readData(path, pathExpr.span, expr.span, wordsMayBeClasses: true) { try CSVColumns(parsing: $0) }
    return .record(Record(fields: columns.columns.map { ($0.name, .list($0.values.map(Value.quantity))) }))
  }

  /// `load_spikes("spikes.csv")`: the spike times of each neuron, a list per neuron.
  func loadSpikes(_ value: Value, at pathSpan: Span, _ span: Span) throws -> Value {
    let path = try filePath(value, at: pathSpan)
    let file = try readData(path, pathSpan, span, wordsMayBeClasses: false) { try SpikeFile(parsing: $0) }
    return .list(file.trains.map { .list(ValueList(numbers: $0, dimension: .time)) })
  }

  /// A data file's text, parsed; a parse error names the file and the line. `wordsMayBeClasses`: a cell of words
  /// may be a class name, which `dataset` reads.
  private func readData<T>(
    _ path: String, _ pathSpan: Span, _ span: Span, wordsMayBeClasses: Bool, _ parse: (String) throws -> T
  ) throws -> T {
    let text: String
    do {
      text = try readSourceFile(path)
    } catch {
      throw failure("\(error)", at: pathSpan)
    }
    do {
      return try parse(text)
    } catch let error as CSVColumns.ParseError {
      // A column of words is usually the classes of a data set for a network.
      let hint =
        wordsMayBeClasses && error.message.hasSuffix("is not a number")
        ? "a column of class names is read with dataset(\"\(path)\", label: \"column\") (:help networks)" : nil
      throw failure("\(path):\(error.line): \(error.message)", at: span, hint: hint)
    }
  }

  func filePath(_ expr: Expr) throws -> String {
    try filePath(try evaluate(expr), at: expr.span)
  }

  private func filePath(_ value: Value, at span: Span) throws -> String {
    if case .string("") = value { throw failure("a file name cannot be empty", at: span, hint: "\"v.csv\"") }
    guard case .string(let path) = value else {
      throw failure("a file name must be a string, found \(value.describedKind)", at: span, hint: "\"v.csv\"")
    }
    return FilePaths.expandingTilde(path)
  }

  /// The columns a value is saved as: a trace as time and value, a list as one column,
  /// a record or table as one column per field.
  private func csvColumns(_ value: Value, _ expr: Expr) throws -> CSVColumns {
    switch value {
    case .trace(let t):
      let name = t.label.split(separator: ".").last.map(String.init) ?? "value"
      return CSVColumns(columns: [
        ("time", t.trace.values.indices.map { Quantity(t.trace.time(at: $0), .time) }),
        (name, t.trace.values.map { Quantity($0, t.dimension) }),
      ])
    case .list(let items):
      let values = try numbers(items.values, "the list", expr)
      let name = values.first.map { $0.dimension.isDimensionless ? "value" : $0.dimension.word } ?? "value"
      return CSVColumns(columns: [(name, values)])
    case .record(let record):
      return CSVColumns(
        columns: try record.fields.map { field in
          guard case .list(let items) = field.value else {
            throw failure(
              "the field '\(field.name)' is \(field.value.describedKind); only lists of numbers can be saved",
              at: expr.span)
          }
          return (field.name, try numbers(items.values, "'\(field.name)'", expr))
        })
    case .table(let table):
      return CSVColumns(columns: try table.columns.map { ($0.name, try numbers($0.values, "'\($0.name)'", expr)) })
    default:
      throw failure(
        "cannot save \(value.describedKind)", at: expr.span,
        hint: "save a trace (n.v), a list (spikes(n)), a record of lists or a table")
    }
  }

  private func numbers(_ items: [Value], _ what: String, _ expr: Expr) throws -> [Quantity] {
    try items.map { item in
      guard case .quantity(let q) = item else {
        throw failure("\(what) holds \(item.describedKind); only numbers can be saved", at: expr.span)
      }
      return q
    }
  }
}
