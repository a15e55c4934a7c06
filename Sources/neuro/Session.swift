#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import FoundationEssentials
import NeuroLang
import NeuroPlot

/// The interpreter wired to this process: output to stdout, diagnostics to
/// stderr, Ctrl-C as the stop signal, plots sized to the terminal.
enum Session {
  static let version = "0.1.0"

  static func makeInterpreter(_ options: CommandLineOptions) -> Interpreter {
    let colorErrors = options.color.enabled(forTerminal: Terminal.errorIsTerminal)
    let host = Host(
      write: Output.out,
      report: { Output.err($0.rendered(color: colorErrors)) },
      shouldStop: {
        guard Interrupts.take() else { return false }
        if Terminal.inputIsTerminal { Output.out("\n") }  // after the terminal's own "^C"
        return true
      },
      plot: plotSettings(options),
      libraryPaths: libraryPaths())
    var timed = host
    timed.dataPaths = resourceFolders(named: "data", marker: "iris.csv", override: "NEURO_DATA")
    if Terminal.outputIsTerminal {
      // Training progress rewrites one line; an empty text clears it.
      timed.liveProgress = { text in Output.out("\r\u{1B}[K" + text) }
      let start = ContinuousClock.now
      timed.clock = {
        let (whole, fraction) = (ContinuousClock.now - start).components
        return Double(whole) + Double(fraction) * 1e-18
      }
    }
    if options.timing {
      let start = ContinuousClock.now
      timed.wallClock = {
        let (whole, fraction) = (ContinuousClock.now - start).components
        return Double(whole) + Double(fraction) * 1e-18
      }
    }
    timed.runPython = PythonRunner.run
    timed.pythonName = PythonRunner.python
    timed.quiet = options.quiet
    let interpreter = Interpreter(host: timed)
    if options.engineNest { interpreter.engine = .nest }
    if let threads = options.threads { interpreter.threads = threads }
    return interpreter
  }

  static func plotSettings(_ options: CommandLineOptions) -> PlotSettings {
    let ascii =
      options.forceASCII || Terminal.environment("NEURO_ASCII").map { !$0.isEmpty && $0 != "0" } == true
      || !Terminal.supportsUnicode
    return PlotSettings(
      width: Terminal.width, height: 14, style: ascii ? .ascii : .braille,
      color: options.color.enabled(forTerminal: Terminal.outputIsTerminal))
  }

  /// Where `import` looks after the script's own folder: `NEURO_STDLIB`, then the
  /// `stdlib/` folder next to the program (installed) or in the source tree it was built in.
  static func libraryPaths() -> [String] {
    resourceFolders(named: "stdlib", marker: "presets.neuro", override: "NEURO_STDLIB")
  }

  /// The folder of lessons.
  static func lessonFolder() -> String? {
    resourceFolders(named: "lessons", marker: nil, override: "NEURO_LESSONS").first
  }

  /// Where the student's lesson progress is kept.
  static var progressPath: String {
    if let custom = Terminal.environment("NEURO_PROGRESS"), !custom.isEmpty { return custom }
    let home = Terminal.environment("HOME") ?? FileManager.default.homeDirectoryForCurrentUser.path
    return FilePaths.joined(home, ".neuro_progress")
  }

  /// This program's file with links resolved (the kernel's name for it; else its name as started).
  static var executablePath: String {
    guard let resolved = realpath("/proc/self/exe", nil) ?? realpath(CommandLine.arguments[0], nil) else {
      return FilePaths.standardized(CommandLine.arguments[0])
    }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// A resource folder: the environment's override, then `share/neuro/NAME` beside the
  /// installed program, then `NAME/` in the source tree the program was built in.
  private static func resourceFolders(named name: String, marker: String?, override: String) -> [String] {
    var paths: [String] = []
    if let custom = Terminal.environment(override), !custom.isEmpty { paths.append(custom) }
    var folder = FilePaths.folder(of: executablePath)
    paths.append(FilePaths.standardized(FilePaths.joined(folder, "../share/neuro/\(name)")))
    for _ in 0..<5 {
      let candidate = FilePaths.joined(folder, name)
      if FilePaths.exists(FilePaths.joined(candidate, marker ?? "")),
        FilePaths.exists(FilePaths.joined(folder, "Package.swift"))
      {
        paths.append(candidate)
        break
      }
      folder = FilePaths.folder(of: folder)
    }
    return paths.filter(FilePaths.exists)
  }
}
