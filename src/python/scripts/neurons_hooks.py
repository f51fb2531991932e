"""Per-FFN-neuron activation statistics through transformers forward hooks (culturekit neurons, hooks backend).

Usage:
  neurons_hooks.py --model DIR|FILE.gguf --prompts FILE.jsonl --out PREFIX [--threshold 0]
  neurons_hooks.py --model DIR|FILE.gguf --chunk-text FILE.txt --ctx N --out PREFIX      (llama-imatrix's chunking)
  neurons_hooks.py --model DIR|FILE.gguf --prompts FILE.jsonl --render-dir DIR          (texts for llama-imatrix)

A pre-hook on every `mlp.down_proj` sees the FFN neurons' values x = act(gate(h)) * up(h); a hook on `mlp.act_fn`
sees act(gate(h)). For each group of prompts (the prompts file's "group" field, in first-seen order) and each layer,
per neuron:
  sum        Σ_tokens x
  sum2       Σ_tokens x²                      (the energy; what llama-imatrix stores as in_sum2)
  active     #tokens with act(gate(h)) > threshold
  promptSum  Σ_prompts mean_tokens(x)         (for a test across prompts)
  promptSum2 Σ_prompts mean_tokens(x)²
Writes PREFIX.json (header) and PREFIX.bin (float64, little-endian: group-major, then stat, then layer, then neuron).
Each prompt line: {"group": str, "text": str} (tokenized with the tokenizer's BOS) or {"group": str, "messages": [...]}
(rendered with the model's chat template and the generation prompt). Progress lines: {"progress": done, "total": n}.
Render mode only renders: one text file per group (DIR/<n>.txt, prompts separated by blank lines, chats through the
chat template without its leading BOS text, which llama-imatrix adds per chunk) and DIR/groups.json (keys in order).
Chunk mode tokenizes the text file as one stream with a leading BOS, cuts it into floor(n/ctx) chunks of ctx tokens
and sets the first token of each chunk to BOS, as llama-imatrix does (one group "chunks").
"""
import argparse
import json
import os
import sys

import numpy as np
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

STATS = ["sum", "sum2", "active", "promptSum", "promptSum2"]


def load(model_path):
    tokenizer = load_tokenizer(model_path)
    if model_path.endswith(".gguf"):
        folder, name = os.path.split(os.path.abspath(model_path))
        model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, dtype=torch.float32)
    else:
        model = AutoModelForCausalLM.from_pretrained(model_path, dtype=torch.float32)
    model.eval()
    return tokenizer, model


def mlps(model):
    layers = model.model.layers
    found = []
    for index, layer in enumerate(layers):
        mlp = getattr(layer, "mlp", None)
        if mlp is None or not hasattr(mlp, "down_proj") or not hasattr(mlp, "act_fn"):
            sys.exit(f"layer {index} has no mlp.down_proj / mlp.act_fn: only gated FFNs (Llama, Qwen, Mistral, Gemma) are supported")
        found.append(mlp)
    return found


class Recorder:
    def __init__(self, layers, neurons, threshold):
        self.layers = layers
        self.neurons = neurons
        self.threshold = threshold
        self.current = None

    def new_group(self):
        return {stat: np.zeros((self.layers, self.neurons), dtype=np.float64) for stat in STATS} | {"prompts": 0, "tokens": 0}

    def start(self, group):
        self.current = group
        self.prompt_sum = np.zeros((self.layers, self.neurons), dtype=np.float64)

    def down_hook(self, layer):
        def hook(_module, args):
            x = args[0].detach().to(torch.float64).reshape(-1, self.neurons).numpy()
            self.current["sum"][layer] += x.sum(axis=0)
            self.current["sum2"][layer] += (x * x).sum(axis=0)
            self.prompt_sum[layer] += x.sum(axis=0)

        return hook

    def act_hook(self, layer):
        def hook(_module, _args, output):
            a = output.detach().reshape(-1, self.neurons)
            self.current["active"][layer] += (a > self.threshold).sum(dim=0).to(torch.float64).numpy()

        return hook

    def finish(self, tokens):
        mean = self.prompt_sum / tokens
        self.current["promptSum"] += mean
        self.current["promptSum2"] += mean * mean
        self.current["prompts"] += 1
        self.current["tokens"] += tokens


def prompt_ids(tokenizer, record, where):
    if "messages" in record:
        if tokenizer.chat_template:
            text = tokenizer.apply_chat_template(record["messages"], add_generation_prompt=True, tokenize=False)
            ids = tokenizer(text, add_special_tokens=False)["input_ids"]
        else:
            text = "\n\n".join(message["content"] for message in record["messages"])
            ids = tokenizer(text)["input_ids"]
    elif "text" in record:
        ids = tokenizer(record["text"])["input_ids"]
    else:
        sys.exit(f"{where}: a prompt needs text or messages")
    if len(ids) == 0:
        sys.exit(f"{where}: the prompt tokenizes to nothing")
    if all(token in tokenizer.all_special_ids for token in ids):
        sys.exit(f"{where}: the prompt tokenizes to special tokens only ({ids}): is the model's tokenizer.json broken?")
    return ids


def load_tokenizer(model_path):
    if model_path.endswith(".gguf"):
        folder, name = os.path.split(os.path.abspath(model_path))
        return AutoTokenizer.from_pretrained(folder, gguf_file=name)
    return AutoTokenizer.from_pretrained(model_path)


def read_prompts(path):
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                sys.exit(f"{where}: not JSON: {error}")
            if not isinstance(record.get("group"), str):
                sys.exit(f"{where}: group: expected a string")
            yield where, record


def render(args):
    tokenizer = load_tokenizer(args.model)
    texts = {}
    for where, record in read_prompts(args.prompts):
        if "messages" in record:
            if tokenizer.chat_template:
                text = tokenizer.apply_chat_template(record["messages"], add_generation_prompt=True, tokenize=False)
            else:
                text = "\n\n".join(message["content"] for message in record["messages"])
        elif "text" in record:
            text = record["text"]
        else:
            sys.exit(f"{where}: a prompt needs text or messages")
        if tokenizer.bos_token and text.startswith(tokenizer.bos_token):
            text = text[len(tokenizer.bos_token) :]
        texts.setdefault(record["group"], []).append(text)
    os.makedirs(args.render_dir, exist_ok=True)
    for index, parts in enumerate(texts.values()):
        with open(os.path.join(args.render_dir, f"{index}.txt"), "w", encoding="utf-8") as handle:
            handle.write("\n\n".join(parts))
    with open(os.path.join(args.render_dir, "groups.json"), "w", encoding="utf-8") as handle:
        json.dump(list(texts.keys()), handle)
    print(json.dumps({"done": True, "groups": len(texts)}), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--prompts")
    parser.add_argument("--chunk-text")
    parser.add_argument("--ctx", type=int, default=128)
    parser.add_argument("--out")
    parser.add_argument("--render-dir")
    parser.add_argument("--threshold", type=float, default=0.0)
    parser.add_argument("--max-tokens", type=int, default=1024)
    args = parser.parse_args()
    if bool(args.prompts) == bool(args.chunk_text):
        sys.exit("give exactly one of --prompts and --chunk-text")
    if args.render_dir:
        return render(args)
    if not args.out:
        sys.exit("--out is required")

    torch.set_grad_enabled(False)
    tokenizer, model = load(args.model)
    blocks = mlps(model)
    neurons = blocks[0].down_proj.in_features
    recorder = Recorder(len(blocks), neurons, args.threshold)
    for index, mlp in enumerate(blocks):
        mlp.down_proj.register_forward_pre_hook(recorder.down_hook(index))
        mlp.act_fn.register_forward_hook(recorder.act_hook(index))

    inputs = []  # (group key, token ids)
    if args.prompts:
        for where, record in read_prompts(args.prompts):
            inputs.append((record["group"], prompt_ids(tokenizer, record, where)[: args.max_tokens]))
    else:
        with open(args.chunk_text, encoding="utf-8") as handle:
            text = handle.read()
        ids = tokenizer(text)["input_ids"]
        if tokenizer.bos_token_id is not None and (len(ids) == 0 or ids[0] != tokenizer.bos_token_id):
            ids = [tokenizer.bos_token_id] + ids
        chunks = len(ids) // args.ctx
        if chunks < 2:
            sys.exit(f"{args.chunk_text}: {len(ids)} tokens, need at least {2 * args.ctx} for chunks of {args.ctx}")
        for chunk in range(chunks):
            piece = ids[chunk * args.ctx : (chunk + 1) * args.ctx]
            if tokenizer.bos_token_id is not None:
                piece[0] = tokenizer.bos_token_id
            inputs.append(("chunks", piece))

    groups = {}
    total = len(inputs)
    step = max(1, total // 20)
    for done, (key, ids) in enumerate(inputs, 1):
        group = groups.get(key)
        if group is None:
            group = groups[key] = recorder.new_group()
        recorder.start(group)
        model(input_ids=torch.tensor([ids], dtype=torch.long), use_cache=False)
        recorder.finish(len(ids))
        if done % step == 0 or done == total:
            print(json.dumps({"progress": done, "total": total}), flush=True)

    with open(args.out + ".bin", "wb") as handle:
        for group in groups.values():
            for stat in STATS:
                handle.write(group[stat].astype("<f8").tobytes())
    header = {
        "format": "culturekit-neuron-stats@1",
        "backend": "hooks",
        "layers": len(blocks),
        "neurons": neurons,
        "threshold": args.threshold,
        "stats": STATS,
        "groups": [{"key": key, "prompts": group["prompts"], "tokens": group["tokens"]} for key, group in groups.items()],
    }
    with open(args.out + ".json", "w", encoding="utf-8") as handle:
        json.dump(header, handle)
    print(json.dumps({"done": True, "groups": len(groups), "layers": len(blocks), "neurons": neurons}), flush=True)


if __name__ == "__main__":
    main()
