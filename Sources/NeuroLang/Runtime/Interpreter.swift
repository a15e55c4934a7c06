import NeuroEngine
import NeuroPlot
import NeuroUnits

/// How running some source ended; the executable turns it into an exit code.
public enum ExecutionResult: Equatable, Sendable {
  case success
  case syntaxError
  case runtimeError
}

/// A session: the names defined so far and the simulation they build. It runs
/// source statement by statement and reports through its host.
public final class Interpreter {
  public var host: Host
  let globals = Scope(parent: nil)
  /// The scope statements run in now (a function call's, a block's, or the globals).
  var scope: Scope
  /// The simulated world the statements build and run.
  var world = World()
  /// What carries out `run`: neuro's engine, NEST (`--engine nest`), or nothing (`neuro export`).
  public var engine: SimulationEngine = .neuro
  /// The source being run, for locating runtime errors.
  var source = Source(name: "<none>", text: "")
  /// The statements of the session that ran without an error since it last started afresh, with what
  /// each printed and showed (`:save`, `report`).
  var sessionRecord: [SessionEntry] = []
  /// True in the copy of the session that `check accuracy` runs: it writes no files and checks nothing again.
  var rerunningForAccuracy = false
  /// What every time step the session sets is divided by (`check accuracy`'s finer run).
  var timeStepDivisor = 1.0
  /// Where the statement running now at the top of the session puts what it prints and shows.
  var capture: SessionCapture?
  /// How many sources are running inside each other (a file's imports inside it).
  private var sourceDepth = 0
  /// Files imported so far (absolute paths), each run once.
  var importedFiles: Set<String> = []
  var importStack: [String] = []
  /// The value of the `return` being carried out.
  var returnedValue: Value = .nothing
  /// Neurons and time steps already warned about as too coarse, so that a loop of runs warns once.
  var warnedTimeSteps: Set<String> = []
  /// The places of unused comparisons already warned about (a loop warns once, not every turn).
  var warnedComparisons: Set<String> = []
  /// The figure drawn last, for `describe()` without an argument.
  var lastFigure: Figure?
  /// How deep user function calls are nested now.
  var callDepth = 0
  static let maximumCallDepth = 200
  /// How deep expressions being evaluated are nested now, calls included.
  var evaluationDepth = 0
  static let maximumEvaluationDepth = 20_000

  /// What a step costs on this machine, measured once per thread count for `estimate` (`CostCalibration`).
  var calibrations: [Int: CostCalibration] = [:]

  /// The threads runs share their work among, for this session (`threads 2`, `--threads 2`).
  public var threads = WorkerPool.availableCores {
    didSet { world.simulation.threads = threads }
  }

  public init(host: Host) {
    self.host = host
    scope = globals
  }

  /// Starts over as a new session would: a fresh world (t = 0, default dt, no neurons,
  /// stimuli, connections or recordings) and no names defined or imported.
  public func startFresh() {
    world = World()
    sessionRecord = []
    world.simulation.threads = threads
    globals.removeAll()
    importedFiles = []
  }

  /// The simulated time now, for the REPL and lessons.
  public var now: Double { world.now }

  /// Runs a whole source and reports what goes wrong. In the REPL (`echo`), a bare
  /// expression prints its value.
  @discardableResult
  public func execute(_ source: Source, echo: Bool = false) -> ExecutionResult {
    LargeStack.run { executeOnThisThread(source, echo: echo) }
  }

  private func executeOnThisThread(_ source: Source, echo: Bool) -> ExecutionResult {
    do {
      try run(source, echo: echo)
      return .success
    } catch let diagnostic as Diagnostic {
      host.report(diagnostic)
      return diagnostic.kind == .syntax ? .syntaxError : .runtimeError
    } catch {
      host.report(Diagnostic(.runtime, "\(error)", in: source))
      return .runtimeError
    }
  }

  /// Runs a source; syntax errors but the last are reported, the last (or a runtime error) is thrown.
  func run(_ source: Source, echo: Bool) throws {
    let (statements, diagnostics) = Parser.parse(source)
    if let last = diagnostics.last {
      diagnostics.dropLast().forEach(host.report)
      throw last
    }
    let saved = (self.source, scope)
    self.source = source
    scope = globals
    sourceDepth += 1
    defer {
      (self.source, scope) = saved
      sourceDepth -= 1
    }
    for statement in statements {
      // What the session typed (not an imported file's statements) is kept with what it printed.
      guard sourceDepth == 1 else {
        try execute(statement, echo: echo)
        continue
      }
      let capture = SessionCapture(), write = host.write
      host.write = { text in
        capture.add(text)
        write(text)
      }
      self.capture = capture
      defer {
        host.write = write
        self.capture = nil
      }
      try execute(statement, echo: echo)
      sessionRecord.append(
        SessionEntry(statement: source.text(statement.span), output: capture.text, figures: capture.figures))
    }
  }

  /// Names defined in the session with their values, for `:vars`.
  public var definitions: [(name: String, value: Value)] { globals.entries.map { ($0.0, $0.1) } }

  /// Every name a user can type now: definitions, built-ins, models, keywords.
  public var knownNames: [String] {
    globals.visibleNames + Array(Builtins.reservedNames) + Keyword.allCases.map(\.rawValue) + ["dt", "now"]
  }

  /// A runtime error at a span of the current source.
  func failure(_ message: String, at span: Span, hint: String? = nil) -> Diagnostic {
    Diagnostic(.runtime, message, at: span, in: source, hint: hint)
  }

  /// Reports a warning at a span of the current source; the program goes on.
  func warn(_ message: String, at span: Span, hint: String? = nil) {
    host.report(Diagnostic(.warning, message, at: span, in: source, hint: hint))
  }

  /// Runs statements in a new block scope.
  func executeBlock(_ statements: [Stmt]) throws {
    let saved = scope
    scope = Scope(parent: saved)
    defer { scope = saved }
    for statement in statements { try execute(statement, echo: false) }
  }

  func execute(_ statement: Stmt, echo: Bool) throws {
    switch statement.kind {
    case .define(let name, let nameSpan, let valueExpr):
      try checkDefinable(name, at: nameSpan)
      scope.define(name, try valueToKeep(valueExpr, for: name))
    case .assign(let name, let nameSpan, let valueExpr):
      try assign(name, at: nameSpan, valueExpr)
    case .assignMember(let object, let member, let memberSpan, let valueExpr):
      try assignParameter(object, member, memberSpan, valueExpr)
    case .neuron(let name, let nameSpan, let modelExpr):
      try defineNeuron(name, at: nameSpan, modelExpr)
    case .inject(let target, let amount, let window):
      try inject(target, amount, window: window)
    case .run(let duration):
      try run(duration)
    case .reset:
      world.simulation.reset()
      world.built.nestNetwork = nil  // runs through NEST start afresh too
      world.built.nestEnd = 0
    case .plot(let traces, let from, let to):
      show(
        try lineFigure(
          traces.map { try plotArgument($0) }, from: from.map { try plotArgument($0) },
          to: to.map { try plotArgument($0) }))
    case .print(let exprs):
      let values = try exprs.map(evaluate)
      // A figure after other values starts on a line of its own: its frame needs the whole width.
      var line = ""
      for (i, value) in values.enumerated() {
        if i > 0, case .figure = value { line += "\n" } else if i > 0 { line += " " }
        line += text(of: value, quoted: false)
      }
      host.write(line + "\n")
    case .importFile(let path):
      try importFile(path, at: statement.span)
    case .expression(let expr):
      // Inside a block nothing shows a comparison's result: `where == i` was meant as `where = i`.
      if !echo, case .binary(.equal, let target, let value) = expr.kind, case .name(let name) = target.kind,
        warnedComparisons.insert("\(source.name) \(expr.span.start.line) \(expr.span.start.column)").inserted
      {
        warn(
          "this comparison's result is not used", at: expr.span,
          hint: "to give \(name) a new value, write \(name) = \(source.text(value.span))")
      }
      // A figure on a line of its own is drawn, in a script as in the REPL, as the plot statements draw.
      let value = try evaluate(expr)
      if case .figure(let figure) = value { return show(figure) }
      // A description (`describe(f)`) on a line of its own is printed as text, in a script as in the REPL.
      if case .string(let text) = value, case .call(let callee, _) = expr.kind, case .name(let name) = callee.kind,
        Builtins.printingText.contains(name)
      {
        return host.write(text + "\n")
      }
      // A built-in that prints its own report (`estimate`) shows nothing more when called on a line of its own.
      if case .call(let callee, _) = expr.kind, case .name(let name) = callee.kind, Builtins.reporting.contains(name) {
        return
      }
      if echo, !isNothing(value) { showValue(text(of: value, quoted: true)) }
    case .function(let declaration):
      try checkDefinable(declaration.name, at: declaration.nameSpan)
      scope.define(declaration.name, .function(UserFunction(declaration: declaration, closure: scope, source: source)))
    case .conditional(let branches, let otherwise):
      for branch in branches where try condition(branch.condition, "if") {
        return try executeBlock(branch.body)
      }
      if let otherwise { try executeBlock(otherwise) }
    case .forEach(let name, let nameSpan, let sequenceExpr, let body):
      try forEach(name, nameSpan, sequenceExpr, body)
    case .repeatWhile(let conditionExpr, let body):
      while try condition(conditionExpr, "while") {
        try checkInterrupt(at: conditionExpr.span)
        do {
          try executeBlock(body)
        } catch ControlFlow.breakLoop {
          break
        } catch ControlFlow.continueLoop {
          continue
        }
      }
    case .returnValue(let expr):
      returnedValue = try expr.map(evaluate) ?? .nothing
      throw ControlFlow.returned
    case .breakLoop:
      throw ControlFlow.breakLoop
    case .continueLoop:
      throw ControlFlow.continueLoop
    case .save(let valueExpr, let pathExpr):
      if !rerunningForAccuracy { try save(valueExpr, to: pathExpr) }
    case .export(let target, let targetSpan, let pathExpr):
      if !rerunningForAccuracy { try exportNetwork(target, at: targetSpan, to: pathExpr) }
    case .model(let declaration):
      try checkDefinable(declaration.name, at: declaration.nameSpan)
      var compiler = ModelCompiler(declaration, interpreter: self)
      scope.define(declaration.name, .builtin(Builtins.modelConstructor(try compiler.compile())))
    case .event(let target, let amount, let times, let delay):
      try scheduleEvent(target, amount, times, delay: delay)
    case .population(let name, let nameSpan, let size, let model):
      try definePopulation(name, nameSpan, size, model)
    case .input(let name, let nameSpan, let source):
      try defineInput(name, nameSpan, source)
    case .connect(let pre, let post, let options, let name):
      try connect(pre, post, options, name: name, statement.span)
    case .drive(let target, let source, let options):
      try drive(target, source, options, statement.span)
    case .fit(let network, let data, let options, let name):
      try fit(network, data, options, name: name, statement.span)
    case .record(let target):
      try record(target)
    case .raster(let target, let from, let to):
      show(
        try rasterFigure(
          try plotArgument(target), from: from.map { try plotArgument($0) },
          to: to.map { try plotArgument($0) }))
    case .heatmap(let expr):
      show(try heatmapFigure(try plotArgument(expr)))
    case .histogram(let valuesExpr, let options):
      show(
        try histogramFigure(
          try plotArgument(valuesExpr),
          options.map { try plotArgument($0.value, label: $0.label, labelSpan: $0.labelSpan) }))
    case .seed(let expr):
      let value = try evaluate(expr)
      guard case .quantity(let q) = value, q.dimension.isDimensionless, q.value == q.value.rounded(),
        let seed = Int64(checking: q.value)
      else {
        throw failure("seed needs a whole number, found \(value.describedKind)", at: expr.span, hint: "seed 42")
      }
      world.random = RandomSource(seed: UInt64(bitPattern: seed))
      world.built.seed = UInt64(bitPattern: seed)
    case .threads(let expr):
      try setThreads(expr)
    case .report(let pathExpr):
      if !rerunningForAccuracy { try writeReport(to: pathExpr) }
    case .checkAccuracy(let options):
      try checkAccuracy(options, at: statement.span)
    }
  }

  private func isNothing(_ value: Value) -> Bool {
    if case .nothing = value { return true }
    return false
  }

  private func forEach(_ name: String, _ nameSpan: Span, _ sequenceExpr: Expr, _ body: [Stmt]) throws {
    let sequence = try evaluate(sequenceExpr)
    let items: [Value]
    switch sequence {
    case .list(let values): items = values.values
    case .trace(let t): items = t.trace.values.map { .quantity(Quantity($0, t.dimension)) }
    case .string(let s): items = s.map { .string(String($0)) }
    default:
      throw failure(
        "cannot loop over \(sequence.describedKind)", at: sequenceExpr.span,
        hint: "loop over a list, a range (1 to 10) or range(n)")
    }
    for item in items {
      try checkInterrupt(at: sequenceExpr.span)
      let saved = scope
      scope = Scope(parent: saved)
      defer { scope = saved }
      scope.define(name, item)
      do {
        for statement in body { try execute(statement, echo: false) }
      } catch ControlFlow.breakLoop {
        break
      } catch ControlFlow.continueLoop {
        continue
      }
    }
  }

  /// Stops a loop when the user pressed Ctrl-C.
  func checkInterrupt(at span: Span) throws {
    if host.shouldStop() { throw failure("interrupted", at: span) }
  }

  func condition(_ expr: Expr, _ keyword: String) throws -> Bool {
    let value = try evaluate(expr)
    guard case .bool(let b) = value else {
      throw failure(
        "'\(keyword)' needs true or false, found \(value.describedKind)", at: expr.span,
        hint: "compare to make a condition: x > 0mV")
    }
    return b
  }

  func checkDefinable(_ name: String, at span: Span) throws {
    if name == "dt" {
      throw failure(
        "'dt' is the simulation's time step and cannot be redefined", at: span,
        hint: "set it with: dt = 0.05ms")
    }
    if name == "now" {
      throw failure(
        "'now' is the simulated time and cannot be redefined", at: span,
        hint: "it moves with 'run'; 'reset' takes it back to 0 ms")
    }
    if Builtins.reservedNames.contains(name) {
      throw failure(
        "'\(name)' is a built-in function and cannot be redefined", at: span,
        hint: "choose another name")
    }
  }

  private func assign(_ name: String, at span: Span, _ valueExpr: Expr) throws {
    let value = try valueToKeep(valueExpr, for: name)
    if name == "dt" { return try setTimeStep(value, at: valueExpr.span) }
    if case .neuron = scope.lookup(name) {
      throw failure("'\(name)' is a neuron", at: span, hint: "redefine it with: neuron \(name) = lif(…)")
    }
    guard scope.assign(name, value) else {
      try checkDefinable(name, at: span)
      throw failure("'\(name)' is not defined yet", at: span, hint: "define it first: let \(name) = …")
    }
  }

  /// The value of an expression a name is to hold; a call that gives no value is an error, never a
  /// silent nothing (`let ys = append(xs, v)`).
  private func valueToKeep(_ valueExpr: Expr, for name: String) throws -> Value {
    try refusePoissonOutsideInput(name, valueExpr)
    let value = try evaluate(valueExpr)
    guard isNothing(value) else { return value }
    var callee = "this"
    if case .call(let calleeExpr, _) = valueExpr.kind, case .name(let function) = calleeExpr.kind { callee = function }
    if case .append = valueExpr.kind { callee = "append" }
    let hint =
      callee == "append"
      ? "append changes the list in place: write append(xs, v) on its own line, then use xs"
      : "a function gives a value with 'return'"
    throw failure(
      "\(callee == "this" ? "this" : "\(callee)(…)") gives no value for '\(name)' to hold", at: valueExpr.span,
      hint: hint)
  }

  private func setTimeStep(_ value: Value, at span: Span) throws {
    guard case .quantity(let q) = value, q.dimension == .time else {
      throw failure(
        "the time step must be a time, not \(value.describedKind)", at: span,
        hint: value.writtenWithUnit(.time).map { "add a unit: dt = \($0)" } ?? "dt = 0.05ms")
    }
    guard q.value >= 1e-6, q.value <= 1e-2 else {
      throw failure("the time step must be between 1 µs and 10 ms, not \(q.formatted)", at: span)
    }
    guard world.simulation.setTimeStep(q.value / timeStepDivisor) else {
      throw failure(
        "the time step can only change at t = 0 (now t = \(Quantity(world.simulation.time, .time).formatted))",
        at: span, hint: "write 'reset' first to go back to t = 0")
    }
  }

  /// Longer lists print elided, as their first 10 and last 3 values and their length.
  static let longestListShownWhole = 20

  /// A value as print (unquoted strings) or the REPL (quoted) shows it; a neuron with its model and
  /// spikes; a long list elided.
  func text(of value: Value, quoted: Bool) -> String {
    switch value {
    case .figure(let figure):
      lastFigure = figure
      var drawn = host.plot.renderer.render(figure)
      if drawn.last == "\n" { drawn.removeLast() }
      return drawn
    case .string(let s) where !quoted: return s
    case .neuron(let handle):
      guard let model = world.models[handle.group] else { return value.shown }
      let count = spikeTimes(of: handle).count
      let time = Quantity(world.simulation.recordedDuration(handle.group), .time).formatted
      let members = model.kind.inputDimension == .frequency ? "units" : "neurons"
      let what =
        handle.isPopulation ? "population \(handle.label) (\(handle.range.count) \(members))" : "neuron \(handle.name)"
      let activity =
        activitySummary(handle.group).map { "\($0) after" } ?? "\(count) \(count == 1 ? "spike" : "spikes") in"
      return "\(what) = \(model.described) · \(activity) \(time)"
    case .list(let items):
      let unit = sharedUnit(items)
      func shown(_ item: Value) -> String {
        guard let unit, case .quantity(let q) = item else { return nested(item) }
        return formatNumber(q.value / unit.scale) + " " + unit.symbol
      }
      guard items.count > Self.longestListShownWhole else {
        return "[" + items.map(shown).joined(separator: ", ") + "]"
      }
      let head = items.prefix(10).map(shown), tail = items.suffix(3).map(shown)
      return "[" + (head + ["…"] + tail).joined(separator: ", ") + "] (\(items.count) values)"
    case .record(let r): return "{" + r.fields.map { "\($0.name): \(nested($0.value))" }.joined(separator: ", ") + "}"
    default: return value.shown
    }
  }

  /// A value inside a list or record: as the REPL shows it, a figure named rather than drawn.
  private func nested(_ value: Value) -> String {
    if case .figure = value { return value.shown }
    return text(of: value, quoted: true)
  }
}

extension Interpreter {
  /// One unit for a list of quantities of one dimension, so that it reads `[0 nA, 0.5 nA, 1 nA]`.
  func sharedUnit(_ items: some Collection<Value>) -> NeuroUnits.Unit? {
    var quantities: [Quantity] = []
    for item in items {
      guard case .quantity(let q) = item, !q.dimension.isDimensionless, q.displayUnit == nil else { return nil }
      quantities.append(q)
    }
    guard let first = quantities.first, quantities.allSatisfy({ $0.dimension == first.dimension }) else { return nil }
    return Table.commonUnit(quantities)
  }
}

/// `return`, `break` and `continue` on their way to the call or loop that handles them
/// (a returned value waits in the interpreter's `returnedValue`).
enum ControlFlow: Error {
  case returned
  case breakLoop
  case continueLoop
}
