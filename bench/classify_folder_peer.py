#!/usr/bin/python3
"""classify_folder_peer: the plain torchvision inference loop bench/classify_folder compares with.

  /usr/bin/python3 bench/classify_folder_peer.py --list FILE [--bundle BUNDLE] [--threads N]
                                                 [--batch 16] [--repeat R]

FILE holds one image path a line. MobileNetV2 from torchvision; with --bundle its backbone
weights (torchvision's keys) and, when the head is a single Linear ("head.fc.*"), the head are
read from the bundle's safetensors (parsed here: Debian has no safetensors module). Per batch:
PIL open + convert("RGB"), Resize(256), CenterCrop(224), ToTensor, Normalize on the calling
thread, then softmax(model(batch)) under inference_mode. One warm-up batch, then the whole list
R times; prints one JSON object with the best pass's images/s.
"""
import argparse
import json
import struct
import time

import torch
import torchvision
from PIL import Image
from torchvision import transforms

DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16,
          "F64": torch.float64, "I64": torch.int64, "I32": torch.int32}


def read_safetensors(path):
    with open(path, "rb") as f:
        size = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(size))
        data = f.read()
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__" or entry["dtype"] not in DTYPES:
            continue
        begin, end = entry["data_offsets"]
        flat = torch.frombuffer(bytearray(data[begin:end]), dtype=DTYPES[entry["dtype"]])
        tensors[name] = flat.reshape(entry["shape"]).clone()
    return tensors


def build_model(bundle):
    model = torchvision.models.mobilenet_v2()
    loaded = 0
    head_loaded = False
    if bundle:
        tensors = read_safetensors(bundle)
        own = model.state_dict()
        backbone = {k: v for k, v in tensors.items() if k in own and own[k].shape == v.shape}
        model.load_state_dict(backbone, strict=False)
        loaded = len(backbone)
        head = {k: v for k, v in tensors.items() if k.startswith("head.")}
        if set(head) == {"head.fc.weight", "head.fc.bias"}:
            weight = head["head.fc.weight"]
            model.classifier[1] = torch.nn.Linear(weight.shape[1], weight.shape[0])
            model.classifier[1].load_state_dict({"weight": weight, "bias": head["head.fc.bias"]})
            head_loaded = True
            loaded += 2
    return model.eval(), loaded, head_loaded


def classify(model, transform, paths, batch):
    with torch.inference_mode():
        for start in range(0, len(paths), batch):
            images = [transform(Image.open(p).convert("RGB")) for p in paths[start:start + batch]]
            torch.softmax(model(torch.stack(images)), 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--list", required=True)
    parser.add_argument("--bundle")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    with open(args.list) as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    model, loaded, head_loaded = build_model(args.bundle)
    transform = transforms.Compose([
        transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor(),
        transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])
    classify(model, transform, paths[:args.batch], args.batch)
    best = 0.0
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        classify(model, transform, paths, args.batch)
        best = max(best, len(paths) / (time.perf_counter() - start))
    print(json.dumps({"images": len(paths), "threads": torch.get_num_threads(),
                      "batch": args.batch, "imagesPerSecond": best, "tensorsLoaded": loaded,
                      "headLoaded": head_loaded, "torch": torch.__version__,
                      "torchvision": torchvision.__version__}))


if __name__ == "__main__":
    main()
