// What the lazily loaded encryption module takes from the client (see encryption.ts).
import { pemBlock } from '@konaplate-contract/contract/protocol';
import { envelopeField } from './contract.ts';
import type { Kit } from './encryption.ts';
import { KonaplateConfigError, KonaplateResponseError, KonaplateTransportError } from './errors.ts';

export const kit: Kit = {
  envelopeField,
  pemBlock,
  KonaplateConfigError,
  KonaplateResponseError,
  KonaplateTransportError,
};
