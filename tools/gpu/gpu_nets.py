"""PyTorch fp32 eager training throughput of the paper's nets, for `npm run gpu:profile`.

argv: device (cuda or cpu), batch, seconds. The nets are the engine's: VGG11-BN (conv 3×3 without bias
→ BN → ReLU, max-pools, global average pool, linear head) and the CIFAR ResNet18 (3×3 stem, basic
blocks with strides 1, 2, 2, 2 and 1×1 projection shortcuts), on 32×32×3 inputs, trained with SGD
(momentum 0.9) on one fixed random batch. Prints one JSON object: torch version, device, and training
examples per second per net.
"""

import json
import sys
import time

import torch
import torch.nn as nn

VGG11 = [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"]


def conv_bn(cin: int, cout: int, size: int = 3, stride: int = 1) -> list:
    return [nn.Conv2d(cin, cout, size, stride=stride, padding=size // 2, bias=False), nn.BatchNorm2d(cout)]


def vgg11() -> nn.Module:
    layers, channels = [], 3
    for item in VGG11:
        if item == "M":
            layers.append(nn.MaxPool2d(2))
        else:
            layers += [*conv_bn(channels, item), nn.ReLU()]
            channels = item
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(channels, 10))


class Block(nn.Module):
    def __init__(self, cin: int, cout: int, stride: int) -> None:
        super().__init__()
        self.body = nn.Sequential(*conv_bn(cin, cout, 3, stride), nn.ReLU(), *conv_bn(cout, cout))
        self.shortcut = nn.Sequential(*conv_bn(cin, cout, 1, stride)) if stride != 1 or cin != cout else nn.Identity()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.relu(self.body(x) + self.shortcut(x))


def resnet18() -> nn.Module:
    layers, channels = [*conv_bn(3, 64), nn.ReLU()], 64
    for stage, width in enumerate([64, 128, 256, 512]):
        for block in range(2):
            layers.append(Block(channels, width, 2 if stage > 0 and block == 0 else 1))
            channels = width
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(channels, 10))


def examples_per_second(net: nn.Module, device: str, batch: int, seconds: float) -> float:
    torch.manual_seed(1)
    net = net.to(device)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
    x = torch.randn(batch, 3, 32, 32, device=device)
    y = torch.randint(0, 10, (batch,), device=device)

    def step() -> None:
        optimizer.zero_grad()
        nn.functional.cross_entropy(net(x), y).backward()
        optimizer.step()

    sync = torch.cuda.synchronize if device == "cuda" else (lambda: None)
    for _ in range(3):
        step()
    sync()
    steps, began = 0, time.time()
    while time.time() - began < seconds or steps < 3:
        step()
        steps += 1
        if steps % 10 == 0:
            sync()
    sync()
    return batch * steps / (time.time() - began)


def main() -> None:
    device, batch, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    if device == "cuda" and not torch.cuda.is_available():
        raise SystemExit("gpu_nets.py: torch has no CUDA device here")
    name = torch.cuda.get_device_name() if device == "cuda" else "cpu"
    rates = {net: examples_per_second(build(), device, batch, seconds) for net, build in (("vgg11", vgg11), ("resnet18", resnet18))}
    print(json.dumps({"torch": torch.__version__, "device": name, "batch": batch, "examplesPerSecond": rates}))


if __name__ == "__main__":
    main()
