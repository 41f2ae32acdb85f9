"""The engine's seeded random streams (src/primitives/seededRandom.ts), bit for bit.

SplitMix32-style mixing over a 32-bit state; `derive_seed` is FNV-1a over the purpose mixed with the
run seed. The replica draws the data subset, the label noise, the validation split, the epoch order and
Prune_R's choices from the same streams as the engine, so a seed means the same data in both.
Weight initialisation is NOT drawn from here: it uses torch's own generator (an independent init).
"""

import math

MASK = 0xFFFFFFFF


def _imul(a: int, b: int) -> int:
    return (a * b) & MASK


class SeededRandom:
    def __init__(self, seed: int):
        self.state = seed & MASK

    def next_uint32(self) -> int:
        self.state = (self.state + 0x9E3779B9) & MASK
        z = self.state
        z = _imul(z ^ (z >> 16), 0x85EBCA6B)
        z = _imul(z ^ (z >> 13), 0xC2B2AE35)
        return (z ^ (z >> 16)) & MASK

    def next(self) -> float:
        return self.next_uint32() / 4294967296

    def int(self, n: int) -> int:
        return math.floor(self.next() * n)

    def shuffle(self, items: list) -> list:
        for i in range(len(items) - 1, 0, -1):
            j = self.int(i + 1)
            items[i], items[j] = items[j], items[i]
        return items

    def permutation(self, n: int) -> list:
        return self.shuffle(list(range(n)))


def derive_seed(seed: int, purpose: str) -> int:
    h = 0x811C9DC5 ^ (seed & MASK)
    for ch in purpose:
        h ^= ord(ch)
        h = _imul(h, 0x01000193)
    return SeededRandom(h).next_uint32() & 0x7FFFFFFF
