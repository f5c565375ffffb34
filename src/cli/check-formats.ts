/**
 * The output formats of `check`. The renderers past text, json and markdown are loaded only when
 * asked for, so a plain run does not pay for the XML writer or the rule catalog's help texts.
 */
import { appendFileSync } from 'node:fs';
import type { CheckResult } from '../check.js';
import { ApicompatError } from '../errors.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderText } from '../render/text.js';

export const CHECK_FORMATS = ['text', 'json', 'markdown', 'github', 'sarif', 'junit', 'gitlab', 'html', 'yaml'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface FormatOptions {
  verbose?: boolean;
  version?: string;
  /** Environment to read `GITHUB_STEP_SUMMARY` from (default process.env). */
  env?: NodeJS.ProcessEnv;
}

export async function renderCheck(result: CheckResult, format: CheckFormat, opts: FormatOptions = {}): Promise<string> {
  switch (format) {
    case 'text':
      return renderText(result, { verbose: !!opts.verbose });
    case 'json':
      return renderJson(result);
    case 'markdown':
      return renderMarkdown(result);
    case 'github': {
      const { renderGithub } = await import('../render/github.js');
      const summary = (opts.env ?? process.env)['GITHUB_STEP_SUMMARY'];
      if (summary) {
        try {
          appendFileSync(summary, renderMarkdown(result));
        } catch (e) {
          throw new ApicompatError('usage', `cannot append the job summary to ${summary} (GITHUB_STEP_SUMMARY): ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        }
      }
      return renderGithub(result, { verbose: !!opts.verbose });
    }
    case 'sarif': {
      const [{ renderSarif }, { loadRules }] = await Promise.all([import('../render/sarif.js'), import('../rules/registry.js')]);
      return renderSarif(result, await loadRules(), opts.version ? { toolVersion: opts.version } : {});
    }
    case 'junit':
      return (await import('../render/junit.js')).renderJunit(result);
    case 'gitlab':
      return (await import('../render/gitlab.js')).renderGitlab(result);
    case 'html':
      return (await import('../render/html.js')).renderHtml(result);
    case 'yaml':
      return (await import('../render/yaml.js')).renderYaml(result);
  }
}
