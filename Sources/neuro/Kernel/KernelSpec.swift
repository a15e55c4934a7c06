import FoundationEssentials
import Glibc
import NeuroLang

/// `neuro kernel install`: the kernelspec folder that makes Jupyter offer "neuro" (kernel.json naming this
/// program), written whole or not at all.
enum KernelSpec {
  /// kernel.json for the neuro at `executable`.
  static func json(executable: String) -> JSONValue {
    [
      "argv": [.string(executable), "kernel", "--connection-file", "{connection_file}"],
      "display_name": "neuro", "language": "neuro", "interrupt_mode": "signal",
    ]
  }

  /// The kernels folder of `--user` (the default: `$JUPYTER_DATA_DIR/kernels`, else
  /// `~/.local/share/jupyter/kernels`) or `--prefix P` (`P/share/jupyter/kernels`); nil on a usage error.
  static func kernelsFolder(_ arguments: [String], environment: (String) -> String?) -> String? {
    switch arguments.count {
    case 0,
      1 where arguments[0] == "--user":
      if let data = environment("JUPYTER_DATA_DIR"), !data.isEmpty { return FilePaths.joined(data, "kernels") }
      guard let home = environment("HOME"), !home.isEmpty else { return nil }
      return FilePaths.joined(home, ".local/share/jupyter/kernels")
    case 2 where arguments[0] == "--prefix":
      return FilePaths.joined(FilePaths.standardized(arguments[1]), "share/jupyter/kernels")
    default:
      return nil
    }
  }

  /// Installs the kernelspec as `arguments` say; the exit code.
  static func install(_ arguments: [String]) -> Int32 {
    guard let kernels = kernelsFolder(arguments, environment: Terminal.environment) else {
      Output.problem("usage: neuro kernel install [--user | --prefix P]")
      return ExitCode.usage
    }
    do {
      try ZeroMQSocket.load()  // a kernelspec only for a neuro whose kernel can start
    } catch {
      Output.problem(error.message)
      return ExitCode.runtimeError
    }
    let target = FilePaths.joined(kernels, "neuro")
    let staging = FilePaths.joined(kernels, ".neuro.installing-\(getpid())")
    let old = FilePaths.joined(kernels, ".neuro.old-\(getpid())")
    let text = String(decoding: json(executable: Session.executablePath).encoded, as: UTF8.self) + "\n"
    do {
      try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
      try FileSaving.write(text, to: FilePaths.joined(staging, "kernel.json"))
      if FilePaths.exists(target), rename(target, old) != 0 { throw KernelError("cannot replace \(target)") }
      guard rename(staging, target) == 0 else {
        _ = rename(old, target)
        throw KernelError("cannot write \(target)")
      }
      try? FileManager.default.removeItem(atPath: old)
    } catch {
      try? FileManager.default.removeItem(atPath: staging)
      Output.problem("cannot install the Jupyter kernel in \(kernels): \(error)")
      return ExitCode.fileError
    }
    Output.out("installed the neuro kernel in \(target): jupyter notebook now offers \"neuro\"\n")
    return ExitCode.success
  }
}
