#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import FoundationEssentials

/// Starts the Python that has NEST (`--engine nest`): `NEURO_PYTHON`, else `python3` on the PATH.
enum PythonRunner {
  /// The Python as the user would type it.
  static var python: String {
    guard let custom = Terminal.environment("NEURO_PYTHON"), !custom.isEmpty else { return "python3" }
    return custom
  }

  /// Runs Python with the arguments, its output discarded; its exit status (127 when it cannot start)
  /// and its standard error.
  static func run(_ arguments: [String]) -> (status: Int32, errors: String) {
    var template = Array("/tmp/neuro-python-XXXXXX".utf8CString)
    let errorFile = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { mkstemp($0) } ?? -1
    }
    guard errorFile >= 0 else {
      return (127, "cannot make a file for Python's errors: \(String(cString: strerror(errno)))")
    }
    let errorPath = String(cString: template.map { $0 })
    defer {
      close(errorFile)
      unlink(errorPath)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, errorFile, 2)
    let words = [python] + arguments
    var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid = pid_t()
    let started = posix_spawnp(&pid, python, &actions, nil, &argv, environ)
    guard started == 0 else {
      return (127, "cannot start \(python): \(String(cString: strerror(started)))")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let errors = FileManager.default.contents(atPath: errorPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
    let exited = status & 0x7f == 0
    return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), errors)
  }
}
