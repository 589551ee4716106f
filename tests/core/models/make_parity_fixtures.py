#!/usr/bin/python3
"""Writes the torchvision parity fixtures under fixtures/ (committed; CI needs no Python).

Run by hand with Debian's Python and torchvision 0.14 (python3-torchvision):
    /usr/bin/python3 tests/core/models/make_parity_fixtures.py [ARCH ...]

For every architecture: torchvision's model with num_classes=10 (inception_v3 as
inception_v3(weights=None, aux_logits=True, transform_input=True, init_weights=False)), every
state-dict entry filled by deterministic_weights.py (the formula deterministic_weights.cpp
repeats), eval mode, logits for deterministic inputs of two sizes; the output shape of each
registry block; and the state-dict keys, shapes and parameter count of the 1000-class model.
"""

import json
import os
import sys

import numpy as np
import torch
import torchvision

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from deterministic_weights import input_batch, values  # noqa: E402

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")

RESNET_BLOCKS = [("stem", "maxpool")] + [(f"layer{i}", f"layer{i}") for i in range(1, 5)]


def feature_blocks(last):
    return [(f"features.{i}", f"features.{i}") for i in range(last + 1)]


# name -> (input shapes, blocks as (registry name, module whose output ends the block)).
# Sizes: the first one is small but leaves every stage more than 1 px where it can; the second
# is odd, to exercise floor/ceil and padding rules.
ARCHS = {
    "resnet18": ([(2, 3, 64, 64), (1, 3, 97, 97)], RESNET_BLOCKS),
    "resnet34": ([(2, 3, 64, 64), (1, 3, 97, 97)], RESNET_BLOCKS),
    "resnet50": ([(2, 3, 64, 64), (1, 3, 97, 97)], RESNET_BLOCKS),
    "resnet101": ([(2, 3, 64, 64), (1, 3, 97, 97)], RESNET_BLOCKS),
    "vgg16": ([(2, 3, 64, 64), (1, 3, 45, 45)], "vgg"),
    "vgg16_bn": ([(2, 3, 64, 64), (1, 3, 45, 45)], "vgg"),
    "vgg19": ([(2, 3, 64, 64), (1, 3, 45, 45)], "vgg"),
    "mobilenet_v2": ([(2, 3, 64, 64), (1, 3, 97, 97)], feature_blocks(18)),
    "mobilenet_v3_small": ([(2, 3, 64, 64), (1, 3, 97, 97)], feature_blocks(12)),
    "mobilenet_v3_large": ([(2, 3, 64, 64), (1, 3, 97, 97)], feature_blocks(16)),
    "efficientnet_b0": ([(2, 3, 64, 64), (1, 3, 97, 97)], feature_blocks(8)),
    "densenet121": (
        [(2, 3, 64, 64), (1, 3, 45, 45)],
        [("stem", "features.pool0")]
        + [
            (f"features.{m}{i}", f"features.{m}{i}")
            for i in range(1, 5)
            for m in ("denseblock", "transition")
            if not (m == "transition" and i == 4)
        ],
    ),
    "inception_v3": (
        [(2, 3, 107, 107), (1, 3, 75, 75)],
        [("stem", "maxpool2")]
        + [
            (n, n)
            for n in (
                "Mixed_5b Mixed_5c Mixed_5d Mixed_6a Mixed_6b Mixed_6c Mixed_6d Mixed_6e "
                "Mixed_7a Mixed_7b Mixed_7c"
            ).split()
        ],
    ),
    "convnext_tiny": ([(2, 3, 64, 64), (1, 3, 97, 97)], feature_blocks(7)),
}


def build(name, num_classes):
    kwargs = {"weights": None, "num_classes": num_classes}
    if name == "inception_v3":
        kwargs.update(aux_logits=True, transform_input=True, init_weights=False)
    return getattr(torchvision.models, name)(**kwargs)


def vgg_blocks(model):
    pools = [i for i, m in enumerate(model.features) if isinstance(m, torch.nn.MaxPool2d)]
    return [(f"block{k + 1}", f"features.{p}") for k, p in enumerate(pools)]


def fill(model):
    state = model.state_dict()
    filled = {k: torch.from_numpy(values(k, tuple(t.shape))) for k, t in state.items()}
    for k, t in state.items():
        assert filled[k].dtype == t.dtype, (k, filled[k].dtype, t.dtype)
    model.load_state_dict(filled, strict=True)


def fmt_float(x):
    return repr(float(x))


def write_fixture(name, data):
    # Hand-formatted JSON: one state-dict entry or logit row per line, so diffs stay readable.
    lines = ["{"]
    lines.append(f'  "arch": {json.dumps(name)},')
    lines.append(f'  "torch": {json.dumps(torch.__version__)},')
    lines.append(f'  "torchvision": {json.dumps(torchvision.__version__)},')
    lines.append(f'  "num_classes": {data["num_classes"]},')
    lines.append(f'  "parameter_count": {data["parameter_count"]},')
    lines.append(f'  "parameter_count_1000": {data["parameter_count_1000"]},')
    lines.append('  "cases": [')
    for ci, case in enumerate(data["cases"]):
        lines.append("    {")
        lines.append(f'      "input_shape": {json.dumps(case["input_shape"])},')
        lines.append(f'      "max_abs_logit": {fmt_float(case["max_abs_logit"])},')
        lines.append('      "logits": [')
        rows = case["logits"]
        for ri, row in enumerate(rows):
            sep = "," if ri + 1 < len(rows) else ""
            lines.append("        [" + ", ".join(fmt_float(x) for x in row) + "]" + sep)
        lines.append("      ]")
        lines.append("    }" + ("," if ci + 1 < len(data["cases"]) else ""))
    lines.append("  ],")
    lines.append('  "block_output_shapes": [')
    blocks = data["blocks"]
    for bi, (bname, shape) in enumerate(blocks):
        sep = "," if bi + 1 < len(blocks) else ""
        lines.append(f"    [{json.dumps(bname)}, {json.dumps(shape)}]" + sep)
    lines.append("  ],")
    lines.append('  "state_dict_1000": [')
    entries = data["state_dict_1000"]
    for ei, (key, shape, dtype) in enumerate(entries):
        sep = "," if ei + 1 < len(entries) else ""
        lines.append(f"    [{json.dumps(key)}, {json.dumps(shape)}, {json.dumps(dtype)}]" + sep)
    lines.append("  ]")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    json.loads(text)  # the hand formatting must stay valid JSON
    path = os.path.join(FIXTURES, f"{name}.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path, len(text)


def make(name):
    shapes, blocks = ARCHS[name]
    model = build(name, 10).eval()
    fill(model)
    if blocks == "vgg":
        blocks = vgg_blocks(model)

    modules = dict(model.named_modules())
    block_shapes = {}

    def record(bname):
        def hook(_module, _inputs, output):
            block_shapes[bname] = list(output.shape)  # returns None: the output is unchanged

        return hook

    hooks = [modules[path].register_forward_hook(record(bname)) for bname, path in blocks]
    cases = []
    with torch.no_grad():
        for shape in shapes:
            x = torch.from_numpy(input_batch(shape))
            y = model(x)
            assert y.dtype == torch.float32 and tuple(y.shape) == (shape[0], 10), y.shape
            cases.append(
                {
                    "input_shape": list(shape),
                    "max_abs_logit": y.abs().max().item(),
                    "logits": y.tolist(),
                }
            )
            for h in hooks:  # block shapes are those of the first case
                h.remove()
            hooks = []
    block_list = [(bname, block_shapes[bname]) for bname, _ in blocks]

    big = build(name, 1000)
    state = big.state_dict()
    entries = [
        (k, list(t.shape), str(t.dtype).replace("torch.", "")) for k, t in state.items()
    ]
    data = {
        "num_classes": 10,
        "parameter_count": sum(p.numel() for p in model.parameters()),
        "parameter_count_1000": sum(p.numel() for p in big.parameters()),
        "cases": cases,
        "blocks": block_list,
        "state_dict_1000": entries,
    }
    path, size = write_fixture(name, data)
    mags = ", ".join(f"{c['input_shape'][2]}px max|y| {c['max_abs_logit']:.3g}" for c in cases)
    print(f"{name:20s} {mags}; {len(entries)} keys; {size / 1024:.1f} KiB -> {path}")


def main():
    torch.set_num_threads(max(1, min(4, os.cpu_count() or 1)))
    names = sys.argv[1:] or list(ARCHS)
    os.makedirs(FIXTURES, exist_ok=True)
    for name in names:
        if name not in ARCHS:
            sys.exit(f"unknown architecture {name}; known: {', '.join(ARCHS)}")
        make(name)


if __name__ == "__main__":
    np.seterr(all="raise")
    main()
