import { InputError } from '../../errors/culturekit-error.js';
import { discoverLocalServers, USUAL_LOCAL_SERVERS } from '../../models/discover-local-servers.js';
import type { ModelEntry } from '../../schema/manifest.js';
import { commandSettings } from '../command-settings.js';
import { runAndReport } from '../run-and-report.js';
import type { RunFlags } from '../run-flags.js';

/** Runs `culturekit eval`. */
export async function runEvalCommand(flags: RunFlags): Promise<void> {
  const settings = await commandSettings(flags, { discoverModels: discoverModel });
  await runAndReport(settings);
}

async function discoverModel(): Promise<ModelEntry[]> {
  const servers = await discoverLocalServers();
  const usual = USUAL_LOCAL_SERVERS.map((server) => `${server.name} :${server.port}`).join(', ');
  if (servers.length === 0) {
    throw new InputError(
      [
        `no --model given, and no local OpenAI-compatible server answered on the usual ports (${usual}).`,
        'Pass a model, for example:',
        '  culturekit eval --dataset builtin:sample --model openai:qwen2.5-7b-instruct --base-url http://127.0.0.1:8000/v1',
        '  culturekit eval --dataset builtin:sample --model llama:./models/qwen2.5-0.5b-instruct-q4_k_m.gguf',
        'or try everything offline with: culturekit demo',
      ].join('\n'),
    );
  }
  for (const server of servers) {
    process.stderr.write(`found ${server.name} at ${server.baseUrl} with models: ${server.models.join(', ') || '(none listed)'}\n`);
  }
  const chosen = servers.find((server) => server.models.length > 0);
  if (!chosen) throw new InputError('the local servers found list no models: pass --model openai:<name> --base-url <url>');
  process.stderr.write(`using --model openai:${chosen.models[0]} --base-url ${chosen.baseUrl} (pass --model to choose another)\n`);
  return [{ spec: `openai:${chosen.models[0]}`, baseUrl: chosen.baseUrl }];
}
