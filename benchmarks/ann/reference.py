"""The artificial-neural-network benchmark's reference: the same fits in plain numpy (float64,
one thread), and in Keras 3 or PyTorch when they are installed.

digits: 64-64-10 (ReLU, softmax), Adam (Keras defaults), batch 32, 20 epochs, 80/20 stratified split,
        features standardised with the training statistics.
article: Dense(32, relu, input_dim=10), Dense(1, sigmoid), binary cross-entropy, Adam, 10 epochs,
        batch 32, on 100 random samples with random labels.
Prints one line per framework: RESULT {json} with fit_s (the training loop) and accuracy.
usage: python reference.py DIGITS_CSV
"""
import json
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402


def load(path):
    raw = np.loadtxt(path, delimiter=",", skiprows=1)
    return raw[:, :-1], raw[:, -1].astype(int)


def split(x, y, rng, test=0.2):
    train, held = [], []
    for c in np.unique(y):
        idx = rng.permutation(np.where(y == c)[0])
        k = int(round(len(idx) * test))
        held += list(idx[:k])
        train += list(idx[k:])
    train, held = rng.permutation(train), rng.permutation(held)
    mean, sd = x[train].mean(0), x[train].std(0)
    sd[sd == 0] = 1
    return (x[train] - mean) / sd, y[train], (x[held] - mean) / sd, y[held]


def numpy_fit(x, y, classes, hidden, epochs, rng):
    n, d = x.shape
    out = classes if classes > 2 else 1
    lim1, lim2 = np.sqrt(6 / (d + hidden)), np.sqrt(6 / (hidden + out))
    params = [rng.uniform(-lim1, lim1, (d, hidden)), np.zeros(hidden),
              rng.uniform(-lim2, lim2, (hidden, out)), np.zeros(out)]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    target = np.eye(classes)[y] if out > 1 else y[:, None].astype(float)
    t = 0
    for _ in range(epochs):
        order = rng.permutation(n)
        for b in range(0, n, 32):
            i = order[b:b + 32]
            xb, yb = x[i], target[i]
            z1 = xb @ params[0] + params[1]
            a1 = np.maximum(z1, 0)
            z2 = a1 @ params[2] + params[3]
            if out > 1:
                e = np.exp(z2 - z2.max(1, keepdims=True))
                p = e / e.sum(1, keepdims=True)
            else:
                p = 1 / (1 + np.exp(-z2))
            g2 = (p - yb) / len(i)
            grads = [None, None, a1.T @ g2, g2.sum(0)]
            g1 = (g2 @ params[2].T) * (z1 > 0)
            grads[0], grads[1] = xb.T @ g1, g1.sum(0)
            t += 1
            step = 0.001 * np.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t)
            for k in range(4):
                m[k] = 0.9 * m[k] + 0.1 * grads[k]
                v[k] = 0.999 * v[k] + 0.001 * grads[k] ** 2
                params[k] -= step * m[k] / (np.sqrt(v[k]) + 1e-7)
    return params


def numpy_accuracy(params, x, y):
    a1 = np.maximum(x @ params[0] + params[1], 0)
    z2 = a1 @ params[2] + params[3]
    pred = z2.argmax(1) if z2.shape[1] > 1 else (z2[:, 0] > 0).astype(int)
    return float((pred == y).mean())


rng = np.random.default_rng(1)
xd, yd = load(sys.argv[1])
xtr, ytr, xte, yte = split(xd, yd, rng)
start = time.perf_counter()
params = numpy_fit(xtr, ytr, 10, 64, 20, rng)
fit = time.perf_counter() - start
print("RESULT " + json.dumps({"framework": "numpy", "case": "digits", "fit_s": round(fit, 4),
                              "accuracy": round(numpy_accuracy(params, xte, yte), 4)}))
xa, ya = rng.random((100, 10)), rng.integers(0, 2, 100)
start = time.perf_counter()
numpy_fit(xa, ya, 2, 32, 10, rng)
print("RESULT " + json.dumps({"framework": "numpy", "case": "article", "fit_s": round(time.perf_counter() - start, 4)}))

try:
    import torch  # noqa: E402
    torch.set_num_threads(1)
    torch.manual_seed(1)
    net = torch.nn.Sequential(torch.nn.Linear(64, 64), torch.nn.ReLU(), torch.nn.Linear(64, 10))
    opt = torch.optim.Adam(net.parameters(), lr=0.001, eps=1e-7)
    xt, yt = torch.tensor(xtr, dtype=torch.float32), torch.tensor(ytr)
    start = time.perf_counter()
    for _ in range(20):
        order = torch.randperm(len(xt))
        for b in range(0, len(xt), 32):
            i = order[b:b + 32]
            opt.zero_grad()
            torch.nn.functional.cross_entropy(net(xt[i]), yt[i]).backward()
            opt.step()
    fit = time.perf_counter() - start
    acc = float((net(torch.tensor(xte, dtype=torch.float32)).argmax(1).numpy() == yte).mean())
    print("RESULT " + json.dumps({"framework": "pytorch", "case": "digits", "fit_s": round(fit, 4), "accuracy": round(acc, 4)}))
except ImportError:
    pass

try:
    import keras  # noqa: E402
    model = keras.Sequential([keras.Input((64,)), keras.layers.Dense(64, activation="relu"),
                              keras.layers.Dense(10, activation="softmax")])
    model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    start = time.perf_counter()
    model.fit(xtr, ytr, epochs=20, batch_size=32, verbose=0)
    fit = time.perf_counter() - start
    acc = float(model.evaluate(xte, yte, verbose=0)[1])
    print("RESULT " + json.dumps({"framework": "keras", "case": "digits", "fit_s": round(fit, 4), "accuracy": round(acc, 4)}))
except ImportError:
    pass
