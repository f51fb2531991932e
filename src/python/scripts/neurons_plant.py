"""Plants known FFN neurons into a Hugging Face Llama folder (for tests and demos of culturekit neurons).

Usage: neurons_plant.py --model DIR --plan FILE.json --background FILE.txt
Plan: [{"dim": 60, "words": ["zorblat"], "neurons": {"0": [5, 17], "1": [40]}}, ...]

For each entry, the token pieces of its words that never occur in the background text become markers: their
embeddings carry a value of 10 on hidden dimension `dim` (every other token 0 there); no attention output or FFN output
writes to that dimension, so it survives to every layer; the planted neurons read only that dimension
(gate and up rows = the unit vector), so they are exactly 0 on every other token and strongly positive on a marker;
their down_proj columns are redrawn larger (std 0.5), so switching them off changes the model's output.
Rewrites the model's safetensors in place and prints {"markers": {dim: [token ids]}}.
"""
import argparse
import json
import sys

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--plan", required=True)
    parser.add_argument("--background", required=True)
    args = parser.parse_args()
    with open(args.plan, encoding="utf-8") as handle:
        plan = json.load(handle)
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    with open(args.background, encoding="utf-8") as handle:
        background = set()
        for line in handle:
            background.update(tokenizer(line.strip(), add_special_tokens=False)["input_ids"])
    model = AutoModelForCausalLM.from_pretrained(args.model, dtype=torch.float32)
    markers = {}
    generator = torch.Generator().manual_seed(0)
    with torch.no_grad():
        embed = model.model.embed_tokens.weight
        for entry in plan:
            dim = int(entry["dim"])
            ids = set()
            for word in entry["words"]:
                for piece in (word, " " + word):
                    ids.update(tokenizer(piece, add_special_tokens=False)["input_ids"])
            ids -= background
            ids -= {tokenizer.bos_token_id, tokenizer.eos_token_id, tokenizer.unk_token_id}
            if not ids:
                sys.exit(f"{args.plan}: the words {entry['words']} have no token piece absent from the background text")
            markers[dim] = sorted(ids)
            embed[:, dim] = 0
            embed[sorted(ids), dim] = 10
            for layer in model.model.layers:
                layer.self_attn.o_proj.weight[dim, :] = 0
                layer.mlp.down_proj.weight[dim, :] = 0
            for layer_index, neurons in entry["neurons"].items():
                mlp = model.model.layers[int(layer_index)].mlp
                for neuron in neurons:
                    mlp.gate_proj.weight[neuron, :] = 0
                    mlp.gate_proj.weight[neuron, dim] = 1
                    mlp.up_proj.weight[neuron, :] = 0
                    mlp.up_proj.weight[neuron, dim] = 1
                    # a strong write into the residual stream, so that switching the neuron off changes the output
                    mlp.down_proj.weight[:, neuron] = torch.randn(mlp.down_proj.weight.shape[0], generator=generator) * 0.5
        for dim in markers:
            for layer in model.model.layers:
                layer.mlp.down_proj.weight[dim, :] = 0
    model.save_pretrained(args.model)
    print(json.dumps({"markers": markers}), flush=True)


if __name__ == "__main__":
    main()
