import Glibc

/// neuro's entry point: a script, the REPL, or statements piped in.
setlocale(LC_ALL, "")
switch CommandLineOptions.parse(Array(CommandLine.arguments.dropFirst())) {
case .failure(let error):
  Output.problem(error.message)
  Output.err("\n" + CommandLineOptions.usage)
  exit(ExitCode.usage)
case .success(let options):
  switch options.mode {
  case .help:
    Output.out(CommandLineOptions.usage)
  case .version:
    Output.out("neuro \(Session.version)\n")
  case .script(let path):
    exit(ScriptRunner.run(path: path, options: options))
  case .export(let path, let output):
    exit(ScriptRunner.export(path: path, output: output, options: options))
  case .kernel(let arguments):
    exit(Kernel.main(arguments))
  case .repl:
    var repl = REPL(options: options)
    exit(repl.run())
  case .lesson(nil):
    exit(REPL.listLessons())
  case .lesson(let number?):
    var repl = REPL(options: options)
    repl.initialLesson = number
    exit(repl.run())
  }
}
