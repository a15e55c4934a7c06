/// Independent Poisson drives (`PoissonDrive`): adding, listing and removing them, and delivering them
/// each step before the groups step.
extension Simulation {
  /// Drives the neurons `range` of a group with independent Poisson events into a channel; nil when the
  /// group's model takes no synapses.
  public func addDrive(
    target: GroupID, range: Range<Int>, channel: SynapticChannel, sources: Int, rate: Double, weight: Double,
    delay: Double, seed: UInt64
  ) -> DriveID? {
    var index: Int?
    modify(target) { index = $0.addChannel(channel) }
    guard let index else { return nil }
    var drive = PoissonDrive(
      target: target, range: range, channel: index, sources: sources, rate: rate, weight: weight, delay: delay,
      seed: seed, startStep: stepIndex)
    drive.id = DriveID(index: drivesMade)
    drivesMade += 1
    drives.append(drive)
    return drive.id
  }

  /// Every drive, in the order they were added.
  public var allDrives: [PoissonDrive] { drives }

  /// Takes a drive out; its channel stays on the target, idle.
  public func removeDrive(_ id: DriveID) {
    drives.removeAll { $0.id == id }
  }

  /// Takes out the drives into a group; how many went.
  func removeDrives(into group: GroupID) -> Int {
    let before = drives.count
    drives.removeAll { $0.target == group }
    return before - drives.count
  }

  func prepareDrives() {
    for d in drives.indices { drives[d].prepare(dt: dt) }
  }

  /// Adds this step's events of every drive into its target's channel.
  func deliverDrives(step: Int) {
    for d in drives.indices {
      let channel = drives[d].channel
      modify(drives[d].target) { group in
        group.accumulate(channel: channel) { self.drives[d].deliver(step: step, into: $0) }
      }
    }
  }

  func resetDrives() {
    for d in drives.indices { drives[d].reset() }
  }
}
