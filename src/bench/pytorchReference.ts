import { execFileSync } from 'node:child_process';
import { scaleWidth, vggMiniLayout } from '../engine/models/vgg.js';
import type { BenchCase } from './benchCases.js';

/** The same nets and training step in PyTorch (CPU), for side-by-side ratios. Never required. */
const script = String.raw`
import sys, time, json, torch, torch.nn as nn
layout, h, w, c, threads, seconds, warmup = json.loads(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]), float(sys.argv[7])
torch.set_num_threads(threads); torch.manual_seed(1)
layers, ch = [], c
for item in layout:
    if item == 'M': layers.append(nn.MaxPool2d(2)); continue
    layers += [nn.Conv2d(ch, item, 3, padding=1, bias=False), nn.BatchNorm2d(item), nn.ReLU()]; ch = item
net = nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(ch, 10))
opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
x, y = torch.randn(64, c, h, w), torch.randint(0, 10, (64,))
def step():
    opt.zero_grad(); loss = nn.functional.cross_entropy(net(x), y); loss.backward(); opt.step()
step(); step(); t = time.time()
while time.time() - t < warmup: step()
n = 0; t = time.time()
while time.time() - t < seconds: step(); n += 1
print(json.dumps({"examplesPerSecond": n * 64 / (time.time() - t)}))
`;

/** The Python that has torch, if any (Debian's python3-torch installs for /usr/bin/python3). */
export function findTorchPython(): string | undefined {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(python, ['-c', 'import torch'], { stdio: 'ignore' });
      return python;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** Measures PyTorch's CPU throughput on a bench case with `threads` threads, after `warmupSeconds` of training. */
export function measurePytorch(python: string, benchCase: BenchCase, threads: number, seconds: number, warmupSeconds: number): number {
  const widthMultiplier = benchCase.modelConfig.widthMultiplier ?? 1;
  const layout = (benchCase.modelConfig.layout ?? vggMiniLayout).map((item) => (item === 'M' ? item : scaleWidth(item, widthMultiplier)));
  const [h, w, c] = benchCase.input;
  const out = execFileSync(
    python,
    ['-c', script, JSON.stringify(layout), String(h), String(w), String(c), String(threads), String(seconds), String(warmupSeconds)],
    { encoding: 'utf8' },
  );
  return (JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { examplesPerSecond: number }).examplesPerSecond;
}
