import CZeroMQ
import Glibc
import NeuroLang
import NeuroPlot

/// What the kernel answers: cells run in its one session, completions, and `:help` as inspection.
extension Kernel {
  /// The session's host: output as stdout streams, figures as SVG with the terminal drawing beside it,
  /// errors as Jupyter errors, and Ctrl-C or an interrupt request as the stop signal.
  func makeHost() -> Host {
    var host = Host(
      write: { [unowned self] text in publish("stream", ["name": "stdout", "text": .string(text)]) },
      report: { [unowned self] diagnostic in report(diagnostic) },
      shouldStop: { [unowned self] in Interrupts.take() || interruptRequested() },
      plot: PlotSettings(width: 80, height: 14, style: .braille, color: false),
      libraryPaths: Session.libraryPaths())
    host.showFigure = { [unowned self] figure in
      let text = host.plot.renderer.render(figure)
      publish(
        "display_data",
        [
          "data": ["image/svg+xml": .string(SVGRenderer().render(figure)), "text/plain": .string(text)],
          "metadata": [:],
        ])
    }
    host.showResult = { [unowned self] text in
      publish(
        "execute_result",
        ["execution_count": .number(Double(executionCount)), "data": ["text/plain": .string(text)], "metadata": [:]])
    }
    return host
  }

  /// A warning as a stderr stream; an error as a Jupyter error, its traceback the rendered diagnostic.
  func report(_ diagnostic: Diagnostic) {
    let rendered = diagnostic.rendered(color: false)
    guard diagnostic.kind != .warning else { return publish("stream", ["name": "stderr", "text": .string(rendered)]) }
    let error = KernelRequests.error(diagnostic)
    lastError = error
    publish("error", error)
  }

  /// Runs a cell (a `:help` line shows help); the execute reply.
  func execute(_ code: String) -> JSONValue {
    executionCount += 1
    let count = JSONValue.number(Double(executionCount))
    publish("execute_input", ["code": .string(code), "execution_count": count])
    lastError = nil
    Interrupts.clear()
    let trimmed = code.trimmed()
    if trimmed.hasPrefix(":help") || trimmed.hasPrefix(":h ") || trimmed == ":h" {
      let argument = trimmed.drop { $0 != " " }.trimmed()
      if let text = REPLHelp.text(for: argument, in: interpreter) {
        publish("stream", ["name": "stdout", "text": .string(text)])
      } else {
        report(Diagnostic(.runtime, "no help on '\(argument)'", hint: REPLHelp.hint(forMissing: argument)))
      }
    } else if trimmed.hasPrefix(":") {
      report(
        Diagnostic(
          .runtime, "a notebook knows :help only, not \(trimmed.prefix { $0 != " " })",
          hint: "Kernel > Restart starts the session afresh"))
    } else {
      interpreter.execute(Source(name: "In[\(executionCount)]", text: code), echo: true)
    }
    guard case .object(var error)? = lastError else {
      return ["status": "ok", "execution_count": count, "user_expressions": [:], "payload": []]
    }
    error["status"] = "error"
    error["execution_count"] = count
    return .object(error)
  }

  /// True when an interrupt request came on the control socket (looked at every 50 ms during a run);
  /// other control requests wait for the run's end.
  func interruptRequested() -> Bool {
    let now = KernelRequests.seconds()
    guard now - lastControlCheck > 0.05 else { return false }
    lastControlCheck = now
    var interrupted = false
    while !ZeroMQSocket.waiting([control], milliseconds: 0).isEmpty {
      guard let frames = control.receive(), let request = WireMessage.parse(frames, key: key) else { continue }
      guard request.type == "interrupt_request" else {
        deferredControl.append(request)
        continue
      }
      send("interrupt_reply", ["status": "ok"], to: request, on: control)
      interrupted = true
    }
    return interrupted
  }

  /// The completions at the cursor: the REPL's, for the word before it.
  func complete(_ content: JSONValue) -> JSONValue {
    let (before, cursor) = KernelRequests.textBeforeCursor(content)
    let line = String(before.split(separator: "\n", omittingEmptySubsequences: false).last ?? "")
    let word = String(line.reversed().prefix { !Completion.wordBreaks.contains($0) }.reversed())
    let matches = Completion.completions(of: word, lineBeforeWord: String(line.dropLast(word.count)), in: interpreter)
    return [
      "status": "ok", "matches": .array(matches.map { .string($0) }), "metadata": [:],
      "cursor_start": .number(Double(cursor - word.unicodeScalars.count)), "cursor_end": .number(Double(cursor)),
    ]
  }

  /// `:help` on the name at the cursor.
  func inspect(_ content: JSONValue) -> JSONValue {
    let (before, _) = KernelRequests.textBeforeCursor(content)
    let code = content["code"]?.string ?? ""
    let isNamePart: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "_" }
    let after = code.dropFirst(before.count).prefix(while: isNamePart)
    let word = String(before.reversed().prefix(while: isNamePart).reversed()) + after
    guard !word.isEmpty, let text = REPLHelp.text(for: word, in: interpreter) else {
      return ["status": "ok", "found": false, "data": [:], "metadata": [:]]
    }
    return ["status": "ok", "found": true, "data": ["text/plain": .string(text)], "metadata": [:]]
  }
}

/// The parts of the kernel's answers that need no session.
enum KernelRequests {
  static let info: JSONValue = [
    "status": "ok", "protocol_version": "5.3", "implementation": "neuro",
    "implementation_version": .string(Session.version), "banner": .string("neuro \(Session.version)"),
    "language_info": [
      "name": "neuro", "version": .string(Session.version), "mimetype": "text/x-neuro", "file_extension": ".neuro",
    ],
    "help_links": [],
  ]

  /// The content of a Jupyter error for a diagnostic: the rendered lines as its traceback.
  static func error(_ diagnostic: Diagnostic) -> JSONValue {
    let lines = diagnostic.rendered(color: false).split(separator: "\n").map { JSONValue.string(String($0)) }
    return ["ename": "neuro error", "evalue": .string(diagnostic.message), "traceback": .array(lines)]
  }

  /// The code before the cursor (`cursor_pos` counts Unicode code points) and the cursor.
  static func textBeforeCursor(_ content: JSONValue) -> (String, Int) {
    let scalars = Array((content["code"]?.string ?? "").unicodeScalars)
    let cursor = min(max(0, content["cursor_pos"]?.number.map { Int(exactly: $0.rounded()) ?? 0 } ?? 0), scalars.count)
    var before = String.UnicodeScalarView()
    before.append(contentsOf: scalars[..<cursor])
    return (String(before), cursor)
  }

  /// Now in ISO 8601 (UTC, microseconds), as message headers give it.
  static func timestamp() -> String {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    var parts = tm()
    var seconds = time.tv_sec
    gmtime_r(&seconds, &parts)
    let date = [Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday)]
    let clock = [Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec)]
    func padded(_ value: Int, _ width: Int = 2) -> String {
      String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
    }
    return date.map { padded($0) }.joined(separator: "-") + "T" + clock.map { padded($0) }.joined(separator: ":") + "."
      + padded(time.tv_nsec / 1000, 6) + "Z"
  }

  /// A monotonic clock in seconds.
  static func seconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
  }
}
