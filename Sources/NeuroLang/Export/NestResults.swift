import FoundationEssentials

/// What a NEST run wrote, read back and merged over its processes: each population's spikes (the
/// step at whose end each happened) and recorded variables (SI, one value a step from the first).
struct NestResults {
  struct Population {
    /// Step → the neurons that fired at its end.
    var spikes: [Int: [Int]] = [:]
    /// Step → neuron → how long before the step's end it fired (s), for NEST's models with precise spike times.
    var offsets: [Int: [Int: Double]] = [:]
    /// Variable → neuron → values after steps 1, 2, … (NaN where a step is missing).
    var traces: [String: [Int: [Double]]] = [:]
    /// Variable → every neuron's value at the end (SI), where known.
    var final: [String: [Int: Double]] = [:]
  }

  var populations: [Population]

  /// Reads the files in `folder` that the script of `network` wrote for a run of `steps` steps.
  init(folder: String, network: NestNetwork, steps: Int) throws(NestProblem) {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    var firstIDs: [String: Int] = [:]
    for file in files where file.hasPrefix("neuro_nodes-") {
      for line in Self.lines(FilePaths.joined(folder, file)) {
        let words = line.split(separator: " ")
        if words.count == 3, let id = Int(words[1]) { firstIDs[String(words[0])] = id }
      }
    }
    populations = []
    for (p, population) in network.populations.enumerated() {
      guard let first = firstIDs["p\(p)"] else {
        throw NestProblem("NEST wrote no node list for \(population.name) in \(folder)")
      }
      var result = Population()
      for file in files where file.hasPrefix("neuro_spikes_p\(p)-") {
        for fields in Self.rows(FilePaths.joined(folder, file)) where fields.count >= 2 {
          guard let sender = Int(fields[0]), let step = Int(fields[1]) else { continue }
          result.spikes[step, default: []].append(sender - first)
          if fields.count >= 3, let offset = Double(fields[2]), offset > 0 {
            result.offsets[step, default: [:]][sender - first] = offset * 1e-3
          }
        }
      }
      for step in result.spikes.keys { result.spikes[step]?.sort() }
      for (k, recording) in population.recorded.enumerated() {
        var perNeuron: [Int: [Double]] = [:]
        for neuron in recording.neurons { perNeuron[neuron] = Array(repeating: .nan, count: max(0, steps)) }
        for file in files where file.hasPrefix("neuro_vars_p\(p)_\(k)-") {
          for fields in Self.rows(FilePaths.joined(folder, file)) where fields.count >= 4 {
            guard let sender = Int(fields[0]), let step = Int(fields[1]), let value = Double(fields[3]),
              step >= 1, step <= steps
            else { continue }
            perNeuron[sender - first]?[step - 1] = value * recording.toSI
          }
        }
        result.traces[recording.variable] = perNeuron
      }
      for file in files where file.hasPrefix("neuro_state_p\(p)-") {
        let names = population.state.map(\.variable)
        for fields in Self.rows(FilePaths.joined(folder, file)) where fields.count == names.count + 1 {
          guard let sender = Int(fields[0]) else { continue }
          for (v, state) in population.state.enumerated() {
            if let value = Double(fields[v + 1]) {
              result.final[state.variable, default: [:]][sender - first] = value * state.toSI
            }
          }
        }
      }
      populations.append(result)
    }
  }

  /// The lines of a text file (none when it cannot be read).
  private static func lines(_ path: String) -> [Substring] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    return String(decoding: data, as: UTF8.self).split(separator: "\n")
  }

  /// The data rows of a NEST ASCII file: its fields, headers skipped.
  private static func rows(_ path: String) -> [[Substring]] {
    lines(path).compactMap { line in
      guard let first = line.first, first.isNumber else { return nil }
      return line.split(whereSeparator: { $0 == "\t" || $0 == " " })
    }
  }
}
