import NeuroEngine

/// A feed-forward network: layers one after the other, trained by backpropagation.
public struct Sequential: Sendable {
  public internal(set) var layers: [Dense]

  public init(layers: [Dense]) { self.layers = layers }

  public var inputCount: Int { layers.first?.inputs ?? 0 }
  public var outputCount: Int { layers.last?.units ?? 0 }
  public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

  /// The outputs for a batch of inputs (one sample a row).
  public func predict(_ x: Matrix) -> Matrix { activations(x).last ?? x }

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
    var upstream = loss.gradient(outputs, y)
    var result: [(Matrix, [Double])] = []
    for l in layers.indices.reversed() {
      // The first layer's inputs are the data: no gradient is needed for them.
      let (w, b, input) = layers[l].backward(upstream, inputs: all[l], activations: all[l + 1], inputGradient: l > 0)
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
