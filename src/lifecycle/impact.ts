/**
 * `convkit impact <entity-id|template-file>`: the documents and sections that a person, an
 * organisation, a partner, a signatory or a template file reaches, read from the provenance of
 * the working copy's documents (nothing is written).
 */
import { ConvkitError } from '../errors.js';
import type { Block, Section } from '../model/types.js';
import { entities, entityOfField } from './data-diff.js';
import { sectionLabel } from './diff.js';
import type { FolderKind, LoadedVersion } from './load.js';

export interface ImpactSection {
  readonly label: string;
  readonly kind: Section['kind'];
  readonly number?: number;
  /** Blocks of the section reached. */
  readonly blocks: number;
  /** The fields read (entity target) or nothing (template target). */
  readonly fields: readonly string[];
}

export interface ImpactDocument {
  readonly kind: FolderKind;
  readonly id: string;
  readonly title: string;
  readonly sections: readonly ImpactSection[];
}

export interface ImpactResult {
  /** « person:celine-rouot », « partials/article-suivi.hbs ». */
  readonly target: string;
  readonly type: 'entity' | 'template';
  readonly documents: readonly ImpactDocument[];
}

/** Resolves what the user typed to an entity key or a template file of the version. */
export function resolveTarget(version: LoadedVersion, input: string): { type: 'entity' | 'template'; key: string } {
  const known = entities(version.dataset);
  const cleaned = input.replace(/\\/g, '/').replace(/^(\.\/)?(.*\/)?templates\//, '');
  const templates = [...version.templates.keys()];
  const byTemplate =
    templates.find((t) => t === cleaned) ??
    templates.find((t) => t === `${cleaned}.hbs` || t === `partials/${cleaned}` || t === `partials/${cleaned}.hbs`);
  if (input === 'observatory' || input === 'observatoire') return { type: 'entity', key: 'observatory' };
  const byEntity = [...known.keys()].filter((k) => k === input || k.slice(k.indexOf(':') + 1) === input);
  if (byEntity.length > 0 && !input.endsWith('.hbs')) return { type: 'entity', key: byEntity[0] ?? input };
  if (byTemplate) return { type: 'template', key: byTemplate };
  throw new ConvkitError(
    `« ${input} » n’est ni un identifiant de la donnée (personne, organisme, partenaire, signataire) ni un modèle.\n` +
      `  modèles : ${templates.join(', ')}`,
  );
}

function reaches(b: Block | Section, target: { type: 'entity' | 'template'; key: string }): string[] | undefined {
  const source = b.source;
  if (!source) return undefined;
  if (target.type === 'template') return source.template === target.key ? [] : undefined;
  const fields = (source.fields ?? []).filter((f) => entityOfField(f) === target.key);
  return fields.length > 0 ? fields : undefined;
}

/** Where a target is used in the documents of a version. */
export function impactOf(version: LoadedVersion, input: string): ImpactResult {
  const target = resolveTarget(version, input);
  const documents: ImpactDocument[] = [];
  for (const d of version.documents.values()) {
    const sections: ImpactSection[] = [];
    for (const s of d.document.sections) {
      let blocks = 0;
      const fields = new Set<string>();
      for (const b of s.blocks) {
        const hit = reaches(b, target);
        if (!hit) continue;
        blocks += 1;
        for (const f of hit) fields.add(f);
      }
      if (blocks > 0) {
        sections.push({ label: sectionLabel(s), kind: s.kind, ...(s.number !== undefined ? { number: s.number } : {}), blocks, fields: [...fields].sort() });
      }
    }
    if (sections.length > 0) documents.push({ kind: d.kind, id: d.id, title: d.document.meta.title, sections });
  }
  return { target: target.key, type: target.type, documents };
}

export function formatImpact(result: ImpactResult, format: 'stylish' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const what = result.type === 'template' ? `le modèle ${result.target}` : result.target === 'observatory' ? "l'observatoire" : result.target;
  if (result.documents.length === 0) return `Aucun document n’utilise ${what}.\n`;
  const lines = [`${what} est utilisé par ${result.documents.length} document${result.documents.length > 1 ? 's' : ''} :`];
  for (const d of result.documents) {
    lines.push(`  ${d.kind}/${d.id} — ${d.title}`);
    for (const s of d.sections) {
      const fields = s.fields.length > 0 ? ` [${s.fields.map((f) => f.slice(result.target.length + 1) || '(objet entier)').join(', ')}]` : '';
      lines.push(`    ${s.label} : ${s.blocks} bloc${s.blocks > 1 ? 's' : ''}${fields}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
