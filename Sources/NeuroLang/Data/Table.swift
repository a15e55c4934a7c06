import NeuroUnits

/// Columns of values printed side by side, each headed by its name and unit.
public struct Table {
  public var columns: [(name: String, values: [Value])]
  /// What to print instead of a bare header when there are no rows (`no connections yet`).
  public var whenEmpty: String? = nil

  /// The table as aligned text: header with units, a rule, one row per entry.
  public var rendered: String {
    if let whenEmpty, columns.allSatisfy({ $0.values.isEmpty }) { return whenEmpty }
    let prepared = columns.map { column -> (header: String, cells: [String], numeric: Bool) in
      let quantities = column.values.compactMap { value -> Quantity? in
        if case .quantity(let q) = value { return q }
        return nil
      }
      let numeric = quantities.count == column.values.count
      if numeric, let first = quantities.first, !first.dimension.isDimensionless,
        quantities.allSatisfy({ $0.dimension == first.dimension })
      {
        let unit = Table.commonUnit(quantities)
        return ("\(column.name) (\(unit.symbol))", quantities.map { formatNumber($0.value / unit.scale) }, true)
      }
      return (
        column.name,
        column.values.map { value in
          if case .string(let s) = value { return s }
          return value.shown
        }, numeric
      )
    }
    let rows = prepared.map(\.cells.count).max() ?? 0
    let widths = prepared.map { column in max(column.header.count, column.cells.map(\.count).max() ?? 0) }
    func pad(_ text: String, _ width: Int, right: Bool) -> String {
      let fill = String(repeating: " ", count: max(0, width - text.count))
      return right ? fill + text : text + fill
    }
    var lines = [zip(prepared, widths).map { pad($0.header, $1, right: $0.numeric) }.joined(separator: "  ")]
    lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
    for row in 0..<rows {
      lines.append(
        zip(prepared, widths).map { column, width in
          pad(row < column.cells.count ? column.cells[row] : "", width, right: column.numeric)
        }.joined(separator: "  "))
    }
    return lines.map { line in
      var l = line
      while l.last == " " { l.removeLast() }
      return l
    }.joined(separator: "\n")
  }

  /// One unit for a whole column, chosen by its largest magnitude (or a unit given with `as`).
  static func commonUnit(_ quantities: [Quantity]) -> Unit {
    guard let first = quantities.first else { return Unit(symbol: "", scale: 1, dimension: .none) }
    if let unit = first.displayUnit { return unit }
    return commonUnit(quantities.map(\.value), first.dimension)
  }

  /// One unit for numbers (SI) of one dimension, chosen by their largest magnitude.
  static func commonUnit(_ values: [Double], _ dimension: Dimension) -> Unit {
    let biggest = values.lazy.map { abs($0) }.filter(\.isFinite).max() ?? 0
    guard let display = DisplayUnit.forDimension(dimension) else {
      return Unit(symbol: dimension.siSymbol, scale: 1, dimension: dimension)
    }
    let prefix = display.bestPrefix(for: biggest)
    return Unit(symbol: display.symbol(prefix), scale: display.scale(prefix), dimension: dimension)
  }
}
