#!/usr/bin/python3
"""train_vs_peer: `tstudio train` against plain PyTorch + torchvision, same machine, same run.

Runs the built `tstudio` CLI and the peer script (shared/bench/peer_pytorch.py: PyTorch's
transfer-learning tutorial pipeline) one after the other on the same data, weights, input size,
epochs and batch size, each with its own training recipe (tstudio: its per-mode defaults, AdamW +
cosine; the peer: SGD momentum 0.9, lr 0.001, StepLR 7 x 0.1; --same-recipe gives tstudio the
peer's optimizer and schedule, its fine-tune still with 0.1x backbone LR and label smoothing),
and prints one JSON object with both sides and the ratios:

  feature   the backbone frozen, only the new head trains, 10 epochs. The peer runs the
            frozen backbone on augmented images every epoch (as the tutorial does); tstudio
            trains without augmentation (its feature-mode default) and computes the frozen
            features once. Compared:
            wall time (peer / tstudio) and best val accuracy of both.
  cached    the same feature-mode run against shared/bench/peer_cached_features.py, the
            strongest plain-Python pipeline for it (the frozen backbone run once over train and
            val, channels-last, DataLoader workers; then a linear head, AdamW + cosine, batch
            16). Compared: process time (peer / tstudio, both from start to exit, best of
            --repeat alternating runs) and best val accuracy.
  finetune  every layer trains, 5 epochs at batch 16, the same random crop + flip on both
            sides. Compared: train images per second (tstudio / peer) and best val accuracy.

  /usr/bin/python3 bench/train_vs_peer.py [--tstudio PATH] [--shared DIR] [--only NAME]
                                          [--feature-epochs N] [--finetune-epochs N]
                                          [--threads N] [--same-recipe] [--repeat N]

Defaults: TSTUDIO_CLI or the most recently built tstudio under build*/app/cli/, and
TSTUDIO_SHARED or ../shared beside the repository.
Not a test: it times things. Each side's own JSON lines are kept under "tstudio"/"peer".
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WEIGHTS = "weights/mobilenet_v2_imagenet_dequantized.pth"
DATA = "datasets/hymenoptera"
ARCH = "mobilenet_v2"


def find_tstudio(given):
    if given:
        return given
    if os.environ.get("TSTUDIO_CLI"):
        return os.environ["TSTUDIO_CLI"]
    # build/<preset>/ (cmake/studio.sh, the presets) or a build*/ folder of one's own.
    built = sorted(glob.glob(os.path.join(REPO, "build*", "app", "cli", "tstudio")) +
                   glob.glob(os.path.join(REPO, "build*", "*", "app", "cli", "tstudio")),
                   key=os.path.getmtime, reverse=True)
    if not built:
        sys.exit("train_vs_peer: no built tstudio under build*/[preset/]app/cli/; give --tstudio PATH")
    return built[0]


def run_json_lines(command):
    """Runs command; returns (exit code, parsed JSON lines of stdout, stderr tail, seconds)."""
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    rows = []
    for line in done.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    return done.returncode, rows, done.stderr[-2000:], seconds


def ours(tstudio, shared, mode, epochs, batch, size, out, same_recipe):
    command = [tstudio, "train", "--data", os.path.join(shared, DATA), "--arch", ARCH,
               "--weights", os.path.join(shared, WEIGHTS), "--mode", mode, "--epochs",
               str(epochs), "--batch", str(batch), "--size", str(size), "--out", out, "--json"]
    if same_recipe:
        command += ["--optimizer", "sgd", "--lr", "0.001", "--weight-decay", "0",
                    "--schedule", "step"]
    if mode == "finetune":
        command += ["--freeze", "none", "--augment", "light"]
    code, rows, err, seconds = run_json_lines(command)
    summary = next((r["summary"] for r in rows if "summary" in r), None)
    epochs_rows = [r for r in rows if "epoch" in r]
    result = {"command": " ".join(command), "exit_code": code, "process_seconds": seconds,
              "epochs": epochs_rows}
    if summary is None:
        result["error"] = err
        return result
    result.update({"wall_seconds": summary["wall_seconds"],
                   "train_images_per_second": summary["train_images_per_second"],
                   "best_val_acc": summary["best_val_acc"]})
    return result


def peer(shared, mode, epochs, batch, size, threads, out_json):
    script = os.path.join(shared, "bench", "peer_pytorch.py")
    command = ["/usr/bin/python3", script, "--data", os.path.join(shared, DATA), "--arch", ARCH,
               "--weights", os.path.join(shared, WEIGHTS), "--mode", mode, "--epochs",
               str(epochs), "--batch", str(batch), "--size", str(size), "--threads",
               str(threads), "--json", out_json]
    code, rows, err, seconds = run_json_lines(command)
    summary = next((r for r in rows if "peer" in r), None)
    result = {"command": " ".join(command), "exit_code": code, "process_seconds": seconds,
              "epochs": [r for r in rows if "epoch" in r and "peer" not in r]}
    if summary is None:
        result["error"] = err
        return result
    result.update({"wall_seconds": summary["wall_seconds"],
                   "train_images_per_second": summary["train_images_per_second"],
                   "best_val_acc": summary["best_val_acc"], "threads": summary["threads"]})
    return result


def cached_peer(shared, epochs, threads):
    script = os.path.join(shared, "bench", "peer_cached_features.py")
    command = ["/usr/bin/python3", script, os.path.join(shared, DATA),
               os.path.join(shared, WEIGHTS), str(epochs), str(threads)]
    code, rows, err, seconds = run_json_lines(command)
    summary = rows[-1] if rows else None
    result = {"command": " ".join(command), "exit_code": code, "process_seconds": seconds}
    if summary is None:
        result["error"] = err
        return result
    result.update({"wall_seconds": summary["wall"], "best_val_acc": summary["best_val_acc"],
                   "threads": summary["threads"]})
    return result


def best_of(runs):
    """The run with the shortest process time (noise only ever adds time)."""
    good = [r for r in runs if r.get("exit_code") == 0 and "process_seconds" in r]
    return min(good, key=lambda r: r["process_seconds"]) if good else runs[-1]


def ratio(a, b):
    return round(a / b, 3) if a and b else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tstudio")
    ap.add_argument("--shared", default=os.environ.get("TSTUDIO_SHARED",
                                                       os.path.join(REPO, "..", "shared")))
    ap.add_argument("--only", choices=["feature", "cached", "finetune"])
    ap.add_argument("--repeat", type=int, default=3,
                    help="alternating runs of each side for 'cached' (the best counts)")
    ap.add_argument("--feature-epochs", type=int, default=10)
    ap.add_argument("--finetune-epochs", type=int, default=5)
    ap.add_argument("--size", type=int, default=224)
    # tstudio uses every core (useAllCores); the peer gets as many intra-op threads, not
    # PyTorch's default, so the comparison is fair.
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--same-recipe", action="store_true",
                    help="tstudio uses the peer's SGD 0.001 + StepLR instead of its defaults")
    a = ap.parse_args()
    tstudio = find_tstudio(a.tstudio)
    for needed in (os.path.join(a.shared, DATA), os.path.join(a.shared, WEIGHTS)):
        if not os.path.exists(needed):
            sys.exit(f"train_vs_peer: {needed} not found; set TSTUDIO_SHARED or --shared")

    report = {"tstudio": tstudio, "arch": ARCH, "data": DATA, "size": a.size,
              "peer_threads": a.threads,
              "recipe": "peer's optimizer and schedule" if a.same_recipe else "each its own",
              "cpus": os.cpu_count(), "load_average_at_start": os.getloadavg()}
    tmp = tempfile.mkdtemp(prefix="tstudio-vs-peer-")
    try:
        if a.only in (None, "feature"):
            mine = ours(tstudio, a.shared, "feature", a.feature_epochs, 16, a.size,
                        os.path.join(tmp, "feature"), a.same_recipe)
            theirs = peer(a.shared, "feature", a.feature_epochs, 16, a.size, a.threads,
                          os.path.join(tmp, "peer_feature.json"))
            report["feature"] = {
                "epochs": a.feature_epochs, "batch": 16, "tstudio": mine, "peer": theirs,
                "wall_ratio_peer_over_tstudio": ratio(theirs.get("wall_seconds"),
                                                      mine.get("wall_seconds")),
                "process_ratio_peer_over_tstudio": ratio(theirs.get("process_seconds"),
                                                         mine.get("process_seconds")),
                "best_val_acc": {"tstudio": mine.get("best_val_acc"),
                                 "peer": theirs.get("best_val_acc")}}
        if a.only in (None, "cached"):
            mine_runs, their_runs = [], []
            for i in range(max(1, a.repeat)):
                mine_runs.append(ours(tstudio, a.shared, "feature", a.feature_epochs, 16, a.size,
                                      os.path.join(tmp, f"cached{i}"), False))
                their_runs.append(cached_peer(a.shared, a.feature_epochs, a.threads))
            mine, theirs = best_of(mine_runs), best_of(their_runs)
            report["cached"] = {
                "epochs": a.feature_epochs, "batch": 16, "tstudio": mine, "peer": theirs,
                "process_seconds": {"tstudio": [r.get("process_seconds") for r in mine_runs],
                                    "peer": [r.get("process_seconds") for r in their_runs]},
                "process_ratio_peer_over_tstudio": ratio(theirs.get("process_seconds"),
                                                         mine.get("process_seconds")),
                "best_val_acc": {"tstudio": mine.get("best_val_acc"),
                                 "peer": theirs.get("best_val_acc")}}
        if a.only in (None, "finetune"):
            mine = ours(tstudio, a.shared, "finetune", a.finetune_epochs, 16, a.size,
                        os.path.join(tmp, "finetune"), a.same_recipe)
            theirs = peer(a.shared, "finetune", a.finetune_epochs, 16, a.size, a.threads,
                          os.path.join(tmp, "peer_finetune.json"))
            report["finetune"] = {
                "epochs": a.finetune_epochs, "batch": 16, "tstudio": mine, "peer": theirs,
                "train_images_per_second_ratio_tstudio_over_peer": ratio(
                    mine.get("train_images_per_second"), theirs.get("train_images_per_second")),
                "wall_ratio_peer_over_tstudio": ratio(theirs.get("wall_seconds"),
                                                      mine.get("wall_seconds")),
                "best_val_acc": {"tstudio": mine.get("best_val_acc"),
                                 "peer": theirs.get("best_val_acc")}}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    report["load_average_at_end"] = os.getloadavg()
    print(json.dumps(report, indent=1))
    failed = any(side.get("exit_code") != 0
                 for name in ("feature", "cached", "finetune") if name in report
                 for side in (report[name]["tstudio"], report[name]["peer"]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
