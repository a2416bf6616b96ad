/** Lowercase hex through a table: a device encodes every identity key of its cohort each round. */
export { toHex } from '@conclave/proto';
