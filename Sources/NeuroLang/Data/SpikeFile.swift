import NeuroUnits

/// Spike trains read from a CSV file, in long form (a header `neuron,time (ms)`, one row per spike, neurons
/// numbered from 0) or in wide form (one column of times per neuron, `cell1 (ms),cell2 (ms)`, empty cells where
/// a neuron fired fewer times than another).
struct SpikeFile {
  /// The spike times (s) of each neuron, in order.
  var trains: [[Double]]

  typealias ParseError = CSVColumns.ParseError

  /// The most neurons a file may number.
  static let mostNeurons = 100_000

  init(parsing text: String) throws {
    let cells = try CSVCells(parsing: text, exampleHeader: "neuron,time (ms)")
    if cells.header.count == 2, let n = cells.header.firstIndex(where: { $0.name.lowercased() == "neuron" }) {
      trains = try SpikeFile.longForm(cells, neuronColumn: n)
    } else {
      trains = try SpikeFile.wideForm(cells)
    }
    for i in trains.indices { trains[i].sort() }
  }

  /// `neuron,time (ms)`: a row per spike.
  private static func longForm(_ cells: CSVCells, neuronColumn n: Int) throws -> [[Double]] {
    let t = 1 - n
    if cells.header[n].unit != nil {
      throw ParseError(line: 1, message: "\(cells.describe(column: n)) numbers the neurons, and has no unit")
    }
    let scale = try timeScale(cells, column: t)
    var trains: [[Double]] = []
    for row in cells.rows {
      guard let index = row.numbers[n], let time = row.numbers[t] else {
        throw ParseError(
          line: row.line, message: "the cell in \(cells.describe(column: row.numbers[n] == nil ? n : t)) is empty")
      }
      guard index >= 0, index == index.rounded(), let neuron = Int(checking: index), neuron < mostNeurons else {
        throw ParseError(
          line: row.line,
          message: "'\(formatNumber(index))' in \(cells.describe(column: n)) is not a neuron's number: neurons are "
            + "numbered 0, 1, 2, … (fewer than 100 000)")
      }
      try checkTime(time, cells, column: t, line: row.line)
      if neuron >= trains.count { trains.append(contentsOf: repeatElement([], count: neuron + 1 - trains.count)) }
      trains[neuron].append(time * scale)
    }
    return trains
  }

  /// A column of times per neuron; empty cells are skipped.
  private static func wideForm(_ cells: CSVCells) throws -> [[Double]] {
    let scales = try cells.header.indices.map { try timeScale(cells, column: $0) }
    var trains = [[Double]](repeating: [], count: cells.header.count)
    for row in cells.rows {
      for (c, time) in row.numbers.enumerated() {
        guard let time else { continue }
        try checkTime(time, cells, column: c, line: row.line)
        trains[c].append(time * scales[c])
      }
    }
    return trains
  }

  /// The factor from a column's unit to seconds; its header must name a time unit.
  private static func timeScale(_ cells: CSVCells, column c: Int) throws -> Double {
    let name = cells.header[c].name
    guard let unit = cells.header[c].unit else {
      throw ParseError(
        line: 1,
        message: "\(cells.describe(column: c)) holds spike times, and needs a unit in the header: \(name) (ms)")
    }
    guard unit.dimension == .time else {
      throw ParseError(
        line: 1,
        message: "\(cells.describe(column: c)) is in \(unit.symbol), and spike times need a time unit: \(name) (ms)")
    }
    return unit.scale
  }

  private static func checkTime(_ time: Double, _ cells: CSVCells, column c: Int, line: Int) throws {
    guard time >= 0 else {
      throw ParseError(
        line: line, message: "'\(formatNumber(time))' in \(cells.describe(column: c)) is a negative spike time")
    }
  }
}
