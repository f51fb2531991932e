"""Test helper: transformers' last-token logits of a text, for the base model with a PEFT adapter merged in.

Usage: hf_logits.py --base DIR [--adapter DIR] --text TEXT
Prints one JSON line: {"ids": [...], "logits": [...]} (ids as the HF tokenizer makes them, BOS included).
"""
import argparse
import json

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

parser = argparse.ArgumentParser()
parser.add_argument("--base", required=True)
parser.add_argument("--adapter")
parser.add_argument("--text", required=True)
args = parser.parse_args()
tokenizer = AutoTokenizer.from_pretrained(args.base)
model = AutoModelForCausalLM.from_pretrained(args.base, dtype=torch.float32)
if args.adapter:
    from peft import PeftModel

    model = PeftModel.from_pretrained(model, args.adapter).merge_and_unload()
model.eval()
ids = tokenizer(args.text)["input_ids"]
with torch.no_grad():
    logits = model(torch.tensor([ids])).logits[0, -1].tolist()
print(json.dumps({"ids": ids, "logits": logits}))
