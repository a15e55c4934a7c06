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
}
