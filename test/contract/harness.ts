/**
 * The contract between validate, generate, packet and lint (issue 16), in-process:
 *   validate accepts ⇒ generate (DOCX + PDF) and packet succeed, and lint of every generated
 *   DOCX and PDF reports no warning and no error;
 *   validate refuses ⇒ generate and packet refuse with the same located messages, writing nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateDocuments } from '../../src/batch/generate.js';
import { checkDataset } from '../../src/data/load.js';
import { ConvkitError, ConvkitErrors, formatLocated } from '../../src/errors.js';
import { parseSource, parseSourceAsync } from '../../src/lint/read/index.js';
import { lint } from '../../src/lint/runner.js';
import { defaultPacketDeps } from '../../src/packet/deps.js';
import { runPacket } from '../../src/packet/run.js';

/** What broke the contract for one data folder (empty: the contract holds). */
export interface ContractOutcome {
  /** validate accepted the data. */
  readonly valid: boolean;
  /** Every breach, one French-or-technical line each. */
  readonly breaches: string[];
  /** Lint findings (warning or error) on the generated DOCX and PDF, « file:line:col rule message ». */
  readonly findings: string[];
  /** validate's warnings of inconsistency (a copy-paste error told to the clerk), « file field ». */
  readonly inconsistencies: string[];
}

/** Every file under `dir`, relative, sorted. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** The lines a command refused with, or undefined when it did not refuse. */
async function refusal(run: () => Promise<unknown>): Promise<{ lines: string[]; internal?: string } | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    if (error instanceof ConvkitErrors) return { lines: error.problems.map((p) => formatLocated(p.message, p.location)) };
    if (error instanceof ConvkitError) return { lines: [error.message] };
    return { lines: [], internal: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

/** Lints DOCX files together, as `convkit lint a.docx b.docx …` does; returns warnings and errors. */
export function lintDocx(files: readonly string[]): string[] {
  return findingsOf(files.map((f) => parseSource(f, 'docx', readFileSync(f))));
}

/** Lints PDF files together, as `convkit lint a.pdf b.pdf …` does; returns warnings and errors. */
export async function lintPdf(files: readonly string[]): Promise<string[]> {
  return findingsOf(await Promise.all(files.map((f) => parseSourceAsync(f, 'pdf', readFileSync(f)))));
}

function findingsOf(sources: Parameters<typeof lint>[0]): string[] {
  const out: string[] = [];
  for (const r of lint(sources)) {
    for (const m of r.messages) {
      if (m.severity === 'info') continue;
      out.push(`${path.basename(r.filePath)}:${m.line}:${m.column} ${m.severity} ${m.ruleId} ${m.message}`);
    }
  }
  return out;
}

/** How much of the contract to exercise on an accepted data folder (a refusal is always checked in full). */
export interface ContractScope {
  /** Formats generated (default DOCX and PDF). */
  readonly formats?: readonly ('docx' | 'pdf')[];
  /** Documents generated and linted (default: all). */
  readonly only?: readonly string[];
  /** Build the packet too (default true). */
  readonly packet?: boolean;
}

/**
 * Checks the contract on a data folder; writes under `work` (`out/`, `packet/`). `deliberation`
 * is the packet's deliberation id (skipped when the data has none).
 */
export async function checkContract(data: string, work: string, deliberation = '2014-06-26', scope: ContractScope = {}): Promise<ContractOutcome> {
  const breaches: string[] = [];
  const findings: string[] = [];
  const check = await checkDataset(data);
  const inconsistencies = check.problems.filter((p) => p.severity === 'warning' && p.code === 'inconsistent').map((p) => `${p.location.file} ${p.location.field ?? ''}`);
  const errors = check.problems.filter((p) => p.severity === 'error').map((p) => formatLocated(p.message, p.location));
  const out = path.join(work, 'out');
  const packetDir = path.join(work, 'packet');
  const valid = !check.problems.some((p) => p.severity === 'error');
  const gen = await refusal(() =>
    generateDocuments({
      dataDir: data,
      outDir: out,
      workers: 0,
      ...(valid ? { formats: scope.formats ?? ['docx', 'pdf'], only: scope.only ?? [] } : {}),
    }).then((o) => {
    for (const f of o.failures) breaches.push(`generate : échec de ${f.id} : ${f.message}`);
  }));
  const hasDeliberation = existsSync(path.join(data, 'deliberations', `${deliberation}.yaml`));
  const deps = await defaultPacketDeps();
  const packet = hasDeliberation && (!valid || scope.packet !== false) ? await refusal(() => runPacket({ id: deliberation, dataDir: data, outDir: packetDir }, deps)) : undefined;
  if (errors.length > 0) {
    if (!gen) breaches.push('validate refuse, generate accepte');
    else if (gen.internal) breaches.push(`generate : exception interne : ${gen.internal}`);
    else if (gen.lines.join('\n') !== errors.join('\n')) breaches.push(`generate refuse autrement que validate :\n${gen.lines.join('\n')}\n≠\n${errors.join('\n')}`);
    if (hasDeliberation && !packet) breaches.push('validate refuse, packet accepte');
    else if (packet && packet.lines.join('\n') !== errors.join('\n')) breaches.push(`packet refuse autrement que validate :\n${packet.internal ?? packet.lines.join('\n')}`);
    if (filesUnder(out).length > 0) breaches.push(`generate a écrit ${filesUnder(out).join(', ')}`);
    if (existsSync(packetDir)) breaches.push('packet a écrit son dossier');
    return { valid: false, breaches, findings, inconsistencies };
  }
  if (gen) breaches.push(`validate accepte, generate refuse : ${gen.internal ?? gen.lines.join('\n')}`);
  if (packet) breaches.push(`validate accepte, packet refuse : ${packet.internal ?? packet.lines.join('\n')}`);
  const docx = filesUnder(out).filter((f) => f.endsWith('.docx')).map((f) => path.join(out, f));
  if (!gen && docx.length === 0) breaches.push('generate n’a écrit aucun DOCX');
  if (docx.length > 0) findings.push(...lintDocx(docx));
  // The linter reads PDF too: the PDF generated in a full-scope case must lint clean as well.
  const pdf = filesUnder(out).filter((f) => f.endsWith('.pdf')).map((f) => path.join(out, f));
  if (pdf.length > 0) findings.push(...(await lintPdf(pdf)));
  return { valid: true, breaches, findings, inconsistencies };
}
