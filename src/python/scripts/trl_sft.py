"""culturekit's launcher for TRL supervised fine-tuning.

The config is `trl sft`'s own YAML (ScriptArguments, SFTConfig, ModelConfig, DatasetMixtureConfig keys, parsed by
TRL's own TrlParser): `trl sft --config stage1.yaml` trains the same stage-1 adapter by hand. This launcher adds what
the `trl sft` command lacks:

  --events FILE        one JSON object per line: begin (maxSteps), log (step, loss, learningRate, epoch), checkpoint,
                       done (adapterDir, mergedDir) — culturekit follows this file, also after it restarted itself
  --adapter-from DIR   continue training this PEFT adapter (stage 2 from the stage-1 adapter; trl#2418)
  --merge-to DIR       after training, merge the adapter into its base model and save it there (stage 2 from merged)

`resume_from_checkpoint` in the YAML resumes from that checkpoint-N folder.
"""
import argparse
import json
import os
import sys
import time


def write_event(path, event):
    event["time"] = time.time()
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(event) + "\n")
        handle.flush()


TOKENIZER_FILES = ("tokenizer.model", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "added_tokens.json", "chat_template.jinja")


def copy_tokenizer_files(source, target):
    """The base model's own tokenizer files (a SentencePiece tokenizer.model included), so GGUF conversion sees them."""
    import shutil

    for name in TOKENIZER_FILES:
        if os.path.exists(os.path.join(source, name)):
            shutil.copyfile(os.path.join(source, name), os.path.join(target, name))


def main():
    own = argparse.ArgumentParser()
    own.add_argument("--events", required=True)
    own.add_argument("--adapter-from")
    own.add_argument("--merge-to")
    known, rest = own.parse_known_args()

    from transformers import AutoModelForCausalLM, AutoTokenizer, TrainerCallback
    from trl import DatasetMixtureConfig, ModelConfig, ScriptArguments, SFTConfig, SFTTrainer, TrlParser, get_dataset, get_peft_config

    parser = TrlParser((ScriptArguments, SFTConfig, ModelConfig, DatasetMixtureConfig))
    script_args, training_args, model_args, dataset_args = parser.parse_args_and_config(args=rest)
    events = known.events

    class EventsCallback(TrainerCallback):
        def on_train_begin(self, args, state, control, **kwargs):
            write_event(events, {"type": "begin", "maxSteps": state.max_steps, "step": state.global_step, "pid": os.getpid()})

        def on_log(self, args, state, control, logs=None, **kwargs):
            logs = logs or {}
            if "loss" in logs:
                write_event(events, {
                    "type": "log",
                    "step": state.global_step,
                    "maxSteps": state.max_steps,
                    "loss": float(logs["loss"]),
                    "learningRate": float(logs.get("learning_rate", 0.0)),
                    "epoch": float(logs.get("epoch", state.epoch or 0.0)),
                })
            elif "train_loss" in logs:
                write_event(events, {"type": "summary", "trainLoss": float(logs["train_loss"]), "runtime": float(logs.get("train_runtime", 0.0))})

        def on_save(self, args, state, control, **kwargs):
            write_event(events, {"type": "checkpoint", "step": state.global_step, "dir": os.path.join(args.output_dir, f"checkpoint-{state.global_step}")})

    if not dataset_args.datasets:
        raise SystemExit(f"{known.events}: the config names no `datasets`")
    dataset = get_dataset(dataset_args)
    peft_config = get_peft_config(model_args)
    model = model_args.model_name_or_path
    processing_class = None
    if known.adapter_from:
        from peft import PeftModel

        base = AutoModelForCausalLM.from_pretrained(model_args.model_name_or_path)
        model = PeftModel.from_pretrained(base, known.adapter_from, is_trainable=True)
        processing_class = AutoTokenizer.from_pretrained(model_args.model_name_or_path)
        peft_config = None

    trainer = SFTTrainer(
        model=model,
        args=training_args,
        train_dataset=dataset[script_args.dataset_train_split],
        processing_class=processing_class,
        peft_config=peft_config,
        callbacks=[EventsCallback()],
    )
    trainer.train(resume_from_checkpoint=training_args.resume_from_checkpoint)
    trainer.accelerator.print("✅ Training completed.")
    adapter_dir = os.path.join(training_args.output_dir, "adapter")
    trainer.save_model(adapter_dir)
    tokenizer = trainer.processing_class
    tokenizer.save_pretrained(adapter_dir)
    trainer.accelerator.print(f"💾 Model saved to {adapter_dir}.")

    merged_dir = None
    if known.merge_to:
        merged = trainer.model.merge_and_unload()
        merged.save_pretrained(known.merge_to)
        copy_tokenizer_files(model_args.model_name_or_path, known.merge_to)
        merged_dir = known.merge_to
    write_event(events, {"type": "done", "adapterDir": adapter_dir, "mergedDir": merged_dir})


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
