import Foundation
import Testing

/// The REPL as a person meets it: on a terminal, with readline, history and Ctrl-C.
@Suite(.serialized) struct REPLTests {
  private func environment(history: URL) -> [String: String] {
    [
      "TERM": "xterm", "HOME": history.deletingLastPathComponent().path, "NEURO_HISTORY": history.path,
      "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "NO_COLOR": "1",
    ]
  }

  private func freshHistory() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neuro-repl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent("history")
  }

  @Test func expressionsMultiLineInputAndErrorsKeepTheSession() throws {
    let history = try freshHistory()
    let terminal = try PseudoTerminal(environment: environment(history: history))
    try terminal.waitFor("neuro> ")
    terminal.type("let x = 42\r")
    try terminal.waitFor("neuro> ")
    terminal.type("2.5nA * 10MΩ\r")
    try terminal.waitFor("25 mV")
    terminal.type("print (x +\r")
    try terminal.waitFor("...> ")
    terminal.type("1)\r")
    try terminal.waitFor("43")
    terminal.type("10mV + 2nA\r")
    try terminal.waitFor("cannot add voltage (mV) and current (nA)")
    terminal.type("print x\r")
    try terminal.waitFor("42")
    terminal.type(":quit\r")
    #expect(try terminal.waitForExit() == 0)

    let saved = try String(contentsOf: history, encoding: .utf8)
    #expect(saved.contains("let x = 42"))
    #expect(saved.contains("print (x +"))
    #expect(saved.contains("print x"))
  }

  /// Ctrl-C at a lesson's prediction prompt keeps the prediction waiting; the session goes on.
  @Test func ctrlCKeepsAPredictionWaiting() throws {
    let history = try freshHistory()
    let progress = history.deletingLastPathComponent().appendingPathComponent(".neuro_progress")
    try (0..<5).map { "01-repl-and-units \($0)" }.joined(separator: "\n").write(
      to: progress, atomically: true, encoding: .utf8)
    let terminal = try PseudoTerminal(arguments: ["lesson", "1"], environment: environment(history: history))
    try terminal.waitFor("prediction> ")
    terminal.type("12\u{03}")
    try terminal.waitFor("the prediction still waits")
    try terminal.waitFor("prediction> ")
    terminal.type("8\r")
    try terminal.waitFor("Score: 100 %.")
    try terminal.waitFor("Lesson 1 complete.")
    terminal.type(":quit\r")
    #expect(try terminal.waitForExit() == 0)
  }

  /// Drawing a large network's synapses stops on Ctrl-C too, adding none; the session goes on.
  @Test func ctrlCStopsALongConnectAndAddsNothing() throws {
    let terminal = try PseudoTerminal(environment: environment(history: try freshHistory()))
    try terminal.waitFor("neuro> ")
    terminal.type("population p[40000] = lif()\r")
    try terminal.waitFor("neuro> ")
    terminal.type("connect p -> p with p: 0.5, weight: 0.1mV\r")
    Thread.sleep(forTimeInterval: 0.7)
    terminal.type("\u{03}")
    try terminal.waitFor("connect interrupted: no synapses were made")
    try terminal.waitFor("neuro> ")
    terminal.type("connections()\r")
    try terminal.waitFor("no connections yet")
    try terminal.waitFor("neuro> ")
    terminal.type("\u{04}")
    #expect(try terminal.waitForExit() == 0)
  }

  @Test func ctrlCStopsALongRunAndKeepsTheSession() throws {
    let terminal = try PseudoTerminal(environment: environment(history: try freshHistory()))
    try terminal.waitFor("neuro> ")
    terminal.type("neuron n = lif()\r")
    try terminal.waitFor("neuro> ")
    terminal.type("inject n 2.5nA\r")
    try terminal.waitFor("neuro> ")
    terminal.type("run 2000s\r")
    Thread.sleep(forTimeInterval: 0.7)
    terminal.type("\u{03}")
    try terminal.waitFor("interrupted at t = ")
    try terminal.waitFor("neuro> ")
    terminal.type("print spike_count(n) > 0\r")
    try terminal.waitFor("true")
    try terminal.waitFor("neuro> ")  // Ctrl-D typed before the prompt would be read by the line discipline
    terminal.type("\u{04}")
    #expect(try terminal.waitForExit() == 0)
  }

  @Test func ctrlCAtThePromptClearsTheLine() throws {
    let terminal = try PseudoTerminal(environment: environment(history: try freshHistory()))
    try terminal.waitFor("neuro> ")
    terminal.type("print 111")
    Thread.sleep(forTimeInterval: 0.2)  // as a person would: the line is on screen before Ctrl-C
    terminal.type("\u{03}")
    try terminal.waitFor("^C")
    try terminal.waitFor("neuro> ")
    terminal.type("print [1,\r")
    try terminal.waitFor("...> ")
    terminal.type("\u{03}")
    try terminal.waitFor("neuro> ")
    terminal.type("print 222\r")
    let before = try terminal.waitFor("222\n")
    #expect(!before.contains("111\n"))
    terminal.type(":quit\r")
    #expect(try terminal.waitForExit() == 0)
  }

  @Test func historySurvivesIntoTheNextSession() throws {
    let history = try freshHistory()
    let first = try PseudoTerminal(environment: environment(history: history))
    try first.waitFor("neuro> ")
    first.type("print 6 * 7\r")
    try first.waitFor("42")
    try first.waitFor("neuro> ")
    first.type("\u{04}")
    _ = try first.waitForExit()

    let second = try PseudoTerminal(environment: environment(history: history))
    try second.waitFor("neuro> ")
    second.type("\u{1B}[A\r")  // Up arrow, Enter: the last line of the previous session
    try second.waitFor("42")
    second.type(":quit\r")
    #expect(try second.waitForExit() == 0)
  }

  /// A statement typed over several lines is one history entry: the next session recalls it whole.
  @Test func multiLineInputIsOneHistoryEntry() throws {
    let history = try freshHistory()
    let first = try PseudoTerminal(environment: environment(history: history))
    try first.waitFor("neuro> ")
    first.type("print (6 *\r")
    try first.waitFor("...> ")
    first.type("7)\r")
    try first.waitFor("42")
    try first.waitFor("neuro> ")
    first.type("\u{04}")
    _ = try first.waitForExit()
    let saved = try String(contentsOf: history, encoding: .utf8)
    #expect(saved.contains("print (6 *\n7)"))

    let second = try PseudoTerminal(environment: environment(history: history))
    try second.waitFor("neuro> ")
    second.type("\u{1B}[A\r")  // Up arrow, Enter: both lines of the statement at once
    try second.waitFor("42")
    second.type(":quit\r")
    #expect(try second.waitForExit() == 0)
  }

  @Test func helpAndUnknownCommands() throws {
    let terminal = try PseudoTerminal(environment: environment(history: try freshHistory()))
    try terminal.waitFor("neuro> ")
    terminal.type(":help inject\r")
    try terminal.waitFor("Several injections add up; a window before the clock")
    terminal.type(":hlep\r")
    try terminal.waitFor("did you mean ':help'?")
    terminal.type(":help repl\r")
    try terminal.waitFor("stops a running simulation")
    terminal.type(":help lesons\r")
    try terminal.waitFor("did you mean 'lessons'")
    terminal.type("## Mine.\rfn repl() { return 1 }\r")
    terminal.type(":help repl\r")
    try terminal.waitFor("repl()")
    terminal.type(":quit\r")
    #expect(try terminal.waitForExit() == 0)
  }
}
