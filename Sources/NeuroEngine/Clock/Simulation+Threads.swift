/// A run shared among threads: each large group's neurons split into one range per thread, for its
/// step and for the spikes delivered onto it. Every neuron and synapse is computed with the same
/// numbers in the same order whatever the split, so the spikes are those of one thread.
///
/// The spikes due onto a shared group at the end of a step are delivered by the threads at the start
/// of its next step, in the same pass as the step: nothing reads the channels in between (recording
/// comes before delivery), and the last ones are delivered when the run ends.
extension Simulation {
  /// The projections onto one group whose delivery the threads share.
  struct SharedDelivery {
    let group: Int
    let projections: [Int]
  }

  /// The pool for a run: nil when one thread is asked for or no group is large enough to share.
  func workerPool() -> WorkerPool? {
    guard threads > 1, slots.contains(where: { $0.group.count >= WorkerPool.smallestSharedGroup }) else {
      return nil
    }
    if let (requested, existing) = pool, requested == threads { return existing }
    let made = WorkerPool(threads: threads)
    pool = (threads, made)
    return made
  }

  /// The groups whose incoming spikes the threads deliver: large ones without scheduled events that give
  /// their channels at once, every projection onto them plain (no plasticity, no per-synapse delays).
  func sharedDeliveries(_ pool: WorkerPool, eventsByStep: [[Int: [(String, Double)]]]) -> [SharedDelivery] {
    var deliveries: [SharedDelivery] = []
    for g in slots.indices where slots[g].group.count >= WorkerPool.smallestSharedGroup && eventsByStep[g].isEmpty {
      let incoming = projections.indices.filter { projections[$0].post.index == g }
      guard !incoming.isEmpty,
        incoming.allSatisfy({
          projections[$0].synapseDelays == nil && projections[$0].plastic == nil
            && slots[g].group.channelKind(projections[$0].channel) != .rate
        }),
        slots[g].group.withChannelValues({ _ in })
      else { continue }
      deliveries.append(SharedDelivery(group: g, projections: incoming))
    }
    return deliveries
  }

  /// The spikes due onto a shared group now, by projection, in their order, into `work` (emptied first,
  /// its storage kept from step to step).
  func due(
    _ delivery: SharedDelivery, firedByGroup: [[Int]], step k: Int, into work: inout [(projection: Int, due: [Int])]
  ) {
    work.removeAll(keepingCapacity: true)
    for p in delivery.projections {
      let due = projections[p].due(firedByGroup[projections[p].pre.index], step: k)
      if !due.isEmpty { work.append((p, due)) }
    }
  }

  /// Steps a group with the pool, the threads first delivering the spikes waiting for it.
  func step(
    group g: Int, input: UnsafeBufferPointer<Double>, spikes: inout [Int],
    receiving work: [(projection: Int, due: [Int])],
    pool: WorkerPool
  ) {
    guard !work.isEmpty else { return slots[g].group.step(input: input, spikes: &spikes, pool: pool, receiving: nil) }
    projections.withUnsafeBufferPointer { projections in
      slots[g].group.step(input: input, spikes: &spikes, pool: pool) { range, channels in
        Self.deliver(work, through: projections, into: channels, within: range)
      }
    }
  }

  /// Delivers spikes waiting for a group when the run ends, the threads sharing its neurons.
  func receive(_ work: [(projection: Int, due: [Int])], group g: Int, pool: WorkerPool) {
    let count = slots[g].group.count
    projections.withUnsafeBufferPointer { projections in
      _ = slots[g].group.withChannelValues { channels in
        pool.run { part in
          Self.deliver(work, through: projections, into: channels, within: pool.range(part: part, count: count))
        }
      }
    }
  }

  /// Adds the spikes of `work` onto the neurons `range` of a group, the projections in their order.
  private static func deliver(
    _ work: [(projection: Int, due: [Int])], through projections: UnsafeBufferPointer<Projection>,
    into channels: UnsafeBufferPointer<UnsafeMutableBufferPointer<Double>>, within range: Range<Int>
  ) {
    for (p, due) in work { projections[p].deliver(due, into: channels[projections[p].channel], within: range) }
  }
}
