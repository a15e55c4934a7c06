import Foundation
import NeuroEngine
import NeuroUnits

/// The memory a world may take (half of the machine's), and what it holds now; sizes that
/// come from user numbers are checked against it before anything is allocated.
enum MemoryBudget {
  /// Half of the physical memory: the rest is for the system, the session's values and plots.
  static let limit = Double(ProcessInfo.processInfo.physicalMemory) / 2

  /// Bytes the world holds now: synapses, their delay queues, and the recordings so far.
  static func inUse(_ simulation: Simulation) -> Double {
    let synapses = simulation.allProjections.reduce(0.0) { total, p in
      total + Double(p.synapseCount) * p.bytesPerSynapse + Double(p.delaySteps) * 8
    }
    return synapses + simulation.recordingBytes(forSteps: simulation.stepIndex)
  }

  /// True when `more` bytes fit next to what the world already holds.
  static func fits(_ more: Double, in simulation: Simulation) -> Bool {
    more.isFinite && more >= 0 && inUse(simulation) + more <= limit
  }

  /// The limit in words, for hints: "this machine allows the world 12 GB".
  static var described: String { "this machine allows the world \(formatBytes(limit))" }
}
