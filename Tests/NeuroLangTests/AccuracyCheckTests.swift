import Foundation
import Testing

@testable import NeuroLang

/// `check accuracy`: the session's copy is stopped by Ctrl-C with nothing compared, and it writes no files.
@Suite struct AccuracyCheckTests {
  @Test func stoppingTheRerunComparesNothing() {
    nonisolated(unsafe) var armed = false
    var errors: [String] = [], output = ""
    let session = Interpreter(
      host: Host(write: { output += $0 }, report: { errors.append($0.message) }, shouldStop: { armed }))
    session.execute(Source(name: "t", text: "neuron n = lif()\ninject n 2.5nA\nrun 200ms"))
    armed = true
    session.execute(Source(name: "t", text: "check accuracy"))
    #expect(errors == ["check accuracy stopped before the session had run again: nothing to compare"])
    #expect(!output.contains("ran the session again"))
  }

  @Test func theRerunWritesNoFiles() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("neuro-accuracy-\(getpid()).csv").path
    var errors: [String] = [], output = ""
    let session = Interpreter(host: Host(write: { output += $0 }, report: { errors.append($0.message) }))
    session.execute(Source(name: "t", text: "neuron n = lif()\ninject n 2.5nA\nrun 20ms\nsave n.v to \"\(path)\""))
    #expect(FileManager.default.fileExists(atPath: path))
    try FileManager.default.removeItem(atPath: path)
    session.execute(Source(name: "t", text: "check accuracy"))
    #expect(errors.isEmpty)
    #expect(output.contains("dt = 0.1 ms is fine"))
    #expect(!FileManager.default.fileExists(atPath: path))
  }
}
