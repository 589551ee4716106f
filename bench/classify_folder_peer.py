#!/usr/bin/python3
"""classify_folder_peer: the plain torchvision inference loop bench/classify_folder compares with.

  /usr/bin/python3 bench/classify_folder_peer.py --list FILE --pth MODEL.pth --classes K
                                                 [--threads N] [--batch 16] [--repeat R]
                                                 [--predictions OUT]

FILE holds one image path a line. MODEL.pth is the bundle exported by `tstudio export --format
pth` (core/export): it loads strictly into torchvision.models.mobilenet_v2(num_classes=K), so
both sides run the same network with the same weights. Per batch: PIL open + convert("RGB"),
Resize(256), CenterCrop(224), ToTensor, Normalize on the calling thread, then
softmax(model(batch)) under inference_mode. One warm-up batch, then the whole list R times;
prints one JSON object with the best pass's images/s, and writes each image's top-1 class index
to OUT (one a line, in FILE's order) so the bench can check both sides agree.
"""
import argparse
import json
import time

import torch
import torchvision
from PIL import Image
from torchvision import transforms


def classify(model, transform, paths, batch):
    top1 = []
    with torch.inference_mode():
        for start in range(0, len(paths), batch):
            images = [transform(Image.open(p).convert("RGB")) for p in paths[start:start + batch]]
            top1 += torch.softmax(model(torch.stack(images)), 1).argmax(1).tolist()
    return top1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--list", required=True)
    parser.add_argument("--pth", required=True)
    parser.add_argument("--classes", type=int, required=True)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--predictions")
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    with open(args.list) as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    model = torchvision.models.mobilenet_v2(num_classes=args.classes)
    model.load_state_dict(torch.load(args.pth), strict=True)
    model.eval()
    transform = transforms.Compose([
        transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor(),
        transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])
    classify(model, transform, paths[:args.batch], args.batch)
    best = 0.0
    top1 = []
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        top1 = classify(model, transform, paths, args.batch)
        best = max(best, len(paths) / (time.perf_counter() - start))
    if args.predictions:
        with open(args.predictions, "w") as f:
            f.write("".join(f"{c}\n" for c in top1))
    print(json.dumps({"images": len(paths), "threads": torch.get_num_threads(),
                      "batch": args.batch, "imagesPerSecond": best, "strictLoad": True,
                      "torch": torch.__version__, "torchvision": torchvision.__version__}))


if __name__ == "__main__":
    main()
