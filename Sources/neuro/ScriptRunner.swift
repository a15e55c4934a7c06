import NeuroLang

/// `neuro FILE.neuro`: runs a file and turns the outcome into an exit code.
enum ScriptRunner {
  static func run(path: String, options: CommandLineOptions) -> Int32 {
    let text: String
    do {
      text = try readSourceFile(path)
    } catch {
      Output.problem("\(error)")
      return ExitCode.fileError
    }
    let interpreter = Session.makeInterpreter(options)
    switch interpreter.execute(Source(name: path, text: text)) {
    case .success: return ExitCode.success
    case .syntaxError: return ExitCode.syntaxError
    case .runtimeError: return ExitCode.runtimeError
    }
  }

  /// `neuro export --to nest FILE.neuro [-o OUT.py]`: builds the script's world without simulating it
  /// and writes the PyNEST script (FILE.py beside it by default).
  static func export(path: String, output: String?, options: CommandLineOptions) -> Int32 {
    let text: String
    do {
      text = try readSourceFile(path)
    } catch {
      Output.problem("\(error)")
      return ExitCode.fileError
    }
    let interpreter = Session.makeInterpreter(options)
    interpreter.engine = .exportOnly
    switch interpreter.execute(Source(name: path, text: text)) {
    case .success: break
    case .syntaxError: return ExitCode.syntaxError
    case .runtimeError: return ExitCode.runtimeError
    }
    let base = path.hasSuffix(".neuro") ? String(path.dropLast(".neuro".count)) : path
    return interpreter.exportNestScript(to: output ?? base + ".py", origin: path)
      ? ExitCode.success : ExitCode.runtimeError
  }
}
