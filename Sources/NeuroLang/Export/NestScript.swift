#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a `NestNetwork` as a standalone PyNEST 3 script. The script records every population's
/// spikes, and the variables neuro records, to ASCII files per process (`neuro_spikes_P-…-RANK.dat`):
/// under MPI each process writes its own and neuro merges them when it reads them back.
enum NestScript {
  /// The script for `network`, simulating `duration` (ms) by default; `origin` names what it came from.
  static func text(_ network: NestNetwork, duration: Double, origin: String) -> String {
    var lines: [String] = [
      "#!/usr/bin/env python3",
      "\"\"\"A network exported by neuro from \(origin.replacing("\"", with: "'")), for NEST 3 (PyNEST).",
      "",
      "    python3 THIS.py [--time MS] [--seed N] [--threads N] [--out FOLDER]",
      "    mpirun -n 4 python3 THIS.py       (each process writes its own files in FOLDER)",
      "",
      "Spikes and recorded variables go to ASCII files in FOLDER (default: THIS_nest_output/), one per",
      "recorder and process. Poisson and spike-time inputs are the trains neuro drew, played by",
      "spike_generators, so they are the same trains as in neuro.",
      "\"\"\"",
      "import argparse",
      "import os",
      "",
      "import nest",
      "",
      "parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)",
      "parser.add_argument(\"--time\", type=float, default=\(number(duration)), help=\"simulated time (ms)\")",
      "parser.add_argument(\"--seed\", type=int, default=\(network.seed), help=\"NEST's random seed\")",
      "parser.add_argument(\"--threads\", type=int, default=1, help=\"threads per process\")",
      "parser.add_argument(\"--out\", default=os.path.splitext(os.path.abspath(__file__))[0] + \"_nest_output\")",
      "args = parser.parse_args()",
      "",
      "nest.ResetKernel()",
      "try:",
      "    nest.verbosity = nest.VerbosityLevel.ERROR",
      "except AttributeError:",
      "    nest.set_verbosity(\"M_ERROR\")",
      "os.makedirs(args.out, exist_ok=True)",
      "nest.SetKernelStatus({\"resolution\": \(number(network.resolution)), \"rng_seed\": args.seed,",
      "                      \"local_num_threads\": args.threads, \"data_path\": args.out,",
      "                      \"overwrite_files\": True, \"print_time\": False})",
      "",
    ]
    for (p, population) in network.populations.enumerated() { lines += populationLines(population, p) }
    for (s, source) in network.sources.enumerated() { lines += sourceLines(source, s, network.resolution) }
    if !network.connections.isEmpty { lines.append("") }
    for (c, connection) in network.connections.enumerated() { lines += connectionLines(connection, c, network) }
    for current in network.currents { lines += currentLines(current, network) }
    lines.append("")
    for (p, population) in network.populations.enumerated() { lines += recorderLines(population, p, network) }
    let populationPairs = network.populations.indices.map { "(\"p\($0)\", p\($0))" }.joined(separator: ", ")
    lines += [
      "",
      "with open(os.path.join(args.out, \"neuro_nodes-%d.txt\" % nest.Rank()), \"w\") as nodes:",
      "    for label, population in [\(populationPairs)]:",
      "        nodes.write(\"%s %d %d\\n\" % (label, population[0].global_id, len(population)))",
      "nest.Simulate(args.time)",
      "",
      "# The state at the end, of the neurons on this process (neuro reads every process's file).",
      "def write_state(population, names, path):",
      "    here = population.local",
      "    here = here if isinstance(here, (list, tuple)) else [here]",
      "    nodes = [node for node, local in zip(population.tolist(), here) if local]",
      "    if not nodes:",
      "        return",
      "    got = nest.NodeCollection(nodes).get(names)",
      "    columns = [got[name] if len(nodes) > 1 else [got[name]] for name in names]",
      "    with open(path, \"w\") as state:",
      "        for i, node in enumerate(nodes):",
      "            state.write(\" \".join([str(node)] + [repr(float(c[i])) for c in columns]) + \"\\n\")",
      "",
    ]
    for (p, population) in network.populations.enumerated() where !population.state.isEmpty {
      let names = population.state.map { "\"\($0.nest)\"" }.joined(separator: ", ")
      lines.append(
        "write_state(p\(p), [\(names)], os.path.join(args.out, \"neuro_state_p\(p)-%d.dat\" % nest.Rank()))")
    }
    lines.append("")
    return lines.joined(separator: "\n")
  }

  private static func populationLines(_ population: NestNetwork.Population, _ p: Int) -> [String] {
    let parameters = population.parameters.map { "\"\($0.name)\": \(number($0.value))" }.joined(separator: ", ")
    var lines = [
      "# \(population.name)",
      "p\(p) = nest.Create(\"\(population.model)\", \(population.count), params={\(parameters)})",
    ]
    for values in population.perNeuron + population.initial {
      let target = slice("p\(p)", values.range, whole: values.range == 0..<population.count)
      if let first = values.values.first, values.values.allSatisfy({ $0 == first }) {
        lines.append("\(target).set({\"\(values.name)\": \(number(first))})")
      } else {
        lines.append("\(target).set({\"\(values.name)\": \(list(values.values))})")
      }
    }
    return lines
  }

  private static func sourceLines(_ source: NestNetwork.Source, _ s: Int, _ resolution: Double) -> [String] {
    if let rate = source.poissonRate {
      return [
        "# \(source.name): each neuron its own Poisson train",
        "s\(s) = nest.Create(\"poisson_generator\", params={\"rate\": \(number(rate))})",
      ]
    }
    guard source.throughParrots else {
      return [
        "# \(source.name): the trains neuro drew",
        "s\(s) = nest.Create(\"spike_generator\", \(source.trains.count))",
        "s\(s).set([{\"spike_times\": t} for t in \(trainsList(source.trains))])",
      ]
    }
    // A parrot fires a step after its generator: each spike is given a step early (one at t = 0 is sent at
    // once, and arrives a step late).
    let early = source.trains.map { train in train.map { max(0, $0 - resolution) } }
    return [
      "# \(source.name): the trains neuro drew, through parrot neurons (plastic synapses take no device input)",
      "g\(s) = nest.Create(\"spike_generator\", \(source.trains.count), params={\"shift_now_spikes\": True})",
      "g\(s).set([{\"spike_times\": t} for t in \(trainsList(early))])",
      "s\(s) = nest.Create(\"parrot_neuron\", \(source.trains.count))",
      "nest.Connect(g\(s), s\(s), \"one_to_one\", {\"delay\": \(number(resolution))})",
    ]
  }

  private static func connectionLines(_ connection: NestNetwork.Connection, _ c: Int, _ network: NestNetwork)
    -> [String]
  {
    var rule = ["\"rule\": \"\(connection.rule)\""]
    rule += connection.ruleParameters.map {
      "\"\($0.name)\": \($0.name == "p" ? number($0.value) : String(Int(clampingToSteps: $0.value)))"
    }
    if connection.rule != "one_to_one" {
      rule.append("\"allow_autapses\": \(connection.allowAutapses ? "True" : "False")")
    }
    if connection.rule.hasPrefix("fixed_") { rule.append("\"allow_multapses\": False") }
    var lines = ["# \(connection.described)"]
    var model = connection.synapse.model
    if !connection.synapse.parameters.isEmpty {
      let parameters = connection.synapse.parameters.map { "\"\($0.name)\": \(number($0.value))" }
      model = "neuro_\(connection.synapse.model)_\(c)"
      lines.append(
        "nest.CopyModel(\"\(connection.synapse.model)\", \"\(model)\", {\(parameters.joined(separator: ", "))})")
    }
    return lines + [
      "nest.Connect(\(nodes(connection.pre, network)), \(nodes(connection.post, network)), "
        + "{\(rule.joined(separator: ", "))},",
      "             {\"synapse_model\": \"\(model)\", \"weight\": \(value(connection.weight)), "
        + "\"delay\": \(value(connection.delay))})",
    ]
  }

  private static func currentLines(_ current: NestNetwork.Current, _ network: NestNetwork) -> [String] {
    var times: [Double] = [], values: [Double] = []
    let step = network.resolution
    // A step current generator's change at t reaches the neuron a delay (one step) later: it is given a
    // step early. A current from t = 0 flows as I_e (`addConstantCurrent`) and the generator ends it.
    if !current.stepTimes.isEmpty {
      // Step k's value is given at the start of step k - 1; the first steps' values at the first time there is.
      for (t, value) in zip(current.stepTimes, current.stepValues) {
        let time = max(t - step, step)
        if let last = times.last, time <= last + step / 2 {
          values[values.count - 1] = value
        } else {
          times.append(time)
          values.append(value)
        }
      }
    } else if let start = current.start, start > 0 {
      times.append(max(start - step, step))
      values.append(current.amplitude)
    }
    if let stop = current.stop, current.stepTimes.isEmpty || stop - step > (times.last ?? 0) + step / 2 {
      times.append(max(stop - step, step))
      values.append(times.count == 1 ? -current.amplitude : 0)
    }
    return [
      "g = nest.Create(\"step_current_generator\", params={\"amplitude_times\": \(list(times)), "
        + "\"amplitude_values\": \(list(values))})",
      "nest.Connect(g, \(nodes(current.target, network)), syn_spec={\"delay\": \(number(step))})",
    ]
  }

  private static func recorderLines(_ population: NestNetwork.Population, _ p: Int, _ network: NestNetwork)
    -> [String]
  {
    var lines = [
      "r\(p) = nest.Create(\"spike_recorder\", params={\"record_to\": \"ascii\", \"label\": \"neuro_spikes_p\(p)\", "
        + "\"time_in_steps\": True, \"precision\": 12})",
      "nest.Connect(p\(p), r\(p))",
    ]
    for (k, recording) in population.recorded.enumerated() {
      lines += [
        "m\(p)_\(k) = nest.Create(\"multimeter\", params={\"record_from\": [\"\(recording.nest)\"], "
          + "\"interval\": \(number(network.resolution)), \"record_to\": \"ascii\", "
          + "\"label\": \"neuro_vars_p\(p)_\(k)\", "
          + "\"time_in_steps\": True, \"precision\": 12})",
        "nest.Connect(m\(p)_\(k), p\(p)[\(intList(recording.neurons))])",
      ]
    }
    return lines
  }

  /// A node collection: the whole population, a slice, or a source group.
  private static func nodes(_ nodes: NestNetwork.Nodes, _ network: NestNetwork) -> String {
    slice(nodes.isSource ? "s\(nodes.index)" : "p\(nodes.index)", nodes.range, whole: nodes.whole)
  }

  private static func slice(_ name: String, _ range: Range<Int>, whole: Bool) -> String {
    whole ? name : "\(name)[\(range.lowerBound):\(range.upperBound)]"
  }

  /// A value as PyNEST takes it: a number, a NEST random parameter or an array.
  static func value(_ value: NestNetwork.Value) -> String {
    switch value {
    case .constant(let x): return number(x)
    case .uniform(let a, let b): return "nest.random.uniform(\(number(a)), \(number(b)))"
    case .normal(let mean, let sd): return "nest.random.normal(\(number(mean)), \(number(sd)))"
    case .matrix(let values, let columns):
      let rows = columns > 0 ? values.count / columns : 0
      return "["
        + (0..<rows).map { r in list(Array(values[(r * columns)..<((r + 1) * columns)])) }
        .joined(separator: ", ") + "]"
    case .atLeast(let inner, let floor): return "nest.math.max(\(self.value(inner)), \(number(floor)))"
    case .atMost(let inner, let ceiling): return "nest.math.min(\(self.value(inner)), \(number(ceiling)))"
    case .plus(let inner, let amount): return "(\(self.value(inner)) + \(number(amount)))"
    }
  }

  /// A number as Python reads it, to 12 significant digits (unit conversions leave no 6.000000000000001).
  static func number(_ x: Double) -> String {
    guard x != 0, x.isFinite else { return x.isFinite ? "0.0" : "\(x)" }
    let scale = pow(10, 12 - ceil(log10(abs(x))))
    let y = scale.isFinite && scale > 0 ? (x * scale).rounded() / scale : x
    if y == y.rounded(), abs(y) < 1e15 { return "\(Int(clampingToSteps: y)).0" }
    return "\(y)"
  }

  private static func list(_ values: [Double]) -> String { "[" + values.map(number).joined(separator: ", ") + "]" }
  private static func intList(_ values: [Int]) -> String { "[" + values.map(String.init).joined(separator: ", ") + "]" }

  private static func trainsList(_ trains: [[Double]]) -> String {
    "[" + trains.map(list).joined(separator: ",\n    ") + "]"
  }
}
