import { Command } from 'commander';
import { TOOL_VERSION } from '../version.js';
import { createDemoCommand } from './demo/demo-command.js';
import { createEvalCommand } from './eval/eval-command.js';
import { createReportCommand } from './report/report-command.js';
import { createViewCommand } from './view/view-command.js';
import { createReviewCommand } from './review/review-command.js';
import { createScoreCommand } from './score/score-command.js';
import { createServeCommand } from './serve/serve-command.js';
import { createBuildCommand } from './build/build-command.js';
import { handleError } from './handle-error.js';
import { createGateCommand } from './gate/gate-command.js';
import { addExamples } from './command-examples.js';
import { createExportCommand } from './export/export-command.js';
import { createInitCommand } from './init/init-command.js';
import { createValidateCommand } from './validate/validate-command.js';
import { createAdaptCommand } from './adapt/adapt-command.js';

process.env.NODE_LLAMA_CPP_SKIP_DOWNLOAD ??= 'true';

/**
 * The `culturekit` program. Each `*-command.ts` only declares its options; its work (`*-action.ts`) is imported when
 * it runs, so `--version`, `--help` and each command load only what they use (see bench/startup.ts).
 */
export function createProgram(): Command {
  const program = new Command('culturekit')
    .description('measure and improve how well large language models know and respect specific cultures')
    .version(TOOL_VERSION)
    .exitOverride()
    .addCommand(createEvalCommand().exitOverride())
    .addCommand(createBuildCommand().exitOverride())
    .addCommand(createServeCommand().exitOverride())
    .addCommand(createReportCommand().exitOverride())
    .addCommand(createViewCommand().exitOverride())
    .addCommand(createReviewCommand().exitOverride())
    .addCommand(createDemoCommand().exitOverride())
    .addCommand(createScoreCommand().exitOverride())
    .addCommand(createGateCommand().exitOverride())
    .addCommand(createInitCommand().exitOverride())
    .addCommand(createValidateCommand().exitOverride())
    .addCommand(createExportCommand().exitOverride())
    .addCommand(createAdaptCommand().exitOverride());
  return addExamples(program);
}

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = handleError(error);
}
