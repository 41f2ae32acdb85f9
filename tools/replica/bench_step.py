"""Training throughput of a bench net in PyTorch (CPU), for `npm run bench -- --compare-pytorch`.

argv: layout (JSON list of conv widths and "M"), height, width, channels, threads, seconds, warm-up
seconds. The net is the engine's VGG family (conv 3×3 no bias → BN → ReLU, global average pool, linear
head), trained with SGD on one fixed random batch of 64. Prints {"examplesPerSecond": ...}.
"""

import json
import sys
import time

import torch
import torch.nn as nn


def main() -> None:
    layout = json.loads(sys.argv[1])
    h, w, c, threads = (int(v) for v in sys.argv[2:6])
    seconds, warmup = float(sys.argv[6]), float(sys.argv[7])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    layers, channels = [], c
    for item in layout:
        if item == "M":
            layers.append(nn.MaxPool2d(2))
            continue
        layers += [nn.Conv2d(channels, item, 3, padding=1, bias=False), nn.BatchNorm2d(item), nn.ReLU()]
        channels = item
    net = nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(channels, 10))
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
    x, y = torch.randn(64, c, h, w), torch.randint(0, 10, (64,))

    def step() -> None:
        optimizer.zero_grad()
        nn.functional.cross_entropy(net(x), y).backward()
        optimizer.step()

    step()
    step()
    began = time.time()
    while time.time() - began < warmup:
        step()
    steps, began = 0, time.time()
    while time.time() - began < seconds:
        step()
        steps += 1
    print(json.dumps({"examplesPerSecond": steps * 64 / (time.time() - began)}))


if __name__ == "__main__":
    main()
