import Foundation

/// The built `neuro` binary, run as a user would run it.
enum NeuroBinary {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The binary next to the test bundle (the same build), else the debug build in the tree.
  static let path: String = {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
      "neuro")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside.path }
    return repository.appendingPathComponent(".build/debug/neuro").path
  }()
}

/// What a finished run of the binary printed and returned.
struct ProcessResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs neuro with arguments and standard input; the environment is the test's plus `environment`.
func runNeuro(
  _ arguments: [String], input: Data = Data(), environment: [String: String] = [:],
  in directory: URL = NeuroBinary.repository
) throws -> ProcessResult {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: NeuroBinary.path)
  process.arguments = arguments
  process.currentDirectoryURL = directory
  var env = ProcessInfo.processInfo.environment
  env["NO_COLOR"] = "1"
  for (key, value) in environment { env[key] = value }
  process.environment = env
  let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
  process.standardInput = stdin
  process.standardOutput = stdout
  process.standardError = stderr
  try process.run()
  let writer = Thread {
    try? stdin.fileHandleForWriting.write(contentsOf: input)
    try? stdin.fileHandleForWriting.close()
  }
  writer.start()
  let out = stdout.fileHandleForReading.readDataToEndOfFile()
  let err = stderr.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return ProcessResult(
    status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
    stderr: String(decoding: err, as: UTF8.self))
}

func runNeuro(_ arguments: [String], input: String, environment: [String: String] = [:]) throws -> ProcessResult {
  try runNeuro(arguments, input: Data(input.utf8), environment: environment)
}

/// A temporary file holding `text`, removed by the caller.
func temporaryScript(_ text: String, name: String = "script.neuro") throws -> URL {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neuro-test-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  let url = folder.appendingPathComponent(name)
  try text.write(to: url, atomically: true, encoding: .utf8)
  return url
}
