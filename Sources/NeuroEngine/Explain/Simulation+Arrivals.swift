/// What arrived in a neuron's synaptic channels, from whom and when: the recorded spikes of every connection
/// into it, each through its synapse's weight and delay, and the events of the Poisson drives into it, drawn again
/// from their seeds. Nothing is kept while a run goes: it is all worked out afterwards, for `why`.
extension Simulation {
  /// Whose input an arrival is: a presynaptic neuron through a connection, or a drive.
  enum ArrivalKey: Hashable {
    case spike(ConnectionID, neuron: Int)
    case drive(DriveID)
  }

  /// The inputs of one key: the channel they go into, and each arrival's first step felt and amount.
  struct Arrivals {
    var channel: Int
    var steps: [Int] = []
    var amounts: [Double] = []
  }

  /// Every arrival into neuron `j` of a group felt from `earliest[c]` (by channel) up to before step `end`.
  func arrivals(into id: GroupID, neuron j: Int, earliest: [Int], before end: Int) -> [ArrivalKey: Arrivals] {
    var found: [ArrivalKey: Arrivals] = [:]
    for projection in projections where projection.post == id && projection.postRange.contains(j) {
      let c = projection.channel
      guard c < earliest.count else { continue }
      spikeArrivals(projection, into: j, from: earliest[c], before: end, &found)
    }
    for drive in drives where drive.target == id && drive.range.contains(j) && drive.channel < earliest.count {
      let events = driveEvents(drive, neuron: j, from: earliest[drive.channel], before: end)
      if !events.steps.isEmpty { found[.drive(drive.id)] = events }
    }
    return found
  }

  /// The spikes of a projection's presynaptic neurons onto `j` felt from `first` to before `end`: a spike
  /// recorded at step s through a synapse of d steps' delay is first felt in step s + d.
  private func spikeArrivals(
    _ projection: Projection, into j: Int, from first: Int, before end: Int, _ found: inout [ArrivalKey: Arrivals]
  ) {
    let slot = slots[projection.pre.index]
    let earliestSpike = first - projection.longestDelaySteps
    var (low, high) = (0, slot.spikeSteps.count)
    while low < high {  // the first spike recorded at or after earliestSpike (recorded in order)
      let middle = (low + high) / 2
      if slot.spikeSteps[middle] < earliestSpike { low = middle + 1 } else { high = middle }
    }
    for index in low..<slot.spikeSteps.count {
      let (step, i) = (slot.spikeSteps[index], slot.spikeNeurons[index])
      if step >= end { break }
      guard projection.preRange.contains(i) else { continue }
      let r = i - projection.preRange.lowerBound
      for s in projection.rowStart[r]..<projection.rowStart[r + 1] where Int(projection.targets[s]) == j {
        let arrival = step + (projection.synapseDelays.map { Int($0[s]) } ?? projection.delaySteps)
        guard arrival >= first, arrival < end else { continue }
        let key = ArrivalKey.spike(projection.id, neuron: i)
        found[key, default: Arrivals(channel: projection.channel)].steps.append(arrival)
        found[key]?.amounts.append(projection.weight(at: s))
      }
    }
  }

  /// A drive's events into neuron `j` felt from `first` to before `end`, drawn again from its seed: only the
  /// random stream of `j`'s block, from the drive's start.
  private func driveEvents(_ drive: PoissonDrive, neuron j: Int, from first: Int, before end: Int) -> Arrivals {
    var replay = drive
    let start = replay.startStep
    replay.reset()
    replay.startStep = start
    replay.prepare(dt: dt)
    var events = Arrivals(channel: drive.channel)
    guard replay.mean > 0 else { return events }
    let b = (j - drive.range.lowerBound) / PoissonDrive.blockSize, block = replay.neurons(ofBlock: b)
    var state = replay.blocks[b]
    var values = [Double](repeating: 0, count: block.upperBound)
    for k in (start + replay.delaySteps)..<max(start + replay.delaySteps, end) {
      values.withUnsafeMutableBufferPointer { buffer in
        for n in block { buffer[n] = 0 }
        replay.deliver(block: b, into: buffer, state: &state)
      }
      if k >= first, values[j] != 0 {
        events.steps.append(k)
        events.amounts.append(values[j])
      }
    }
    return events
  }
}
