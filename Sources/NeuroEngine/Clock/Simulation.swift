/// Identifies a neuron group inside a simulation.
public struct GroupID: Hashable, Sendable {
  public let index: Int
}

/// Identifies a connection (a projection) for as long as it exists.
public struct ConnectionID: Hashable, Sendable {
  public let index: Int
}

/// How a call to `run` ended.
public enum RunOutcome: Equatable, Sendable {
  case completed
  /// Stopped early on request; the clock stands at the last whole step.
  case interrupted
  /// A state variable left the finite numbers (NaN or overflow); the clock stands where it was seen.
  case diverged(group: GroupID, variable: String, neuron: Int, time: Double)
  /// The spikes recorded reached the limit the run was given; the clock stands after that step.
  case spikeLimitReached
}

/// A jump of a state variable at given times: a synaptic event (`g_exc` += 5 nS at 20 ms).
public struct StateEvent: Sendable, Equatable {
  public var variable: String
  public var amount: Double
  public var times: [Double]

  public init(variable: String, amount: Double, times: [Double]) {
    self.variable = variable
    self.amount = amount
    self.times = times
  }
}

/// The network clock: neuron groups, their input currents and their recordings,
/// advanced together one time step at a time.
public final class Simulation {
  /// The time step a simulation starts with: 0.1 ms.
  public static let defaultTimeStep = 1e-4
  /// The time step (s). It can change only at t = 0.
  public private(set) var dt: Double = defaultTimeStep
  /// Steps taken since t = 0.
  public private(set) var stepIndex = 0
  var slots: [Slot] = []
  var projections: [Projection] = []
  /// For projections with per-synapse delays: post values waiting, one array per step ahead.
  private var delayQueues: [[[Double]]] = []
  private var connectionsMade = 0
  /// Weights recorded over time, by connection (`WeightRecordings.swift`).
  var weightRecordings: [ConnectionID: WeightRecording] = [:]
  /// Independent Poisson drives (`Simulation+Drives.swift`).
  var drives: [PoissonDrive] = []
  var drivesMade = 0

  /// The threads a run shares its work among (see `Simulation+Threads.swift`); every core by default.
  public var threads = WorkerPool.availableCores
  /// The pool of the last run that shared its work, kept (its threads asleep) for the next.
  var pool: (requested: Int, pool: WorkerPool)?

  public init() {}

  /// Connects neurons of two groups (or of one); the number of synapses made, or nil when the
  /// post group's model takes no synapses.
  public func connect(
    pre: GroupID, preRange: Range<Int>, post: GroupID, postRange: Range<Int>, channel: SynapticChannel,
    weight: Draw, delay: Draw, rule: Projection.Rule, allowSelf: Bool, plasticity: Plasticity? = nil,
    random: inout RandomSource
  ) -> Int? {
    let outcome = connect(
      pre: pre, preRange: preRange, post: post, postRange: postRange, channel: channel, weight: weight, delay: delay,
      rule: rule, allowSelf: allowSelf, plasticity: plasticity, random: &random, shouldStop: { false })
    if case .made(_, let count) = outcome { return count }
    return nil
  }

  /// What `connect` did: made synapses, found a group that cannot receive them, or was stopped.
  public enum ConnectOutcome: Equatable, Sendable {
    /// The connection and its number of synapses.
    case made(ConnectionID, Int)
    case cannotReceive
    /// Stopped on request while the synapses were drawn: nothing was added.
    case interrupted
  }

  /// Connects as above; `shouldStop` is asked every thousand presynaptic (or postsynaptic) neurons, and
  /// when it says yes nothing is added.
  public func connect(
    pre: GroupID, preRange: Range<Int>, post: GroupID, postRange: Range<Int>, channel: SynapticChannel,
    weight: Draw, delay: Draw, rule: Projection.Rule, allowSelf: Bool, plasticity: Plasticity? = nil,
    random: inout RandomSource, shouldStop: () -> Bool
  ) -> ConnectOutcome {
    var probe = slots[post.index].group  // a copy: only asked whether it takes a channel
    guard probe.addChannel(channel) != nil else { return .cannotReceive }
    guard
      var projection = Projection(
        pre: pre, preRange: preRange, post: post, postRange: postRange, channel: 0,
        weight: weight, delay: delay, dt: dt, rule: rule, allowSelf: allowSelf, plasticity: plasticity,
        random: &random, shouldStop: shouldStop)
    else { return .interrupted }
    guard let index = slots[post.index].group.addChannel(channel) else { return .cannotReceive }
    projection.channel = index
    projection.id = ConnectionID(index: connectionsMade)
    connectionsMade += 1
    projections.append(projection)
    delayQueues.append([])
    return .made(projection.id, projection.synapseCount)
  }

  /// Takes a connection out (its synapses and recorded weights); its channel stays on the target, idle.
  public func removeConnection(_ id: ConnectionID) {
    _ = removeProjections { $0.id == id }
  }

  /// Removes the projections `drop` picks, with their delay queues and recorded weights; how many of them
  /// had weights recorded.
  private func removeProjections(where drop: (Projection) -> Bool) -> Int {
    let kept = projections.indices.filter { !drop(projections[$0]) }
    let removed = projections.filter(drop).map(\.id)
    let recordings = removed.filter { weightRecordings.removeValue(forKey: $0) != nil }.count
    delayQueues = kept.map { delayQueues[$0] }
    projections = kept.map { projections[$0] }
    return recordings
  }

  /// The projection of a connection, while it exists.
  public func projection(_ id: ConnectionID) -> Projection? { projections.first { $0.id == id } }

  /// Every projection made so far.
  public var allProjections: [Projection] { projections }

  /// Records a state variable of some neurons of a group from now on (single neurons record everything).
  public func record(_ id: GroupID, variable: String, neurons: [Int]) -> Bool {
    guard slots[id.index].group.variableNames.contains(variable) else { return false }
    slots[id.index].recorded[variable] = neurons
    slots[id.index].restartRecording(variable: variable, step: stepIndex)
    return true
  }

  /// Sets a state variable of some neurons; false when the model does not allow it.
  public func setValues(_ id: GroupID, variable: String, values: [Double], at range: Range<Int>) -> Bool {
    guard slots[id.index].group.setValues(values, of: variable, at: range) else { return false }
    for name in slots[id.index].recorded.keys { slots[id.index].restartRecording(variable: name, step: stepIndex) }
    return true
  }

  /// Every spike of a group: the step at whose end it happened, and the neuron.
  public func spikes(_ id: GroupID) -> (steps: [Int], neurons: [Int]) {
    (slots[id.index].spikeSteps, slots[id.index].spikeNeurons)
  }

  /// Every spike of a group: its time (s), inside its step for models that find the crossing there, and the neuron.
  public func spikeEvents(_ id: GroupID) -> (times: [Double], neurons: [Int]) {
    let slot = slots[id.index]
    return (slot.spikeSteps.indices.map { slot.spikeTime($0, dt: dt) }, slot.spikeNeurons)
  }

  /// The simulated time (s).
  public var time: Double { Double(stepIndex) * dt }

  /// Adds a group; its recording starts now.
  public func add(_ group: any NeuronGroup) -> GroupID {
    slots.append(Slot(group: group, startStep: stepIndex))
    return GroupID(index: slots.count - 1)
  }

  /// What went with a removed group.
  public struct Removal: Equatable, Sendable {
    public var currents = 0
    public var events = 0
    public var connections = 0
    public var drives = 0
    /// Variables recorded on request (a population's `record`).
    public var recordings = 0
  }

  /// Takes a group out of the simulation with its currents, events, recordings and every
  /// connection from or to it. Its identifier stays taken, by a group of no neurons.
  public func remove(_ id: GroupID) -> Removal {
    let slot = slots[id.index]
    let connections = projections.count
    let weightRecordingsRemoved = removeProjections { $0.pre == id || $0.post == id }
    let removal = Removal(
      currents: slot.currents.count, events: slot.events.reduce(0) { $0 + $1.times.count },
      connections: connections - projections.count, drives: removeDrives(into: id),
      recordings: (slot.group.count > 1 ? slot.recorded.count : 0) + weightRecordingsRemoved)
    slots[id.index] = Slot(group: RemovedGroup(), startStep: stepIndex)
    return removal
  }

  /// The group as it stands now.
  public func group(_ id: GroupID) -> any NeuronGroup { slots[id.index].group }

  /// Changes a group in place (new parameters), keeping its state and recordings.
  public func modify(_ id: GroupID, _ body: (inout any NeuronGroup) -> Void) {
    body(&slots[id.index].group)
  }

  /// Adds a current to every neuron of a group; currents add up.
  public func inject(_ current: StepCurrent, into id: GroupID) {
    slots[id.index].currents.append(current)
  }

  /// Schedules jumps of a state variable; false when the group has no such variable.
  public func schedule(_ event: StateEvent, in id: GroupID) -> Bool {
    guard slots[id.index].group.variableNames.contains(event.variable) else { return false }
    slots[id.index].events.append(event)
    return true
  }

  /// The currents injected into a group.
  public func currents(of id: GroupID) -> [StepCurrent] { slots[id.index].currents }

  /// The events scheduled in a group.
  public func events(of id: GroupID) -> [StateEvent] { slots[id.index].events }

  /// Removes currents and events of a group: those whose index in `currents(of:)`, or in
  /// `events(of:)`, the predicates pick.
  public func removeStimuli(of id: GroupID, currents dropCurrent: (Int) -> Bool, events dropEvent: (Int) -> Bool) {
    slots[id.index].currents = slots[id.index].currents.enumerated().filter { !dropCurrent($0.offset) }.map(\.element)
    slots[id.index].events = slots[id.index].events.enumerated().filter { !dropEvent($0.offset) }.map(\.element)
  }

  /// Sets the time step; false (and no change) once time has advanced.
  @discardableResult
  public func setTimeStep(_ newValue: Double) -> Bool {
    guard stepIndex == 0, newValue > 0, newValue.isFinite else { return false }
    dt = newValue
    return true
  }

  /// Spikes recorded so far, over every group.
  public var recordedSpikes: Int { slots.reduce(0) { $0 + $1.spikeSteps.count } }

  /// Bytes the recorded spikes hold: a step, a neuron index and, for the models that place spikes inside their
  /// step (the default LIF's among them), how far inside.
  public static let bytesPerRecordedSpike = 2 * MemoryLayout<Int>.size + MemoryLayout<Double>.size

  /// Bytes the recordings would grow by over `steps` more steps.
  public func recordingBytes(forSteps steps: Int) -> Double {
    let perStep =
      slots.reduce(0) { $0 + $1.recorded.values.reduce(0) { $0 + $1.count } }
      + weightRecordings.values.reduce(0) { $0 + $1.synapses.count }
    return Double(perStep) * Double(steps) * Double(MemoryLayout<Double>.size)
  }

  /// Advances `steps` steps. `shouldStop` is asked every thousand steps; when it
  /// says yes the run ends early and everything up to that step is kept. The run also ends
  /// after the step in which the spikes recorded (all groups, all runs) pass `spikeLimit`.
  public func run(steps: Int, shouldStop: () -> Bool = { false }, spikeLimit: Int = .max) -> RunOutcome {
    if slots.isEmpty {  // nothing to simulate: only the clock moves
      stepIndex += max(0, steps)
      return .completed
    }
    for i in slots.indices {
      slots[i].group.prepare(dt: dt)
      slots[i].reserve(steps: steps)
    }
    for p in projections.indices {
      projections[p].prepare(dt: dt)
      if projections[p].synapseDelays != nil {
        let depth = projections[p].longestDelaySteps + 1, size = slots[projections[p].post.index].group.count
        if delayQueues[p].count != depth || delayQueues[p].first?.count != size {
          delayQueues[p] = Array(repeating: Array(repeating: 0, count: size), count: depth)
        }
      }
    }
    prepareDrives()
    var firedByGroup = [[Int]](repeating: [], count: slots.count)
    let rateProjections = projections.indices.filter {
      slots[projections[$0].post.index].group.channelKind(projections[$0].channel) == .rate
    }
    let learning = projections.indices.filter { projections[$0].plasticity?.stdp != nil }
    let recordedWeights = projections.indices.compactMap { p in
      weightRecordings[projections[p].id] == nil ? nil : (projections[p].id, p)
    }
    let activeRanges = slots.map { slot in
      slot.currents.filter(\.isUniformConstant).map { ($0.amplitude, $0.activeSteps(dt: dt)) }
    }
    // Currents of other shapes, or into some neurons only, are added neuron by neuron each step.
    let shapedCurrents = slots.map { slot in
      slot.currents.filter { !$0.isUniformConstant }.map { ($0, $0.activeSteps(dt: dt)) }
    }
    var noise = shapedCurrents.map { currents in
      currents.map { current -> RandomSource in
        if case .noise(_, let seed) = current.0.shape {
          return RandomSource(seed: seed &+ UInt64(bitPattern: Int64(stepIndex)))
        }
        return RandomSource(seed: 0)
      }
    }
    // Events by step: an event at time t acts at the start of step round(t / dt).
    let eventsByStep = slots.map { slot -> [Int: [(String, Double)]] in
      var byStep: [Int: [(String, Double)]] = [:]
      for event in slot.events {
        for time in event.times {
          byStep[Int(clampingToSteps: time / dt), default: []].append((event.variable, event.amount))
        }
      }
      return byStep
    }
    let pool = workerPool()
    let shared = pool.map { sharedDeliveries($0, eventsByStep: eventsByStep) } ?? []
    var deliveredShared = [Bool](repeating: false, count: projections.count)
    for delivery in shared { for p in delivery.projections { deliveredShared[p] = true } }
    // Spikes due onto a shared group wait for its next step, whose threads deliver them first.
    var waiting = [[(projection: Int, due: [Int])]](repeating: [], count: slots.count)
    defer {
      if let pool {
        for g in waiting.indices where !waiting[g].isEmpty { receive(waiting[g], group: g, pool: pool) }
        pool.park()
      }
    }
    var inputs = slots.map { [Double](repeating: 0, count: $0.group.count) }
    var drives = [Double](repeating: 0, count: slots.count)
    var fired: [Int] = []
    let checkInterval = slots.reduce(0) { $0 + $1.group.count } < 1000 ? 1 : 100
    var spikesRecorded = recordedSpikes
    for s in 0..<steps {
      if s % 1000 == 0, s > 0, shouldStop() { return .interrupted }
      let k = stepIndex
      deliverDrives(step: k)
      // Rate connections carry the rates of the step before, so every group feels the same moment.
      for p in rateProjections {
        guard let rates = slots[projections[p].pre.index].group.values(of: "r") else { continue }
        slots[projections[p].post.index].group.accumulate(channel: projections[p].channel) {
          self.projections[p].deliverRates(rates, into: $0)
        }
      }
      for g in slots.indices {
        if !eventsByStep[g].isEmpty, let events = eventsByStep[g][k] {
          for (variable, amount) in events { _ = slots[g].group.add(amount, to: variable) }
        }
        var drive = 0.0
        for (amplitude, range) in activeRanges[g] where range.contains(k) { drive += amplitude }
        if drive != drives[g] || !shapedCurrents[g].isEmpty {
          drives[g] = drive
          inputs[g].withUnsafeMutableBufferPointer { $0.update(repeating: drive) }
        }
        for (c, (current, active)) in shapedCurrents[g].enumerated() where active.contains(k) {
          let neurons = current.neurons ?? 0..<inputs[g].count
          if case .noise(let sd, _) = current.shape {
            for n in neurons { inputs[g][n] += current.amplitude + sd * noise[g][c].normal() }
          } else {
            let value = current.value(atStep: k, dt: dt)
            for n in neurons { inputs[g][n] += value }
          }
        }
        fired.removeAll(keepingCapacity: true)
        inputs[g].withUnsafeBufferPointer { input in
          if let pool {
            step(group: g, input: input, spikes: &fired, receiving: waiting[g], pool: pool)
            waiting[g].removeAll(keepingCapacity: true)
          } else {
            slots[g].group.step(input: input, spikes: &fired)
          }
        }
        slots[g].record(spikes: fired, atStep: k + 1)
        spikesRecorded += fired.count
        if !projections.isEmpty { swap(&firedByGroup[g], &fired) }
      }
      for delivery in shared { due(delivery, firedByGroup: firedByGroup, step: k, into: &waiting[delivery.group]) }
      for p in projections.indices where !deliveredShared[p] {
        if projections[p].synapseDelays != nil {
          let projection = projections[p], fired = firedByGroup[projection.pre.index]
          var queue = delayQueues[p]
          delayQueues[p] = []
          slots[projection.post.index].group.accumulate(channel: projection.channel) {
            projection.deliverDelayed(fired, step: k, queue: &queue, into: $0)
          }
          delayQueues[p] = queue
          continue
        }
        let due = projections[p].due(firedByGroup[projections[p].pre.index], step: k)
        guard !due.isEmpty else { continue }
        // The projection is used in place: a copy would retain each of its arrays, every step.
        let (post, channel, dt) = (projections[p].post.index, projections[p].channel, dt)
        if projections[p].plastic != nil {
          slots[post].group.accumulate(channel: channel) {
            self.projections[p].deliverPlastic(due, step: k + 1, dt: dt, into: $0)
          }
        } else {
          slots[post].group.accumulate(channel: channel) { self.projections[p].deliver(due, into: $0) }
        }
      }
      for p in learning where !firedByGroup[projections[p].post.index].isEmpty {
        projections[p].postsynapticSpikes(firedByGroup[projections[p].post.index], step: k + 1, dt: dt)
      }
      for (id, p) in recordedWeights { weightRecordings[id]?.sample(projections[p]) }
      stepIndex += 1
      if spikesRecorded > spikeLimit { return .spikeLimitReached }
      // Small simulations are checked every step (the time of a divergence then is exact), large ones every 100th.
      if s % checkInterval == checkInterval - 1 || s == steps - 1, let problem = firstDivergence() { return problem }
    }
    return .completed
  }

  private func firstDivergence() -> RunOutcome? {
    for (index, slot) in slots.enumerated() {
      if let (variable, neuron) = slot.group.firstNonFinite() {
        return .diverged(group: GroupID(index: index), variable: variable, neuron: neuron, time: time)
      }
    }
    return nil
  }

  /// Returns to t = 0: every group to its initial state, recordings cleared; model and currents kept.
  public func reset() {
    stepIndex = 0
    for p in projections.indices { projections[p].clearPending() }
    for p in delayQueues.indices { delayQueues[p] = [] }
    resetDrives()
    for projection in projections {
      if let synapses = weightRecordings[projection.id]?.synapses { restartWeightRecording(projection, synapses) }
    }
    for i in slots.indices {
      slots[i].group.resetState()
      let (events, recorded) = (slots[i].events, slots[i].recorded)
      slots[i] = Slot(group: slots[i].group, startStep: 0, currents: slots[i].currents, recorded: recorded)
      slots[i].events = events
    }
  }

  /// The recorded trace of one neuron's variable.
  public func trace(_ id: GroupID, variable: String, neuron: Int = 0) -> Trace? {
    let slot = slots[id.index]
    guard let neurons = slot.recorded[variable], let k = neurons.firstIndex(of: neuron),
      let samples = slot.recordings[variable], k < samples.count
    else { return nil }
    return Trace(start: Double(slot.recordingStart[variable] ?? slot.startStep) * dt, dt: dt, values: samples[k])
  }

  /// The times (s) at which a neuron fired: where it crossed threshold inside its step for models that find
  /// the crossing, else the end of the step.
  public func spikeTimes(_ id: GroupID, neuron: Int = 0) -> [Double] {
    let slot = slots[id.index]
    return slot.spikeNeurons.indices.filter { slot.spikeNeurons[$0] == neuron }.map { slot.spikeTime($0, dt: dt) }
  }

  /// The time (s) since a group's recording began.
  public func recordedDuration(_ id: GroupID) -> Double {
    Double(stepIndex - slots[id.index].startStep) * dt
  }
}
