"""Reference trajectories of torch.optim.Adam, torch.optim.SGD (momentum, weight decay) and MultiStepLR.

Run once with Debian's PyTorch (`/usr/bin/python3 tools/reference/optimizers.py`, python3-torch
1.13); the printed values are pinned in specs/engine/optimizers.test.ts. Nothing in `npm test` runs it.
Gradients are a fixed sequence (not of the loss), so the trajectories test the update rules alone;
weight decay is added to them by the optimizer, as torch does.
"""
import torch

torch.set_printoptions(precision=10)
w0 = [0.5, -1.25, 2.0, 0.0, -0.3, 1.1]
grads = [
    [0.1, -0.2, 0.3, 0.05, -0.4, 0.0],
    [-0.3, 0.1, 0.2, -0.05, 0.2, 0.7],
    [0.0, 0.4, -0.1, 0.3, 0.1, -0.2],
    [0.25, -0.15, 0.05, 0.0, -0.35, 0.45],
    [-0.1, 0.3, -0.3, 0.2, 0.0, -0.6],
    [0.2, 0.0, 0.1, -0.25, 0.3, 0.15],
]


def trajectory(make, milestones=None, gamma=0.1):
    w = torch.tensor(w0, dtype=torch.float32, requires_grad=True)
    opt = make([w])
    sched = torch.optim.lr_scheduler.MultiStepLR(opt, milestones=milestones, gamma=gamma) if milestones else None
    out = []
    for g in grads:
        opt.zero_grad()
        w.grad = torch.tensor(g, dtype=torch.float32)
        opt.step()
        if sched:
            sched.step()
        out.append([float(x) for x in w.detach()])
    return out


cases = {
    "adam": trajectory(lambda p: torch.optim.Adam(p, lr=1e-3)),
    "adam_wd": trajectory(lambda p: torch.optim.Adam(p, lr=1e-2, weight_decay=1e-2, betas=(0.8, 0.99), eps=1e-6)),
    "sgd": trajectory(lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, weight_decay=1e-4)),
    "sgd_multistep": trajectory(lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, weight_decay=1e-4), milestones=[2, 4], gamma=0.1),
}
print("torch", torch.__version__)
for name, rows in cases.items():
    print(name, "=", [[round(v, 9) for v in row] for row in rows])
