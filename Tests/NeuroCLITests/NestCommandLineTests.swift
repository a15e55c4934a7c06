import Foundation
import Testing

/// `neuro export --to nest` and `--engine nest` from the shell, without NEST.
@Suite struct NestCommandLineTests {
  private func temporaryFolder() throws -> String {
    let folder = NSTemporaryDirectory() + "neuro-nest-cli-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func exportWritesTheScriptForTheTimeOfTheRuns() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let script = folder + "/net.neuro"
    try "neuron n = lif()\ninject n 2nA\nrun 100ms\nrun 50ms\n".write(toFile: script, atomically: true, encoding: .utf8)
    let result = try runNeuro(["export", "--to", "nest", script], input: "")
    #expect(result.status == 0)
    #expect(
      result.stdout.contains("exported to \(folder)/net.py: 1 neuron in 1 population, 0 connections, simulating 150 ms")
    )
    let text = try String(contentsOfFile: folder + "/net.py", encoding: .utf8)
    #expect(text.contains("default=150.0") && text.contains("\"I_e\": 2000.0"))
    let named = try runNeuro(["export", "--to", "nest", script, "-o", folder + "/other.py"], input: "")
    #expect(named.status == 0 && FileManager.default.fileExists(atPath: folder + "/other.py"))
  }

  @Test func exportWithoutARunOrOfAModelOfYourOwnFails() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "neuron n = lif()\n".write(toFile: folder + "/a.neuro", atomically: true, encoding: .utf8)
    let noRun = try runNeuro(["export", "--to", "nest", folder + "/a.neuro"], input: "")
    #expect(noRun.status == 70 && noRun.stderr.contains("has no run, so there is no time to simulate"))
    let own = try runNeuro(
      ["export", "--to", "nest", "Tests/scripts/export/own_model.neuro", "-o", folder + "/b.py"], input: "")
    #expect(own.status == 70 && own.stderr.contains("a model of your own (decay) has no NEST counterpart"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/b.py"))
  }

  @Test func engineNestWithoutNestNamesThePackage() throws {
    let result = try runNeuro(
      ["--engine", "nest", "examples/lif.neuro"], input: "", environment: ["NEURO_PYTHON": "/nonexistent/python3"])
    #expect(result.status == 70)
    #expect(result.stderr.contains("cannot import nest") && result.stderr.contains("pip install nest-simulator"))
  }

  @Test(arguments: [
    (["--engine", "brian", "x.neuro"], "unknown engine 'brian'"), (["--engine"], "--engine needs a value"),
    (["export", "x.neuro"], "usage: neuro export --to nest"),
    (["--to", "nest", "x.neuro"], "--to belongs to neuro export"),
  ])
  func usageErrors(arguments: [String], message: String) throws {
    let result = try runNeuro(arguments, input: "")
    #expect(result.status == 64)
    #expect(result.stderr.contains(message))
  }
}
