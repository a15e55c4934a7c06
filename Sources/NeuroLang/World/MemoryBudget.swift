#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroEngine
import NeuroUnits

/// The memory a world may take (half of the machine's), and what it holds now; sizes that
/// come from user numbers are checked against it before anything is allocated.
enum MemoryBudget {
  /// Half of the physical memory (the rest is for the system, the session's values and plots),
  /// and at most half of the address space the process may use (`ulimit -v`) once the interpreter's
  /// stack (at most a quarter of it) and the program with its allocator's reservations (a quarter of
  /// it, at most 256 MB) are left out.
  static let limit: Double = {
    let physical = Double(sysconf(Int32(_SC_PHYS_PAGES))) * Double(sysconf(Int32(_SC_PAGESIZE))) / 2
    var addressSpace = rlimit()
    guard getrlimit(Int32(RLIMIT_AS.rawValue), &addressSpace) == 0, addressSpace.rlim_cur != rlim_t.max else {
      return physical
    }
    let cap = Double(addressSpace.rlim_cur)
    let programAndStack = Double(LargeStack.reservedStack) + min(256e6, cap / 4)
    return min(physical, max(0, cap - programAndStack) / 2)
  }()
  /// A generous figure for one neuron's state arrays, inputs and spike bookkeeping.
  static let bytesPerNeuron = 256.0

  /// The limit in words, for hints: "this machine allows the world 12 GB".
  static var described: String { "this machine allows the world \(formatBytes(limit))" }
}

extension World {
  /// Bytes the world holds now: neurons, synapses and their delay queues, and the recordings so far.
  var bytesHeld: Double {
    let neurons = order.reduce(0.0) { $0 + Double(simulation.group($1).count) } * MemoryBudget.bytesPerNeuron
    let synapses = simulation.allProjections.reduce(0.0) { $0 + $1.bytesHeld }
    let spikes = Double(simulation.recordedSpikes * Simulation.bytesPerRecordedSpike)
    return neurons + synapses + simulation.recordingBytes(forSteps: simulation.stepIndex) + spikes
  }

  /// How many more spikes a run may record: the room left, counting the doubling of the spike lists
  /// as they grow.
  var spikeRoom: Int {
    let room = (MemoryBudget.limit - bytesHeld) / Double(2 * Simulation.bytesPerRecordedSpike)
    return simulation.recordedSpikes + Int(saturating: max(0, room))
  }

  /// Bytes a list of `count` numbers of one dimension takes (they are kept as plain doubles).
  static func bytes(ofNumbers count: Int) -> Double { Double(count) * Double(MemoryLayout<Double>.stride) }

  /// How many spikes a simulation of its own (`simulate`) may record beside this world.
  var spikeRoomForAnotherSimulation: Int { spikeRoom - simulation.recordedSpikes }

  /// True when `more` bytes fit next to what the world already holds.
  func fits(_ more: Double) -> Bool {
    more.isFinite && more >= 0 && bytesHeld + more <= MemoryBudget.limit
  }
}
