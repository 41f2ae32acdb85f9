"""The engine's data rules (src/engine/data/preparedData.ts, batches.ts) for the shipped datasets.

Seeded training subset, seeded label noise (a uniform label, which may equal the true one), the fixed
test subset split seeded and stratified into validation + test, per-channel standardisation with the
statistics of the whole training split, and a seeded permutation per epoch with the last partial batch
kept. Arrays are NCHW float32 for torch.
"""

import gzip
import math
import os
import struct

import numpy as np

from seeded_random import SeededRandom, derive_seed

FIXTURE_SIZES = {"fashion-mnist-16": 16, "fashion-mnist-28": 28}


def js_round(x: float) -> int:
    """JavaScript's Math.round for x ≥ 0 (halves up; Python's round() rounds halves to even)."""
    return math.floor(x + 0.5)


def read_idx(path: str) -> np.ndarray:
    with gzip.open(path, "rb") as f:
        raw = f.read()
    if raw[0] != 0 or raw[1] != 0 or raw[2] != 0x08:
        raise ValueError(f"{path}: not a uint8 IDX file")
    rank = raw[3]
    dims = struct.unpack(">" + "I" * rank, raw[4 : 4 + 4 * rank])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


def load_fixture(fixtures_dir: str, name: str):
    if name not in FIXTURE_SIZES:
        raise ValueError(f"data.name: {name!r} is not replicated; allowed: {', '.join(FIXTURE_SIZES)}")
    folder = os.path.join(fixtures_dir, name)
    split = lambda prefix: (read_idx(os.path.join(folder, f"{prefix}-images-idx3-ubyte.gz")), read_idx(os.path.join(folder, f"{prefix}-labels-idx1-ubyte.gz")))
    return split("train"), split("t10k")


def channel_stats(images: np.ndarray):
    # the engine sums sequentially in float64: cumsum keeps that order
    v = images.reshape(-1).astype(np.float64) / 255
    n = v.size
    mean = np.cumsum(v)[-1] / n
    sq = np.cumsum(v * v)[-1] / n
    return mean, math.sqrt(max(1e-12, sq - mean * mean))


def gather(images, labels, indices, mean, std):
    x = ((images[indices].astype(np.float64) / 255 - mean) / std).astype(np.float32)
    return x[:, None, :, :], labels[indices].astype(np.int64)


def stratified_split(labels, count: int, first: int, rng: SeededRandom):
    by_class = {}
    for i in range(count):
        by_class.setdefault(int(labels[i]), []).append(i)
    classes = sorted(by_class)
    exact = [len(by_class[k]) * first / count for k in classes]
    quota = [math.floor(e) for e in exact]
    order = sorted(range(len(classes)), key=lambda i: (-(exact[i] - math.floor(exact[i])), i))
    r = 0
    while sum(quota) < first:
        quota[order[r]] += 1
        r += 1
    chosen, rest = [], []
    for i, k in enumerate(classes):
        members = rng.shuffle(list(by_class[k]))
        chosen += members[: quota[i]]
        rest += members[quota[i] :]
    return sorted(chosen), sorted(rest)


def prepare_data(fixtures_dir: str, config: dict, seed: int) -> dict:
    for field in ("augment", "normalization", "cifarRecordsPerFile"):
        if config.get(field) not in (None, False, "dataset"):
            raise ValueError(f"data.{field}: {config[field]!r} is not replicated; the replica covers the shipped datasets without augmentation")
    (train_images, train_labels), (test_images, test_labels) = load_fixture(fixtures_dir, config["name"])
    train_size = config.get("trainSize", len(train_labels))
    test_size = config.get("testSize", len(test_labels))
    label_noise = config.get("labelNoise", 0)
    validation_size = config.get("validationSize", 0)
    mean, std = channel_stats(train_images)
    subset = sorted(SeededRandom(derive_seed(seed, "train-subset")).permutation(len(train_labels))[:train_size])
    train_x, train_y = gather(train_images, train_labels, subset, mean, std)
    noise = SeededRandom(derive_seed(seed, "label-noise"))
    noisy = sorted(noise.permutation(train_size)[: js_round(label_noise * train_size)])
    for i in noisy:
        train_y[i] = noise.int(10)
    data = {"train": (train_x, train_y), "noisy": noisy}
    if validation_size > 0:
        val, rest = stratified_split(test_labels, test_size, validation_size, SeededRandom(derive_seed(seed, "validation-split")))
        data["validation"] = gather(test_images, test_labels, val, mean, std)
        data["test"] = gather(test_images, test_labels, rest, mean, std)
    else:
        data["test"] = gather(test_images, test_labels, list(range(test_size)), mean, std)
    return data


def epoch_order(count: int, seed: int, epoch: int) -> list:
    return SeededRandom(derive_seed(seed, f"order:{epoch}")).permutation(count)


def digest(fixtures_dir: str, config: dict, seed: int) -> dict:
    """What the engine's data test compares: labels, noisy indices, epoch orders and SHA-256 of the standardised pixels."""
    import hashlib

    data = prepare_data(fixtures_dir, config, seed)
    out = {"noisy": data["noisy"], "order": {str(e): epoch_order(len(data["train"][1]), seed, e) for e in (0, 7)}}
    for split in ("train", "validation", "test"):
        if split in data:
            x, y = data[split]
            out[split] = {"labels": y.tolist(), "sha256": hashlib.sha256(x.transpose(0, 2, 3, 1).tobytes()).hexdigest()}
    return out


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(digest(sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3]))))
