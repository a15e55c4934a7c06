import NeuroUnits

/// Columns of numbers with units as comma-separated text: a header `time (ms),v (mV)`
/// and one row per sample.
struct CSVColumns {
  var columns: [(name: String, values: [Quantity])]

  init(columns: [(name: String, values: [Quantity])]) {
    self.columns = columns
  }

  /// The text of the file: units in the header, numbers in those units.
  var text: String {
    let units = columns.map { column in column.values.isEmpty ? nil : Table.commonUnit(column.values) }
    let header = zip(columns, units).map { column, unit in
      guard let unit, !unit.dimension.isDimensionless else { return column.name }
      return "\(column.name) (\(unit.symbol))"
    }
    let rows = columns.map(\.values.count).max() ?? 0
    let scales = units.map { $0?.scale ?? 1 }
    var text = header.joined(separator: ",") + "\n"
    text.reserveCapacity(text.utf8.count + rows * columns.count * 14)
    for row in 0..<rows {
      for c in columns.indices {
        if c > 0 { text.append(",") }
        if row < columns[c].values.count {
          text.append(formatNumber(columns[c].values[row].value / scales[c], significantDigits: 12))
        }
      }
      text.append("\n")
    }
    return text
  }

  /// Why a file could not be read as columns: the message names the line.
  struct ParseError: Error {
    var line: Int
    var message: String
  }

  /// Reads the text of a file written like `text` (or by a spreadsheet, without quotes).
  /// Lines end in "\n", "\r\n" or (in old files) "\r"; the rows are read as bytes, for speed.
  init(parsing text: String) throws {
    let bytes = Array(text.utf8)
    let newline = bytes.contains(UInt8(ascii: "\n")) ? UInt8(ascii: "\n") : UInt8(ascii: "\r")
    var lines = bytes.split(separator: newline, omittingEmptySubsequences: false).map(CSVColumns.trimmed)
    while lines.last?.isEmpty == true { lines.removeLast() }
    guard let headerLine = lines.first, !headerLine.isEmpty else {
      throw ParseError(line: 1, message: "the file is empty; it needs a header line such as time (ms),v (mV)")
    }
    var units: [NeuroUnits.Unit?] = []
    columns = []
    let headerCells = headerLine.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map(
      CSVColumns.text)
    if headerCells.allSatisfy({ Double($0) != nil }) {
      throw ParseError(
        line: 1, message: "the first line holds numbers, not column names; add a header line such as time (ms),v (mV)")
    }
    for cell in headerCells {
      let (name, unit) = try CSVColumns.headerCell(cell)
      if columns.contains(where: { $0.name == name }) {
        throw ParseError(line: 1, message: "the column name '\(name)' appears twice in the header")
      }
      columns.append((name, []))
      units.append(unit)
    }
    var values = [[Quantity]](repeating: [], count: columns.count)
    for c in values.indices { values[c].reserveCapacity(lines.count - 1) }
    for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
      let cells = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
      guard cells.count == columns.count else {
        throw ParseError(line: index + 1, message: "expected \(columns.count) values, found \(cells.count)")
      }
      for (c, cell) in cells.enumerated() {
        let cellText = CSVColumns.text(cell)
        guard let number = Double(cellText) else {
          throw ParseError(line: index + 1, message: "'\(cellText)' is not a number")
        }
        guard number.isFinite else {
          throw ParseError(
            line: index + 1, message: "'\(cellText)' is not a finite number; a data file holds measured values only")
        }
        values[c].append(units[c].map { Quantity(number, unit: $0) } ?? Quantity(number))
      }
    }
    for c in columns.indices { columns[c].values = values[c] }
  }

  /// A line or cell without the spaces, tabs and carriage returns around it.
  private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    func isBlank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") }
    var slice = bytes
    while let first = slice.first, isBlank(first) { slice = slice.dropFirst() }
    while let last = slice.last, isBlank(last) { slice = slice.dropLast() }
    return slice
  }

  /// A cell's text, trimmed.
  private static func text(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: trimmed(bytes), as: UTF8.self)
  }

  /// `v (mV)` → the name `v` and the unit mV; `count` → no unit.
  private static func headerCell(_ cell: String) throws -> (String, NeuroUnits.Unit?) {
    guard cell.hasSuffix(")"), let open = cell.lastIndex(of: "(") else {
      return (cell.isEmpty ? "column" : cell, nil)
    }
    let name = cell[..<open].trimmed()
    let symbol = cell[cell.index(after: open)..<cell.index(before: cell.endIndex)].trimmed()
    guard let unit = UnitTable.unit(named: symbol) else {
      throw ParseError(line: 1, message: "unknown unit '\(symbol)' in the header")
    }
    return (name.isEmpty ? "column" : name, unit)
  }
}
