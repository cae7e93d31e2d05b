import { escapeBlockText } from '../escape.js';
import { ESCAPE_HELPER } from '../ast.js';
import { fieldOf, marker, recorderOf } from '../provenance.js';
import { helperError, splitArgs, type HelperDef } from './types.js';

/**
 * Internal: every `{{ … }}` goes through it (the template rewrite inserts it). Prints a text or
 * a number escaped for block text; an absent value is an error naming the variable.
 */
export const esc: HelperDef = {
  name: ESCAPE_HELPER,
  description: 'échappe une valeur pour le texte à blocs (inséré automatiquement)',
  fn: function (this: unknown, ...args) {
    const { params, options } = splitArgs(args);
    const value = params[0];
    const recorder = recorderOf(options);
    const name = typeof options.hash.path === 'string' ? options.hash.path : undefined;
    if (value === undefined) {
      return helperError(options, name ? `variable inconnue « ${name} »` : 'valeur absente');
    }
    if (value === null) {
      return helperError(options, `valeur absente « ${name ?? '?'} » : protégez-la par {{#if …}}`);
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      return helperError(options, `« ${name ?? 'valeur'} » n’est pas un texte (objet ou liste) : impossible de l’afficher`);
    }
    if (!recorder) return escapeBlockText(value);
    // Provenance on: the fields read since the last printed value, then this one.
    const field = fieldOf(recorder, options, this, name, value);
    const fields = field === undefined ? recorder.pending : [...recorder.pending, field];
    recorder.pending = [];
    return `${fields.length > 0 ? marker(`f:${fields.join('\u0001')}`) : ''}${escapeBlockText(value)}`;
  },
};
