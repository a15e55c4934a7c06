import Glibc

/// neuro's entry point: a script, the REPL, or statements piped in.
setlocale(LC_ALL, "")
switch CommandLineOptions.parse(Array(CommandLine.arguments.dropFirst())) {
case .failure(let error):
  Output.problem(error.message)
  Output.err("\n" + HelpPage.page(for: error.command).usage)
  exit(ExitCode.usage)
case .success(let options):
  Output.color = options.color
  switch options.mode {
  case .help(let command):
    Output.out(HelpPage.page(for: command).text(width: Terminal.width))
  case .manPage:
    Output.out(HelpPage.main.roff(commands: Subcommand.allCases.map(HelpPage.page)))
  case .version:
    Output.out("neuro \(Session.version)\n")
  case .completion(let shell):
    Output.out(ShellCompletion.script(for: shell, lessons: REPL.lessonNumbers))
  case .script(let path):
    exit(ScriptRunner.run(path: path, options: options))
  case .command(let text):
    exit(ScriptRunner.run(text: text, options: options))
  case .check(let paths):
    exit(ScriptRunner.check(paths: paths, options: options))
  case .export(let path, let output):
    exit(ScriptRunner.export(path: path, output: output, options: options))
  case .kernel(let arguments):
    exit(Kernel.main(arguments))
  case .repl:
    var repl = REPL(options: options)
    exit(repl.run())
  case .notebook(let number, let output):
    exit(LessonNotebook.write(lesson: number, to: output))
  case .lesson(nil):
    exit(REPL.listLessons())
  case .lesson(let number?):
    var repl = REPL(options: options)
    repl.initialLesson = number
    exit(repl.run())
  }
}
