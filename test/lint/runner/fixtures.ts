import type { Rule } from '../../../src/lint/rule.js';
import type { RuleMeta, TextNode } from '../../../src/lint/types.js';

/** Test rules written for the runner's tests (the real registry is someone else's). */
export function meta(id: string, severity: RuleMeta['severity'] = 'error'): RuleMeta {
  return { id, family: 'placeholder', description: `Règle de test ${id}.`, severity, url: `docs/rules.md#${id}` };
}

/** Reports every occurrence of `needle` in every node of every file. */
export function findRule(id: string, needle: string, severity: RuleMeta['severity'] = 'error', message = `« ${needle} » trouvé`): Rule {
  return {
    meta: meta(id, severity),
    check(context) {
      for (const file of context.files) {
        for (const node of file.source.nodes) {
          let i = node.text.indexOf(needle);
          while (i >= 0) {
            context.report({ node, start: i, end: i + needle.length, message });
            i = node.text.indexOf(needle, i + 1);
          }
        }
      }
    },
  };
}

/** All nodes of every file, in order. */
export function allNodes(context: Parameters<Rule['check']>[0]): TextNode[] {
  return context.files.flatMap((f) => [...f.source.nodes]);
}
