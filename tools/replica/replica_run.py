"""One protocol run as the engine trains it, written independently in PyTorch (CPU).

Reads {"config": RunConfig, "seed": int, "fixturesDir": str, "threads": int} as JSON on stdin (the run
config the store keys runs by, src/results/runConfig.ts) and writes the run's epoch log and pruning events
as JSON on stdout, in the shape the claims read (src/readings/runRecord.ts). What it covers: the shipped
Fashion-MNIST datasets, the VGG family with batch norm, Adam and SGD (with a multi-step schedule), no
pruning and `remove` with the `l1`/`l2` scores and the three selections. Anything else is refused by
name. Never needed by the tests; `npm run crosscheck` and `npm run bench -- --compare-pytorch` use it.
"""

import json
import math
import sys
import time

import torch
import torch.nn.functional as F

from prepared_data import epoch_order, js_round, prepare_data
from seeded_random import SeededRandom, derive_seed

VGG_LAYOUTS = {
    "vgg-mini": [16, "M", 32, 32, "M", 64, 128],
    "vgg11": [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
}
BN_EPSILON, BN_MOMENTUM = 1e-5, 0.1


def refuse(field: str, value, allowed: str):
    raise ValueError(f"{field}: {json.dumps(value)} is not replicated; {allowed}")


class Unit:
    """conv 3×3 (no bias) → batch norm, with a keep mask folded into γ and β."""

    def __init__(self, name: str, in_channels: int, out_channels: int, generator: torch.Generator):
        self.name, self.out_channels = name, out_channels
        std = math.sqrt(2 / (9 * out_channels))  # He normal, fan-out, as PyTorch's VGG
        self.kernel = (torch.randn(out_channels, in_channels, 3, 3, generator=generator) * std).requires_grad_()
        self.gamma = torch.ones(out_channels, requires_grad=True)
        self.beta = torch.zeros(out_channels, requires_grad=True)
        self.running_mean, self.running_var = torch.zeros(out_channels), torch.ones(out_channels)
        self.mask = torch.ones(out_channels)

    def __call__(self, x: torch.Tensor, train: bool) -> torch.Tensor:
        y = F.conv2d(x, self.kernel, padding=1)
        return F.batch_norm(y, self.running_mean, self.running_var, self.gamma * self.mask, self.beta * self.mask, train, BN_MOMENTUM, BN_EPSILON)


class VggNet:
    def __init__(self, model: dict, in_channels: int, classes: int, generator: torch.Generator):
        if model["name"] not in VGG_LAYOUTS:
            refuse("model.name", model["name"], f"allowed: {', '.join(VGG_LAYOUTS)}")
        width = model.get("widthMultiplier", 1)
        self.steps, self.units, channels = [], {}, in_channels
        for item in model.get("layout") or VGG_LAYOUTS[model["name"]]:
            if item == "M":
                self.steps.append("M")
                continue
            unit = Unit(f"conv{len(self.units)}", channels, max(1, js_round(item * width)), generator)
            self.units[unit.name] = unit
            self.steps.append(unit)
            channels = unit.out_channels
        bound = 1 / math.sqrt(channels)  # nn.Linear's init
        self.head_kernel = (torch.rand(channels, classes, generator=generator) * 2 * bound - bound).requires_grad_()
        self.head_bias = (torch.rand(classes, generator=generator) * 2 * bound - bound).requires_grad_()

    def parameters(self) -> list:
        return [p for u in self.units.values() for p in (u.kernel, u.gamma, u.beta)] + [self.head_kernel, self.head_bias]

    def __call__(self, x: torch.Tensor, train: bool) -> torch.Tensor:
        for step in self.steps:
            x = F.max_pool2d(x, 2) if step == "M" else F.relu(step(x, train))
        return x.mean((2, 3)) @ self.head_kernel + self.head_bias


def make_optimizer(config: dict, parameters: list):
    name, lr, decay = config["name"], config["learningRate"], config.get("weightDecay", 0)
    if name == "adam":
        betas = tuple(config.get("betas", (0.9, 0.999)))
        return torch.optim.Adam(parameters, lr=lr, betas=betas, eps=config.get("epsilon", 1e-8), weight_decay=decay)
    if name == "sgd":
        return torch.optim.SGD(parameters, lr=lr, momentum=config.get("momentum", 0.9), weight_decay=decay)
    refuse("optimizer.name", name, "allowed: adam, sgd")


def layer_events(schedule: dict, filters: int, interval: int) -> list:
    """The engine's linear schedule (src/pruning/schedule.ts): filters kept after each event."""
    interval = schedule.get("interval", interval)
    n = (schedule["end"] - schedule["start"]) // interval + 1
    kept = math.ceil((1 - schedule["fraction"]) * filters)
    return [{"epoch": schedule["start"] + k * interval, "keep": math.ceil(kept + (filters - kept) * (n - k - 1) / n)} for k in range(n)]


class Pruning:
    SCORES = {"l2": lambda w: w.double().pow(2).sum((1, 2, 3)).sqrt(), "l1": lambda w: w.double().abs().sum((1, 2, 3))}

    def __init__(self, config: dict, net: VggNet, seed: int):
        self.variant = config["variant"]
        if self.variant not in ("none", "remove"):
            refuse("pruning.variant", self.variant, "allowed: none, remove")
        if config["score"] not in self.SCORES:
            refuse("pruning.score", config["score"], f"allowed: {', '.join(self.SCORES)}")
        if config["selection"] not in ("smallest", "largest", "random"):
            refuse("pruning.selection", config["selection"], "allowed: smallest, largest, random")
        self.score, self.selection = self.SCORES[config["score"]], config["selection"]
        self.rng = SeededRandom(derive_seed(seed, "pruning"))
        self.layers = []
        for schedule in config["layers"] if self.variant == "remove" else []:
            unit = net.units.get(schedule["layer"])
            if unit is None:
                refuse("pruning.layers[].layer", schedule["layer"], f"the net has: {', '.join(net.units)}")
            self.layers.append({"unit": unit, "events": layer_events(schedule, unit.out_channels, config["interval"]), "removed": set()})

    def due(self, epoch: int) -> list:
        return [(layer, i, e) for layer in self.layers for i, e in enumerate(layer["events"]) if e["epoch"] == epoch]

    def select(self, layer: dict, count: int) -> list:
        unit = layer["unit"]
        candidates = [f for f in range(unit.out_channels) if f not in layer["removed"]]
        if self.selection == "random":
            return self.rng.shuffle(candidates)[:count]
        scores = self.score(unit.kernel.detach()).tolist()
        sign = 1 if self.selection == "smallest" else -1
        return sorted(candidates, key=lambda f: (sign * scores[f], f))[:count]

    def remove(self, layer: dict, filters: list, optimizer) -> None:
        unit = layer["unit"]
        with torch.no_grad():
            for f in filters:
                unit.mask[f] = 0
                for p in (unit.kernel, unit.gamma, unit.beta):
                    p[f] = 0
                    for state in optimizer.state.get(p, {}).values():
                        if torch.is_tensor(state) and state.dim() > 0:
                            state[f] = 0
        layer["removed"].update(filters)


def evaluate(net: VggNet, split, batch_size: int) -> dict:
    x, y = split
    correct, loss = 0, 0.0
    with torch.no_grad():
        for start in range(0, len(y), batch_size):
            logits = net(torch.from_numpy(x[start : start + batch_size]), False)
            target = torch.from_numpy(y[start : start + batch_size])
            correct += int((logits.argmax(1) == target).sum())
            loss += float(F.cross_entropy(logits, target, reduction="sum"))
    return {"accuracy": correct / len(y), "loss": loss / len(y)}


def train_run(config: dict, seed: int, fixtures_dir: str) -> dict:
    if config.get("flatness") is not None:
        refuse("flatness", config["flatness"], "omit it (flatness is not replicated)")
    train = config["train"]
    data = prepare_data(fixtures_dir, train["data"], seed)
    generator = torch.Generator().manual_seed(derive_seed(seed, "init"))
    net = VggNet(train["model"], data["train"][0].shape[1], 10, generator)
    optimizer = make_optimizer(train["optimizer"], net.parameters())
    pruning = Pruning(config["pruning"], net, seed)
    schedule, eval_batch = train.get("lrSchedule"), train.get("evalBatchSize", 500)
    train_x, train_y = (torch.from_numpy(a) for a in data["train"])
    has_validation = "validation" in data
    epochs, events, diverged, train_seconds, examples, began = [], [], None, 0.0, 0, time.perf_counter()
    for epoch in range(train["epochs"]):
        epoch_began = time.perf_counter()
        lr = train["optimizer"]["learningRate"] * (schedule["gamma"] ** sum(m <= epoch for m in schedule["milestones"]) if schedule else 1)
        for group in optimizer.param_groups:
            group["lr"] = lr
        order = torch.tensor(epoch_order(len(train_y), seed, epoch))
        correct, loss_sum, seen = 0, 0.0, 0
        for start in range(0, len(order), train["batchSize"]):
            batch = order[start : start + train["batchSize"]]
            logits = net(train_x[batch], True)
            loss = F.cross_entropy(logits, train_y[batch])
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            if not math.isfinite(float(loss)):
                diverged = {"epoch": epoch}
                break
            correct += int((logits.argmax(1) == train_y[batch]).sum())
            loss_sum += float(loss) * len(batch)
            seen += len(batch)
        train_seconds += time.perf_counter() - epoch_began
        examples += seen
        if diverged:
            break
        test = evaluate(net, data["test"], eval_batch)
        validation = evaluate(net, data["validation"], eval_batch) if has_validation else None
        due = pruning.due(epoch)
        if due:
            t_pre, pruned = test["accuracy"], []
            for layer, i, event in due:
                before = layer["unit"].out_channels if i == 0 else layer["events"][i - 1]["keep"]
                filters = pruning.select(layer, before - event["keep"])
                pruning.remove(layer, filters, optimizer)
                pruned.append({"layer": layer["unit"].name, "filters": filters, "keptAfter": event["keep"]})
            test = evaluate(net, data["test"], eval_batch)
            validation = evaluate(net, data["validation"], eval_batch) if has_validation else None
            t_post = test["accuracy"]
            instability = (t_pre - t_post) / t_pre if t_pre > 0 else 0
            events.append({"epoch": epoch, "layers": pruned, "tPre": t_pre, "tPost": t_post, "instability": instability, "stability": 100 * (1 - instability)})
        log = {"epoch": epoch, "learningRate": lr, "trainAccuracy": correct / seen, "trainLoss": loss_sum / seen, "testAccuracy": test["accuracy"], "testLoss": test["loss"]}
        if validation:
            log["validationAccuracy"] = validation["accuracy"]
        log["seconds"] = time.perf_counter() - epoch_began
        epochs.append(log)
    result = {"seed": seed, "epochs": epochs, "events": events, "wallSeconds": time.perf_counter() - began, "examplesPerSecond": examples / max(1e-9, train_seconds)}
    if diverged:
        result["diverged"] = diverged
    return result


def main() -> None:
    request = json.load(sys.stdin)
    threads = request.get("threads", 1)
    torch.set_num_threads(threads)
    result = train_run(request["config"], request["seed"], request["fixturesDir"])
    result["framework"] = {"name": "pytorch", "version": torch.__version__, "threads": threads}
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
