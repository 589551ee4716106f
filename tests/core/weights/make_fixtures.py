#!/usr/bin/python3
"""Writes the weight-file fixtures of tests/core/weights/fixtures/ (run by hand, commit the output).

    /usr/bin/python3 tests/core/weights/make_fixtures.py [--shared /work/shared]

Needs Python torch (1.13 was used). Every tensor value is a simple formula that the C++ tests
rebuild, so they check exact values. With --shared (or $TSTUDIO_SHARED) it also records checksums
of the shared MobileNetV2 file as Python reads them. Only the legacy files change between runs
(their storage keys are memory addresses).
"""
import argparse
import collections
import io
import json
import os
import pickle
import shutil
import struct
import tempfile
import zipfile

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")


def reference_tensors():
    """The dict every format fixture holds; tst_weight_files.cpp rebuilds the same values."""
    base = torch.arange(10, dtype=torch.float32) * 0.5
    flat = torch.arange(6, dtype=torch.float32) - 2.0
    grid = torch.arange(12, dtype=torch.float32).reshape(3, 4)
    d = collections.OrderedDict()
    d["f32"] = torch.arange(12, dtype=torch.float32).reshape(3, 4) * 0.25 - 1.0
    d["f64"] = torch.arange(6, dtype=torch.float64).reshape(2, 3) / 3.0
    d["f16"] = torch.tensor([0.5, -1.25, 2.0, 1024.0], dtype=torch.float16)
    d["bf16"] = torch.tensor([1.0, -2.5, 0.15625, 256.0], dtype=torch.bfloat16)
    d["i64"] = torch.tensor([-(2**40), 0, 2**62, -1], dtype=torch.int64)
    d["i32"] = torch.tensor([-7, 0, 2147483647], dtype=torch.int32)
    d["i16"] = torch.tensor([-32768, 32767], dtype=torch.int16)
    d["i8"] = torch.tensor([-128, 127], dtype=torch.int8)
    d["u8"] = torch.tensor([0, 1, 255], dtype=torch.uint8)
    d["bool"] = torch.tensor([True, False, True])
    d["base"] = base
    d["view"] = base[3:7]  # storage offset 3, shares base's storage
    d["shared_flat"] = flat
    d["shared_2x3"] = flat.view(2, 3)  # same storage, other shape
    d["transposed"] = grid.t()  # strides (1, 4)
    d["stepped"] = torch.arange(20, dtype=torch.float32)[::3]  # stride 3
    d["scalar"] = torch.tensor(3.5)
    d["empty"] = torch.zeros(0, 4)
    d["param"] = torch.nn.Parameter(torch.tensor([[1.5, -1.5]]), requires_grad=False)
    d["bn.num_batches_tracked"] = torch.tensor(7)
    # torchvision's state_dict() is an OrderedDict carrying a _metadata attribute.
    d._metadata = collections.OrderedDict([("", {"version": 1}), ("bn", {"version": 2})])
    return d


def save(obj, name, **kwargs):
    path = os.path.join(OUT, name)
    torch.save(obj, path, **kwargs)
    return path


def write_safetensors(tensors, name, metadata=None):
    header = {}
    blobs = []
    offset = 0
    names = {torch.float32: "F32", torch.float64: "F64", torch.float16: "F16",
             torch.bfloat16: "BF16", torch.int64: "I64", torch.int32: "I32", torch.int16: "I16",
             torch.int8: "I8", torch.uint8: "U8", torch.bool: "BOOL"}
    for key, t in tensors.items():
        t = t.detach().contiguous()
        if t.dtype in (torch.bfloat16, torch.float16):
            raw = t.view(torch.int16).numpy().tobytes()
        else:
            raw = t.numpy().tobytes()
        header[key] = {"dtype": names[t.dtype], "shape": list(t.shape),
                       "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    if metadata is not None:
        header["__metadata__"] = metadata
    text = json.dumps(header).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


# --- hostile files ------------------------------------------------------------------------

class FakeStorage:
    def __init__(self, key, storage_type=torch.FloatStorage, numel=4):
        self.key, self.storage_type, self.numel = key, storage_type, numel


class FakeTensor:
    def __init__(self, storage, offset, size, stride):
        self.args = (storage, offset, tuple(size), tuple(stride), False, collections.OrderedDict())

    def __reduce__(self):
        return (torch._utils._rebuild_tensor_v2, self.args)


class Evil:
    def __init__(self, func, arg):
        self.func, self.arg = func, arg

    def __reduce__(self):
        return (self.func, (self.arg,))


def pickle_with_storages(obj, protocol=2):
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=protocol)
    pickler.persistent_id = lambda o: (
        ("storage", o.storage_type, o.key, "cpu", o.numel) if isinstance(o, FakeStorage) else None)
    pickler.dump(obj)
    return buf.getvalue()


def write_zip(name, data_pkl, storages, folder="archive"):
    def put(z, member, data):  # a fixed date keeps regenerated fixtures byte-identical
        z.writestr(zipfile.ZipInfo(member, date_time=(1980, 1, 1, 0, 0, 0)), data)

    with zipfile.ZipFile(os.path.join(OUT, name), "w", zipfile.ZIP_STORED) as z:
        put(z, folder + "/data.pkl", data_pkl)
        for key, raw in storages.items():
            put(z, folder + "/data/" + key, raw)
        put(z, folder + "/version", "3\n")


def hostile_tensor_file(name, size, stride, offset=0, numel=4, storage_bytes=16):
    storage = FakeStorage("0", numel=numel)
    obj = collections.OrderedDict([("w", FakeTensor(storage, offset, size, stride))])
    write_zip(name, pickle_with_storages(obj), {"0": bytes(range(storage_bytes))})


def legacy_header():
    out = io.BytesIO()
    pickle.dump(torch.serialization.MAGIC_NUMBER, out, protocol=2)
    pickle.dump(torch.serialization.PROTOCOL_VERSION, out, protocol=2)
    pickle.dump({"protocol_version": 1001, "little_endian": True,
                 "type_sizes": {"short": 2, "int": 4, "long": 4}}, out, protocol=2)
    return out.getvalue()


def write_hostile():
    # Code execution attempts: GLOBAL os.system + REDUCE (zip), STACK_GLOBAL builtins.eval
    # (legacy). Were they run, they would create the files the test checks are absent.
    write_zip("evil_os_system.pth",
              pickle.dumps(collections.OrderedDict([("w", Evil(os.system, "touch /tmp/tstudio-weights-pwned"))]), 2), {})
    with open(os.path.join(OUT, "evil_eval_legacy.pth"), "wb") as f:
        f.write(legacy_header() + pickle.dumps(Evil(eval, "open('/tmp/tstudio-weights-pwned-eval', 'w')"), protocol=4))
    hostile_tensor_file("huge_size.pth", size=(2**40, 2**40), stride=(2**40, 1))
    hostile_tensor_file("overflow_stride.pth", size=(4, 2), stride=(2**62, 2**62))
    hostile_tensor_file("offset_past_end.pth", size=(4,), stride=(1,), offset=10)
    hostile_tensor_file("negative_stride.pth", size=(4,), stride=(-1,), offset=3)
    hostile_tensor_file("numel_too_large.pth", size=(4,), stride=(1,), numel=1000)
    hostile_tensor_file("zero_stride_expansion.pth", size=(2**20, 2**20), stride=(0, 0))
    storage = FakeStorage("7")
    write_zip("missing_storage.pth", pickle_with_storages(
        collections.OrderedDict([("w", FakeTensor(storage, 0, (4,), (1,)))])), {})

    # A TorchScript archive is a zip with data.pkl too, but its pickle names __torch__ classes.
    torch.manual_seed(0)
    torch.jit.save(torch.jit.script(torch.nn.Linear(2, 2)), os.path.join(OUT, "torchscript.pt"))

    good = open(os.path.join(OUT, "dtypes_zip.pth"), "rb").read()
    with open(os.path.join(OUT, "truncated_zip.pth"), "wb") as f:
        f.write(good[: len(good) // 2])
    flipped = bytearray(good)
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        info = z.getinfo("archive/data/0")
        local = info.header_offset
        name_len, extra_len = struct.unpack("<HH", good[local + 26: local + 30])
        flipped[local + 30 + name_len + extra_len + 1] ^= 0x10  # inside f32's data
    with open(os.path.join(OUT, "bitflip_zip.pth"), "wb") as f:
        f.write(bytes(flipped))
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(
            os.path.join(OUT, "deflated_zip.pth"), "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():  # what "zip -r" on an unpacked .pth would produce
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)),
                         src.read(info.filename), zipfile.ZIP_DEFLATED)
    legacy = open(os.path.join(OUT, "dtypes_legacy.pth"), "rb").read()
    with open(os.path.join(OUT, "truncated_legacy.pth"), "wb") as f:
        f.write(legacy[: len(legacy) - 7])

    safe = open(os.path.join(OUT, "python.safetensors"), "rb").read()
    with open(os.path.join(OUT, "truncated.safetensors"), "wb") as f:
        f.write(safe[: len(safe) - 3])
    with open(os.path.join(OUT, "huge_header.safetensors"), "wb") as f:
        f.write(struct.pack("<Q", 2**63) + b"{}")
    header = json.dumps({"w": {"dtype": "F32", "shape": [4], "data_offsets": [8, 24]}}).encode()
    with open(os.path.join(OUT, "offsets_past_end.safetensors"), "wb") as f:
        f.write(struct.pack("<Q", len(header)) + header + bytes(16))
    header = json.dumps({"w": {"dtype": "F32", "shape": [1000], "data_offsets": [0, 16]}}).encode()
    with open(os.path.join(OUT, "shape_mismatch.safetensors"), "wb") as f:
        f.write(struct.pack("<Q", len(header)) + header + bytes(16))


def record_shared(shared):
    path = os.path.join(shared, "weights", "mobilenet_v2_imagenet_dequantized.pth")
    d = torch.load(path, map_location="cpu")
    w = d["classifier.1.weight"]
    info = {
        "file": "weights/mobilenet_v2_imagenet_dequantized.pth",
        "count": len(d),
        "first_key": next(iter(d)),
        "last_key": list(d)[-1],
        "classifier_shape": list(w.shape),
        "classifier_sum": w.double().sum().item(),
        "classifier_0_0": w[0, 0].item(),
        "classifier_999_1279": w[999, 1279].item(),
        "abs_total": sum(v.double().abs().sum().item() for v in d.values()),
    }
    with open(os.path.join(OUT, "shared_mobilenet_v2.json"), "w") as f:
        json.dump(info, f, indent=1)
        f.write("\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=os.environ.get("TSTUDIO_SHARED"))
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    ref = reference_tensors()

    # In-memory saves name the zip's top folder "archive"; file saves use the file's stem.
    buf = io.BytesIO()
    torch.save(ref, buf)
    with open(os.path.join(OUT, "dtypes_zip.pth"), "wb") as f:
        f.write(buf.getvalue())
    save(ref, "dtypes_legacy.pth", _use_new_zipfile_serialization=False)
    with tempfile.TemporaryDirectory() as tmp:
        original = os.path.join(tmp, "saved_under_another_name.pth")
        torch.save(ref, original)
        shutil.copy(original, os.path.join(OUT, "renamed_folder.pth"))
    wrapped = {"epoch": 3, "arch": "tiny", "best_acc1": 0.5,
               "state_dict": ref, "optimizer": {"lr": 0.1, "momentum": 0.9}}
    save(wrapped, "wrapped_state_dict.pth")
    save({"model": ref, "epoch": 1}, "wrapped_model_legacy.pth", _use_new_zipfile_serialization=False)
    write_safetensors({k: v for k, v in ref.items()
                       if k not in ("view", "shared_2x3", "transposed", "stepped")},
                      "python.safetensors", metadata={"format": "pt"})
    write_hostile()
    if args.shared and os.path.isdir(args.shared):
        record_shared(args.shared)


if __name__ == "__main__":
    main()
