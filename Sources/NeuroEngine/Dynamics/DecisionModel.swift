#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The reduced two-variable decision model of Wong & Wang (2006): two populations whose NMDA gating
/// variables S₁, S₂ excite themselves and inhibit each other; the first whose rate reaches the threshold
/// chooses. Values in SI units (A, Hz, s; the paper's nA are 1e-9 A).
public struct DecisionModel: Sendable, Equatable {
  /// Gain of the input–output function (Hz/A: the paper's 270 Hz/nA).
  public var a = 270e9
  /// Offset of the input–output function (Hz).
  public var b = 108.0
  /// Curvature of the input–output function (s).
  public var d = 0.154
  public var gamma = 0.641
  /// Decay of the NMDA gating variables (s).
  public var tauS = 0.100
  /// Self-excitation (A).
  public var selfCoupling = 0.2609e-9
  /// Cross-inhibition (A; it enters with a minus sign).
  public var crossCoupling = 0.0497e-9
  /// Background input (A).
  public var background = 0.3255e-9
  /// Strength of the stimulus input per Hz of stimulus (A/Hz).
  public var stimulusGain = 5.2e-13
  /// The stimulus rate at zero coherence (Hz).
  public var mu0 = 30.0
  /// Noise amplitude (A) and its time constant (s): an Ornstein–Uhlenbeck current in each population.
  public var noise = 0.02e-9
  public var tauNoise = 0.002
  /// The rate at which a choice is made (Hz).
  public var threshold = 15.0
  /// Where both gating variables start.
  public var initialS = 0.1
  /// Integration step (s; the world's, in the language) and the longest a trial lasts before it counts as
  /// undecided (s).
  public var dt = 1e-4
  public var maxTime = 2.0

  public init() {}

  /// The population rate (Hz) for a total input x (A): (a x − b) / (1 − exp(−d (a x − b))).
  @inline(__always)
  public func rate(_ x: Double) -> Double {
    let u = a * x - b
    if abs(u) < 1e-9 { return 1 / d }
    return u / (1 - exp(-d * u))
  }

  /// The stimulus inputs (A) at a coherence (%): J_A,ext μ₀ (1 ± c/100).
  public func stimulus(coherence: Double) -> (Double, Double) {
    (stimulusGain * mu0 * (1 + coherence / 100), stimulusGain * mu0 * (1 - coherence / 100))
  }

  /// dS/dt of both populations (per second) for given gating values, stimulus and noise currents.
  @inline(__always)
  func derivatives(_ s1: Double, _ s2: Double, inputs: (Double, Double), noise: (Double, Double))
    -> (Double, Double, r1: Double, r2: Double)
  {
    let x1 = selfCoupling * s1 - crossCoupling * s2 + background + inputs.0 + noise.0
    let x2 = selfCoupling * s2 - crossCoupling * s1 + background + inputs.1 + noise.1
    let (r1, r2) = (rate(x1), rate(x2))
    return (-s1 / tauS + (1 - s1) * gamma * r1, -s2 / tauS + (1 - s2) * gamma * r2, r1, r2)
  }

  /// The noiseless flow in the (S₁, S₂) plane at a coherence, for phase planes.
  public func flow(coherence: Double) -> PlanarSystem {
    let inputs = stimulus(coherence: coherence), model = self
    return PlanarSystem { s1, s2 in
      let f = model.derivatives(s1, s2, inputs: inputs, noise: (0, 0))
      return (f.0, f.1)
    }
  }
}

/// The state of one decision circuit: both gating variables and both noise currents.
public struct DecisionState: Sendable, Equatable {
  public var s1: Double
  public var s2: Double
  public var noise1 = 0.0
  public var noise2 = 0.0
}

extension DecisionModel {
  /// A circuit at its starting point.
  public var start: DecisionState { DecisionState(s1: initialS, s2: initialS) }

  /// Both rates (Hz) in a state under a stimulus.
  public func rates(_ state: DecisionState, inputs: (Double, Double)) -> (Double, Double) {
    let f = derivatives(state.s1, state.s2, inputs: inputs, noise: (state.noise1, state.noise2))
    return (f.r1, f.r2)
  }

  /// Advances a circuit by one step of Euler–Maruyama, as the paper integrates it: S₁, S₂ (kept within
  /// [0, 1]) and the noise, n ← n − n·dt/τ + σ √(dt/τ) · N(0, 1) (a step well below τ_noise keeps it right).
  @inline(__always)
  public func advance(_ state: inout DecisionState, inputs: (Double, Double), random: inout RandomSource) {
    advance(
      &state, by: derivatives(state.s1, state.s2, inputs: inputs, noise: (state.noise1, state.noise2)), random: &random)
  }

  /// The same step with the state's derivatives already computed.
  @inline(__always)
  func advance(
    _ state: inout DecisionState, by f: (Double, Double, r1: Double, r2: Double), random: inout RandomSource
  ) {
    state.s1 = min(1, max(0, state.s1 + dt * f.0))
    state.s2 = min(1, max(0, state.s2 + dt * f.1))
    let leak = dt / tauNoise, kick = noise * leak.squareRoot()
    state.noise1 += -state.noise1 * leak + kick * random.normal()
    state.noise2 += -state.noise2 * leak + kick * random.normal()
  }

  /// Runs one trial at a coherence (%) with its own random stream: the population whose rate reaches the
  /// threshold first (1 or 2) and when (s); nil when neither does within `maxTime`.
  public func trial(coherence: Double, seed: UInt64) -> (choice: Int, time: Double)? {
    var random = RandomSource(seed: seed)
    let inputs = stimulus(coherence: coherence)
    var state = start
    let steps = Int(clampingToSteps: (maxTime / dt).rounded())
    for step in 0..<steps {
      let f = derivatives(state.s1, state.s2, inputs: inputs, noise: (state.noise1, state.noise2))
      if f.r1 >= threshold || f.r2 >= threshold { return (f.r1 >= f.r2 ? 1 : 2, Double(step) * dt) }
      advance(&state, by: f, random: &random)
    }
    return nil
  }

  /// What many trials at one coherence gave.
  public struct Summary: Sendable, Equatable {
    public var coherence: Double
    public var trials: Int
    /// Trials that chose the population the stimulus favours (1 for a coherence ≥ 0, 2 below), and that
    /// chose at all.
    public var correct: Int
    public var decided: Int
    /// Mean and standard deviation of the reaction times of the correct trials (s); NaN without any.
    public var meanReactionTime: Double
    public var reactionTimeSD: Double

    /// The fraction of decided trials that chose correctly (at 0 %, where neither is: population 1).
    public var accuracy: Double { decided > 0 ? Double(correct) / Double(decided) : .nan }
  }

  /// `trials` trials at each coherence; trial k at coherence c draws from its own stream, so each result
  /// depends only on the seed, the coherence and the trial's number (not on the other coherences).
  /// `shouldStop` is asked before each trial; nil when it said yes.
  public func experiment(coherences: [Double], trials: Int, seed: UInt64, shouldStop: () -> Bool = { false })
    -> [Summary]?
  {
    var summaries: [Summary] = []
    for coherence in coherences {
      var times: [Double] = []
      var (correct, decided) = (0, 0)
      let favoured = coherence >= 0 ? 1 : 2
      for k in 0..<trials {
        if shouldStop() { return nil }
        let trialSeed = seed &* 0x9E37_79B9_7F4A_7C15 &+ (coherence + 0).bitPattern &* 1_000_003 &+ UInt64(k)
        guard let outcome = trial(coherence: coherence, seed: trialSeed) else { continue }
        decided += 1
        if outcome.choice == favoured {
          correct += 1
          times.append(outcome.time)
        }
      }
      let mean = times.isEmpty ? .nan : times.reduce(0, +) / Double(times.count)
      let variance =
        times.count > 1 ? times.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(times.count - 1) : .nan
      summaries.append(
        Summary(
          coherence: coherence, trials: trials, correct: correct, decided: decided, meanReactionTime: mean,
          reactionTimeSD: variance.squareRoot()))
    }
    return summaries
  }
}
