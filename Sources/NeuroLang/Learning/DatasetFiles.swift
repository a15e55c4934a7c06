import NeuroLearn

/// Datasets from CSV text: a header row, numeric feature columns and one label column (a class name or
/// number per row), and the data sets shipped in `data/`.
enum DatasetFiles {
  /// The data sets shipped with neuro, by the name `dataset("…")` takes, with their file and label column.
  static let bundled: [String: (file: String, label: String)] = [
    "iris": ("iris.csv", "species"), "digits": ("digits.csv", "digit"),
  ]

  struct ParseError: Error {
    var line: Int
    var message: String
  }

  /// The samples of a CSV text; `label` names the class column (the last one when nil). Classes are
  /// numbered in sorted order (numerically when every class is a number).
  static func parse(_ text: String, label: String?) throws -> Dataset {
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    guard let headerLine = lines.first(where: { !$0.isEmpty }) else {
      throw ParseError(line: 1, message: "the file is empty; it needs a header row of column names")
    }
    let header = headerLine.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmed() }
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
    for (number, line) in lines.enumerated().dropFirst() where !line.trimmed().isEmpty {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmed() }
      guard cells.count == header.count else {
        throw ParseError(line: number + 1, message: "\(cells.count) cells where the header has \(header.count)")
      }
      for (j, cell) in cells.enumerated() where j != labelIndex {
        guard let x = Double(cell), x.isFinite else {
          throw ParseError(line: number + 1, message: "'\(cell)' in column '\(header[j])' is not a number")
        }
        values.append(x)
      }
      names.append(cells[labelIndex])
    }
    guard !names.isEmpty else { throw ParseError(line: 2, message: "the file has a header but no samples") }
    let numeric = names.allSatisfy { Double($0) != nil }
    let classes = Set(names).sorted { numeric ? (Double($0) ?? 0) < (Double($1) ?? 0) : $0 < $1 }
    let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
    return Dataset(
      features: Matrix(rows: names.count, columns: header.count - 1, values: values),
      labels: names.map { index[$0] ?? 0 }, classNames: classes,
      featureNames: header.enumerated().filter { $0.offset != labelIndex }.map(\.element))
  }

  /// XOR: the four corners of the unit square, class 1 where exactly one coordinate is 1.
  static var xor: Dataset {
    Dataset(
      features: Matrix(rows: 4, columns: 2, values: [0, 0, 0, 1, 1, 0, 1, 1]), labels: [0, 1, 1, 0],
      classNames: ["0", "1"], featureNames: ["a", "b"])
  }
}
