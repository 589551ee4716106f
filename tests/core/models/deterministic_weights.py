"""The deterministic weight and input formula shared with deterministic_weights.cpp.

Every value is computed in float64 with integer hashing and correctly rounded IEEE operations
only (+, -, *, /, sqrt, abs), then cast to float32, so Python/NumPy and C++ produce the same
bits on any machine. Keep this file and deterministic_weights.cpp in step: the fixtures are only
as good as the agreement of the two.

For a state-dict entry named KEY with shape S and n elements:
  seed    = FNV-1a 64 of KEY's UTF-8 bytes
  u[i]    = splitmix64(seed + (i + 1) * 0x9E3779B97F4A7C15) >> 11, times 2**-53   (in [0, 1))
  v[i]    = 2 * u[i] - 1                                                             (in [-1, 1))
and by the last component of KEY (and the module that holds it):
  num_batches_tracked            0 (int64)
  running_mean                   0.1 * v
  running_var                    0.75 + 0.5 * u
  layer_scale                    0.5 + 0.1 * v
  bias of a module named fc2     SE_BIAS + 0.1 * v     (squeeze-excitation gates start open)
  bias                           0.1 * v
  weight, one dimension          (1 + 0.1 * v) * gain(KEY)   (BatchNorm / LayerNorm scale)
  weight, two or more dimensions sqrt(6 / fan_in) * v, fan_in = prod(S[1:])  (He-uniform)
  anything else                  0.1 * v
gain(KEY) is RESIDUAL_GAIN for ResNet's layerN.M.bn2/bn3 scales, INCEPTION_GAIN for Inception's
Mixed_*.*.bn scales, 1 otherwise: with these the logits of all 14 networks stay between about 1
and 50 (make_parity_fixtures.py prints them).
An input batch of shape S uses the seed FNV-1a 64 of "input" and is sqrt(3) * v (unit variance).
"""

import math

import numpy as np

_MASK = (1 << 64) - 1
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_CHUNK = 1 << 22

RESIDUAL_GAIN = 0.5
SE_BIAS = 2.0
INCEPTION_GAIN = 1.1


def fnv1a64(text):
    h = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        h ^= byte
        h = (h * 0x100000001B3) & _MASK
    return h


def unit_uniform(seed, count):
    """u[i] in [0, 1), float64, for i in [0, count)."""
    out = np.empty(count, dtype=np.float64)
    seed64 = np.uint64(seed)
    with np.errstate(over="ignore"):
        for start in range(0, count, _CHUNK):
            stop = min(count, start + _CHUNK)
            i = np.arange(start + 1, stop + 1, dtype=np.uint64)
            z = seed64 + i * _GOLDEN
            z = (z ^ (z >> np.uint64(30))) * _MIX1
            z = (z ^ (z >> np.uint64(27))) * _MIX2
            z = z ^ (z >> np.uint64(31))
            out[start:stop] = (z >> np.uint64(11)).astype(np.float64) * (2.0**-53)
    return out


def gain(key):
    """Context-free scale factors, by torchvision's module names, that keep activations O(1)."""
    parts = key.split(".")
    module = parts[-2] if len(parts) >= 2 else ""
    # ResNet's residual branches (BasicBlock bn2, Bottleneck bn2 and bn3): without the damping
    # ResNet-101 ends at 1e6.
    if parts[0].startswith("layer") and module in ("bn2", "bn3") and parts[-1] == "weight":
        return RESIDUAL_GAIN
    # Inception's deep Mixed_* branches (and the zero padding of its 1x7/7x1 convolutions on
    # small inputs) shrink activations by about 0.7 per layer.
    if parts[0].startswith("Mixed_") and module == "bn" and parts[-1] == "weight":
        return INCEPTION_GAIN
    return 1.0


def values(key, shape):
    """The float32 values of one state-dict entry, as a NumPy array of the given shape."""
    count = int(np.prod(shape)) if len(shape) > 0 else 1
    parts = key.split(".")
    last = parts[-1]
    module = parts[-2] if len(parts) >= 2 else ""
    if last == "num_batches_tracked":
        return np.zeros(shape, dtype=np.int64)
    u = unit_uniform(fnv1a64(key), count)
    v = 2.0 * u - 1.0
    if last == "running_mean":
        out = 0.1 * v
    elif last == "running_var":
        out = 0.75 + 0.5 * u
    elif last == "layer_scale":
        out = 0.5 + 0.1 * v
    elif last == "bias" and module == "fc2":
        out = SE_BIAS + 0.1 * v
    elif last == "bias":
        out = 0.1 * v
    elif last == "weight" and len(shape) == 1:
        out = (1.0 + 0.1 * v) * gain(key)
    elif last == "weight":
        fan_in = 1
        for d in shape[1:]:
            fan_in *= int(d)
        out = math.sqrt(6.0 / fan_in) * v
    else:
        out = 0.1 * v
    return out.astype(np.float32).reshape(shape)


def input_batch(shape):
    count = int(np.prod(shape))
    v = 2.0 * unit_uniform(fnv1a64("input"), count) - 1.0
    return (math.sqrt(3.0) * v).astype(np.float32).reshape(shape)
