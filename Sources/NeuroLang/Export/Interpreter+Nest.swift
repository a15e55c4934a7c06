#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import FoundationEssentials
import NeuroEngine
import NeuroUnits

/// What carries out `run`.
public enum SimulationEngine: Sendable, Equatable {
  /// neuro's own engine.
  case neuro
  /// NEST, through a PyNEST script run by Python; the spikes and recordings are read back.
  case nest
  /// Nothing: runs only add up the time an exported script simulates (`neuro export`).
  case exportOnly
}

/// `export nest to "net.py"`, `neuro export --to nest` and `--engine nest`.
extension Interpreter {
  /// `export nest to "net.py"`: the world as it stands, simulated from t = 0 to the time run so far
  /// (under `neuro export`, the runs of the script; with no run yet, 1 s).
  func exportNetwork(_ target: String, at targetSpan: Span, to pathExpr: Expr) throws {
    let path = try filePath(pathExpr)
    let end = engine == .exportOnly ? world.built.nestEnd : world.now
    let duration = end > 0 ? end : 1
    let network = try nestNetwork(end: duration, at: targetSpan)
    if let confirm = host.confirmWrite, !confirm(path) {
      throw failure("'\(path)' was not written: writing was not allowed", at: pathExpr.span)
    }
    do {
      try FileSaving.write(NestScript.text(network, duration: duration * 1e3, origin: source.name), to: path)
    } catch let error as SourceFileError {
      throw failure(error.description, at: pathExpr.span)
    }
    let note = end > 0 ? "" : " (no run yet: python3 \(FilePaths.name(of: path)) --time MS for another time)"
    host.note(
      "exported to \(path): \(Self.counted(network)), simulating \(Quantity(duration, .time).formatted) from t = 0"
        + "\(note)\n")
  }

  /// The time the runs so far add up to under `neuro export` (s).
  public var exportedTime: Double { world.built.nestEnd }

  /// Writes the script for the whole of a script run under `neuro export` (its runs' total time);
  /// false, with a diagnostic, when it cannot.
  public func exportNestScript(to path: String, origin: String) -> Bool {
    let end = world.built.nestEnd
    guard end > 0 else {
      host.report(
        Diagnostic(
          .runtime, "\(origin) has no run, so there is no time to simulate", in: source,
          hint: "end the script with a run (run 1s), or use export nest to \"net.py\" in it"))
      return false
    }
    let network: NestNetwork
    do {
      network = try NestNetwork(world: world, end: end)
    } catch {
      host.report(Diagnostic(.runtime, Self.problemsMessage(error), in: source))
      return false
    }
    do {
      try FileSaving.write(NestScript.text(network, duration: end * 1e3, origin: origin), to: path)
    } catch {
      host.report(Diagnostic(.runtime, "\(error)", in: source))
      return false
    }
    host.note("exported to \(path): \(Self.counted(network)), simulating \(Quantity(end, .time).formatted)\n")
    return true
  }

  /// The world's network for a run to `end` (s), or a diagnostic listing what NEST cannot build.
  func nestNetwork(end: Double, at span: Span) throws -> NestNetwork {
    do {
      return try NestNetwork(world: world, end: end, runs: engine == .nest)
    } catch {
      throw failure(
        Self.problemsMessage(error), at: span,
        hint: "nothing is written; leave these parts out, or change them, to export")
    }
  }

  /// A `run` under `neuro export`: the time adds up; the world must not change between runs, since the
  /// script simulates the world as it is at the end.
  func planRun(steps: Int, at span: Span) throws {
    let end = world.built.nestEnd + Double(steps) * world.simulation.dt
    try checkUnchangedSinceLastRun(try nestNetwork(end: end, at: span), at: span)
    world.built.nestEnd = end
  }

  /// Refuses a run after the world changed since an earlier run through NEST: every run simulates the
  /// world from t = 0 again, which would change what the earlier runs showed.
  func checkUnchangedSinceLastRun(_ network: NestNetwork, at span: Span) throws {
    var structure = network
    for s in structure.sources.indices { structure.sources[s].trains = [] }
    if let before = world.built.nestNetwork, world.built.nestEnd > 0, before != structure {
      throw failure(
        "the network changed since the last run; through NEST every run simulates it again from t = 0, so the "
          + "earlier runs would no longer hold",
        at: span, hint: "build the whole network before the first run, or reset (t = 0) and run again")
    }
    world.built.nestNetwork = structure
  }

  /// "cannot export to NEST: …", the item itself when it is one, else each on a line of its own.
  static func problemsMessage(_ problems: NestProblems) -> String {
    guard problems.items.count > 1 else { return "cannot export to NEST: " + (problems.items.first ?? "") }
    return "cannot export to NEST: \(problems.items.count) parts of this world have no faithful NEST counterpart:\n"
      + problems.items.map { "    - \($0)" }.joined(separator: "\n")
  }

  /// "4000 neurons in 1 population, 2 connections".
  private static func counted(_ network: NestNetwork) -> String {
    let neurons = network.populations.reduce(0) { $0 + $1.count }
    let populations = network.populations.count, connections = network.connections.count
    var parts = [
      "\(neurons) \(neurons == 1 ? "neuron" : "neurons") in \(populations) "
        + "\(populations == 1 ? "population" : "populations")"
    ]
    if !network.sources.isEmpty {
      let sources = network.sources.reduce(0) { $0 + ($1.poissonRate == nil ? $1.trains.count : 1) }
      parts.append("\(sources) spike \(sources == 1 ? "source" : "sources")")
    }
    parts.append("\(connections) \(connections == 1 ? "connection" : "connections")")
    return parts.joined(separator: ", ")
  }
}
