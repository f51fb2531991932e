"""Creates a tiny random Llama (own SentencePiece BPE tokenizer, chat template) in a folder, offline.

Usage: make_tiny_llama.py --out DIR --text FILE [--seed 0] [--vocab 320] [--hidden 64] [--intermediate 128] [--layers 2]
Prints one JSON line: {"dir", "parameters", "vocab_size"}.
"""
import argparse
import json
import os

import sentencepiece as spm
import torch
from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM, LlamaTokenizer

CHAT_TEMPLATE = (
    "{{ bos_token }}{% for message in messages %}"
    "{% if message['role'] == 'system' %}<|system|>\n{{ message['content'] }}\n"
    "{% elif message['role'] == 'user' %}<|user|>\n{{ message['content'] }}\n"
    "{% elif message['role'] == 'assistant' %}<|assistant|>\n{% generation %}{{ message['content'] }}{{ eos_token }}{% endgeneration %}\n"
    "{% endif %}{% endfor %}"
    "{% if add_generation_prompt %}<|assistant|>\n{% endif %}"
)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--text", required=True, help="UTF-8 text file the tokenizer is trained on")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--vocab", type=int, default=320)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--intermediate", type=int, default=128)
    parser.add_argument("--layers", type=int, default=2)
    args = parser.parse_args()

    os.makedirs(args.out, exist_ok=True)
    prefix = os.path.join(args.out, "tokenizer")
    spm.SentencePieceTrainer.train(
        input=args.text,
        model_prefix=prefix,
        vocab_size=args.vocab,
        model_type="bpe",
        byte_fallback=True,
        character_coverage=1.0,
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        hard_vocab_limit=False,
        minloglevel=2,
    )
    os.remove(prefix + ".vocab")
    tokenizer = LlamaTokenizer(vocab_file=prefix + ".model", legacy=False, add_bos_token=True, add_eos_token=False)
    tokenizer.pad_token = tokenizer.unk_token
    tokenizer.chat_template = CHAT_TEMPLATE
    tokenizer.save_pretrained(args.out)
    # transformers 5 builds a LlamaTokenizer from a vocab file without its pieces (its tokenizer.json maps every text
    # to BOS alone): drop that file, mark BOS as added, and load the tokenizer again from tokenizer.model.
    os.remove(os.path.join(args.out, "tokenizer.json"))
    config_path = os.path.join(args.out, "tokenizer_config.json")
    with open(config_path, encoding="utf-8") as handle:
        tokenizer_config = json.load(handle)
    tokenizer_config.update({"add_bos_token": True, "add_eos_token": False})
    with open(config_path, "w", encoding="utf-8") as handle:
        json.dump(tokenizer_config, handle, indent=2)
    tokenizer = AutoTokenizer.from_pretrained(args.out)
    sample = tokenizer("a b")["input_ids"]
    if len(sample) < 3 or sample[0] != 1:
        raise SystemExit(f"the tiny tokenizer is broken: 'a b' -> {sample}")
    tokenizer.save_pretrained(args.out)

    torch.manual_seed(args.seed)
    sp = spm.SentencePieceProcessor(model_file=prefix + ".model")
    config = LlamaConfig(
        vocab_size=sp.get_piece_size(),
        hidden_size=args.hidden,
        intermediate_size=args.intermediate,
        num_hidden_layers=args.layers,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=256,
        rms_norm_eps=1e-5,
        tie_word_embeddings=False,
        bos_token_id=1,
        eos_token_id=2,
        pad_token_id=0,
    )
    model = LlamaForCausalLM(config)
    model.save_pretrained(args.out)
    print(json.dumps({"dir": args.out, "parameters": sum(p.numel() for p in model.parameters()), "vocab_size": config.vocab_size}))


if __name__ == "__main__":
    main()
