// Makes a synthetic data folder of N partners from the bundled 2014 data: the six real
// partners plus N - 6 copies of them (round robin), each with its own id, names, source label,
// representative and referent, so that every convention variant is exercised at scale.
//
//   node bench/synth.mjs <N> <out-dir> [--data data]
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Writes a copy of `dataDir` into `outDir` with `count` partners in all (the real ones and
 * synthetic copies, with their people). Returns the ids of every partner.
 */
export async function synthesise(count, outDir, dataDir = path.join(here, '..', 'data')) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await cp(dataDir, outDir, { recursive: true });
  const partnersDir = path.join(outDir, 'partners');
  // The real partners stay (other files, such as the deliberations, reference them, and the
  // MDEF is the hub of interface partners); synthetic copies of them make up the count.
  const templates = [];
  for (const f of (await readdir(partnersDir)).filter((f) => f.endsWith('.yaml')).sort()) {
    templates.push(parse(await readFile(path.join(partnersDir, f), 'utf8')));
  }
  const ids = templates.map((t) => t.id).slice(0, count);
  if (count < templates.length) {
    throw new Error(`au moins ${templates.length} partenaires (les partenaires réels sont conservés)`);
  }
  const hub = templates.find((t) => t.collection?.mode === 'direct' && templates.some((o) => o.collection?.via === t.id))?.id ?? 'mdef';
  const people = [];
  for (let i = 1; ids.length < count; i++) {
    const base = templates[i % templates.length];
    const id = `partenaire-${String(i).padStart(4, '0')}`;
    const n = String(i);
    const referent = {
      id: `referent-${String(i).padStart(4, '0')}`,
      civility: i % 2 ? 'Mme' : 'M.',
      firstName: i % 2 ? 'Camille' : 'Dominique',
      lastName: `MARTIN-${n}`,
      organisation: id,
      function: 'Chargé d’études statistiques',
      phone: `03 80 ${String(10 + (i % 89)).padStart(2, '0')} ${String(i % 100).padStart(2, '0')} ${String((i * 7) % 100).padStart(2, '0')}`,
      email: `referent${n}@partenaire${n}.fr`,
    };
    const representative = { ...referent, id: `representant-${String(i).padStart(4, '0')}`, lastName: `DURAND-${n}`, function: 'Directeur', email: `direction${n}@partenaire${n}.fr` };
    people.push(referent, representative);
    const partner = {
      ...base,
      id,
      legalName: `${base.legalName} (territoire ${n})`,
      shortName: `${base.shortName} ${n}`,
      ...(base.designation ? { designation: `${base.designation} ${n}` } : {}),
      sourceLabel: `${base.sourceLabel} ${n}`,
      representative: representative.id,
      referents: [referent.id],
      collection: base.collection?.mode === 'interface' ? { mode: 'interface', via: hub } : { mode: 'direct' },
      ...(base.dataList ? { dataList: renamed(base.dataList, base.shortName, `${base.shortName} ${n}`) } : {}),
    };
    await writeFile(path.join(partnersDir, `${id}.yaml`), stringify(partner));
    ids.push(id);
  }
  if (people.length > 0) await writeFile(path.join(outDir, 'people', 'synthetic.yaml'), stringify({ people }));
  return ids;
}

/** A copy of `value` where every string names the copy instead of the real partner. */
function renamed(value, from, to) {
  if (typeof value === 'string') return value.split(from).join(to);
  if (Array.isArray(value)) return value.map((v) => renamed(v, from, to));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamed(v, from, to)]));
  return value;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [count, out] = process.argv.slice(2);
  if (!count || !out) {
    console.error('usage : node bench/synth.mjs <N> <dossier>');
    process.exit(2);
  }
  const ids = await synthesise(Number(count), out);
  console.log(`${ids.length} partenaires écrits dans ${out}`);
}
