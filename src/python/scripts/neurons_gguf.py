"""GGUF helpers of culturekit neurons (the `gguf` package only; no torch).

  neurons_gguf.py zero --in BASE.gguf COPY.gguf=FILE.json ...
      For each COPY=FILE pair: copies the GGUF and zeroes, in every layer N named in FILE.json ({"N": [neuron, ...]}), the columns of
      blk.N.ffn_down.weight that read those FFN neurons: the neurons are switched off (their output never reaches the
      residual stream). F32, F16 and BF16 are edited directly; quantized types the `gguf` package can quantize
      (e.g. Q8_0) are dequantized, edited and quantized again.
  neurons_gguf.py imatrix --out PREFIX GROUP=IMATRIX.gguf ...
      Reads llama-imatrix outputs (blk.N.ffn_down.weight.in_sum2 / .counts) into the neuron statistics format of
      neurons_hooks.py with the single statistic sum2 (Σ over tokens of the squared FFN neuron values).
"""
import argparse
import json
import re
import shutil
import sys

import numpy as np
from gguf import GGMLQuantizationType, GGUFReader, quants

DIRECT = {GGMLQuantizationType.F32, GGMLQuantizationType.F16, GGMLQuantizationType.BF16}


def zero(args):
    for job in args.jobs:
        out, _, plan = job.rpartition("=")
        if not out or not plan:
            sys.exit(f"expected COPY.gguf=NEURONS.json, got {job}")
        zero_one(args.input, out, plan)


def zero_one(source, out, plan):
    with open(plan, encoding="utf-8") as handle:
        chosen = {int(layer): sorted(set(int(n) for n in neurons)) for layer, neurons in json.load(handle).items()}
    shutil.copyfile(source, out)
    reader = GGUFReader(out, "r+")
    tensors = {tensor.name: tensor for tensor in reader.tensors}
    zeroed = 0
    for layer, neurons in chosen.items():
        if not neurons:
            continue
        name = f"blk.{layer}.ffn_down.weight"
        tensor = tensors.get(name)
        if tensor is None:
            sys.exit(f"{source}: no tensor {name}")
        n_ff = int(tensor.shape[0])
        if neurons[-1] >= n_ff:
            sys.exit(f"{plan}: layer {layer}: neuron {neurons[-1]} out of range (the FFN has {n_ff})")
        if tensor.tensor_type in DIRECT:
            tensor.data[:, neurons] = 0
        else:
            try:
                values = quants.dequantize(np.asarray(tensor.data), tensor.tensor_type)
                values[:, neurons] = 0
                tensor.data[...] = quants.quantize(values, tensor.tensor_type).reshape(tensor.data.shape)
            except NotImplementedError:
                sys.exit(f"{source}: {name} is {tensor.tensor_type.name}, which the gguf package cannot requantize; use an F16, F32 or Q8_0 GGUF")
        zeroed += len(neurons)
    reader.data.flush()
    print(json.dumps({"out": out, "zeroed": zeroed}), flush=True)


def imatrix(args):
    groups = []
    layers = None
    neurons = None
    for spec in args.groups:
        key, _, path = spec.rpartition("=")
        if not key or not path:
            sys.exit(f"expected GROUP=FILE, got {spec}")
        reader = GGUFReader(path)
        sums = {}
        counts = {}
        for tensor in reader.tensors:
            match = re.fullmatch(r"blk\.(\d+)\.ffn_down\.weight\.(in_sum2|counts)", tensor.name)
            if match:
                (sums if match.group(2) == "in_sum2" else counts)[int(match.group(1))] = np.asarray(tensor.data, dtype=np.float64).reshape(-1)
        if not sums:
            sys.exit(f"{path}: no blk.N.ffn_down.weight.in_sum2 tensors (not a llama-imatrix GGUF output?)")
        found = max(sums) + 1
        if sorted(sums) != list(range(found)):
            sys.exit(f"{path}: ffn_down statistics of some layers are missing ({sorted(sums)})")
        width = len(sums[0])
        if layers is None:
            layers, neurons = found, width
        elif (layers, neurons) != (found, width):
            sys.exit(f"{path}: {found} layers × {width} neurons, the other files have {layers} × {neurons}")
        tokens = int(counts[0][0]) if 0 in counts else 0
        groups.append((key, np.stack([sums[layer] for layer in range(layers)]), tokens))
    with open(args.out + ".bin", "wb") as handle:
        for _key, values, _tokens in groups:
            handle.write(values.astype("<f8").tobytes())
    header = {
        "format": "culturekit-neuron-stats@1",
        "backend": "imatrix",
        "layers": layers,
        "neurons": neurons,
        "stats": ["sum2"],
        "groups": [{"key": key, "prompts": 0, "tokens": tokens} for key, _values, tokens in groups],
    }
    with open(args.out + ".json", "w", encoding="utf-8") as handle:
        json.dump(header, handle)
    print(json.dumps({"done": True, "groups": len(groups)}), flush=True)


def main():
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    zero_parser = commands.add_parser("zero")
    zero_parser.add_argument("--in", dest="input", required=True)
    zero_parser.add_argument("jobs", nargs="+")
    imatrix_parser = commands.add_parser("imatrix")
    imatrix_parser.add_argument("--out", required=True)
    imatrix_parser.add_argument("groups", nargs="+")
    args = parser.parse_args()
    zero(args) if args.command == "zero" else imatrix(args)


if __name__ == "__main__":
    main()
