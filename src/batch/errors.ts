import { ConvkitError } from '../errors.js';
import type { SerializedError } from './types.js';

/** Turns anything thrown into plain data that crosses a thread boundary. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof ConvkitError) return { name: error.name, message: error.message, exitCode: error.exitCode };
  if (error instanceof Error) return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { name: 'Error', message: String(error) };
}

/**
 * The French message for a failed document: a ConvkitError's own message (it is written for
 * the clerk), anything else as an internal error with its technical message.
 */
export function failureMessage(error: SerializedError): string {
  return error.exitCode !== undefined ? error.message : `erreur interne : ${error.message}`;
}

/** Rebuilds a ConvkitError (or an Error) in the parent thread. */
export function deserializeError(error: SerializedError): Error {
  if (error.exitCode !== undefined) return new ConvkitError(error.message, { exitCode: error.exitCode });
  const e = new Error(error.message);
  e.name = error.name;
  if (error.stack) e.stack = error.stack;
  return e;
}
