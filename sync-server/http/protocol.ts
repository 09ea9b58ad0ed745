/** Every request names the protocol version it speaks; a client and server that cannot talk are told both versions. */
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src-shared/sync-api.js';
import { ServerError } from '../errors.js';

export function checkProtocol(value: string | string[] | undefined): void {
  if (value === undefined) {
    throw new ServerError('bad_input', `the ${PROTOCOL_HEADER} header is missing: this server speaks protocol ${PROTOCOL_VERSION} (send "${PROTOCOL_HEADER}: ${PROTOCOL_VERSION}")`, PROTOCOL_HEADER);
  }
  const text = Array.isArray(value) ? value.join(',') : value.trim();
  if (text !== String(PROTOCOL_VERSION)) {
    const advice = /^\d+$/.test(text) && Number(text) > PROTOCOL_VERSION ? 'upgrade the sync server' : 'upgrade MSP Mode on this machine';
    throw new ServerError('protocol', `this client speaks protocol ${text.slice(0, 20)} but the server speaks protocol ${PROTOCOL_VERSION}: ${advice}`, PROTOCOL_HEADER);
  }
}
