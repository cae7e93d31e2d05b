import { SOURCE_HELPER, marker, recorderOf } from '../provenance.js';
import { splitArgs, type HelperDef } from './types.js';

/**
 * Internal: opens (`{{_src "partials/x.hbs"}}`) and closes (`{{_src}}`) the text of a template
 * file (the template rewrite inserts both). Prints nothing unless the render records
 * provenance; then it prints an invisible marker the block-text parser removes.
 */
export const src: HelperDef = {
  name: SOURCE_HELPER,
  description: 'marque le fichier de modèle d’origine du texte (inséré automatiquement)',
  fn: (...args) => {
    const { params, options } = splitArgs(args);
    const recorder = recorderOf(options);
    if (!recorder) return '';
    recorder.pending = [];
    return typeof params[0] === 'string' ? marker(`p:${params[0]}`) : marker('e');
  },
};
