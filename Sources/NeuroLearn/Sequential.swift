import NeuroEngine

/// A feed-forward network: layers one after the other, trained by backpropagation.
public struct Sequential: Sendable {
  public internal(set) var layers: [Dense]

  public init(layers: [Dense]) { self.layers = layers }

  public var inputCount: Int { layers.first?.inputs ?? 0 }
  public var outputCount: Int { layers.last?.units ?? 0 }
  public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

  /// The outputs for inputs (one sample a row), 1024 samples at a time.
  public func predict(_ x: Matrix) -> Matrix {
    guard x.rows > 1024 else { return activations(x).last ?? x }
    var values: [Double] = []
    values.reserveCapacity(x.rows * outputCount)
    for start in stride(from: 0, to: x.rows, by: 1024) {
      values += predict(x.rows(start..<min(x.rows, start + 1024))).values
    }
    return Matrix(rows: x.rows, columns: outputCount, values: values)
  }

  /// The input and each layer's activations for a batch.
  public func activations(_ x: Matrix) -> [Matrix] {
    var all = [x]
    for layer in layers { all.append(layer.forward(all[all.count - 1]).activations) }
    return all
  }

  /// The mean loss of a batch, the gradients of every layer's weights and biases, and the outputs.
  func gradients(_ x: Matrix, _ y: Matrix, loss: Loss) -> (
    loss: Double, layers: [(Matrix, [Double])], outputs: Matrix
  ) {
    let all = activations(x)
    let outputs = all[all.count - 1]
    // Sigmoid with binary cross-entropy and softmax with categorical cross-entropy give the sums the
    // gradient p − y (over the count the loss averages): exact, and alive where an output saturates.
    let last = layers.last?.activation
    let paired =
      (last == .sigmoid && loss == .binaryCrossentropy) || (last == .softmax && loss == .categoricalCrossentropy)
    var upstream = paired ? outputs : loss.gradient(outputs, y)
    if paired {
      let n = Double(loss == .binaryCrossentropy ? outputs.values.count : outputs.rows)
      for i in upstream.values.indices { upstream.values[i] = (outputs.values[i] - y.values[i]) / n }
    }
    var result: [(Matrix, [Double])] = []
    for l in layers.indices.reversed() {
      // The first layer's inputs are the data: no gradient is needed for them.
      let (w, b, input) = layers[l].backward(
        upstream, inputs: all[l], activations: all[l + 1], inputGradient: l > 0,
        ofSums: paired && l == layers.count - 1)
      result.append((w, b))
      if let input { upstream = input }
    }
    return (loss.value(outputs, y), result.reversed(), outputs)
  }

  /// One step of `optimizer` on one batch; the batch's loss and the outputs it was computed from.
  @discardableResult
  mutating func trainStep(_ x: Matrix, _ y: Matrix, loss: Loss, optimizer: Optimizer) -> (
    loss: Double, outputs: Matrix
  ) {
    let (value, grads, outputs) = gradients(x, y, loss: loss)
    for l in layers.indices {
      layers[l].apply(weightGradient: grads[l].0, biasGradient: grads[l].1, optimizer)
    }
    return (value, outputs)
  }
}
