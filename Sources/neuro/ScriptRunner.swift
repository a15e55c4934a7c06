import NeuroLang

/// `neuro FILE.neuro`: runs a file and turns the outcome into an exit code.
enum ScriptRunner {
  static func run(path: String, options: CommandLineOptions) -> Int32 {
    execute(path, options, engine: nil).status ?? ExitCode.success
  }

  /// `neuro -c TEXT`: runs the text as a script; a bare expression prints its value, as in the REPL.
  static func run(text: String, options: CommandLineOptions) -> Int32 {
    status(of: Session.makeInterpreter(options).execute(Source(name: "<-c>", text: text), echo: true))
  }

  /// `neuro check FILE…`: every diagnostic of each file, nothing run; the exit code of the gravest problem
  /// (a file that cannot be read, then a syntax error, then a unit error), as a run would give it.
  static func check(paths: [String], options: CommandLineOptions) -> Int32 {
    var worst = ExitCode.success
    var errorCount = 0
    for path in paths {
      let code: Int32
      do {
        let interpreter = Session.makeInterpreter(options)
        let errors = interpreter.check(Source(name: path, text: try readSourceFile(path)))
        errors.forEach(interpreter.host.report)
        errorCount += errors.count
        code =
          errors.contains { $0.kind == .syntax } ? ExitCode.syntaxError : errors.isEmpty ? 0 : ExitCode.runtimeError
      } catch {
        Output.problem("\(error)")
        errorCount += 1
        code = ExitCode.fileError
      }
      worst =
        [ExitCode.fileError, ExitCode.syntaxError, ExitCode.runtimeError].first { $0 == code || $0 == worst }
        ?? worst
    }
    if errorCount > 0 && !options.quiet {
      let files = "\(paths.count) \(paths.count == 1 ? "file" : "files")"
      Output.err("\(errorCount) \(errorCount == 1 ? "error" : "errors") in \(files)\n")
    }
    return worst
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
    let status = status(of: interpreter.execute(Source(name: path, text: text)))
    return (interpreter, status == ExitCode.success ? nil : status)
  }

  /// The exit code of how running a source ended.
  private static func status(of result: ExecutionResult) -> Int32 {
    switch result {
    case .success: return ExitCode.success
    case .syntaxError: return ExitCode.syntaxError
    case .runtimeError: return ExitCode.runtimeError
    }
  }
}
