import NeuroLearn

/// Datasets from CSV text: a header row, numeric feature columns and one label column (a class name or
/// number per row), and the data sets shipped in `data/`.
enum DatasetFiles {
  /// The data sets shipped with neuro, by the name `dataset("…")` takes, with their file and label column.
  static let bundled: [String: (file: String, label: String)] = [
    "iris": ("iris.csv", "species"), "digits": ("digits.csv", "digit"),
  ]

  /// The most classes a label column may hold (more is a column of measurements, not of classes).
  static let maximumClasses = 1000

  struct ParseError: Error {
    var line: Int
    var message: String
  }

  /// The samples of a CSV text; `label` names the class column (the last one when nil). Classes are
  /// numbered in sorted order (numerically when every class is a number). Read as bytes: a data set
  /// of thousands of rows loads in milliseconds.
  static func parse(_ text: String, label: String?) throws -> Dataset {
    // A byte-order mark (spreadsheets write one) is not part of the first column's name.
    var bytes = Array(text.utf8)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map { $0.last == 13 ? $0.dropLast() : $0 }
    while let last = lines.last, cells(last).allSatisfy(\.isEmpty) { lines.removeLast() }
    guard let headerLine = lines.first, !cells(headerLine).allSatisfy(\.isEmpty) else {
      throw ParseError(line: 1, message: "the file is empty; it needs a header row of column names")
    }
    let header = cells(headerLine).map { String(decoding: $0, as: UTF8.self) }
    guard header.count >= 2 else {
      throw ParseError(line: 1, message: "a dataset needs at least one feature column and a label column")
    }
    let labelColumn = label ?? header[header.count - 1]
    guard let labelIndex = header.firstIndex(of: labelColumn) else {
      throw ParseError(
        line: 1,
        message: "there is no column '\(labelColumn)'; the columns are \(header.joined(separator: ", "))")
    }
    var values: [Double] = [], names: [String] = []
    values.reserveCapacity((lines.count - 1) * (header.count - 1))
    for (lineIndex, line) in lines.enumerated().dropFirst() {
      let row = cells(line)
      if row.allSatisfy(\.isEmpty) { continue }
      guard row.count == header.count else {
        throw ParseError(line: lineIndex + 1, message: "\(row.count) cells where the header has \(header.count)")
      }
      for (j, cell) in row.enumerated() where j != labelIndex {
        guard let x = number(cell), x.isFinite else {
          let written = String(decoding: cell, as: UTF8.self)
          throw ParseError(line: lineIndex + 1, message: "'\(written)' in column '\(header[j])' is not a number")
        }
        values.append(x)
      }
      guard !row[labelIndex].isEmpty else {
        throw ParseError(line: lineIndex + 1, message: "the label cell (column '\(labelColumn)') is empty")
      }
      names.append(String(decoding: row[labelIndex], as: UTF8.self))
    }
    guard !names.isEmpty else { throw ParseError(line: 2, message: "the file has a header but no samples") }
    let (classes, labels) = classes(of: names)
    guard classes.count <= maximumClasses else {
      throw ParseError(
        line: 1,
        message: "the column '\(labelColumn)' has \(classes.count) different values: a class column holds a few "
          + "names or whole numbers")
    }
    return Dataset(
      features: Matrix(rows: names.count, columns: header.count - 1, values: values), labels: labels,
      classNames: classes, featureNames: header.enumerated().filter { $0.offset != labelIndex }.map(\.element))
  }

  /// The classes among the labels written, in sorted order (numerically when all are numbers), and each
  /// sample's class as an index into them.
  static func classes(of names: [String]) -> (classes: [String], labels: [Int]) {
    let numeric = names.allSatisfy { Double($0) != nil }
    // Ties ("1" and "1.0") in the order of their text: the same numbering in every run.
    let classes = Set(names).sorted {
      guard numeric, let a = Double($0), let b = Double($1), a != b else { return $0 < $1 }
      return a < b
    }
    let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
    return (classes, names.map { index[$0] ?? 0 })
  }

  /// The cells of a line, split at commas, without the spaces and tabs around them.
  private static func cells(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
    line.split(separator: 44, omittingEmptySubsequences: false).map { cell in
      var cell = cell
      while let first = cell.first, first == 32 || first == 9 { cell = cell.dropFirst() }
      while let last = cell.last, last == 32 || last == 9 { cell = cell.dropLast() }
      return cell
    }
  }

  /// A cell as a number: plain digits fast, anything else as Swift reads it.
  private static func number(_ cell: ArraySlice<UInt8>) -> Double? {
    if !cell.isEmpty, cell.count < 16, cell.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
      return Double(cell.reduce(0) { $0 * 10 + Int($1 - 48) })
    }
    return Double(String(decoding: cell, as: UTF8.self))
  }

  /// XOR: the four corners of the unit square, class 1 where exactly one coordinate is 1.
  static var xor: Dataset {
    Dataset(
      features: Matrix(rows: 4, columns: 2, values: [0, 0, 0, 1, 1, 0, 1, 1]), labels: [0, 1, 1, 0],
      classNames: ["0", "1"], featureNames: ["a", "b"])
  }
}
