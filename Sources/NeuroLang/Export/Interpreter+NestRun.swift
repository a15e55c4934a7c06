#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import FoundationEssentials
import NeuroEngine

/// `--engine nest`: a `run` exports the world, has NEST simulate it from t = 0 to the run's end, and
/// plays back what NEST recorded for the run's part, so that the world's records hold NEST's spikes.
extension Interpreter {
  func runThroughNest(steps: Int, at span: Span) throws -> RunOutcome {
    guard let runPython = host.runPython else {
      throw failure("--engine nest needs a Python to run NEST, and none can be started here", at: span)
    }
    let dt = world.simulation.dt
    let startStep = world.simulation.stepIndex
    let lastStep = startStep + steps
    let end = Double(lastStep) * dt
    let network = try nestNetwork(end: end, at: span)
    try checkUnchangedSinceLastRun(network, at: span)
    if !world.built.nestChecked {
      let check = runPython(["-c", "import nest"])
      guard check.status == 0 else {
        throw failure(
          "--engine nest needs NEST for Python, and \(host.pythonName) cannot import nest", at: span,
          hint: "install the PyPI package nest-simulator (\(host.pythonName) -m pip install nest-simulator), or "
            + "set NEURO_PYTHON to a Python that has it")
      }
      world.built.nestChecked = true
    }
    let folder = try temporaryFolder(at: span)
    defer { removeFolder(folder) }
    let script = FilePaths.joined(folder, "network.py"), output = FilePaths.joined(folder, "output")
    do {
      try FileSaving.write(NestScript.text(network, duration: end * 1e3, origin: source.name), to: script)
    } catch {
      throw failure("\(error)", at: span)
    }
    let ran = runPython([script, "--out", output])
    guard ran.status == 0 else {
      let lines = ran.errors.split(separator: "\n").suffix(6).joined(separator: "\n")
      throw failure("NEST failed (exit status \(ran.status)):\n\(lines)", at: span)
    }
    let results: NestResults
    do {
      results = try NestResults(folder: output, network: network, steps: lastStep)
    } catch {
      throw failure(error.message, at: span)
    }
    for id in world.order {
      guard let name = world.names[id], let p = network.populations.firstIndex(where: { $0.name == name }),
        p < results.populations.count
      else { continue }
      let original = world.originalGroup(id)
      world.simulation.modify(id) {
        $0 = NestPlayback(original: original, results: results.populations[p], from: startStep, to: lastStep)
      }
    }
    world.built.nestEnd = end
    return world.simulation.run(steps: steps, shouldStop: { false }, spikeLimit: world.spikeRoom)
  }

  /// A new private folder for one NEST run.
  private func temporaryFolder(at span: Span) throws -> String {
    let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array(FilePaths.joined(base, "neuro-nest-XXXXXX").utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap { mkdtemp($0) } }) else {
      throw failure("cannot make a folder for NEST's files in \(base)", at: span)
    }
    return String(cString: made)
  }

  private func removeFolder(_ folder: String) {
    try? FileManager.default.removeItem(atPath: folder)
  }
}
