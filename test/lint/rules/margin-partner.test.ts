import { describe, expect, it } from 'vitest';
import { parseDocx } from '../../../src/lint/read/docx.js';
import { rule } from '../../../src/lint/rules/margin-partner.js';
import { segmentFile } from '../../../src/lint/segment.js';
import { miniConvention, runRuleOnSegmented } from '../helpers.js';
import { textDocx, type DocxMargins } from '../read/helpers.js';

/** The rule on a small CPAM convention of the Grand Nancy, as a .docx with these margins. */
const run = (margins: DocxMargins, text = miniConvention()) => runRuleOnSegmented(rule, [segmentFile(parseDocx('c.docx', textDocx(text, margins)))]);

describe('margin-partner', () => {
  it('accepts the parties in headers, footers and notes, by name, acronym or alias', () => {
    expect(run({ header: 'Convention Grand Nancy – CPAM de Meurthe-et-Moselle', footer: 'Caisse Primaire d’Assurance Maladie de Meurthe-et-Moselle', footnotes: ['Données transmises par la CPAM de Meurthe-et-Moselle.'] })).toEqual([]);
    expect(run({ header: 'CPAM 54 – Grand Nancy' })).toEqual([]);
  });

  it('reports another partner named in the running header, at its name, with the partner expected', () => {
    const f = run({ header: 'Convention Grand Nancy – MSA de Lorraine' });
    expect(f.map((x) => [x.ruleId, x.severity, x.column, x.endColumn])).toEqual([['margin-partner', 'error', 'Convention Grand Nancy – '.length + 1, 'Convention Grand Nancy – MSA de Lorraine'.length + 1]]);
    expect(f[0]!.message).toBe("L'en-tête nomme « MSA de Lorraine », qui n'est pas partie à la convention ; attendu « CPAM de Meurthe-et-Moselle » : texte resté d'une autre convention ?");
  });

  it('reports the same kind of body for another place, in a footer', () => {
    const f = run({ footer: 'Convention de partenariat avec la CPAM des Vosges' });
    expect(f.map((x) => x.message)).toEqual(["Le pied de page nomme « CPAM des Vosges », qui n'est pas partie à la convention ; attendu « CPAM de Meurthe-et-Moselle » : texte resté d'une autre convention ?"]);
  });

  it('in a note, reports another body only in the partner’s role', () => {
    expect(run({ footnotes: ['Circulaire de la CNAF et de la MSA relative aux échanges de données.'] })).toEqual([]);
    expect(run({ footnotes: ['Données transmises par la MSA de Lorraine chaque année.', "Après l'accord de la CAF de Meurthe-et-Moselle."] }).map((x) => x.message)).toEqual([
      "La note nomme « MSA de Lorraine », qui n'est pas partie à la convention ; attendu « CPAM de Meurthe-et-Moselle » : texte resté d'une autre convention ?",
      "La note nomme « CAF de Meurthe-et-Moselle », qui n'est pas partie à la convention ; attendu « CPAM de Meurthe-et-Moselle » : texte resté d'une autre convention ?",
    ]);
  });

  it('leaves a source mention, an authority and a file without a convention alone', () => {
    expect(run({ footer: '« Source : CAF de Meurthe-et-Moselle, 2014 »', header: 'Métropole du Grand Nancy' })).toEqual([]);
    expect(run({ header: 'Convention Grand Nancy – MSA de Lorraine' }, 'Note de service\n\nLes données sont à jour.\n')).toEqual([]);
  });
});
