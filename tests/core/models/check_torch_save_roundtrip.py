#!/usr/bin/python3
"""Writes real torch.save files for tst_parity's torchSaveRoundTrip (run by hand, not in CI).

    /usr/bin/python3 tests/core/models/check_torch_save_roundtrip.py OUT_DIR [ARCH ...]
    TSTUDIO_TORCH_SAVE_DIR=OUT_DIR build/.../tst_parity torchSaveRoundTrip

For every architecture: torchvision's model (num_classes=10; inception_v3 with aux_logits=True,
transform_input=True, init_weights=False) with the deterministic weights of
deterministic_weights.py, saved as torch.save(model.state_dict()) twice, in the zip format
(OUT_DIR/<arch>.zip.pth) and the legacy format (OUT_DIR/<arch>.legacy.pth,
_use_new_zipfile_serialization=False), plus torchvision's eval logits for the first fixture input
(OUT_DIR/<arch>.logits.json). The C++ side reads both files through weights::readStateDict,
checks every tensor against the formula, loads them Strict into our backbone and compares logits.
"""

import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from deterministic_weights import input_batch  # noqa: E402
from make_parity_fixtures import ARCHS, build, fill  # noqa: E402


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out_dir = sys.argv[1]
    names = sys.argv[2:] or list(ARCHS)
    os.makedirs(out_dir, exist_ok=True)
    torch.set_num_threads(max(1, min(4, os.cpu_count() or 1)))
    for name in names:
        model = build(name, 10).eval()
        fill(model)
        state = model.state_dict()
        zip_path = os.path.join(out_dir, f"{name}.zip.pth")
        legacy_path = os.path.join(out_dir, f"{name}.legacy.pth")
        torch.save(state, zip_path)
        torch.save(state, legacy_path, _use_new_zipfile_serialization=False)
        shape = ARCHS[name][0][0]
        with torch.no_grad():
            logits = model(torch.from_numpy(input_batch(shape)))
        with open(os.path.join(out_dir, f"{name}.logits.json"), "w", encoding="utf-8") as f:
            json.dump({"input_shape": list(shape), "logits": logits.tolist()}, f)
        mib = os.path.getsize(zip_path) / 2**20
        print(f"{name:20s} {len(state)} entries, {mib:.1f} MiB per file, max|y| "
              f"{logits.abs().max().item():.3g}")


if __name__ == "__main__":
    main()
