import NeuroLang

/// `neuro FILE.neuro`: runs a file and turns the outcome into an exit code.
enum ScriptRunner {
  static func run(path: String, options: CommandLineOptions) -> Int32 {
    execute(path, options, engine: nil).status ?? ExitCode.success
  }

  /// `neuro export --to nest FILE.neuro [-o OUT.py]`: builds the script's world without simulating it
  /// and writes the PyNEST script (FILE.py beside it by default).
  /// A statement that reads what a run would have given (`print rate(all)`) stops the script there: the
  /// export then simulates the runs before it, and a note says so.
  static func export(path: String, output: String?, options: CommandLineOptions) -> Int32 {
    let (interpreter, status) = execute(path, options, engine: .exportOnly)
    guard let interpreter, status == nil || (status == ExitCode.runtimeError && interpreter.exportedTime > 0) else {
      return status ?? ExitCode.runtimeError
    }
    let base = path.hasSuffix(".neuro") ? String(path.dropLast(".neuro".count)) : path
    return interpreter.exportNestScript(to: output ?? base + ".py", origin: path)
      ? ExitCode.success : ExitCode.runtimeError
  }

  /// Runs a file (under another engine when given); the interpreter, and the exit code when it failed.
  private static func execute(_ path: String, _ options: CommandLineOptions, engine: SimulationEngine?)
    -> (interpreter: Interpreter?, status: Int32?)
  {
    let text: String
    do {
      text = try readSourceFile(path)
    } catch {
      Output.problem("\(error)")
      return (nil, ExitCode.fileError)
    }
    let interpreter = Session.makeInterpreter(options)
    if let engine { interpreter.engine = engine }
    if engine == .exportOnly {
      // After a run, an error is a statement that needs the simulation's results, which export does not run.
      let report = interpreter.host.report
      interpreter.host.report = { [unowned interpreter] diagnostic in
        guard diagnostic.kind == .runtime, interpreter.exportedTime > 0, let span = diagnostic.span else {
          return report(diagnostic)
        }
        Output.err(
          "note: neuro export stopped at line \(span.start.line) (\(diagnostic.message)): a simulation's results "
            + "are not computed when exporting; the script simulates the runs before it\n")
      }
    }
    switch interpreter.execute(Source(name: path, text: text)) {
    case .success: return (interpreter, nil)
    case .syntaxError: return (interpreter, ExitCode.syntaxError)
    case .runtimeError: return (interpreter, ExitCode.runtimeError)
    }
  }
}
