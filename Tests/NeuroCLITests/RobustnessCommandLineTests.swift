import Foundation
import Testing

/// Deep and odd input through the real program (on its main thread): diagnostics and exit codes, never a crash.
@Suite struct RobustnessCommandLineTests {
  @Test func aScriptWithAOneCharacterNameThatSavesAndImports() throws {
    let script = try temporaryScript("import \"b\"\nsave [1] to \"a\"\nsave [2] to \".\"\n", name: "s")
    let folder = script.deletingLastPathComponent()
    try "print 1\n".write(to: folder.appendingPathComponent("b.neuro"), atomically: true, encoding: .utf8)
    let result = try runNeuro(["s"], input: Data(), in: folder)
    #expect(result.status == 70)
    #expect(result.stdout == "1\nsaved 1 row to a\n")
    #expect(result.stderr.contains("error: cannot write '.': it is a folder"))
  }

  static let deepInputs: [(String, Int32)] = [
    (String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000), 65),
    (String(repeating: "-", count: 5000) + "1", 65),
    (String(repeating: "if true {\n", count: 2000) + String(repeating: "}\n", count: 2000), 65),
    ("print 1" + String(repeating: " + 1", count: 9000), 0),
    (String(repeating: "@", count: 50_000), 65),
    ("let x = []\nfor i in 1 to 5000 { x = [x] }", 70),
    ("fn f(n) { return f(n + 1) }\nf(1)", 70),
  ]

  @Test(arguments: deepInputs)
  func deepInputEndsWithADiagnostic(_ code: String, _ status: Int32) throws {
    let script = try temporaryScript(code)
    let result = try runNeuro([script.path], input: "")
    #expect(result.status == status, "\(result.stderr.prefix(300))")
    #expect(result.stderr.utf8.count < 20_000)
  }
}

/// Under a small address-space cap (`ulimit -v`) the large interpreter stack cannot be had: a smaller one is used.
@Suite struct AddressSpaceCapTests {
  /// Runs a script under `ulimit -v kilobytes`: its exit status, output and errors.
  private func run(_ code: String, underCap kilobytes: Int) throws -> (status: Int32, stdout: String, stderr: String) {
    let script = try temporaryScript(code)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "ulimit -v \(kilobytes); exec \"$0\" \"$1\"", NeuroBinary.path, script.path]
    let (output, errors) = (Pipe(), Pipe())
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let deadline = Date().addingTimeInterval(60)
    while process.isRunning, Date() < deadline { usleep(10_000) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    let text = { (pipe: Pipe) in String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
    return (process.terminationStatus, text(output), text(errors))
  }

  @Test func aScriptRunsUnderATightMemoryCap() throws {
    let result = try run("print 1 + 1\n", underCap: 400_000)
    #expect(result.status == 0)
    #expect(result.stdout == "2\n")
  }

  /// Spikes fill memory as a run goes on: the run stops with a diagnostic when they would pass the
  /// world's share (half the address space here), never an allocation failure.
  @Test func spikesThatWouldFillMemoryStopTheRunWithADiagnostic() throws {
    let result = try run("population a[100000] = poisson(rate: 5000Hz)\nrun 10s\n", underCap: 1_500_000)
    #expect(result.status == 70)
    #expect(result.stderr.contains("spikes fill the memory the world may use"))
  }
}
