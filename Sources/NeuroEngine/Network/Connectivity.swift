/// Questions about the synapses of a network: degrees, weight matrices, mean weights.
extension Projection {
  /// The mean weight of its synapses (the one weight when all share it).
  public var meanWeight: Double {
    guard let weights else { return weight }
    return weights.isEmpty ? 0 : weights.reduce(0) { $0 + Double($1) } / Double(weights.count)
  }

  /// The number of its synapses onto each neuron of `range` of the post group.
  public func inDegrees(of range: Range<Int>) -> [Int] {
    var counts = [Int](repeating: 0, count: range.count)
    for target in targets where range.contains(Int(target)) { counts[Int(target) - range.lowerBound] += 1 }
    return counts
  }

  /// The number of its synapses from each neuron of `range` of the pre group.
  public func outDegrees(of range: Range<Int>) -> [Int] {
    var counts = [Int](repeating: 0, count: range.count)
    for i in range where preRange.contains(i) {
      let row = i - preRange.lowerBound
      counts[i - range.lowerBound] = rowStart[row + 1] - rowStart[row]
    }
    return counts
  }

  /// Adds the weight of each synapse from `pre` to `post` (neuron ranges of its groups) into
  /// `matrix[i - pre.lowerBound][j - post.lowerBound]`.
  func addWeights(from pre: Range<Int>, to post: Range<Int>, into matrix: inout [[Double]]) {
    for i in pre where preRange.contains(i) {
      let row = i - preRange.lowerBound
      for s in rowStart[row]..<rowStart[row + 1] {
        let j = Int(targets[s])
        guard post.contains(j) else { continue }
        matrix[i - pre.lowerBound][j - post.lowerBound] += weights.map { Double($0[s]) } ?? weight
      }
    }
  }
}

extension Simulation {
  /// How many synapses reach each neuron of `range` of a group, over every projection.
  public func inDegrees(of group: GroupID, _ range: Range<Int>) -> [Int] {
    allProjections.filter { $0.post == group }.reduce(into: [Int](repeating: 0, count: range.count)) { total, p in
      for (k, n) in p.inDegrees(of: range).enumerated() { total[k] += n }
    }
  }

  /// How many synapses leave each neuron of `range` of a group, over every projection.
  public func outDegrees(of group: GroupID, _ range: Range<Int>) -> [Int] {
    allProjections.filter { $0.pre == group }.reduce(into: [Int](repeating: 0, count: range.count)) { total, p in
      for (k, n) in p.outDegrees(of: range).enumerated() { total[k] += n }
    }
  }

  /// The summed weights from each neuron of `preRange` (rows) to each of `postRange` (columns), over
  /// every projection between the two groups, and the channel kind of the first such projection.
  public func weightMatrix(from pre: GroupID, _ preRange: Range<Int>, to post: GroupID, _ postRange: Range<Int>)
    -> (weights: [[Double]], kind: SynapticChannel.Kind?)
  {
    var matrix = [[Double]](repeating: [Double](repeating: 0, count: postRange.count), count: preRange.count)
    let between = allProjections.filter { $0.pre == pre && $0.post == post }
    for projection in between { projection.addWeights(from: preRange, to: postRange, into: &matrix) }
    return (matrix, between.first.flatMap(channelKind(of:)))
  }

  /// The kind of channel a projection feeds (what its weights are), or nil when its group has none.
  public func channelKind(of projection: Projection) -> SynapticChannel.Kind? {
    group(projection.post).channelKind(projection.channel)
  }

  /// Whether any projection delivers onto a group.
  public func receivesSynapses(_ group: GroupID) -> Bool {
    allProjections.contains { $0.post == group }
  }
}
