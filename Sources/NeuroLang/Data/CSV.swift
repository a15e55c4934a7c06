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

  /// Why a file could not be read: the message names the line, and the column where one cell is at fault.
  struct ParseError: Error {
    var line: Int
    var message: String
  }

  /// Reads the text of a file written like `text` (or by a spreadsheet, without quotes): every cell a number.
  init(parsing text: String) throws {
    let cells = try CSVCells(parsing: text)
    var values = [[Quantity]](repeating: [], count: cells.header.count)
    for c in values.indices { values[c].reserveCapacity(cells.rows.count) }
    for row in cells.rows {
      for (c, number) in row.numbers.enumerated() {
        guard let number else {
          throw ParseError(line: row.line, message: "the cell in \(cells.describe(column: c)) is empty")
        }
        values[c].append(cells.header[c].unit.map { Quantity(number, unit: $0) } ?? Quantity(number))
      }
    }
    columns = zip(cells.header, values).map { ($0.name, $1) }
  }
}

/// The cells of a comma-separated file: the header's names and units, then each row's numbers (nil for an
/// empty cell) with its line. Lines end in "\n", "\r\n" or (in old files) "\r"; the rows are read as bytes,
/// for speed.
struct CSVCells {
  var header: [(name: String, unit: NeuroUnits.Unit?)] = []
  var rows: [(line: Int, numbers: [Double?])] = []

  typealias ParseError = CSVColumns.ParseError

  /// The cells of a CSV text; `exampleHeader` is the header a message suggests when the file lacks one.
  init(parsing text: String, exampleHeader: String = "time (ms),v (mV)") throws {
    let bytes = Array(text.utf8)
    let newline = bytes.contains(UInt8(ascii: "\n")) ? UInt8(ascii: "\n") : UInt8(ascii: "\r")
    var lines = bytes.split(separator: newline, omittingEmptySubsequences: false).map(CSVCells.trimmed)
    while lines.last?.isEmpty == true { lines.removeLast() }
    guard let headerLine = lines.first, !headerLine.isEmpty else {
      throw ParseError(line: 1, message: "the file is empty; it needs a header line such as \(exampleHeader)")
    }
    let headerCells = headerLine.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map(
      CSVCells.text)
    if headerCells.allSatisfy({ Double($0) != nil }) {
      throw ParseError(
        line: 1, message: "the first line holds numbers, not column names; add a header line such as \(exampleHeader)")
    }
    for (c, cell) in headerCells.enumerated() {
      let (name, unit) = try CSVCells.headerCell(cell, column: c + 1)
      if header.contains(where: { $0.name == name }) {
        throw ParseError(line: 1, message: "the column name '\(name)' appears twice in the header")
      }
      header.append((name, unit))
    }
    rows.reserveCapacity(lines.count - 1)
    for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
      let cells = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
      guard cells.count == header.count else {
        throw ParseError(line: index + 1, message: "expected \(header.count) values, found \(cells.count)")
      }
      rows.append(
        (
          index + 1,
          try cells.enumerated().map { c, cell in
            let cellText = CSVCells.text(cell)
            if cellText.isEmpty { return nil }
            guard let number = Double(cellText) else {
              throw ParseError(line: index + 1, message: "'\(cellText)' in \(describe(column: c)) is not a number")
            }
            guard number.isFinite else {
              throw ParseError(
                line: index + 1,
                message: "'\(cellText)' in \(describe(column: c)) is not a finite number; a data file holds "
                  + "measured values only")
            }
            return number
          }
        ))
    }
  }

  /// A column as a message names it: `column 2 (v)`.
  func describe(column c: Int) -> String { "column \(c + 1) (\(header[c].name))" }

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
  private static func headerCell(_ cell: String, column: Int) throws -> (String, NeuroUnits.Unit?) {
    guard cell.hasSuffix(")"), let open = cell.lastIndex(of: "(") else {
      return (cell.isEmpty ? "column" : cell, nil)
    }
    let name = cell[..<open].trimmed()
    let symbol = cell[cell.index(after: open)..<cell.index(before: cell.endIndex)].trimmed()
    guard let unit = UnitTable.unit(named: symbol) else {
      throw ParseError(line: 1, message: "unknown unit '\(symbol)' in column \(column) of the header")
    }
    return (name.isEmpty ? "column" : name, unit)
  }
}
