import type { AppContext } from '../../../platform/context';
import { w3c } from '../domain/datetime';
import { open311Store } from '../open311.store';
import type { Open311Options } from '../options';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** The service discovery document: where the GeoReport v2 endpoint is, its formats, and when definitions last changed. */
export async function discoveryDocument(ctx: AppContext, options: Pick<Open311Options, 'contact' | 'keyService' | 'endpointType'>, baseUrl: string) {
  const changed = (await open311Store(ctx.db).lastChange()) ?? '2025-01-01T00:00:00.000Z';
  const changeset = w3c(changed);
  return {
    changeset,
    contact: options.contact,
    key_service: options.keyService,
    endpoints: [
      {
        specification: SPECIFICATION,
        url: `${baseUrl.replace(/\/+$/, '')}/open311/v2`,
        changeset,
        type: options.endpointType,
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
