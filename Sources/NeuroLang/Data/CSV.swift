import Foundation
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
    var lines = [header.joined(separator: ",")]
    let rows = columns.map(\.values.count).max() ?? 0
    for row in 0..<rows {
      lines.append(zip(columns, units).map { column, unit in
        guard row < column.values.count else { return "" }
        return formatNumber(column.values[row].value / (unit?.scale ?? 1), significantDigits: 12)
      }.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Why a file could not be read as columns: the message names the line.
  struct ParseError: Error {
    var line: Int
    var message: String
  }

  /// Reads the text of a file written like `text` (or by a spreadsheet, without quotes).
  init(parsing text: String) throws {
    // "\r\n" is one Character in Swift: splitting on "\n" alone would keep a Windows file on one line.
    var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
    guard let headerLine = lines.first, !headerLine.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw ParseError(line: 1, message: "the file is empty; it needs a header line such as time (ms),v (mV)")
    }
    var units: [NeuroUnits.Unit?] = []
    columns = []
    let headerCells = headerLine.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    if headerCells.allSatisfy({ Double($0) != nil }) {
      throw ParseError(line: 1, message: "the first line holds numbers, not column names; add a header line such as time (ms),v (mV)")
    }
    for cell in headerCells {
      let (name, unit) = try CSVColumns.headerCell(cell)
      if columns.contains(where: { $0.name == name }) {
        throw ParseError(line: 1, message: "the column name '\(name)' appears twice in the header")
      }
      columns.append((name, []))
      units.append(unit)
    }
    for (index, line) in lines.enumerated().dropFirst() {
      if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      let cells = line.split(separator: ",", omittingEmptySubsequences: false)
      guard cells.count == columns.count else {
        throw ParseError(line: index + 1, message: "expected \(columns.count) values, found \(cells.count)")
      }
      for (c, cell) in cells.enumerated() {
        let trimmed = cell.trimmingCharacters(in: .whitespaces)
        guard let number = Double(trimmed) else {
          throw ParseError(line: index + 1, message: "'\(trimmed)' is not a number")
        }
        guard number.isFinite else {
          throw ParseError(line: index + 1, message: "'\(trimmed)' is not a finite number; a data file holds measured values only")
        }
        let unit = units[c]
        columns[c].values.append(unit.map { Quantity(number, unit: $0) } ?? Quantity(number))
      }
    }
  }

  /// `v (mV)` → the name `v` and the unit mV; `count` → no unit.
  private static func headerCell(_ cell: String) throws -> (String, NeuroUnits.Unit?) {
    guard cell.hasSuffix(")"), let open = cell.lastIndex(of: "(") else {
      return (cell.isEmpty ? "column" : cell, nil)
    }
    let name = cell[..<open].trimmingCharacters(in: .whitespaces)
    let symbol = cell[cell.index(after: open)..<cell.index(before: cell.endIndex)].trimmingCharacters(in: .whitespaces)
    guard let unit = UnitTable.unit(named: symbol) else {
      throw ParseError(line: 1, message: "unknown unit '\(symbol)' in the header")
    }
    return (name.isEmpty ? "column" : name, unit)
  }
}
