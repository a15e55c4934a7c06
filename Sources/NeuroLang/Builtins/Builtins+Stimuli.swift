import NeuroUnits

/// Seeing and taking back what was injected into a neuron or scheduled in it, without `:reset`.
extension Builtins {
  static let stimuli: [Builtin] = [
    Builtin(
      name: "stimuli", signature: "neuron",
      summary: "lists the currents injected into a neuron, the events scheduled in it and its drives, numbered"
    ) { c in
      try c.expectPositional(1, "stimuli", "stimuli(n)")
      let handle = try c.neuron(0, for: "stimuli")
      let lines = c.interpreter.stimulusLines(of: handle)
      if lines.isEmpty {
        c.interpreter.host.write("\(handle.label) has no stimuli\n")
      } else {
        c.interpreter.host.write(
          lines.enumerated().map { "\($0.offset + 1)  \($0.element)" }.joined(separator: "\n") + "\n")
      }
      return .nothing
    },
    Builtin(
      name: "clear_stimuli", signature: "neuron[, k]",
      summary: "removes every stimulus of a neuron, or only the k-th that stimuli(n) lists"
    ) { c in
      guard c.arguments.count == 1 || c.arguments.count == 2, c.arguments.allSatisfy({ $0.label == nil }) else {
        throw c.failure(
          "clear_stimuli takes a neuron and, if you like, the number of one stimulus",
          hint: "clear_stimuli(n) or clear_stimuli(n, 2)")
      }
      let handle = try c.neuron(0, for: "clear_stimuli")
      let simulation = c.interpreter.world.simulation
      let currentCount = simulation.currents(of: handle.group).count
      let eventCount = simulation.events(of: handle.group).count
      let drives = c.interpreter.drives(of: handle)
      let total = currentCount + eventCount + drives.count
      var chosen: Int? = nil
      if c.arguments.count == 2 {
        let k = try c.quantity(1, for: "clear_stimuli")
        guard k.dimension.isDimensionless, k.value == k.value.rounded(), let index = Int(checking: k.value), index >= 1,
          index <= total
        else {
          throw c.failure(
            total == 0
              ? "\(handle.label) has no stimuli to remove"
              : "\(handle.label) has stimuli 1 to \(total), not \(k.formatted)",
            at: c.arguments[1].span, hint: "stimuli(\(handle.name)) lists them")
        }
        chosen = index - 1
      }
      simulation.removeStimuli(
        of: handle.group, currents: { chosen == nil || chosen == $0 },
        events: { chosen == nil || chosen == currentCount + $0 })
      for (k, drive) in drives.enumerated() where chosen == nil || chosen == currentCount + eventCount + k {
        simulation.removeDrive(drive.id)
      }
      let removed = chosen == nil ? total : 1
      c.interpreter.host.write("removed \(removed) \(removed == 1 ? "stimulus" : "stimuli") from \(handle.label)\n")
      return .nothing
    },
  ]
}
