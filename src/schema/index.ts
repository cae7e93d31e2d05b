export * from './common.js';
export * from './person.js';
export * from './organisation.js';
export * from './partner.js';
export * from './signatory.js';
export * from './observatory.js';
export * from './deliberation.js';
