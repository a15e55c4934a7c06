import NeuroUnits

/// The statements that build, drive, run and draw the simulated world, one function each.
extension Parser {
  /// `neuron n = lif(…)`
  mutating func parseNeuron() throws -> StmtKind {
    advance()
    let (name, nameSpan) = try expectIdentifier("a name after 'neuron'")
    try expect(.equal, "'=' after the neuron's name", hint: "a neuron is made like this: neuron n = lif(tau: 10ms)")
    return .neuron(name: name, nameSpan: nameSpan, model: try parseExpression())
  }

  /// `inject n 2.5nA from 20ms to 60ms`, `… for 30ms`
  mutating func parseInjection() throws -> StmtKind {
    advance()
    if check(.newline) || check(.endOfInput) {
      throw error("expected a neuron after 'inject'", at: current, hint: "inject n 2.5nA from 20ms to 60ms")
    }
    let target = try parsePostfix()
    if atStatementEnd || check(.from) || check(.to) {
      throw error("expected a current after the neuron", at: current, hint: "inject n 2.5nA from 20ms to 60ms")
    }
    let amount = try parseExpressionWithoutRange()
    return .inject(target: target, current: amount, window: try parseTimeWindow(allowingLength: true))
  }

  /// `run 100ms`
  mutating func parseRun() throws -> StmtKind {
    advance()
    if atStatementEnd {
      throw error("expected a duration after 'run'", at: current, hint: "run 100ms")
    }
    return .run(duration: try parseExpression())
  }

  /// `reset`
  mutating func parseReset() throws -> StmtKind {
    advance()
    return .reset
  }

  /// `plot n.v, m.v from 20ms to 60ms`
  mutating func parsePlot() throws -> StmtKind {
    advance()
    if atStatementEnd {
      throw error("expected something to plot", at: current, hint: "plot n.v")
    }
    var traces = [try parseExpressionWithoutRange()]
    while match(.comma) { traces.append(try parseExpressionWithoutRange()) }
    let window = try parseTimeWindow()
    return .plot(traces: traces, from: window.from, to: window.to)
  }

  /// `population exc[3200] = lif(…)`
  mutating func parsePopulation() throws -> StmtKind {
    advance()
    let (name, nameSpan) = try expectIdentifier("a population name")
    try expect(.leftBracket, "'[' and the number of neurons")
    let size = try parseExpression()
    try expect(.rightBracket, "']' after the number of neurons", hint: "population exc[3200] = lif()")
    try expect(.equal, "'=' and a model", hint: "population exc[3200] = lif()")
    return .population(name: name, nameSpan: nameSpan, size: size, model: try parseExpression())
  }

  /// `input noise = poisson(1000, rate: 10Hz)`
  mutating func parseInput() throws -> StmtKind {
    advance()
    let (name, nameSpan) = try expectIdentifier("an input name")
    advance()
    return .input(name: name, nameSpan: nameSpan, source: try parseExpression())
  }

  /// `connect a -> b with p: 0.1, weight: 1mV`, after `let syn =` when it is named.
  mutating func parseConnect(naming name: (String, Span)? = nil) throws -> StmtKind {
    advance()
    let pre = try parsePostfix()
    try expect(.arrow, "'->' between the two groups of neurons", hint: "connect exc -> inh with p: 0.02, weight: 1mV")
    let post = try parsePostfix()
    var options: [ConnectOption] = []
    if case .identifier("with") = current.kind {
      advance()
      repeat { options.append(connectOption(try parseArgument())) } while match(.comma)
    }
    return .connect(pre: pre, post: post, options: options, name: name)
  }

  /// `drive net with poisson(1000, rate: 20Hz), weight: 0.1mV, delay: 1.5ms`
  mutating func parseDrive() throws -> StmtKind {
    advance()
    let target = try parsePostfix()
    guard case .identifier("with") = current.kind else {
      throw error(
        "expected 'with' and a source after the neurons to drive", at: current,
        hint: "drive net with poisson(1000, rate: 20Hz), weight: 0.1mV")
    }
    advance()
    if atStatementEnd {
      throw error(
        "expected a source after 'with'", at: current, hint: "drive net with poisson(1000, rate: 20Hz), weight: 0.1mV")
    }
    let source = try parseExpression()
    var options: [ConnectOption] = []
    while match(.comma) { options.append(connectOption(try parseArgument())) }
    return .drive(target: target, source: source, options: options)
  }

  /// What a connect option is: `rule:` takes a word, `weight:` and `delay:` may be drawn per synapse.
  private func connectOption(_ argument: Argument) -> ConnectOption {
    var form = ConnectOption.Form.value
    if argument.label == "rule", case .name(let word) = argument.value.kind {
      form = .word(word)
    } else if argument.label == "weight" || argument.label == "delay",
      case .call(let callee, let arguments) = argument.value.kind, case .name(let name) = callee.kind,
      let distribution = ConnectOption.Distribution(rawValue: name),
      arguments.count == 2, arguments.allSatisfy({ $0.label == nil })
    {
      form = .draw(distribution, arguments[0].value, arguments[1].value)
    }
    return ConnectOption(label: argument.label, labelSpan: argument.labelSpan, value: argument.value, form: form)
  }

  /// `fit net on data with loss: categorical_crossentropy, epochs: 20`, after `let h =` when named.
  mutating func parseFit(naming name: (String, Span)? = nil) throws -> StmtKind {
    advance()
    let network = try parsePostfix()
    guard case .identifier("on") = current.kind else {
      throw error("expected 'on' and the data after the network", at: current, hint: "fit net on train with epochs: 10")
    }
    advance()
    let data = try parsePostfix()
    if check(.comma) {
      throw error("fit's options come after 'with'", at: current, hint: "fit net on data with epochs: 10")
    }
    var options: [Argument] = []
    if case .identifier("with") = current.kind {
      advance()
      repeat {
        if case .identifier(let word) = current.kind, Interpreter.fitOptions.contains(word), tokenKind(at: 1) != .colon
        {
          throw error("expected ':' after '\(word)'", at: current, hint: "fit's options read \(word): value")
        }
        options.append(try parseArgument())
      } while match(.comma)
    }
    return .fit(network: network, data: data, options: options, name: name)
  }

  /// `export nest to "net.py"`
  mutating func parseExport() throws -> StmtKind {
    advance()
    let (target, targetSpan) = try expectIdentifier("what to export to")
    guard target == "nest" else {
      throw error("neuro exports to NEST only, not '\(target)'", span: targetSpan, hint: "export nest to \"net.py\"")
    }
    try expect(.keyword(.to), "'to' and a file name", hint: "export nest to \"net.py\"")
    return .export(target: target, targetSpan: targetSpan, path: try parseExpression())
  }

  /// `why n`, `why exc[3] at 42ms`, `explain n at 42ms`: a call of the built-in of the same name, written as a
  /// statement (`why(n, at: 42ms)`).
  mutating func parseWhy(_ start: Span) throws -> StmtKind {
    let word = advance()
    let name = word.kind == .identifier("explain") ? "explain" : "why"
    var arguments = [Argument(label: nil, labelSpan: nil, value: try parsePostfix())]
    if check(.comma) {
      throw error("\(name) explains one neuron; a time comes after 'at'", at: current, hint: "\(name) n at 42ms")
    }
    if case .identifier("at") = current.kind {
      let at = advance()
      if atStatementEnd { throw error("expected a time after 'at'", at: current, hint: "\(name) n at 42ms") }
      arguments.append(Argument(label: "at", labelSpan: at.span, value: try parseExpression()))
    }
    let call = ExprKind.call(callee: Expr(kind: .name(name), span: word.span), arguments: arguments)
    return .expression(Expr(kind: call, span: start.through(previous.span)))
  }

  /// `check accuracy` or `check accuracy, dt: 0.01ms`
  mutating func parseCheck() throws -> StmtKind {
    advance()
    guard case .identifier("accuracy") = current.kind else {
      throw error(
        "neuro checks the accuracy of the simulation: check accuracy", at: current,
        hint: "check accuracy (or check accuracy, dt: 0.01ms)")
    }
    advance()
    var options: [Argument] = []
    while match(.comma) { options.append(try parseArgument()) }
    guard atStatementEnd else {
      throw error(
        "expected the end of the line or a comma and dt:, found \(current.kind.describedForHumans)", at: current,
        hint: "check accuracy, dt: 0.01ms")
    }
    return .checkAccuracy(options: options)
  }

  /// `record exc.v[0..9]`
  mutating func parseRecord() throws -> StmtKind {
    advance()
    return .record(try parseExpressionWithoutRange())
  }

  /// `hist values, bins: 20`
  mutating func parseHistogram() throws -> StmtKind {
    advance()
    let values = try parseExpression()
    var options: [Argument] = []
    while match(.comma) { options.append(try parseArgument()) }
    return .histogram(values, options: options)
  }

  /// `heatmap matrix`
  mutating func parseHeatmap() throws -> StmtKind {
    advance()
    return .heatmap(try parseExpression())
  }

  /// `raster exc from 0ms to 200ms`
  mutating func parseRaster() throws -> StmtKind {
    advance()
    let target = try parsePostfix()
    let window = try parseTimeWindow()
    return .raster(target, from: window.from, to: window.to)
  }

  /// `model name { … }`
  mutating func parseModelStatement(_ start: Span) throws -> StmtKind {
    advance()
    return .model(try parseModel(start))
  }

  /// `event n.g_exc += 5nS at 20ms` or `… in 10ms`
  mutating func parseEvent() throws -> StmtKind {
    advance()
    let target = try parsePostfix()
    if !check(.plusEqual) {
      // The student's own amount and timing after '+=': `event n.g_exc += 20nS in 10ms` for `… = 20nS in 10ms`.
      let restStart = check(.equal) ? current.span.end.column : current.span.start.column
      let line = source.line(current.span.start.line)
      let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
      let rest = String(
        line.dropFirst(max(0, restStart - 1)).prefix { $0 != "#" }.drop(while: blank).reversed().drop(while: blank)
          .reversed())
      let hint = rest.isEmpty ? "event n.g_exc += 5nS at 20ms" : "event \(source.text(target.span)) += \(rest)"
      throw error(
        "expected '+=' after the state variable, found \(current.kind.describedForHumans)", at: current, hint: hint)
    }
    advance()
    let amount = try parseExpressionStoppingAtIn()
    if match(.in) {
      return .event(target: target, amount: amount, times: [], delay: try parseExpression())
    } else {
      guard case .identifier("at") = current.kind else {
        throw error(
          "expected 'at' and the times of the event (or 'in' and a time from now), found "
            + "\(current.kind.describedForHumans)",
          at: current, hint: "event n.g_exc += 5nS at 20ms, 60ms")
      }
      advance()
      var times = [try parseExpression()]
      while match(.comma) { times.append(try parseExpression()) }
      return .event(target: target, amount: amount, times: times, delay: nil)
    }
  }
}
