import Foundation
@testable import NeuroLang
import Testing

/// Reading CSV files written elsewhere: Windows line ends, no header, non-finite cells, repeated names.
@Suite struct CSVReadingTests {
  @Test func windowsLineEndsLoad() throws {
    let columns = try CSVColumns(parsing: "time (ms),v (mV)\r\n1,2\r\n3,4\r\n")
    #expect(columns.columns.map(\.name) == ["time", "v"])
    #expect(columns.columns[1].values.count == 2)
  }

  @Test(arguments: [
    ("1,2\n3,4\n", "the first line holds numbers, not column names; add a header line such as time (ms),v (mV)"),
    ("a,a\n1,2\n", "the column name 'a' appears twice in the header"),
    ("a,b\n1,nan\n", "'nan' in column 2 (b) is not a finite number; a data file holds measured values only"),
    ("a,b\n1,-inf\n", "'-inf' in column 2 (b) is not a finite number; a data file holds measured values only"),
    ("a,b\n1,\n", "the cell in column 2 (b) is empty"),
  ])
  func refused(_ text: String, _ message: String) {
    #expect(throws: (any Error).self) { try CSVColumns(parsing: text) }
    do { _ = try CSVColumns(parsing: text) } catch let error as CSVColumns.ParseError {
      #expect(error.message == message)
    } catch {}
  }

  @Test func saveAndLoadRoundTrip() throws {
    let folder = NSTemporaryDirectory() + "neuro-csv-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let run = runSnippet(
      "save {t: [0ms, 1.5ms, 1e-9ms], v: [-70mV, 20mV, -0mV]} to \"\(folder)/r.csv\"\nprint load \"\(folder)/r.csv\"")
    #expect(run.messages.isEmpty)
    #expect(run.output.hasSuffix("{t: [0 ms, 1.5 ms, 1e-9 ms], v: [-70 mV, 20 mV, 0 mV]}\n"), "\(run.output)")
  }
}

@Suite struct DivergenceTests {
  @Test func simulateReportsDivergenceAsRunDoes() {
    let run = runSnippet("model m {\n  dv/dt = v*v/(1mV*1ms)\n  init v: 1mV\n}\nlet r = simulate(m(), 1nA)")
    #expect(run.result == .runtimeError)
    #expect(run.messages.first?.hasPrefix("v of the neuron simulated stopped being a finite number by t = ") == true)
  }
}
