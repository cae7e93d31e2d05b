import type { Rule } from '../rule.js';
import { parsePersonName } from '../text/people.js';
import { contentWords, nameKey, stripArticle } from '../text/organisations.js';
import { fold } from '../text/normalize.js';
import { conventionsOf } from './util/clauses.js';
import { q, relatedAt, ruleMeta } from './util/kit.js';
import { orgKeyOf } from './util/people.js';
import type { Party } from '../segment.js';

function sameWords(a: string, b: string): boolean {
  const x = contentWords(a).sort().join(' ');
  const y = contentWords(b).sort().join(' ');
  return x === y;
}

function roleKey(role: string): string {
  return fold(role.replace(/^(?:Le|La|L['’])\s*/i, '').replace(/[,\s]+$/, ''));
}

/**
 * The signature's title (« Le Vice-Président, délégué à la cohésion sociale, ») is the whole
 * text of its line; in the parties block the title runs on after the representative up to a
 * comma that the title itself may contain. So the parties block agrees when its text, from the
 * title's start, begins with the signature's whole title (or the title read there begins with
 * the signature's, as « Directeur général » for « Le Directeur, »).
 */
function sameRole(signature: string, party: { readonly node: { readonly text: string }; readonly start: number; readonly text: string }): boolean {
  const sig = roleKey(signature);
  const read = roleKey(party.text);
  if (sig === read || read.startsWith(sig)) return true;
  // The block's own words after the role, as one line (a PDF wraps « Vice-Président du » /
  // « CCAS »).
  return sig.length > 0 && fold(party.node.text.slice(party.start).replace(/\s+/g, ' ')).startsWith(sig);
}

/**
 * The signature block must name the parties of the « Entre » block, in the same words
 * (« Pour l'URSSAF de Dijon » vs « l'URSSAF BOURGOGNE » is another body: error; « Pôle Emploi
 * de Côte d'Or » vs « POLE EMPLOI COTE D'OR » is the same words: warning), signed by the
 * representative the block names.
 */
export const rule: Rule = {
  meta: ruleMeta('parties-signature', 'parties', 'error', 'Le bloc de signature ne correspond pas aux parties du bloc « Entre … et … » (organisme, désignation ou signataire).'),
  check(context) {
    for (const { file, doc } of conventionsOf(context.files)) {
      const sig = doc.signature;
      if (!sig || doc.parties.length === 0) continue;
      const matched = new Set<Party>();
      for (const s of sig.parties) {
        if (!s.heading || !s.headingText) continue;
        const key = orgKeyOf(file, s.headingText);
        const party = doc.parties.find((p) => orgKeyOf(file, p.name.text) === key);
        if (!party) {
          context.report({
            node: s.heading.node,
            start: s.heading.start,
            end: s.heading.end,
            message: `Le bloc de signature nomme ${q(s.headingText)}, qui n'est pas partie à la convention.`,
          });
          continue;
        }
        matched.add(party);
        const heading = nameKey(s.headingText);
        const names = [party.name.text, ...(party.alias ? [party.alias.text] : [])];
        if (!names.some((n) => nameKey(n) === heading)) {
          const same = names.some((n) => sameWords(stripArticle(n), s.headingText as string));
          context.report({
            node: s.heading.node,
            start: s.heading.start,
            end: s.heading.end,
            ...(same ? { severity: 'warning' as const } : {}),
            message: same
              ? `${q(`Pour ${s.headingText}`)} : désignation écrite autrement que dans le bloc des parties (${names.map((n) => q(n)).join(' ou ')}).`
              : `${q(`Pour ${s.headingText}`)} ne désigne pas la partie du bloc « Entre … » (${names.map((n) => q(n)).join(' ou ')}) : autre organisme ou autre échelon.`,
            related: [relatedAt(file, party.alias ?? party.name, 'partie du bloc « Entre … »')],
          });
        }
        const signer = s.name && parsePersonName(s.name.text);
        const rep = party.representative && parsePersonName(party.representative.text);
        if (signer && rep && s.name && party.representative && signer.key !== rep.key) {
          context.report({
            node: s.name.node,
            start: s.name.start,
            end: s.name.end,
            message: `Signataire ${q(s.name.text)} différent du représentant désigné dans le bloc des parties (${q(party.representative.text)}).`,
            related: [relatedAt(file, party.representative, 'représentant désigné')],
          });
        } else if (s.role && party.role && !sameRole(s.role.text, party.role)) {
          context.report({
            node: s.role.node,
            start: s.role.start,
            end: s.role.end,
            severity: 'warning',
            message: `Qualité du signataire ${q(s.role.text)} différente de celle du bloc des parties (${q(party.role.text)}).`,
            related: [relatedAt(file, party.role, 'qualité dans le bloc des parties')],
          });
        }
      }
      for (const p of doc.parties) {
        if (matched.has(p)) continue;
        const at = sig.date ?? { node: sig.nodes[0] ?? p.node, start: 0, end: (sig.nodes[0] ?? p.node).text.length, text: '' };
        context.report({
          node: at.node,
          start: at.start,
          end: at.end,
          message: `Le bloc de signature ne prévoit pas la signature de ${q(p.name.text)}, partie à la convention.`,
          related: [relatedAt(file, p.name, 'partie du bloc « Entre … »')],
        });
      }
    }
  },
};
