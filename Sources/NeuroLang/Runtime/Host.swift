import NeuroPlot

/// What the interpreter needs from whoever runs it: where output goes, how errors
/// are shown, how plots are drawn, and whether the user asked to stop.
public struct Host {
  /// Writes program output (prints, plots, run summaries).
  public var write: (String) -> Void
  /// Shows a diagnostic.
  public var report: (Diagnostic) -> Void
  /// Asked during long runs; true stops the run and keeps the session.
  public var shouldStop: () -> Bool
  public var plot: PlotSettings
  /// Shows a figure its own way (a notebook: as a picture); nil draws it into `write` as the terminal shows it.
  public var showFigure: ((Figure) -> Void)? = nil
  /// Shows the value of an expression on a line of its own (a notebook: as the cell's result); nil writes
  /// it as a line of output.
  public var showResult: ((String) -> Void)? = nil
  /// Folders searched by `import "name"` after the importing file's own folder.
  public var libraryPaths: [String]
  /// Folders holding the data sets shipped with neuro (`dataset("iris")`); `data/` beside a library
  /// folder is searched too.
  public var dataPaths: [String] = []
  /// Shows training progress in place (a terminal line rewritten); nil: one line per epoch only.
  public var liveProgress: ((String) -> Void)? = nil
  /// A clock in seconds for the time an epoch took, shown by a host with `liveProgress`.
  public var clock: (() -> Double)? = nil
  /// A wall clock in seconds, given by a host that wants `run` and `connect` to say how long they
  /// took (`--timing`, for benchmarks); nil: no timing is shown.
  public var wallClock: (() -> Double)? = nil
  /// Asked before `save` writes a file (with the path); false keeps the file as it is. Nil writes
  /// without asking: set it while running code the user did not write (a lesson from elsewhere).
  public var confirmWrite: ((String) -> Bool)? = nil
  /// Runs the Python that has NEST (`--engine nest`) with the arguments; its exit status and what it
  /// wrote to its standard error. Nil: no Python can be run.
  public var runPython: ((_ arguments: [String]) -> (status: Int32, errors: String))? = nil
  /// The Python `runPython` starts, as the user would name it in a command.
  public var pythonName = "python3"
  /// True when the user asked for quiet (`neuro --quiet`): what statements say they did (`ran 100 ms …`,
  /// `connected …`, `saved …`) is left out; what they print, warnings and errors are not.
  public var quiet = false

  public init(
    write: @escaping (String) -> Void, report: @escaping (Diagnostic) -> Void,
    shouldStop: @escaping () -> Bool = { false }, plot: PlotSettings = PlotSettings(),
    libraryPaths: [String] = []
  ) {
    self.write = write
    self.report = report
    self.shouldStop = shouldStop
    self.plot = plot
    self.libraryPaths = libraryPaths
  }

  /// Writes what a statement says it did, unless the host is quiet.
  public func note(_ text: String) {
    if !quiet { write(text) }
  }
}

/// How plots are drawn for this host.
public struct PlotSettings: Sendable {
  public var width: Int = 80
  public var height: Int = 14
  public var style: CanvasStyle = .braille
  public var color: Bool = false

  public init(width: Int = 80, height: Int = 14, style: CanvasStyle = .braille, color: Bool = false) {
    self.width = width
    self.height = height
    self.style = style
    self.color = color
  }
}

extension PlotSettings {
  /// The renderer that draws figures with these settings.
  public var renderer: TerminalRenderer { TerminalRenderer(width: width, height: height, style: style, color: color) }
}
